import { PAGE_SIZE_MAX } from '../../common/openapi/api-docs';
import { DateTime, IsoDate, Json, Obj, ObjList, Str, Uuid } from '../../common/openapi/schema-props';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsIsoDate } from '../../common/is-iso-date';
import { PageQuery } from '../../common/pagination';
import { TransitionRequestDto } from '../../workflow/transition.dto';
import { PERIOD_KINDS, type PeriodKind, UNIT_KINDS, type UnitKind } from '../unit-reporting.entity';
import { UNIT_REPORT_STATES, type UnitReportState } from '../unit-report.machine';

export class CreateReportingUnitDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Admin only: the authority it reports to (staff: their own)' })
  @IsOptional()
  @IsUUID()
  authorityId?: string;

  @ApiProperty({ example: 'UBND-TP-VINH', maxLength: 32 })
  @Matches(/^[A-Z0-9][A-Z0-9_-]{0,31}$/, { message: 'code must be A–Z, 0–9, _ or -, up to 32 characters' })
  code: string;

  @ApiProperty({ example: 'Ủy ban nhân dân thành phố Vinh' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  name: string;

  @ApiProperty({ enum: UNIT_KINDS }) @IsIn(UNIT_KINDS) kind: UnitKind;
}

export class AddMemberDto {
  @ApiProperty({ format: 'uuid', description: 'An account of role reporting_unit' }) @IsUUID() userId: string;
}

export class CreateReportingPeriodDto {
  @ApiProperty({ enum: PERIOD_KINDS }) @IsIn(PERIOD_KINDS) kind: PeriodKind;
  @ApiProperty({ example: 2026 }) @IsInt() @Min(2000) @Max(2200) year: number;
  @ApiPropertyOptional({
    example: '2026-11-30',
    description: "Default: the kind's due day (reporting_period_defaults)",
  })
  @IsOptional()
  @IsIsoDate()
  dueOn?: string;
}

export class UnitFiguresDto {
  @ApiProperty({ minimum: 0 }) @IsInt() @Min(0) @Max(1e9) sitesReviewed: number;
  @ApiProperty({ minimum: 0 }) @IsInt() @Min(0) @Max(1e9) unlicensedSitesFound: number;
  @ApiProperty({ minimum: 0 }) @IsInt() @Min(0) @Max(1e9) unitsDirectedToApply: number;
  @ApiProperty({ minimum: 0 }) @IsInt() @Min(0) @Max(1e9) violationsHandled: number;
  @ApiProperty({ minimum: 0, description: 'VND' }) @IsInt() @Min(0) @Max(1e15) finesVnd: number;
  @ApiProperty({ minimum: 0 }) @IsInt() @Min(0) @Max(1e9) contentRemovals: number;
}

export class CreateUnitReportDto {
  @Uuid() @IsUUID() periodId: string;

  @ApiProperty({ type: UnitFiguresDto })
  @IsObject()
  @ValidateNested()
  @Type(() => UnitFiguresDto)
  figures: UnitFiguresDto;

  @ApiProperty({ description: 'What was done, difficulties, proposals' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20000)
  narrative: string;
}

export class UpdateUnitReportDto {
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) version?: number;

  @ApiPropertyOptional({ type: UnitFiguresDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => UnitFiguresDto)
  figures?: UnitFiguresDto;

  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(20000) narrative?: string;
}

export class UnitReportTransitionDto extends TransitionRequestDto {}

export class UnitReportsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() periodId?: string;
  @ApiPropertyOptional({ enum: UNIT_REPORT_STATES })
  @IsOptional()
  @IsIn(UNIT_REPORT_STATES)
  state?: UnitReportState;
}

export class SynthesisQuery {
  @ApiPropertyOptional({ enum: ['json', 'csv', 'pdf'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'csv', 'pdf'])
  format?: 'json' | 'csv' | 'pdf';
}

// ---- responses ------------------------------------------------------------------------------------------------

/** The most units a period's status lists (the list of an authority's units is cut there; far above any province). */
export const REPORTING_UNITS_MAX = 1000;

export class ReportingUnitView {
  @Uuid() id: string;
  @Uuid() authorityId: string;
  @Str(32) code: string;
  @Str(300) name: string;
  @ApiProperty({ enum: UNIT_KINDS }) kind: string;
  @ApiProperty() active: boolean;
}

export class ReportingPeriodView {
  @Uuid() id: string;
  @Uuid() authorityId: string;
  @ApiProperty({ enum: PERIOD_KINDS }) kind: string;
  @ApiProperty() year: number;
  @IsoDate() coversFrom: string;
  @IsoDate() coversTo: string;
  @IsoDate() dueOn: string;
}

export class UnitReportView {
  @Uuid() id: string;
  @Uuid() periodId: string;
  @Uuid() unitId: string;
  @Uuid() authorityId: string;
  @ApiProperty({ enum: UNIT_REPORT_STATES }) state: string;
  @ApiProperty() version: number;
  @ApiProperty({ type: UnitFiguresDto }) figures: UnitFiguresDto;
  @Str(20000) narrative: string;
  @DateTime({ nullable: true }) submittedAt: Date | null;
  @IsoDate({ nullable: true }) submittedOn: string | null;
  @ApiProperty({ nullable: true, type: Boolean }) late: boolean | null;
}

export class UnitReportPage {
  @ObjList(UnitReportView, PAGE_SIZE_MAX) items: UnitReportView[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class UnitReturnStatusView {
  @ApiProperty({ type: ReportingUnitView }) unit: ReportingUnitView;
  @Uuid({ nullable: true }) reportId: string | null;
  @ApiProperty({ enum: ['MISSING', ...UNIT_REPORT_STATES] }) state: string;
  @ApiProperty() overdue: boolean;
  @ApiProperty() late: boolean;
}

export class PeriodStatusView {
  @ApiProperty({ type: ReportingPeriodView }) period: ReportingPeriodView;
  @ObjList(UnitReturnStatusView, REPORTING_UNITS_MAX) units: UnitReturnStatusView[];
}

/** `POST /reporting-units/{id}/members`: the link made. */
export class UnitMemberView {
  @Uuid() unitId: string;
  @Uuid({ description: 'The account of role reporting_unit' }) userId: string;
}

export class SynthesisAuthorityView {
  @Uuid() id: string;
  @Str(300) name: string;
  @Str(100) province: string;
}

/** The synthesis report of a period (JSON form); the CSV and PDF forms carry the same figures. */
export class SynthesisView {
  @Obj(ReportingPeriodView) period: ReportingPeriodView;
  @Obj(SynthesisAuthorityView) authority: SynthesisAuthorityView;
  @IsoDate({ description: 'The day (authority time zone) the report was computed' }) generatedOn: string;
  @Json({
    description:
      '{ expected, filed, overdue, late, totals (the figures summed over SUBMITTED and ACCEPTED returns), ' +
      'byUnit: [{ code, name, state, overdue, late, figures | null }] } (byUnit at most 1000 units)',
  })
  units: Record<string, unknown>;
  @Json({ description: '{ issued, amended, extended, reissued, revoked, expired, inForce }' })
  licensing: Record<string, unknown>;
  @Json({ description: '{ total, byState } as in the statistics' }) inspections: Record<string, unknown>;
  @Json({ description: '{ total, sanctioned, totalFines }' }) violations: Record<string, unknown>;
  @Json({ description: '{ issued, answered, accepted, missed, violations, … } as in the statistics' })
  contentRequests: Record<string, unknown>;
  @Json({ description: '{ found, resolved, licensed, ceased, sanctioned }' }) unlicensedSites: Record<string, unknown>;
}
