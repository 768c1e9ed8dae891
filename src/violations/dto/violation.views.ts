import {
  Bool,
  DateTime,
  Enum,
  IsoDate,
  Obj,
  Str,
  StrList,
  Uuid,
  Version,
  Vnd,
} from '../../common/openapi/schema-props';
import { OFFENDER_KINDS } from '../violation-type';
import { VIOLATION_SUBJECT_KINDS } from '../violation.entity';
import { PROPOSAL_STATES, VIOLATION_STATES } from '../violation.machine';

/** Who answers for a violation (an organization or an individual), as far as known. */
export class OffenderView {
  @Enum(OFFENDER_KINDS) kind: string;
  @Str(500, { nullable: true }) name: string | null;
  @Str(50, { nullable: true }) idNumber: string | null;
  @Str(1000, { nullable: true }) address: string | null;
}

/** The fine range that applies to this offender (an individual's is half an organization's). */
export class FineRangeView {
  @Vnd() minFine: number;
  @Vnd() maxFine: number;
  @Enum(OFFENDER_KINDS) offenderKind: string;
}

export class ViolationTypeSummaryView {
  @Str(500) title: string;
  @Str(500) titleEn: string;
  @Str(500) legalBasis: string;
  @Vnd() minFine: number;
  @Vnd() maxFine: number;
  @Bool() grave: boolean;
  @Bool({ description: 'Checked against the official text' }) verified: boolean;
}

export class ViolationView {
  @Uuid() id: string;
  @Enum(VIOLATION_SUBJECT_KINDS) subjectKind: string;
  @Uuid({ nullable: true }) licenseId: string | null;
  @Uuid({ nullable: true }) unlicensedSiteId: string | null;
  @Obj(OffenderView, { nullable: true, description: 'Who answers for it; null while unknown' })
  offender: OffenderView | null;
  @Uuid({ nullable: true }) inspectionId: string | null;
  @Uuid() authorityId: string;
  @Uuid({ nullable: true }) organizationId: string | null;
  @Str(64) typeCode: string;
  @IsoDate() typeEffectiveFrom: string;
  @Obj(ViolationTypeSummaryView, { required: false, description: 'The catalogue entry applied' })
  type?: ViolationTypeSummaryView;
  @Obj(FineRangeView, { required: false, nullable: true, description: 'The range for this offender’s kind' })
  applicableFineRange?: FineRangeView | null;
  @Str(8000) description: string;
  @IsoDate() detectedOn: string;
  @Enum(VIOLATION_STATES) state: string;
  @Version() version: number;
  @Vnd({ nullable: true, description: 'VND, within the entry’s range' }) fineAmount: number | null;
  @Str(100, { nullable: true }) decisionNumber: string | null;
  @IsoDate({ nullable: true }) remedyDueOn: string | null;
  @DateTime({ nullable: true }) sanctionedAt: Date | null;
  @DateTime({ nullable: true }) resolvedAt: Date | null;
  @DateTime({ nullable: true }) escalatedAt: Date | null;
  @DateTime() createdAt: Date;
}

export class EnforcementProposalView {
  @Uuid() id: string;
  @Uuid() licenseId: string;
  @Str(80, { required: false }) licenseNumber?: string;
  @Str(20, { required: false }) licenseStatus?: string;
  @Uuid() violationId: string;
  @Uuid() authorityId: string;
  @Uuid({ nullable: true }) organizationId: string | null;
  @Enum(['SUSPEND', 'REVOKE']) kind: string;
  @Enum(PROPOSAL_STATES) state: string;
  @Version() version: number;
  @Str(4000) reason: string;
  @Uuid({ nullable: true }) closedBy: string | null;
  @DateTime({ nullable: true }) closedAt: Date | null;
  @Str(4000, { nullable: true }) closeNote: string | null;
  @DateTime() createdAt: Date;
}

/** An entry of the violations catalogue (a version of a code, in force from `effectiveFrom`). */
export class ViolationTypeView {
  @Str(64) code: string;
  @Str(500) title: string;
  @Str(500) titleEn: string;
  @Str(500) legalBasis: string;
  @Vnd({ description: 'Organizations, VND' }) minFine: number;
  @Vnd() maxFine: number;
  @Vnd({ description: 'Individuals: half the organization’s fine' }) individualMinFine: number;
  @Vnd() individualMaxFine: number;
  @StrList(20, 1000) additionalMeasures: string[];
  @StrList(20, 1000) remedialMeasures: string[];
  @Bool() grave: boolean;
  @Bool() verified: boolean;
  @IsoDate() effectiveFrom: string;
}

/** `POST /applications/{id}/violation`: the late change notice's violation. */
export class ChangeNoticeViolationView {
  @Uuid() applicationId: string;
  @Version() applicationVersion: number;
  @Obj(ViolationView) violation: ViolationView;
}
