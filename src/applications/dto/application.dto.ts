import { Uuid } from '../../common/openapi/schema-props';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsIsoDate } from '../../common/is-iso-date';
import { PageQuery } from '../../common/pagination';
import { RECOMMENDATIONS, type Recommendation } from '../../appraisal/checklist';
import { TransitionRequestDto } from '../../workflow/transition.dto';
import { APPLICATION_STATES, type ApplicationState } from '../application.machine';
import type { ApplicationType } from '../approval.port';

export const APPLICATION_TYPES = ['NEW', 'AMENDMENT', 'EXTENSION', 'REISSUE', 'CHANGE_NOTICE'] as const;

/**
 * The person responsible for content. Members are checked for presence by the service (`siteErrors`), so that an
 * AMENDMENT may send only the particulars that change.
 */
export class ContentManagerDto {
  @ApiPropertyOptional({ example: 'Nguyễn Văn An' }) @IsOptional() @IsString() @MaxLength(200) fullName?: string;
  @ApiPropertyOptional({ example: 'Tổng biên tập' }) @IsOptional() @IsString() @MaxLength(200) position?: string;
  @ApiPropertyOptional({ example: '0912345678' }) @IsOptional() @IsString() @MaxLength(40) phone?: string;
  @ApiPropertyOptional({ example: 'an@songlam.vn' }) @IsOptional() @IsEmail() @MaxLength(254) email?: string;
}

/** The site particulars (required for NEW; only the changes for AMENDMENT; not sent for the other types). */
export class SiteDto {
  @ApiPropertyOptional({ example: 'Tin tức Sông Lam' }) @IsOptional() @IsString() @MaxLength(300) name?: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['songlam.vn', 'songlam.com'],
    description: 'At least one, and at least one .vn domain; internationalized names allowed',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(253, { each: true })
  domains?: string[];

