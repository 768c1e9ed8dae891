import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Response } from 'supertest';
import { bearer, createCast } from '../support/factories';
import { API, startTestApp, TestApp } from '../support/test-app';
import { approve, siteParticulars } from './license-fixtures';

function binary(res: Response, cb: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
}

function pdfToText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'license-pdf-'));
  try {
    const file = join(dir, 'license.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('licenses: the PDF license', () => {
  let t: TestApp;
  let cast: Awaited<ReturnType<typeof createCast>>;
  let licenseId: string;
  beforeAll(async () => {
    t = await startTestApp();
    cast = await createCast(t);
    licenseId = (
      await approve(t, {
        authorityId: cast.authority.id,
        owner: cast.owner,
        approver: cast.approver,
        decidedOn: '2026-03-05',
        requestedExpiresOn: '2031-03-04',
      })
    ).licenseId;
  });
  afterAll(() => t.close());

  const pdf = (token: string, query = '') =>
    t.http.get(`${API}/licenses/${licenseId}/pdf${query}`).set(bearer(token)).buffer(true).parse(binary);

  it('is a PDF in Vietnamese with the number, the organization, the domains and the validity', async () => {
    const r = await pdf(cast.owner.token);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    const bytes = r.body as Buffer;
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfToText(bytes).replace(/\s+/g, ' ');
    expect(text).toContain('Số: 1/GP-STTTT');
    expect(text).toContain('GIẤY PHÉP THIẾT LẬP TRANG THÔNG TIN ĐIỆN TỬ');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Công ty Cổ phần Truyền thông Sông Lam');
    expect(text).toContain('xunghe.vn');
    expect(text).toContain('xứnghệ.vn');
    expect(text).toContain('Nghệ An, ngày 05 tháng 3 năm 2026');
    expect(text).toContain('04 tháng 3 năm 2031');
    expect(text).toContain('Nguyễn Văn Hùng');
    const license = (await t.http.get(`${API}/licenses/${licenseId}`).set(bearer(cast.owner.token))).body;
    expect(text).toContain(license.verificationCode);
  });

  it('the same version always yields the same bytes; the ETag is their SHA-256, as recorded', async () => {
    const a = await pdf(cast.owner.token);
    const b = await pdf(cast.approver.token);
    expect(Buffer.compare(a.body as Buffer, b.body as Buffer)).toBe(0);
    const sha = createHash('sha256')
      .update(a.body as Buffer)
      .digest('hex');
    expect(a.headers.etag).toBe(`"${sha}"`);
    const versions = (await t.http.get(`${API}/licenses/${licenseId}/versions`).set(bearer(cast.owner.token))).body;
    expect(versions[0].pdfSha256).toBe(sha);
  });

  it('each version has its own PDF; earlier ones stay available', async () => {
    await approve(t, {
      type: 'AMENDMENT',
      licenseId,
      authorityId: cast.authority.id,
      owner: cast.owner,
      approver: cast.approver,
      site: siteParticulars({ domains: ['xunghe.vn', 'tinnghean.vn'] }),
      decidedOn: '2026-06-15',
    });
    const latest = await pdf(cast.owner.token);
    const first = await pdf(cast.owner.token, '?version=1');
    expect(latest.status).toBe(200);
    expect(first.status).toBe(200);
    const latestText = pdfToText(latest.body as Buffer).replace(/\s+/g, ' ');
    expect(latestText).toContain('tinnghean.vn');
    expect(latestText).toContain('sửa đổi, bổ sung');
    expect(pdfToText(first.body as Buffer)).not.toContain('tinnghean.vn');
    const versions = (await t.http.get(`${API}/licenses/${licenseId}/versions`).set(bearer(cast.owner.token))).body;
    expect(latest.headers.etag).toBe(`"${versions[1].pdfSha256}"`);
    expect(first.headers.etag).toBe(`"${versions[0].pdfSha256}"`);
    expect((await pdf(cast.owner.token, '?version=9')).status).toBe(404);
    expect((await pdf(cast.owner.token, '?version=zero')).status).toBe(400);
  });
});
