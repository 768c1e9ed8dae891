import { LICENSE_STATUSES } from '../license.entity';
import { APPLICATION_TYPES, SiteDto } from '../../applications/dto/application.dto';
import {
  DateTime,
  Enum,
  Int,
  IsoDate,
  Obj,
  ObjList,
  Str,
  StrList,
  Uuid,
  Version,
} from '../../common/openapi/schema-props';
import { HistoryEntryView } from '../../workflow/history.view';

/** The licensee as printed on the license. */
export class LicenseeView {
  @Str(300) name: string;
  @Str(500) headOffice: string;
  @Str(20) phone: string;
  @Str(254) email: string;
  @Str(64) registrationNumber: string;
  @Str(200, { required: false }) legalRepresentative?: string;
  @Str(300, { required: false, description: 'The owner named by a change notice' }) owner?: string;
}

const LICENSE_COMMON = {
  number: () => Str(80, { example: '44/GP-STTTT' }),
};

/** A license (`GET /licenses/{id}`, the lists). `siteId` is the license's id: one license covers one site. */
export class LicenseView {
  @Uuid() id: string;
  @Uuid() siteId: string;
  @LICENSE_COMMON.number() number: string;
  @Enum(LICENSE_STATUSES) status: string;
  @Version() version: number;
  @Uuid() organizationId: string;
  @Uuid() authorityId: string;
  @Uuid() applicationId: string;
  @Str(300) name: string;
  @StrList(20, 253) domains: string[];
  @Str(4000) contentScope: string;
  @StrList(200, 500) informationSources: string[];
  @IsoDate() issuedOn: string;
  @IsoDate() expiresOn: string;
  @IsoDate({ required: false, description: 'SUSPENDED: the last day of the suspension' }) suspendedUntil?: string;
  @Str(64, { pattern: '^[A-Z0-9]+$', description: 'Printed under the QR code' }) verificationCode: string;
  @Obj(SiteDto) site: SiteDto;
  @Obj(LicenseeView) licensee: LicenseeView;
  @Int(0, 1000) extensionCount: number;
  @Int(0, 1000) suspensionCount: number;
  @DateTime() createdAt: Date;
  @DateTime() updatedAt: Date;
}

/** A license as one version of its document states it (`GET /licenses/{id}?version=N`). */
export class LicenseVersionView {
  @Uuid() id: string;
  @Uuid() siteId: string;
  @LICENSE_COMMON.number() number: string;
  @Enum(LICENSE_STATUSES) status: string;
  @Version({ description: 'The version shown' }) version: number;
  @Version({ description: 'The license’s current version' }) currentVersion: number;
  @Int(1, 1000) edition: number;
  @Enum(APPLICATION_TYPES) kind: string;
  @Uuid() organizationId: string;
  @Uuid() authorityId: string;
  @Uuid({ nullable: true }) applicationId: string | null;
  @Str(300) name: string;
  @StrList(20, 253) domains: string[];
  @Str(4000) contentScope: string;
  @StrList(200, 500) informationSources: string[];
  @IsoDate() issuedOn: string;
  @IsoDate() expiresOn: string;
  @IsoDate() signedOn: string;
  @Str(64) verificationCode: string;
  @Obj(SiteDto) site: SiteDto;
  @Obj(LicenseeView) licensee: LicenseeView;
  @Str(200) signerTitle: string;
  @Str(200) signerName: string;
  @Str(64, { pattern: '^[0-9a-f]{64}$' }) pdfSha256: string;
}

/** One entry of `GET /licenses/{id}/versions`. */
export class LicenseVersionSummaryView {
  @Version() version: number;
  @Int(1, 1000) edition: number;
  @Enum(APPLICATION_TYPES) kind: string;
  @Uuid({ nullable: true }) applicationId: string | null;
  @IsoDate() signedOn: string;
  @IsoDate() issuedOn: string;
  @IsoDate() expiresOn: string;
  @Str(200) signerTitle: string;
  @Str(200) signerName: string;
  @Str(64, { pattern: '^[0-9a-f]{64}$' }) pdfSha256: string;
  @DateTime() createdAt: Date;
}

/** The most a site's lifecycle lists: declared in the document and enforced by SitesController. */
export const LIFECYCLE_LIST_MAX = 10_000;

/** `GET /sites/{id}/lifecycle`: the site's license, what the caller may do, and the whole history. */
export class SiteLifecycleView {
  @Uuid() siteId: string;
  @Enum(LICENSE_STATUSES) state: string;
  @Obj(LicenseView) license: LicenseView;
  @StrList(100, 64) allowed: string[];
  @ApiIds() applicationIds: string[];
  @ObjList(HistoryEntryView, LIFECYCLE_LIST_MAX) history: HistoryEntryView[];
}

function ApiIds() {
  return StrList(LIFECYCLE_LIST_MAX, 36, {
    format: 'uuid',
    description: 'The dossiers that made or changed the license',
  });
}
