import { DateTime, ObjList, Str } from '../../common/openapi/schema-props';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { PublicLicenseDto } from './public-license.dto';

export const EXPORT_FORMATS = ['csv', 'json', 'ndjson'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export class ExportQuery {
  @ApiProperty({ enum: EXPORT_FORMATS, description: 'csv (RFC 4180, UTF-8 with BOM), json (one array), ndjson' })
  @IsIn(EXPORT_FORMATS)
  format: ExportFormat;
}

/** The feed's event names (docs/open-data.md). */
export const FEED_EVENTS = [
  'BASELINE',
  'ISSUED',
  'AMENDED',
  'EXTENDED',
  'REISSUED',
  'CHANGE_NOTICE',
  'SUSPENDED',
  'REINSTATED',
  'REVOKED',
  'SURRENDERED',
  'EXPIRED',
] as const;

export class ChangesQuery {
  @ApiPropertyOptional({ description: 'The `next` of the previous page; empty or absent: from the beginning' })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  since?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit: number = 100;
}

export class RegistryChangeDto {
  @ApiProperty({ enum: FEED_EVENTS, description: 'BASELINE: a license as it stood when the feed began' })
  event: string;
  @DateTime({ description: 'When the change was made (the decision or job time)' })
  at: string;
  @ApiProperty({ type: PublicLicenseDto, description: "The license's registry fields after the change" })
  license: PublicLicenseDto;
}

export class RegistryChangesDto {
  @ObjList(RegistryChangeDto, 1000, { description: 'At most `limit` (1–1000) changes' }) items: RegistryChangeDto[];
  @Str(80, {
    description: 'Opaque cursor for `since` of the next call (the same one when nothing new was committed yet)',
  })
  next: string;
}
