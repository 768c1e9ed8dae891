import { Bool, Int, Str, Uuid } from '../../common/openapi/schema-props';

export class AuthorityView {
  @Uuid() id: string;
  @Str(32) code: string;
  @Str(300) name: string;
  @Str(100) province: string;
  @Str(300, { nullable: true }) parentBody: string | null;
  @Str(40) licenseNumberSuffix: string;
  @Str(200, { nullable: true }) signerTitle: string | null;
  @Str(200, { nullable: true }) signerName: string | null;
  @Str(64, { nullable: true, example: 'Asia/Ho_Chi_Minh' }) timeZone: string | null;
}

export class LicenseNumberingView {
  @Uuid() authorityId: string;
  @Int(1) nextSeq: number;
  @Str(60) format: string;
  @Int(0, 10) pad: number;
  @Str(40) suffix: string;
  @Str(120, { description: 'The number the next license will get' }) nextNumber: string;
}

export class LicenseSettingsView {
  @Uuid() authorityId: string;
  @Int(1, 12) suspensionMaxMonths: number;
  @Bool({ description: 'No setting saved: the statutory default applies' }) isDefault: boolean;
}
