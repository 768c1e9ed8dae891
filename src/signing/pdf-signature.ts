import { SignPdf } from '@signpdf/signpdf';
import { Signer } from '@signpdf/utils';
import { checkDetachedCms } from './cms';
import { DocumentSigner, identityOf, SignerIdentity } from './document-signer';

/** Room reserved in the PDF for the CMS message (bytes; written as twice as many hex digits). */
export const SIGNATURE_CONTENTS_BYTES = 12_288;
/** The ByteRange placeholder @signpdf/signpdf looks for and fills in. */
export const BYTE_RANGE_PLACEHOLDER = '**********';

/** Adapts a DocumentSigner to @signpdf's Signer (which hands over the bytes of the signed range). */
class SignPdfAdapter extends Signer {
  constructor(private readonly signer: DocumentSigner) {
    super();
  }
  override async sign(pdfBuffer: Buffer): Promise<Buffer> {
    return this.signer.signDetached(pdfBuffer);
  }
}

/**
 * Fills the signature placeholder of a PDF (see `OfficialDocument.seal`) with the signer's CMS message over the
 * byte range: everything but the /Contents hex string.
 */
export async function signPdf(pdf: Buffer, signer: DocumentSigner): Promise<Buffer> {
  return new SignPdf().sign(pdf, new SignPdfAdapter(signer));
}

export type PdfSignatureStatus =
  /** The signed range is the whole file, its digest and the signature check with the embedded certificate. */
  | 'VALID'
  /** The file was changed after signing (a digest or signature that does not check, or bytes outside the range). */
  | 'INVALID'
  /** No signature in the file. */
  | 'UNSIGNED';

export interface PdfSignatureCheck {
  status: PdfSignatureStatus;
  /** The signer named by the embedded certificate; null when unsigned or unreadable. */
  signer: SignerIdentity | null;
  /** The signature dictionary's /M: the claimed signing time (PAdES B-B). */
  signedAt: Date | null;
  /** Why it is INVALID, in English, for operators. */
  problem?: string;
}

function parsePdfDate(s: string): Date | null {
  const m = /^D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(Z|[+-]\d{2}'?\d{2}'?)?/.exec(s);
  if (!m) return null;
  const iso = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}`;
  const tz = !m[7] || m[7] === 'Z' ? 'Z' : `${m[7].slice(0, 3)}:${m[7].replace(/'/g, '').slice(3, 5)}`;
  const d = new Date(iso + tz);
  return Number.isNaN(d.getTime()) ? null : d;
}

/**
 * Checks the last signature of a PDF: that its byte range covers the whole file but the signature itself, and that
 * the CMS message's digest and signature check. Trust in the certificate (chain, revocation) is for the caller:
 * here we say who signed, and whether anything changed since.
 */
export function checkPdfSignature(pdf: Buffer): PdfSignatureCheck {
  const at = pdf.lastIndexOf('/ByteRange');
  if (at < 0) return { status: 'UNSIGNED', signer: null, signedAt: null };
  const invalid = (problem: string, signer: SignerIdentity | null = null, signedAt: Date | null = null) => ({
    status: 'INVALID' as const,
    signer,
    signedAt,
    problem,
  });
  const head = pdf.subarray(at, Math.min(pdf.length, at + 200)).toString('latin1');
  const br = /^\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(head);
  if (!br) return invalid('The signature has no readable byte range');
  const [a, b, c, d] = br.slice(1, 5).map(Number);
  if (a !== 0 || b <= 0 || c <= b + 1 || c + d > pdf.length || pdf[b] !== 0x3c || pdf[c - 1] !== 0x3e) {
    return invalid('The byte range does not frame the signature');
  }
  const dict = pdf.subarray(Math.max(0, at - 4000), Math.min(pdf.length, c + 4000)).toString('latin1');
  const m = /\/M\s*\((D:[^)]*)\)/.exec(dict);
  const signedAt = m ? parsePdfDate(m[1]) : null;
  const hex = pdf
    .subarray(b + 1, c - 1)
    .toString('latin1')
    .replace(/(00)+$/, '');
  if (!/^([0-9a-fA-F]{2})+$/.test(hex)) return invalid('The signature is not a hexadecimal string', null, signedAt);
  const content = Buffer.concat([pdf.subarray(0, b), pdf.subarray(c, c + d)]);
  let cms;
  try {
    cms = checkDetachedCms(Buffer.from(hex, 'hex'), content);
  } catch (e) {
    return invalid((e as Error).message, null, signedAt);
  }
  const signer = cms.signerCertificateDer ? identityOf(cms.signerCertificateDer) : null;
  if (!signer) return invalid('The signer certificate is not in the signature', null, signedAt);
  if (!cms.digestMatches) return invalid('The signed bytes were changed', signer, signedAt);
  if (!cms.signatureValid) return invalid('The signature does not verify with the certificate', signer, signedAt);
  if (c + d !== pdf.length) return invalid('Bytes were added after the signed range', signer, signedAt);
  return { status: 'VALID', signer, signedAt: signedAt ?? cms.signingTime };
}
