import type { SiteParticulars } from '../applications/approval.port';
import type { Authority } from '../authorities/authority.entity';
import { considerationLine } from '../pdf/pdf.service';
import type { AuthorityBlock, LicensePdfData } from '../pdf/pdf.types';
import { formatVietnameseDate } from '../pdf/vietnamese-format';
import type { Licensee, LicenseVersionKind } from './license.entity';

/**
 * The public verification link printed as a QR code on new license versions: the verification page, which also
 * answers JSON to a client that asks for it. Short (a smaller QR code) and unguessable (the code alone names the
 * license). Versions issued before it printed `/api/v1/public/licenses/verify?number=…&code=…`, which keeps
 * working; each version stores the URL it printed in its document, so their PDFs stay byte-identical.
 */
export function verificationUrl(publicBaseUrl: string, code: string): string {
  return `${publicBaseUrl}/v/${encodeURIComponent(code)}`;
}

/** The authority block of a license as the authority's record reads on the day of signing. */
export function authorityBlock(a: Authority, signerName: string): AuthorityBlock {
  return {
    parentBody: a.parentBody,
    name: a.name,
    placeName: a.province,
    signerTitle: a.signerTitle,
    signerName,
  };
}

export interface LicenseDocumentInput {
  authority: AuthorityBlock;
  number: string;
  edition: number;
  kind: LicenseVersionKind;
  signedOn: string;
  issuedOn: string;
  expiresOn: string;
  licensee: Licensee;
  site: SiteParticulars;
  verificationUrl: string;
  verificationCode: string;
  /** For a later version: the date the version it replaces was signed. */
  previousSignedOn?: string;
  /** The 'Căn cứ …' lines in force on `signedOn` (the authority's legal-basis data). */
  legalBases: string[];
}

/**
 * The complete input of one version's PDF. It is stored with the version, so that re-rendering later gives the
 * same bytes even after the authority's signer or the server's public URL changed.
 */
export function licenseDocument(i: LicenseDocumentInput): LicensePdfData {
  const data: LicensePdfData = {
    authority: i.authority,
    number: i.number,
    version: i.edition,
    kind: i.kind,
    signedOn: i.signedOn,
    issuedOn: i.issuedOn,
    expiresOn: i.expiresOn,
    licensee: {
      name: i.licensee.name,
      headOffice: i.licensee.headOffice,
      phone: i.licensee.phone,
      email: i.licensee.email,
      registrationNumber: i.licensee.registrationNumber,
      ...(i.licensee.legalRepresentative ? { legalRepresentative: i.licensee.legalRepresentative } : {}),
      ...(i.licensee.owner ? { owner: i.licensee.owner } : {}),
    },
    site: {
      name: i.site.name,
      domains: [...i.site.domains],
      contentScope: i.site.contentScope,
      ...(i.site.sections?.length ? { sections: [...i.site.sections] } : {}),
      informationSources: [...i.site.informationSources],
      serverLocation: i.site.serverLocation,
      contentManager: {
        fullName: i.site.contentManager.fullName,
        position: i.site.contentManager.position,
      },
    },
    verificationUrl: i.verificationUrl,
    verificationCode: i.verificationCode,
  };
  // The bases in force on the signing date, stored with the version so that it always renders the same.
  data.legalBases = [...i.legalBases, considerationLine(data)];
  if (i.previousSignedOn && i.kind !== 'NEW') {
    data.previousNumberNote =
      `Giấy phép này thay thế Giấy phép số ${i.number} ` +
      `${i.previousSignedOn === i.issuedOn ? 'cấp' : 'ký'} ${formatVietnameseDate(i.previousSignedOn)}.`;
  }
  return data;
}
