import { IsoDate } from '../../common/openapi/schema-props';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LICENSE_STATUSES, type LicenseStatus } from '../../licenses/license.entity';
import { LicenseSignatureDto } from '../../signing/dto/signing.dto';

export class PublicAuthorityDto {
  @ApiProperty({ example: 'STTTT-NA' }) code: string;
  @ApiProperty({ example: 'Sở Thông tin và Truyền thông' }) name: string;
  @ApiProperty({ example: 'Nghệ An' }) province: string;
}

/** A license as the public registry shows it: no personal data. */
export class PublicLicenseDto {
  @ApiProperty({ format: 'uuid', description: 'The license; its public page is /registry/{id}' }) id: string;
  @ApiProperty({ example: '44/GP-STTTT' }) number: string;
  @ApiProperty() organizationName: string;
  @ApiProperty({ description: "The organization's head office (public on its enterprise registration)" })
  headOffice: string;
  @ApiProperty() siteName: string;
  @ApiProperty({ type: [String] }) domains: string[];
  @ApiProperty({ enum: LICENSE_STATUSES }) status: LicenseStatus;
  @IsoDate() issuedOn: string;
  @IsoDate() expiresOn: string;
  @ApiPropertyOptional({ format: 'date', description: 'The last day of the suspension, while SUSPENDED' })
  suspendedUntil?: string;
  @ApiProperty({ minimum: 1, description: 'Edition of the current license document ("phiên bản số" on the PDF)' })
  edition: number;
  @ApiProperty({ type: PublicAuthorityDto }) authority: PublicAuthorityDto;
}

export class RegistryPageDto {
  @ApiProperty({ type: [PublicLicenseDto] }) items: PublicLicenseDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

/**
 * The answer of a verification. A wrong code gives `{ valid: false }` and nothing else; a known code gives the
 * license's public view, `valid` true only while it is ACTIVE.
 */
export class VerificationDto {
  @ApiProperty({ description: 'True only for a matching code of an ACTIVE license' }) valid: boolean;
  @ApiPropertyOptional({ format: 'uuid' }) id?: string;
  @ApiPropertyOptional() number?: string;
  @ApiPropertyOptional() organizationName?: string;
  @ApiPropertyOptional() headOffice?: string;
  @ApiPropertyOptional() siteName?: string;
  @ApiPropertyOptional({ type: [String] }) domains?: string[];
  @ApiPropertyOptional({ enum: LICENSE_STATUSES }) status?: LicenseStatus;
  @ApiPropertyOptional({ format: 'date' }) issuedOn?: string;
  @ApiPropertyOptional({ format: 'date' }) expiresOn?: string;
  @ApiPropertyOptional({ format: 'date' }) suspendedUntil?: string;
  @ApiPropertyOptional({ minimum: 1 }) edition?: number;
  @ApiPropertyOptional({ type: PublicAuthorityDto }) authority?: PublicAuthorityDto;
  @ApiPropertyOptional({
    type: LicenseSignatureDto,
    nullable: true,
    description: "The signature of the latest version's PDF, checked as anyone downloading it would",
  })
  signature?: LicenseSignatureDto | null;
}
