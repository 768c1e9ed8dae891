import { Bool, Enum, IsoDate, Obj, Str, StrList } from '../../common/openapi/schema-props';
import { LICENSE_STATUSES } from '../../licenses/license.entity';
import { LicenseSignatureDto } from '../../signing/dto/signing.dto';

export class PublicAuthorityView {
  @Str(32) code: string;
  @Str(300) name: string;
  @Str(100) province: string;
}

/** A licensed site in the public registry: no personal data. */
export class RegistryEntryView {
  @Str(80) number: string;
  @Str(300) organizationName: string;
  @Str(500) headOffice: string;
  @Str(300) siteName: string;
  @StrList(20, 253) domains: string[];
  @Enum(LICENSE_STATUSES) status: string;
  @IsoDate() issuedOn: string;
  @IsoDate() expiresOn: string;
  @IsoDate({ required: false }) suspendedUntil?: string;
  @Obj(PublicAuthorityView) authority: PublicAuthorityView;
}

/** The answer to a QR code: `valid` false (and nothing else) when the number and code do not match a license. */
export class VerificationView {
  @Bool({ description: 'The number and code name a license (whatever its status)' }) valid: boolean;
  @Str(80, { required: false }) number?: string;
  @Str(300, { required: false }) organizationName?: string;
  @Str(500, { required: false }) headOffice?: string;
  @Str(300, { required: false }) siteName?: string;
  @StrList(20, 253, { required: false }) domains?: string[];
  @Enum(LICENSE_STATUSES, { required: false }) status?: string;
  @IsoDate({ required: false }) issuedOn?: string;
  @IsoDate({ required: false }) expiresOn?: string;
  @IsoDate({ required: false }) suspendedUntil?: string;
  @Obj(PublicAuthorityView, { required: false }) authority?: PublicAuthorityView;
  @Obj(LicenseSignatureDto, { required: false, description: 'The signature of the latest version’s PDF' })
  signature?: LicenseSignatureDto;
}
