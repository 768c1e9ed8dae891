import {
  Bool,
  DateTime,
  Enum,
  Int,
  IsoDate,
  Json,
  ObjList,
  Str,
  StrList,
  Uuid,
  Version,
} from '../../common/openapi/schema-props';
import { INSPECTION_STATES } from '../inspection.machine';
import { REPORT_STATES } from '../report.machine';
import { RemedyDto, TeamMemberDto } from './inspection.dto';

export class ReportView {
  @Uuid() id: string;
  @Uuid() licenseId: string;
  @Uuid() authorityId: string;
  @Uuid() organizationId: string;
  @Str(40, { example: '2026' }) period: string;
  @Enum(['ANNUAL', 'AD_HOC']) kind: string;
  @IsoDate() dueOn: string;
  @Enum(REPORT_STATES) state: string;
  @Version() version: number;
  @Bool({ description: 'Due date passed and not submitted' }) overdue: boolean;
  @Json({ nullable: true, description: 'The report (Circular 09/2014, Form 03)' }) content: Record<
    string,
    unknown
  > | null;
  @Str(4000, { nullable: true }) note: string | null;
  @DateTime({ nullable: true }) submittedAt: Date | null;
  @DateTime({ nullable: true }) acceptedAt: Date | null;
  @Uuid({ nullable: true }) requestedBy: string | null;
  @DateTime() createdAt: Date;
}

export class ReportSettingsView {
  @Uuid() authorityId: string;
  @Str(5, { pattern: '^\\d{2}-\\d{2}$', example: '01-15' }) annualDueMonthDay: string;
  @Int(0, 366) reminderDays: number;
}

export class InspectionView {
  @Uuid() id: string;
  @Uuid() licenseId: string;
  @Uuid() authorityId: string;
  @Uuid() organizationId: string;
  @Enum(['PERIODIC', 'AD_HOC']) kind: string;
  @IsoDate() scheduledOn: string;
  @Str(4000) scope: string;
  @Str(500) place: string;
  @Uuid() inspectorId: string;
  @ObjList(TeamMemberDto, 20) team: TeamMemberDto[];
  @Enum(INSPECTION_STATES) state: string;
  @Version() version: number;
  @StrList(100, 4000, { nullable: true }) findings: string[] | null;
  @Str(8000, { nullable: true }) conclusion: string | null;
  @ObjList(RemedyDto, 50) remedies: RemedyDto[];
  @Str(80, { nullable: true }) recordNumber: string | null;
  @IsoDate({ nullable: true }) completedOn: string | null;
  @DateTime({ nullable: true }) startedAt: Date | null;
  @DateTime() createdAt: Date;
}
