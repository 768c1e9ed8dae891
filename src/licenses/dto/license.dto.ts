import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { IsIsoDate } from '../../common/is-iso-date';
import { PageQuery } from '../../common/pagination';
import { TransitionRequestDto } from '../../workflow/transition.dto';
import { LICENSE_STATUSES, type LicenseStatus } from '../license.entity';

export class LicensesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: LICENSE_STATUSES })
  @IsOptional()
  @IsIn(LICENSE_STATUSES)
  status?: LicenseStatus;

  @ApiPropertyOptional({ description: 'Number, organization, site name or domain; case- and diacritic-insensitive' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

export class LicenseVersionQuery {
  @ApiPropertyOptional({
    minimum: 1,
    maximum: 1_000_000,
    description: 'An earlier version (see GET /licenses/{id}/versions)',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  version?: number;
}

export class LicenseTransitionDto extends TransitionRequestDto {
  @ApiPropertyOptional({ description: 'The decision’s number (required for SUSPEND), e.g. 12/QĐ-STTTT', maxLength: 80 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(80)
  decisionNumber?: string;

  @ApiPropertyOptional({ description: 'SUSPEND: the last day of the suspension, YYYY-MM-DD', example: '2026-06-30' })
  @IsOptional()
  @IsIsoDate()
  until?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'SUSPEND as a deprivation of the right to use the license imposed by a sanction: the sanctioned violation; ' +
      '`decisionNumber` is its decision and `until` lies within the months its violation type allows. Without it, ' +
      'a suspension under the licensing rules lasting at most LICENSE_SUSPENSION_MONTHS',
  })
  @IsOptional()
  @IsUUID()
  violationId?: string;
}

export class LicenseNumberingDto {
  @ApiProperty({ minimum: 1, description: 'The next sequence number; it can only move forward (never reused)' })
  @IsInt()
  @Min(1)
  @Max(2_000_000_000)
  nextSeq: number;

  @ApiProperty({ example: '{seq}/{suffix}', description: 'Placeholders: {seq} (once), {suffix}, {year}' })
  @IsString()
  @MinLength(5)
  @MaxLength(60)
  format: string;

  @ApiProperty({ minimum: 0, maximum: 10, description: 'Zero-pad {seq} to this many digits (0: no padding)' })
  @IsInt()
  @Min(0)
  @Max(10)
  pad: number;
}

export class LicenseSettingsDto {
  @ApiProperty({
    minimum: 1,
    maximum: 12,
    description: 'The suspension term under the licensing rules, in months (national default 3), from today on',
  })
  @IsInt()
  @Min(1)
  @Max(12)
  suspensionMaxMonths: number;
}
