import { PAGE_SIZE_MAX } from '../../common/openapi/api-docs';
import { DateTime, IsoDate, ObjList, Str, StrList, Uuid } from '../../common/openapi/schema-props';
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
  @Uuid() @IsUUID() licenseId: string;

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
  @DateTime() dueAt: Date;
}

export class RequestLetterView {
  @Str(64, { example: '12/STTTT-TTĐT' }) number: string;
  @IsoDate({ example: '2026-12-01' }) signedOn: string;
  @Str(64, { description: 'SHA-256 of the letter PDF' }) sha256: string;
}

export class ContentRequestView {
  @Uuid() id: string;
  @Uuid() authorityId: string;
  @Uuid() licenseId: string;
  @Uuid() organizationId: string;
  @ApiProperty({ enum: CONTENT_REQUEST_KINDS }) kind: string;
  @ObjList(CorrectionItemDto, 50) items: CorrectionItemDto[];
  @StrList(100, 2000) urls: string[];
  @Str(8000) description: string;
  @ApiProperty({ enum: CONTENT_REQUEST_STATES }) state: string;
  @ApiProperty() version: number;
  @DateTime() issuedAt: Date;
  @ApiProperty({ type: RequestDeadlineView }) deadline: RequestDeadlineView;
  @ApiProperty({ type: RequestLetterView }) letter: RequestLetterView;
  @Str(8000, { nullable: true }) response: string | null;
  @DateTime({ nullable: true }) answeredAt: Date | null;
  @ApiProperty({ nullable: true, type: Boolean }) answeredLate: boolean | null;
  @ApiProperty({ description: 'The deadline passed without an answer (flag)' }) missed: boolean;
  @DateTime({ nullable: true }) missedAt: Date | null;
  @Str(64, { nullable: true, description: 'The catalogue entry proposed to the inspector' })
  proposedViolationType: string | null;
  @Uuid({ nullable: true }) violationId: string | null;
  @Str(4000, { nullable: true, description: 'The reason given when the request was closed' }) closingNote:
    string | null;
  @Uuid() createdBy: string;
}

export class ContentRequestPage {
  @ObjList(ContentRequestView, PAGE_SIZE_MAX) items: ContentRequestView[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
