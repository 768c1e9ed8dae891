import type { License } from './license.entity';
import type { LicenseVersionRow } from './licenses.repository';

/**
 * What the API shows of a license. `siteId` is the license's id: a license covers one site, and the site has no
 * record of its own (GET /sites/{id}/lifecycle takes the same id).
 */
export function licenseView(l: License) {
  return {
    id: l.id,
    siteId: l.id,
    number: l.number,
    status: l.status,
    version: l.version,
    organizationId: l.organizationId,
    authorityId: l.authorityId,
    applicationId: l.applicationId,
    name: l.site.name,
    domains: l.site.domains,
    contentScope: l.site.contentScope,
    informationSources: l.site.informationSources,
    issuedOn: l.issuedOn,
    expiresOn: l.expiresOn,
    ...(l.suspendedUntil ? { suspendedUntil: l.suspendedUntil } : {}),
    verificationCode: l.verificationCode,
    site: l.site,
    licensee: l.licensee,
    extensionCount: l.extensionCount,
    suspensionCount: l.suspensionCount,
    createdAt: l.createdAt,
    updatedAt: l.updatedAt,
  };
}

/** An earlier (or the current) version of a license: the particulars as that version's document states them. */
export function licenseVersionView(l: License, v: LicenseVersionRow) {
  return {
    id: l.id,
    siteId: l.id,
    number: l.number,
    status: l.status,
    version: v.version,
    currentVersion: l.version,
    edition: v.edition,
    kind: v.kind,
    organizationId: l.organizationId,
    authorityId: l.authorityId,
    applicationId: v.applicationId,
    name: v.site.name,
    domains: v.site.domains,
    contentScope: v.site.contentScope,
    informationSources: v.site.informationSources,
    issuedOn: v.issuedOn,
    expiresOn: v.expiresOn,
    signedOn: v.signedOn,
    verificationCode: l.verificationCode,
    site: v.site,
    licensee: v.licensee,
    signerTitle: v.signerTitle,
    signerName: v.signerName,
    pdfSha256: v.pdfSha256,
  };
}

/** One entry of GET /licenses/{id}/versions. */
export function versionSummary(v: LicenseVersionRow) {
  return {
    version: v.version,
    edition: v.edition,
    kind: v.kind,
    applicationId: v.applicationId,
    signedOn: v.signedOn,
    issuedOn: v.issuedOn,
    expiresOn: v.expiresOn,
    signerTitle: v.signerTitle,
    signerName: v.signerName,
    pdfSha256: v.pdfSha256,
    createdAt: v.createdAt,
  };
}
