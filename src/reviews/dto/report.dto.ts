import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
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
import { REPORT_STATES, type ReportState } from '../report.machine';

export class ReportStaffDto {
  @ApiProperty({ description: 'Content staff' }) @IsInt() @Min(0) @Max(100000) content: number;
  @ApiProperty({ description: 'Technical staff' }) @IsInt() @Min(0) @Max(100000) technical: number;
}

export class ReportIncidentDto {
  @ApiProperty({ example: '2026-05-04' }) @IsIsoDate() date: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(2000) description: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(2000) actionTaken: string;
}

/** The report form (Circular 09/2014, Form 03): structured, not a blob. */
export class ReportContentDto {
  @ApiProperty({ description: 'Articles aggregated and published in the period' })
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  articlesPublished: number;

  @ApiProperty({ type: [String], description: 'Official sources used' })
  @IsArray()
  @ArrayMaxSize(500)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(300, { each: true })
  sourcesUsed: string[];

  @ApiProperty({ type: ReportStaffDto })
  @IsObject()
  @ValidateNested()
  @Type(() => ReportStaffDto)
  staff: ReportStaffDto;

  @ApiProperty({ type: [ReportIncidentDto] })
  @IsArray()
  @ArrayMaxSize(200)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => ReportIncidentDto)
  incidents: ReportIncidentDto[];

  @ApiProperty({ type: [String], description: 'Changes not yet covered by an amendment of the license' })
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(1000, { each: true })
  unamendedChanges: string[];

  @ApiPropertyOptional({ maxLength: 10000 })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  notes?: string;
}

export class SubmitReportDto {
  @ApiProperty() @IsUUID() licenseId: string;

  @ApiProperty({ example: '2026', description: "A year ('2026') for the annual report, or an ad hoc request's period" })
  @IsString()
  @MaxLength(70)
  @Matches(/^(\d{4}|ADHOC-[A-Za-z0-9-]{1,64})$/, { message: "period must be a year (e.g. '2026') or 'ADHOC-…'" })
  period: string;

  @ApiProperty({ type: ReportContentDto })
  @IsObject()
  @ValidateNested()
  @Type(() => ReportContentDto)
  content: ReportContentDto;

  @ApiPropertyOptional({ description: 'The version last seen (for a resubmission after RETURN)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class RequestReportDto {
  @ApiProperty() @IsUUID() licenseId: string;
  @ApiProperty({ example: '2026-12-31' }) @IsIsoDate() dueOn: string;
  @ApiProperty({ description: 'What the authority asks to be reported' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  note: string;
}

export class ReportTransitionDto extends TransitionRequestDto {}

export class ReportsQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Only reports still owed after their due date' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ example: '2026' })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  period?: string;

  @ApiPropertyOptional({ enum: REPORT_STATES })
  @IsOptional()
  @IsIn(REPORT_STATES)
  state?: ReportState;

  @ApiPropertyOptional() @IsOptional() @IsUUID() licenseId?: string;
}

export class ReportSettingsDto {
  @ApiProperty({ example: '01-15', description: 'MM-DD of the next year; days 01–28 (valid in every month)' })
  @MaxLength(5)
  @Matches(/^(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])$/, { message: 'annualDueMonthDay must be MM-DD with a day 01–28' })
  annualDueMonthDay: string;

  @ApiPropertyOptional({ default: 30, minimum: 1, maximum: 120 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(120)
  reminderDays?: number;
}
