import { IsoDate, Str, Uuid } from '../../common/openapi/schema-props';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsDefined, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { IsIsoDate } from '../../common/is-iso-date';
import { LEGAL_VALUE_MAX, PARAMETER_UNITS } from '../legal-catalog';

export class LegalParametersQuery {
  @ApiPropertyOptional({ example: '2026-03-05', description: 'The day; default today (Asia/Ho_Chi_Minh)' })
  @IsOptional()
  @IsIsoDate()
  on?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The values of this authority (its own where it has one)' })
  @IsOptional()
  @IsUUID()
  authorityId?: string;
}

/** A new version of a legal figure from `effectiveFrom` (today or later), national or for one authority. */
export class CreateLegalParameterDto {
  @ApiProperty({ example: 'PROCESSING_WORKING_DAYS_NEW', maxLength: 64 })
  @Matches(/^[A-Z][A-Z0-9_]{1,63}$/, { message: 'key must be SCREAMING_SNAKE (A–Z, 0–9, _), 2–64 characters' })
  key: string;

  @ApiProperty({
    oneOf: [
      { type: 'integer', format: 'int32', minimum: 0, maximum: LEGAL_VALUE_MAX },
      { type: 'string', pattern: '^\\d{2}-\\d{2}$', maxLength: 5 },
    ],
    example: 15,
    description: 'An integer in the unit of the key, or MM-DD for a month_day',
  })
  @IsDefined()
  value: number | string;

  @ApiProperty({ example: '2027-01-01', description: 'Today or later: the past is never re-judged' })
  @IsIsoDate()
  effectiveFrom: string;

  @ApiProperty({ example: 'Nghị định 147/2024/NĐ-CP, Điều 28 khoản 3' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  basis: string;

  @ApiPropertyOptional({ description: 'The legal staff confirmed the figure against the text', default: false })
  @IsOptional()
  @IsBoolean()
  verified?: boolean;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only for keys an authority may set for itself' })
  @IsOptional()
  @IsUUID()
  authorityId?: string;
}

export class LegalParameterView {
  @Str(64, { example: 'PROCESSING_WORKING_DAYS_NEW' }) key: string;
  @ApiProperty({
    oneOf: [
      { type: 'integer', format: 'int32', minimum: 0, maximum: LEGAL_VALUE_MAX },
      { type: 'string', pattern: '^\\d{2}-\\d{2}$', maxLength: 5, description: 'month_day: MM-DD' },
    ],
    example: 10,
  })
  value: number | string;
  @ApiProperty({ enum: PARAMETER_UNITS }) unit: string;
  @IsoDate({ example: '2024-12-25' }) effectiveFrom: string;
  @Str(500, { example: 'Nghị định 147/2024/NĐ-CP' }) basis: string;
  @ApiProperty({ description: 'Confirmed against the legal text by the legal staff' }) verified: boolean;
  @Uuid({ nullable: true, description: 'null: the national value' })
  authorityId: string | null;
  @Str(1000, { nullable: true, description: 'The rule that reads it' }) rule: string | null;
}