  @ApiPropertyOptional({ example: 'Tổng hợp tin tức kinh tế, văn hóa, xã hội của tỉnh Nghệ An' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  contentScope?: string;

  @ApiPropertyOptional({ type: [String], description: 'Sections (chuyên mục)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(300, { each: true })
  sections?: string[];

  @ApiPropertyOptional({ type: [String], example: ['Báo Nghệ An (baonghean.vn)'], description: 'Official sources' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @MaxLength(500, { each: true })
  informationSources?: string[];

  @ApiPropertyOptional({ example: 'Trung tâm dữ liệu Viettel IDC, Hà Nội' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  serverLocation?: string;

  @ApiPropertyOptional({ type: ContentManagerDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ContentManagerDto)
  contentManager?: ContentManagerDto;
}

/** CHANGE_NOTICE: the notified change (Decree 72/2013 art. 23h); at least one of the new owner and head office. */
export class ChangeNoticeDto {
  @ApiProperty({ example: '2026-02-02', description: 'The day the change took effect; not in the future' })
  @IsIsoDate()
  changedOn: string;

  @ApiPropertyOptional({
    example: 'Tổng công ty Truyền thông Miền Trung',
    description: 'The new owner (controlling member) of the organization',
  })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  newOwner?: string;

  @ApiPropertyOptional({ example: '25 Lê Hồng Phong, phường Hưng Bình, thành phố Vinh, Nghệ An' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  newHeadOfficeAddress?: string;
}

export class CreateApplicationDto {
  @ApiProperty({ enum: APPLICATION_TYPES }) @IsIn(APPLICATION_TYPES) type: ApplicationType;
  @Uuid() @IsUUID() authorityId: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Required for AMENDMENT, EXTENSION, REISSUE, CHANGE_NOTICE' })
  @IsOptional()
  @IsUUID()
  licenseId?: string;

  @ApiPropertyOptional({ type: SiteDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => SiteDto)
  site?: SiteDto;

  @ApiPropertyOptional({
    example: '2036-03-05',
    description: 'NEW: at most 10 years ahead; EXTENSION: at most 2 years past the current expiry; default the longest',
  })
  @IsOptional()
  @IsIsoDate()
  requestedExpiresOn?: string;

  @ApiPropertyOptional({ maxLength: 4000, description: 'Why the amendment, extension or reissue is requested' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  reason?: string;

  @ApiPropertyOptional({ type: ChangeNoticeDto, description: 'Required for CHANGE_NOTICE, refused for other types' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ChangeNoticeDto)
  changeNotice?: ChangeNoticeDto;

  @ApiPropertyOptional({
    maxLength: 300,
    example: 'Công ty Cổ phần Truyền thông Sông Lam Mới',
    description:
      'AMENDMENT only: the organization’s new name (a change of name is an amendment of the license); the dossier ' +
      'then carries the NAME_CHANGE_PROOF document',
  })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  organizationName?: string;
}

/** PATCH: the members to change; `null` clears `requestedExpiresOn` or `reason`. */
export class UpdateApplicationDto {
  @ApiPropertyOptional({ description: 'The version the caller last saw; 409 VERSION_CONFLICT if it moved on' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;

  @ApiPropertyOptional({ type: SiteDto, description: 'Replaces the particulars' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => SiteDto)
  site?: SiteDto;

  @ApiPropertyOptional({ nullable: true, type: String, example: '2036-03-05' })
  @IsOptional()
  @IsIsoDate()
  requestedExpiresOn?: string | null;

  @ApiPropertyOptional({ nullable: true, maxLength: 4000 })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  reason?: string | null;

  @ApiPropertyOptional({ type: ChangeNoticeDto, description: 'CHANGE_NOTICE only: replaces the notified change' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ChangeNoticeDto)
  changeNotice?: ChangeNoticeDto;

  @ApiPropertyOptional({
    type: String,
    maxLength: 300,
    nullable: true,
    example: 'Công ty Cổ phần Truyền thông Sông Lam Mới',
    description:
      'AMENDMENT only: the organization’s new name (a change of name is an amendment of the license); the dossier ' +
      'then carries the NAME_CHANGE_PROOF document',
  })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  organizationName?: string | null;
}

export class ChecklistEntryDto {
  @ApiProperty({ example: 'APPLICATION_FORM' }) @IsString() @MaxLength(64) kind: string;
  @ApiProperty() @IsBoolean() satisfied: boolean;
  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

/** `POST /applications/{id}/transitions`: the event and the fields its guard asks for. */
export class ApplicationTransitionDto extends TransitionRequestDto {
  @ApiPropertyOptional({ maxLength: 4000, description: 'SEND_BACK: the approver’s note; RECOMMEND: optional' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  note?: string;

  @ApiPropertyOptional({ type: [String], description: 'REQUEST_SUPPLEMENT: the missing or faulty items' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(1000, { each: true })
  items?: string[];

  @ApiPropertyOptional({ enum: RECOMMENDATIONS, description: 'RECOMMEND' })
  @IsOptional()
  @IsIn(RECOMMENDATIONS)
  recommendation?: Recommendation;

  @ApiPropertyOptional({ type: [ChecklistEntryDto], description: 'RECOMMEND: one entry per requirement of the type' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => ChecklistEntryDto)
  checklist?: ChecklistEntryDto[];
}

export class AssigneeDto {
  @ApiProperty({ format: 'uuid', description: 'An active appraiser of the same authority' })
  @IsUUID()
  assigneeId: string;

  @ApiPropertyOptional({ description: 'The version the caller last saw; 409 VERSION_CONFLICT if it moved on' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export const APPLICATION_SORTS = ['newest', 'deadline'] as const;
export type ApplicationSort = (typeof APPLICATION_SORTS)[number];

export class ApplicationsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: APPLICATION_STATES }) @IsOptional() @IsIn(APPLICATION_STATES) state?: ApplicationState;
  @ApiPropertyOptional({ enum: APPLICATION_TYPES }) @IsOptional() @IsIn(APPLICATION_TYPES) type?: ApplicationType;

  @ApiPropertyOptional({ description: 'Only dossiers whose statutory clock has run out' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({
    enum: ['me', 'none'],
    description: '`me`: only dossiers assigned to the caller; `none`: only dossiers nobody has taken yet',
  })
  @IsOptional()
  @IsIn(['me', 'none'])
  assignee?: 'me' | 'none';

  @ApiPropertyOptional({
    enum: APPLICATION_SORTS,
    default: 'newest',
    description:
      '`newest`: last created first; `deadline`: the statutory due date first (dossiers without a running clock ' +
      'after, oldest filed first): the order of a work queue',
  })
  @IsOptional()
  @IsIn(APPLICATION_SORTS)
  sort?: ApplicationSort;
}

export class RequirementsQuery {
  @ApiProperty({ enum: APPLICATION_TYPES }) @IsIn(APPLICATION_TYPES) applicationType: ApplicationType;
}

/** The path of `PUT /requirements/{applicationType}/{kind}/legal-basis`. */
export class RequirementPath {
  @ApiProperty({ enum: APPLICATION_TYPES }) @IsIn(APPLICATION_TYPES) applicationType: ApplicationType;
  @ApiProperty({ example: 'APPLICATION_FORM' }) @IsString() @MaxLength(64) kind: string;
}

export class RequirementLegalBasisDto {
  @ApiProperty({ example: 'Nghị định 147/2024/NĐ-CP, Điều 28 khoản 2' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  legalBasis: string;

  @ApiProperty({ description: 'The legal staff confirmed the reference against the text in force' })
  @IsBoolean()
  verified: boolean;
}

export class RequirementView {
  @ApiProperty({ example: 'APPLICATION_FORM', maxLength: 64, pattern: '^[A-Z][A-Z0-9_]*$' }) kind: string;
  @ApiProperty({ description: 'Vietnamese title', maxLength: 500 }) title: string;
  @ApiProperty({ description: 'English title', maxLength: 500 }) titleEn: string;
  @ApiProperty() required: boolean;
  @ApiProperty({ maxLength: 500 }) legalBasis: string;
  @ApiProperty({ description: 'The legal staff confirmed the reference against the text in force' })
  legalBasisVerified: boolean;
}

export class DeadlineView {
  @ApiProperty() dueAt: Date;
  @ApiProperty({ description: 'Working days left, today included' }) workingDaysLeft: number;
  @ApiProperty() overdue: boolean;
  @ApiProperty({ description: 'Paused while a supplement is awaited' }) paused: boolean;
}

/**
 * `completenessCheck` of `GET /applications/{id}`: the desk's own period (COMPLETENESS_CHECK_WORKING_DAYS) from the
 * receipt of the dossier or its last supplement. The statutory period (`deadline`) counts from the same `receivedOn`
 * once the dossier is confirmed complete (`clockStartedOn`).
 */
export class CompletenessCheckView {
  @ApiProperty({ type: String, nullable: true, example: '2026-03-02' }) receivedOn: string | null;
  @ApiProperty() dueAt: Date;
  @ApiProperty({ description: 'The check is still to be made (SUBMITTED or IN_REVIEW)' }) open: boolean;
  @ApiProperty({ type: Number, nullable: true, description: 'Working days left, today included; null once made' })
  workingDaysLeft: number | null;
  @ApiProperty() overdue: boolean;
}
