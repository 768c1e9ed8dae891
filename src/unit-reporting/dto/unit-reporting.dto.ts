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

  @ApiProperty({ example: 'UBND-TP-VINH' })
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
  @ApiProperty({ format: 'uuid' }) @IsUUID() periodId: string;

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

export class ReportingUnitView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) authorityId: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: UNIT_KINDS }) kind: string;
  @ApiProperty() active: boolean;
}

export class ReportingPeriodView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) authorityId: string;
  @ApiProperty({ enum: PERIOD_KINDS }) kind: string;
  @ApiProperty() year: number;
  @ApiProperty() coversFrom: string;
  @ApiProperty() coversTo: string;
  @ApiProperty() dueOn: string;
}

export class UnitReportView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) periodId: string;
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty({ format: 'uuid' }) authorityId: string;
  @ApiProperty({ enum: UNIT_REPORT_STATES }) state: string;
  @ApiProperty() version: number;
  @ApiProperty({ type: UnitFiguresDto }) figures: UnitFiguresDto;
  @ApiProperty() narrative: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) submittedAt: Date | null;
  @ApiProperty({ nullable: true, type: String }) submittedOn: string | null;
  @ApiProperty({ nullable: true, type: Boolean }) late: boolean | null;
}

export class UnitReportPage {
  @ApiProperty({ type: [UnitReportView] }) items: UnitReportView[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class UnitReturnStatusView {
  @ApiProperty({ type: ReportingUnitView }) unit: ReportingUnitView;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) reportId: string | null;
  @ApiProperty({ enum: ['MISSING', ...UNIT_REPORT_STATES] }) state: string;
  @ApiProperty() overdue: boolean;
  @ApiProperty() late: boolean;
}

export class PeriodStatusView {
  @ApiProperty({ type: ReportingPeriodView }) period: ReportingPeriodView;
  @ApiProperty({ type: [UnitReturnStatusView] }) units: UnitReturnStatusView[];
}
