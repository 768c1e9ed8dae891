import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { IsIsoDate } from '../../common/is-iso-date';

export class ViolationTypesQuery {
  @ApiPropertyOptional({ example: '2026-03-05', description: 'The day; default today (Asia/Ho_Chi_Minh)' })
  @IsOptional()
  @IsIsoDate()
  on?: string;
}

/** A new catalogue entry, or a new version of an existing code from `effectiveFrom`. */
export class CreateViolationTypeDto {
  @ApiProperty({ example: 'HOMEPAGE_DISCLOSURE' })
  @MaxLength(64)
  @Matches(/^[A-Z][A-Z0-9_]{1,63}$/, { message: 'code must be SCREAMING_SNAKE (A–Z, 0–9, _), 2–64 characters' })
  code: string;

  @ApiProperty({ example: '2027-01-01' })
  @IsIsoDate()
  effectiveFrom: string;

  @ApiProperty({ description: 'Vietnamese title (with diacritics)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  title: string;

  @ApiProperty({ description: 'English title' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  titleEn: string;

  @ApiProperty({ example: 'Nghị định 174/2026/NĐ-CP, Điều 93' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  legalBasis: string;

  @ApiProperty({ description: 'Minimum fine for an organization, VND' })
  @IsInt()
  @Min(0)
  @Max(1e12)
  minFine: number;

  @ApiProperty({ description: 'Maximum fine for an organization, VND (≥ minFine)' })
  @IsInt()
  @Min(0)
  @Max(1e12)
  maxFine: number;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(500, { each: true })
  additionalMeasures?: string[];

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(500, { each: true })
  remedialMeasures?: string[];

  @ApiPropertyOptional({ description: 'A grave type may be escalated straight from OPEN', default: false })
  @IsOptional()
  @IsBoolean()
  grave?: boolean;

  @ApiPropertyOptional({ example: 'Nghị định 174/2026/NĐ-CP', description: 'The source text; default legalBasis' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  sourceText?: string;

  @ApiPropertyOptional({ example: 'Điều 93' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  article?: string;

  @ApiPropertyOptional({ example: 'khoản 2 điểm a' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  clause?: string;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 24,
    description: 'Shortest deprivation of the license it allows, months',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(24)
  deprivationMinMonths?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 24, description: 'Longest deprivation of the license it allows, months' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(24)
  deprivationMaxMonths?: number;

  @ApiPropertyOptional({ description: 'The legal staff confirmed the range', default: true })
  @IsOptional()
  @IsBoolean()
  verified?: boolean;
}
