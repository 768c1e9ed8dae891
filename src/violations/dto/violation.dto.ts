import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsIsoDate } from '../../common/is-iso-date';
import { PageQuery } from '../../common/pagination';
import { TransitionRequestDto } from '../../workflow/transition.dto';
import { PROPOSAL_STATES, type ProposalState, VIOLATION_STATES, type ViolationState } from '../violation.machine';

export class CreateViolationDto {
  @ApiProperty() @IsUUID() licenseId: string;

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
  @ApiPropertyOptional({ description: 'SANCTION: the fine, whole VND, within the entry range for an organization' })
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
  @ApiPropertyOptional({ enum: VIOLATION_STATES }) @IsOptional() @IsIn(VIOLATION_STATES) state?: ViolationState;
  @ApiPropertyOptional() @IsOptional() @MaxLength(64) @Matches(/^[A-Z][A-Z0-9_]{1,63}$/) typeCode?: string;
}

export class ProposalsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: PROPOSAL_STATES }) @IsOptional() @IsIn(PROPOSAL_STATES) state?: ProposalState;
}

export class ProposalTransitionDto extends TransitionRequestDto {}
