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
import { OFFENDER_KINDS, type OffenderKind } from '../violation-type';
import { VIOLATION_SUBJECT_KINDS, type ViolationSubjectKind } from '../violation.entity';
import { PROPOSAL_STATES, type ProposalState, VIOLATION_STATES, type ViolationState } from '../violation.machine';

/** Who answers for a violation when it is not a licensee: an organization or an individual. */
export class OffenderDto {
  @ApiProperty({ enum: OFFENDER_KINDS, description: 'An individual pays half of an organization fine' })
  @IsIn(OFFENDER_KINDS)
  kind: OffenderKind;

  @ApiProperty({ example: 'Công ty TNHH Tin Nhanh', description: 'Name of the organization or the individual' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  name: string;

  @ApiPropertyOptional({
    example: '0312345678',
    description: 'Enterprise registration number (organization) or citizen identity number (individual)',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  idNumber?: string;

  @ApiPropertyOptional({ example: '12 Lê Lợi, TP Vinh, Nghệ An' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  address?: string;
}

/**
 * The subject is exactly one of: `licenseId` (the licensee answers), `unlicensedSiteId` (a site operating without a
 * license: its operator answers, or `offender` when given with it), or `offender` alone (an organization or an
 * individual identified otherwise).
 */
export class CreateViolationDto {
  @ApiPropertyOptional({ description: 'The license the violation is about (its licensee is the offender)' })
  @IsOptional()
  @IsUUID()
  licenseId?: string;

  @ApiPropertyOptional({ description: 'A site of the unlicensed-sites register (e.g. for NO_LICENSE)' })
  @IsOptional()
  @IsUUID()
  unlicensedSiteId?: string;

  @ApiPropertyOptional({
    type: OffenderDto,
    description:
      "The offender when there is no license (alone, or naming an unlicensed site's operator); its kind decides the " +
      'fine range',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => OffenderDto)
  offender?: OffenderDto;

  @ApiPropertyOptional({ description: 'The inspection that found it, if any (same license, not cancelled)' })
  @IsOptional()
  @IsUUID()
  inspectionId?: string;

  @ApiProperty({ example: 'HOMEPAGE_DISCLOSURE', description: 'A code of GET /violation-types' })
  @MaxLength(64)
  @Matches(/^[A-Z][A-Z0-9_]{1,63}$/, { message: 'typeCode must be a catalogue code such as HOMEPAGE_DISCLOSURE' })
  typeCode: string;

  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(8000) description: string;

  @ApiProperty({ example: '2026-12-15', description: 'The entry in force on this day applies' })
  @IsIsoDate()
  detectedOn: string;
}

export class ViolationTransitionDto extends TransitionRequestDto {
  @ApiPropertyOptional({
    description: "SANCTION: the fine, whole VND, within the entry's range for the offender (an individual: half)",
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1e12)
  fineAmount?: number;

  @ApiPropertyOptional({ example: '15/QĐ-XPHC', description: 'SANCTION: the sanction decision number' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  decisionNumber?: string;

  @ApiPropertyOptional({ example: '2027-01-15', description: 'SANCTION: the deadline to remedy' })
  @IsOptional()
  @IsIsoDate()
  remedyDueOn?: string;
}

export class ViolationsQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() licenseId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() inspectionId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() unlicensedSiteId?: string;
  @ApiPropertyOptional({ enum: VIOLATION_SUBJECT_KINDS })
  @IsOptional()
  @IsIn(VIOLATION_SUBJECT_KINDS)
  subjectKind?: ViolationSubjectKind;
  @ApiPropertyOptional({ enum: VIOLATION_STATES }) @IsOptional() @IsIn(VIOLATION_STATES) state?: ViolationState;
  @ApiPropertyOptional() @IsOptional() @MaxLength(64) @Matches(/^[A-Z][A-Z0-9_]{1,63}$/) typeCode?: string;
}

export class ProposalsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: PROPOSAL_STATES }) @IsOptional() @IsIn(PROPOSAL_STATES) state?: ProposalState;
}

export class ProposalTransitionDto extends TransitionRequestDto {}

// Responses: ./violation.views.ts
