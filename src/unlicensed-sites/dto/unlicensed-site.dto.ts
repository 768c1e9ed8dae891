import { PAGE_SIZE_MAX } from '../../common/openapi/api-docs';
import { DateTime, IsoDate, ObjList, Str, StrList, Uuid } from '../../common/openapi/schema-props';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsIsoDate } from '../../common/is-iso-date';
import { PageQuery } from '../../common/pagination';
import { DocumentView } from '../../documents/dto/document.dto';
import { TransitionRequestDto } from '../../workflow/transition.dto';
import { OffenderDto } from '../../violations/dto/violation.dto';
import { OFFENDER_KINDS } from '../../violations/violation-type';
import { DISCOVERY_METHODS, type DiscoveryMethod } from '../unlicensed-site.entity';
import { UNLICENSED_SITE_STATES, type UnlicensedSiteState } from '../unlicensed-site.machine';

const URL_PATTERN = /^https?:\/\/[^\s]+$/;

/** Where and when the site was seen operating. */
export class EvidenceInputDto {
  @ApiProperty({ example: 'https://tin-nhanh.vn/thoi-su/bai-viet-1' })
  @IsString()
  @MaxLength(2000)
  @Matches(URL_PATTERN, { message: 'url must be an http(s) URL' })
  url: string;

  @ApiProperty({
    example: '2026-11-28T02:15:00Z',
    format: 'date-time',
    maxLength: 40,
    description: 'When the page was captured (ISO 8601 with offset)',
  })
  @IsISO8601({ strict: true })
  @MaxLength(40)
  @Matches(/(Z|[+-]\d{2}:\d{2})$/, { message: 'capturedAt must carry a time zone (Z or ±hh:mm)' })
  capturedAt: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  note?: string;
}

export class CreateUnlicensedSiteDto {
  @ApiProperty({ type: [String], example: ['tin-nhanh.vn'], description: '1–20 bare domain names' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(253, { each: true })
  domains: string[];

  @ApiPropertyOptional({ example: 'Tin Nhanh Miền Trung' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  siteName?: string;

  @ApiPropertyOptional({ type: OffenderDto, description: 'The operator, if known (organization or individual)' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => OffenderDto)
  operator?: OffenderDto;

  @IsoDate({ example: '2026-11-28' })
  @IsIsoDate()
  foundOn: string;

  @ApiProperty({ enum: DISCOVERY_METHODS, description: 'How it was found' })
  @IsIn(DISCOVERY_METHODS)
  discoveryMethod: DiscoveryMethod;

  @ApiProperty({ description: 'What was found: the kind of content aggregated, the sources, …' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(8000)
  description: string;

  @ApiPropertyOptional({ type: [EvidenceInputDto], description: 'Evidence items (captures are uploaded to each)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => EvidenceInputDto)
  evidence?: EvidenceInputDto[];
}

/** Identify the operator or rename the site while the case is open. */
export class UpdateUnlicensedSiteDto {
  @ApiPropertyOptional({ description: 'The version last seen; 409 VERSION_CONFLICT if it moved on' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;

  @ApiPropertyOptional({ example: 'Tin Nhanh Miền Trung' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  siteName?: string;

  @ApiPropertyOptional({ type: OffenderDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => OffenderDto)
  operator?: OffenderDto;
}

export class UnlicensedSiteTransitionDto extends TransitionRequestDto {
  @ApiPropertyOptional({ example: '2026-12-31', description: 'DIRECT_TO_APPLY: the day by which to apply' })
  @IsOptional()
  @IsIsoDate()
  applyBy?: string;

  @ApiPropertyOptional({ description: 'MARK_LICENSED: the APPROVED NEW application that followed' })
  @IsOptional()
  @IsUUID()
  applicationId?: string;

  @ApiPropertyOptional({ description: 'SANCTION: the SANCTIONED NO_LICENSE violation of this site' })
  @IsOptional()
  @IsUUID()
  violationId?: string;
}

export class UnlicensedSitesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: UNLICENSED_SITE_STATES })
  @IsOptional()
  @IsIn(UNLICENSED_SITE_STATES)
  state?: UnlicensedSiteState;

  @ApiPropertyOptional({ example: 'tin-nhanh.vn', description: 'Sites with this domain' })
  @IsOptional()
  @IsString()
  @MaxLength(253)
  domain?: string;
}

// ---- responses ------------------------------------------------------------------------------------------------

/** The most evidence items, captures per item and matching dossiers a site's view lists (the rest are cut). */
export const UNLICENSED_LIST_MAX = 1000;

export class OperatorView {
  @ApiProperty({ enum: OFFENDER_KINDS }) kind: string;
  @Str(300) name: string;
  @Str(50, { nullable: true }) idNumber: string | null;
  @Str(500, { nullable: true }) address: string | null;
}

export class EvidenceView {
  @Uuid() id: string;
  @Str(2000) url: string;
  @DateTime() capturedAt: Date;
  @Str(2000, { nullable: true }) note: string | null;
  @Uuid() recordedBy: string;
  @DateTime() recordedAt: Date;
  @ObjList(DocumentView, UNLICENSED_LIST_MAX, { description: 'Captures, each with its SHA-256' })
  documents: DocumentView[];
}

export class LetterView {
  @Str(64, { example: '07/STTTT-TTĐT' }) number: string;
  @IsoDate({ example: '2026-12-01' }) signedOn: string;
  @IsoDate({ example: '2026-12-31' }) applyBy: string;
  @Str(64, { nullable: true, description: 'SHA-256 of the letter PDF' }) sha256: string | null;
}

export class MatchingApplicationView {
  @Uuid() id: string;
  @Str(32) state: string;
  @StrList(20, 253) sharedDomains: string[];
}

export class UnlicensedSiteView {
  @Uuid() id: string;
  @Uuid() authorityId: string;
  @ApiProperty({ enum: UNLICENSED_SITE_STATES }) state: string;
  @ApiProperty() version: number;
  @Str(300, { nullable: true }) siteName: string | null;
  @StrList(20, 253) domains: string[];
  @ApiProperty({ type: OperatorView, nullable: true }) operator: OperatorView | null;
  @IsoDate() foundOn: string;
  @Uuid() foundBy: string;
  @ApiProperty({ enum: DISCOVERY_METHODS }) discoveryMethod: string;
  @Str(8000) description: string;
  @ApiProperty({ type: LetterView, nullable: true }) letter: LetterView | null;
  @Uuid({ nullable: true }) applicationId: string | null;
  @Uuid({ nullable: true }) licenseId: string | null;
  @Uuid({ nullable: true }) violationId: string | null;
  @Str(4000, { nullable: true, description: 'The reason given when the case was closed' }) closingNote: string | null;
  @DateTime() reportedAt: Date;
  @ObjList(EvidenceView, UNLICENSED_LIST_MAX, { required: false }) evidence?: EvidenceView[];
  @ObjList(MatchingApplicationView, UNLICENSED_LIST_MAX, {
    required: false,
    description: 'Dossiers (NEW, filed) naming one of its domains',
  })
  matchingApplications?: MatchingApplicationView[];
}

export class UnlicensedSitePage {
  @ObjList(UnlicensedSiteView, PAGE_SIZE_MAX) items: UnlicensedSiteView[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

/** One step of a lifecycle (`GET …/history`): the shared view of every lifecycle's history. */
export { HistoryEntryView } from '../../workflow/history.view';
