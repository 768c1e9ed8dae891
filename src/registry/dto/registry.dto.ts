import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { PageQuery } from '../../common/pagination';
import { LICENSE_STATUSES, type LicenseStatus } from '../../licenses/license.entity';

export class RegistryQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Number, organization, site name or domain; case- and diacritic-insensitive' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: LICENSE_STATUSES })
  @IsOptional()
  @IsIn(LICENSE_STATUSES)
  status?: LicenseStatus;
}

export class VerifyQuery {
  @ApiProperty({ description: 'The license number as printed, e.g. 44/GP-STTTT' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(1)
  @MaxLength(80)
  number: string;

  @ApiProperty({ description: 'The verification code printed under the QR code' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @IsString()
  @MaxLength(64)
  @Matches(/^[A-Z0-9]{10,64}$/, { message: 'code must be the letters and digits printed under the QR code' })
  code: string;
}
