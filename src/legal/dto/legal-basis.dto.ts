import { IsoDate, StrList, Uuid } from '../../common/openapi/schema-props';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { IsIsoDate } from '../../common/is-iso-date';
import { DOCUMENT_TYPES, FUNCTION_BASIS_TOKEN, LegalDocumentType } from '../legal-catalog';

export class LegalBasesQuery {
  @ApiPropertyOptional({ enum: DOCUMENT_TYPES })
  @IsOptional()
  @IsIn(DOCUMENT_TYPES)
  documentType?: LegalDocumentType;
}

/** New "Căn cứ" lines of a document type from `effectiveFrom` (today or later), national or for one authority. */
export class CreateLegalBasisDto {
  @ApiProperty({ enum: DOCUMENT_TYPES }) @IsIn(DOCUMENT_TYPES) documentType: LegalDocumentType;

  @ApiProperty({ example: '2027-01-01', description: 'Today or later: documents already issued keep their lines' })
  @IsIsoDate()
  effectiveFrom: string;

  @ApiProperty({
    type: [String],
    description: `Each line starts with "Căn cứ "; ${FUNCTION_BASIS_TOKEN} stands for the authority's function decision`,
    example: ['Căn cứ Luật Báo chí ngày 05 tháng 4 năm 2016;', FUNCTION_BASIS_TOKEN],
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(1000, { each: true })
  lines: string[];

  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() verified?: boolean;

  @ApiPropertyOptional({ format: 'uuid', description: 'The authority whose documents print these lines' })
  @IsOptional()
  @IsUUID()
  authorityId?: string;
}

export class LegalBasisView {
  @ApiProperty({ enum: DOCUMENT_TYPES }) documentType: string;
  @Uuid({ nullable: true }) authorityId: string | null;
  @IsoDate({ example: '2024-12-25' }) effectiveFrom: string;
  @StrList(20, 1000) lines: string[];
  @ApiProperty() verified: boolean;
}
