import { PAGE_SIZE_MAX } from '../../common/openapi/api-docs';
import { IsoDate, ObjList, Str, StrList, Uuid } from '../../common/openapi/schema-props';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LICENSE_STATUSES, type LicenseStatus } from '../../licenses/license.entity';
import { LicenseSignatureDto } from '../../signing/dto/signing.dto';

export class PublicAuthorityDto {
  @Str(32, { example: 'STTTT-NA' }) code: string;
  @Str(300, { example: 'Sở Thông tin và Truyền thông' }) name: string;
  @Str(100, { example: 'Nghệ An' }) province: string;
}

/** A license as the public registry shows it: no personal data. */
export class PublicLicenseDto {
  @Uuid({ description: 'The license; its public page is /registry/{id}' }) id: string;
  @Str(80, { example: '44/GP-STTTT' }) number: string;
  @Str(300) organizationName: string;
  @Str(500, { description: "The organization's head office (public on its enterprise registration)" })
  headOffice: string;
  @Str(300) siteName: string;
  @StrList(20, 253) domains: string[];
  @ApiProperty({ enum: LICENSE_STATUSES }) status: LicenseStatus;
  @IsoDate() issuedOn: string;
  @IsoDate() expiresOn: string;
  @IsoDate({ required: false, description: 'The last day of the suspension, while SUSPENDED' })
  suspendedUntil?: string;
  @ApiProperty({ minimum: 1, description: 'Edition of the current license document ("phiên bản số" on the PDF)' })
  edition: number;
  @ApiProperty({ type: PublicAuthorityDto }) authority: PublicAuthorityDto;
}

export class RegistryPageDto {
  @ObjList(PublicLicenseDto, PAGE_SIZE_MAX) items: PublicLicenseDto[];
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
  @Uuid({ required: false }) id?: string;
  @Str(80, { required: false }) number?: string;
  @Str(300, { required: false }) organizationName?: string;
  @Str(500, { required: false }) headOffice?: string;
  @Str(300, { required: false }) siteName?: string;
  @StrList(20, 253, { required: false }) domains?: string[];
  @ApiPropertyOptional({ enum: LICENSE_STATUSES }) status?: LicenseStatus;
  @IsoDate({ required: false }) issuedOn?: string;
  @IsoDate({ required: false }) expiresOn?: string;
  @IsoDate({ required: false }) suspendedUntil?: string;
  @ApiPropertyOptional({ minimum: 1 }) edition?: number;
  @ApiPropertyOptional({ type: PublicAuthorityDto }) authority?: PublicAuthorityDto;
  @ApiPropertyOptional({
    type: LicenseSignatureDto,
    nullable: true,
    description: "The signature of the latest version's PDF, checked as anyone downloading it would",
  })
  signature?: LicenseSignatureDto | null;
}
