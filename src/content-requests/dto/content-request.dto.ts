import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '../../common/pagination';
import { TransitionRequestDto } from '../../workflow/transition.dto';
import {
  CONTENT_REQUEST_KINDS,
  CORRECTION_ITEM_CODES,
  type ContentRequestKind,
  type CorrectionItemCode,
} from '../content-request.entity';
import { CONTENT_REQUEST_STATES, type ContentRequestState } from '../content-request.machine';

const URL_PATTERN = /^https?:\/\/[^\s]+$/;

export class CorrectionItemDto {
  @ApiProperty({ enum: CORRECTION_ITEM_CODES }) @IsIn(CORRECTION_ITEM_CODES) code: CorrectionItemCode;

  @ApiProperty({ example: 'Tự sản xuất tin bài về giá vàng, không dẫn nguồn' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  description: string;

  @ApiPropertyOptional({ example: 'https://songlam.vn/kinh-te/gia-vang' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  @Matches(URL_PATTERN, { message: 'url must be an http(s) URL' })
  url?: string;
}

/** CORRECTION: `items` (and optionally `deadlineWorkingDays`); REMOVAL: `urls` (the deadline in hours is the law's). */
export class CreateContentRequestDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() licenseId: string;

  @ApiProperty({ enum: CONTENT_REQUEST_KINDS }) @IsIn(CONTENT_REQUEST_KINDS) kind: ContentRequestKind;

  @ApiPropertyOptional({ type: [CorrectionItemDto], description: 'CORRECTION: what to correct (1–50)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CorrectionItemDto)
  items?: CorrectionItemDto[];

  @ApiPropertyOptional({ type: [String], description: 'REMOVAL: the URLs to take down (1–100)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(2000, { each: true })
  @Matches(URL_PATTERN, { each: true, message: 'each URL must be an http(s) URL' })
  urls?: string[];

  @ApiProperty({ description: 'What was found and why it is asked' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(8000)
  description: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 60, description: 'CORRECTION: working days; default the legal figure' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(60)
  deadlineWorkingDays?: number;
}

export class ContentRequestTransitionDto extends TransitionRequestDto {
  @ApiPropertyOptional({ description: 'ANSWER: what was done', maxLength: 8000 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(8000)
  response?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'RECORD_VIOLATION: the violation logged against the license' })
  @IsOptional()
  @IsUUID()
  violationId?: string;
}

export class ContentRequestsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: CONTENT_REQUEST_STATES })
  @IsOptional()
  @IsIn(CONTENT_REQUEST_STATES)
  state?: ContentRequestState;

  @ApiPropertyOptional({ enum: CONTENT_REQUEST_KINDS })
  @IsOptional()
  @IsIn(CONTENT_REQUEST_KINDS)
  kind?: ContentRequestKind;

  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() licenseId?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Only requests whose deadline was missed' })
  @IsOptional()
  @IsIn(['true', 'false'])
  missed?: 'true' | 'false';
}

// ---- responses ------------------------------------------------------------------------------------------------

export class RequestDeadlineView {
  @ApiProperty({ enum: ['HOURS', 'WORKING_DAYS'] }) unit: string;
  @ApiProperty() amount: number;
  @ApiProperty({ type: String, format: 'date-time' }) dueAt: Date;
}

export class RequestLetterView {
  @ApiProperty({ example: '12/STTTT-TTĐT' }) number: string;
  @ApiProperty({ example: '2026-12-01' }) signedOn: string;
  @ApiProperty() sha256: string;
}

export class ContentRequestView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) authorityId: string;
  @ApiProperty({ format: 'uuid' }) licenseId: string;
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty({ enum: CONTENT_REQUEST_KINDS }) kind: string;
  @ApiProperty({ type: [CorrectionItemDto] }) items: CorrectionItemDto[];
  @ApiProperty({ type: [String] }) urls: string[];
  @ApiProperty() description: string;
  @ApiProperty({ enum: CONTENT_REQUEST_STATES }) state: string;
  @ApiProperty() version: number;
  @ApiProperty({ type: String, format: 'date-time' }) issuedAt: Date;
  @ApiProperty({ type: RequestDeadlineView }) deadline: RequestDeadlineView;
  @ApiProperty({ type: RequestLetterView }) letter: RequestLetterView;
  @ApiProperty({ nullable: true, type: String }) response: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) answeredAt: Date | null;
  @ApiProperty({ nullable: true, type: Boolean }) answeredLate: boolean | null;
  @ApiProperty({ description: 'The deadline passed without an answer (flag)' }) missed: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) missedAt: Date | null;
  @ApiProperty({ nullable: true, type: String, description: 'The catalogue entry proposed to the inspector' })
  proposedViolationType: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) violationId: string | null;
  @ApiProperty({ nullable: true, type: String }) closingNote: string | null;
  @ApiProperty({ format: 'uuid' }) createdBy: string;
}

export class ContentRequestPage {
  @ApiProperty({ type: [ContentRequestView] }) items: ContentRequestView[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
