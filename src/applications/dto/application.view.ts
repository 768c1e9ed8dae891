import { APPLICATION_STATES } from '../application.machine';
import { RECOMMENDATIONS } from '../../appraisal/checklist';
import {
  Bool,
  DateTime,
  Enum,
  Int,
  Obj,
  ObjList,
  Str,
  StrList,
  Uuid,
  Version,
} from '../../common/openapi/schema-props';
import { DocumentView } from '../../documents/dto/document.dto';
import { APPLICATION_TYPES, ChangeNoticeDto, ChecklistEntryDto, SiteDto } from './application.dto';

export class DeadlineView {
  @DateTime({ description: 'The end of the statutory time limit' }) dueAt: Date;
  @Int(-100_000, 100_000, { description: 'Working days left, today included (negative: overdue)' })
  workingDaysLeft: number;
  @Bool() overdue: boolean;
  @Bool({ description: 'Paused while a supplement is awaited' }) paused: boolean;
}

export class SupplementRequestView {
  @StrList(100, 1000) items: string[];
  @Str(4000) reason: string;
  @DateTime() requestedAt: Date;
}

/** A dossier (application), as `GET /applications/{id}` and the lists show it. */
export class ApplicationView {
  @Uuid() id: string;
  @Enum(APPLICATION_TYPES) type: string;
  @Enum(APPLICATION_STATES) state: string;
  @Version() version: number;
  @Uuid() authorityId: string;
  @Uuid() organizationId: string;
  @Uuid({ nullable: true, description: 'The license it concerns (or, once approved, the one it issued)' })
  licenseId: string | null;
  @Obj(SiteDto, { nullable: true, description: 'The site particulars as filed (null where the type takes none)' })
  site: SiteDto | null;
  @Str(10, { nullable: true, format: 'date' }) requestedExpiresOn: string | null;
  @Str(4000, { nullable: true }) reason: string | null;
  @Obj(ChangeNoticeDto, { nullable: true, description: 'CHANGE_NOTICE: the notified change' })
  changeNotice: ChangeNoticeDto | null;
  @Bool({ nullable: true, description: 'CHANGE_NOTICE: filed after the statutory time limit' }) late: boolean | null;
  @Int(0, 100_000, { nullable: true }) lateByWorkingDays: number | null;
  @Uuid({ nullable: true, description: 'The violation opened for a late change notice' }) violationId: string | null;
  @ObjList(DocumentView, 1000, { required: false, description: 'The current documents (single dossier)' })
  documents?: DocumentView[];
  @Obj(DeadlineView, { nullable: true, description: 'The statutory clock, once it runs' })
  deadline: DeadlineView | null;
  @Uuid({ nullable: true }) assigneeId: string | null;
  @Enum(RECOMMENDATIONS, { nullable: true }) recommendation: string | null;
  @Uuid({ nullable: true }) recommendedBy: string | null;
  @Str(4000, { nullable: true }) decisionReason: string | null;
  @Obj(SupplementRequestView, { nullable: true, required: false, description: 'The open supplement request' })
  supplementRequest?: SupplementRequestView | null;
  @DateTime() createdAt: Date;
  @DateTime({ nullable: true }) submittedAt: Date | null;
  @DateTime({ nullable: true }) decidedAt: Date | null;
  @DateTime() updatedAt: Date;
}

/** An appraisal record: the appraiser's checklist and recommendation. */
export class AppraisalView {
  @Uuid() id: string;
  @Uuid() applicationId: string;
  @Enum(RECOMMENDATIONS) recommendation: string;
  @ObjList(ChecklistEntryDto, 100) checklist: ChecklistEntryDto[];
  @Str(4000, { nullable: true }) note: string | null;
  @Uuid() appraiserId: string;
  @DateTime() createdAt: Date;
}
