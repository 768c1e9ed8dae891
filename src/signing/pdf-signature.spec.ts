/**
 * Signed PDFs judged by poppler's `pdfsig` (NSS underneath), the outside judge, and by our own check.
 *   apt-get install -y poppler-utils
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { authorityP12 } from '../../test/support/certificates';
import { PdfService, sha256Hex } from '../pdf/pdf.service';
import { sampleLicenseData } from '../pdf/render-sample';
import { DEVELOPMENT_BANNER } from '../pdf/layout';
import { createDevelopmentP12, DEVELOPMENT_PASSPHRASE, developmentSigner } from './development-certificate';
import { P12DocumentSigner, UnusableCertificateError } from './p12-signer';
import { checkPdfSignature } from './pdf-signature';

function pdfsig(pdf: Buffer): { out: string; status: number | null } {
  const file = path.join(tmp, `sig-${Math.random().toString(36).slice(2)}.pdf`);
  fs.writeFileSync(file, pdf);
  const r = spawnSync('pdfsig', [file], { encoding: 'utf8' });
  if (r.error) throw new Error('pdfsig is not installed: apt-get install -y poppler-utils');
  // pdfsig prints a UTF-8 common name as if it were Latin-1, then encodes that as UTF-8: undo it line by line.
  const out = `${r.stdout}${r.stderr}`
    .split('\n')
    .map((line) => {
      const fixed = Buffer.from(line, 'latin1').toString('utf8');
      return [...line].some((c) => c.charCodeAt(0) > 0xff) || fixed.includes('\ufffd') ? line : fixed;
    })
    .join('\n');
  return { out, status: r.status };
}

function pdftext(pdf: Buffer): string {
  const file = path.join(tmp, `txt-${Math.random().toString(36).slice(2)}.pdf`);
  fs.writeFileSync(file, pdf);
  return spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout;
}

let tmp: string;
const pdf = new PdfService();
const signedAt = '2026-03-02T03:04:05.000Z';

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gis-sig-'));
  pdf.onModuleInit();
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('PAdES signatures', () => {
  const authority = new P12DocumentSigner(
    authorityP12('Sở Văn hóa, Thể thao và Du lịch Nghệ An', 'mật-khẩu'),
    'mật-khẩu',
  );
  const other = new P12DocumentSigner(authorityP12('Sở Văn hóa, Thể thao và Du lịch Hà Tĩnh', 'x'), 'x');
  const sealed = () => ({
    ...sampleLicenseData(),
    seal: { signedAt, certificateSha256: authority.identity.fingerprintSha256 },
  });

  it('pdfsig finds a valid signature by the authority, ETSI.CAdES.detached over the whole file', async () => {
    const bytes = await pdf.renderLicense(sealed(), authority);
    const { out } = pdfsig(bytes);
    expect(out).toMatch(/Signature #1/);
    expect(out).toMatch(/Signer Certificate Common Name: Sở Văn hóa, Thể thao và Du lịch Nghệ An/);
    expect(out).toMatch(/Signature Validation: Signature is Valid/);
    expect(out).toMatch(/Signature Type: ETSI.CAdES.detached/);
    expect(out).toMatch(/Hash Algorithm: SHA-256/);
    expect(out).toMatch(/Total document signed/);
    const check = checkPdfSignature(bytes);
    expect(check.status).toBe('VALID');
    expect(check.signer?.commonName).toBe('Sở Văn hóa, Thể thao và Du lịch Nghệ An');
    expect(check.signedAt?.toISOString()).toBe(signedAt);
    // the visible block, where the signer signs
    const text = pdftext(bytes);
    expect(text).toMatch(/Ký số bởi: Sở Văn hóa, Thể thao/);
    expect(text).toMatch(/Thời gian ký: 10:04:05 ngày 02\/03\/2026/);
    expect(text).not.toContain('KHÔNG CÓ GIÁ TRỊ SỬ DỤNG');
  });

  it('is deterministic: the same data and key give the same bytes', async () => {
    const a = await pdf.renderLicense(sealed(), authority);
    const b = await pdf.renderLicense(sealed(), authority);
    expect(sha256Hex(a)).toBe(sha256Hex(b));
  });

  it('changing one byte of the signed range makes the signature invalid', async () => {
    const bytes = await pdf.renderLicense(sealed(), authority);
    const at = bytes.indexOf('/Title (');
    const tampered = Buffer.from(bytes);
    tampered[at + 8] = tampered[at + 8] ^ 0x01;
    expect(pdfsig(tampered).out).toMatch(/Signature Validation: Digest Mismatch/);
    expect(checkPdfSignature(tampered).status).toBe('INVALID');
  });

  it('names the other authority when another authority’s certificate signed', async () => {
    const bytes = await pdf.renderLicense(sealed(), other);
    expect(pdfsig(bytes).out).toMatch(/Signer Certificate Common Name: Sở Văn hóa, Thể thao và Du lịch Hà Tĩnh/);
    const check = checkPdfSignature(bytes);
    expect(check.status).toBe('VALID');
    expect(check.signer?.fingerprintSha256).toBe(other.identity.fingerprintSha256);
    expect(check.signer?.fingerprintSha256).not.toBe(authority.identity.fingerprintSha256);
  });

  it('a document issued before signing stays unsigned', async () => {
    const bytes = await pdf.renderLicense(sampleLicenseData(), authority);
    expect(checkPdfSignature(bytes).status).toBe('UNSIGNED');
    expect(pdfsig(bytes).out).toMatch(/does not contain any signatures/);
  });

  it('the development certificate signs validly and every page says the document is not valid for use', async () => {
    const dev = new P12DocumentSigner(createDevelopmentP12(), DEVELOPMENT_PASSPHRASE);
    expect(dev.identity.development).toBe(true);
    const bytes = await pdf.renderLicense(sealed(), dev);
    expect(pdfsig(bytes).out).toMatch(/Signature Validation: Signature is Valid/);
    const text = pdftext(bytes);
    const pages = text.split('\f').filter((p) => p.trim());
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) expect(page).toContain(DEVELOPMENT_BANNER);
    expect(text).toContain('Chứng thư số thử nghiệm - văn bản không');
    if (process.env.PDF_SPEC_OUT) fs.writeFileSync(path.join(process.env.PDF_SPEC_OUT, 'dev-signed.pdf'), bytes);
  });

  it('a wrong passphrase or a file that is not PKCS#12 is refused with a message that quotes neither', () => {
    const p12 = authorityP12('X', 'right');
    expect(() => new P12DocumentSigner(p12, 'wrong')).toThrow(UnusableCertificateError);
    expect(() => new P12DocumentSigner(Buffer.from('not a p12'), '')).toThrow(/cannot be read/);
  });

  it('replicas sharing a directory end up with one development certificate', async () => {
    const dir = path.join(tmp, 'shared');
    const [a, b, c] = await Promise.all([developmentSigner(dir), developmentSigner(dir), developmentSigner(dir)]);
    expect(new Set([a, b, c].map((x) => x.signer.identity.fingerprintSha256)).size).toBe(1);
    expect([a, b, c].filter((x) => x.created)).toHaveLength(1);
    const again = await developmentSigner(dir);
    expect(again.created).toBe(false);
    expect(again.signer.identity.fingerprintSha256).toBe(a.signer.identity.fingerprintSha256);
  });
});
