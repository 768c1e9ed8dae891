import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Response } from 'supertest';
import { Clock, SystemClock } from '../../src/common/clock';
import { APP_CONFIG, AppConfig } from '../../src/config/config';
import { approve, siteParticulars } from '../licenses/license-fixtures';
import { binary } from '../reviews/fixtures';
import { bearer, createCast, expectProblem, registerOwner, TestUser } from '../support/factories';
import { API, startTestApp, TestApp } from '../support/test-app';

const HOSTILE = `<script>alert("x")</script> & 'Tin' "Nghệ"`;
const NOW = new Date('2026-04-01T03:00:00Z');

/** The text of an HTML page with tags dropped and entities decoded the few ways the pages use. */
function textOf(body: string): string {
  return body
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&#96;/g, '`')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

function expectHtml(r: Response, status = 200): string {
  expect(r.status).toBe(status);
  expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
  expect(r.headers['content-security-policy']).toContain("default-src 'none'");
  const body = r.text;
  expect(body.startsWith('<!doctype html>')).toBe(true);
  expect(body).toContain('<html lang="vi">');
  // No script of any kind, and no inline style (the Content-Security-Policy forbids both).
  expect(body).not.toMatch(/<script|\son\w+=|javascript:|style=|<style/i);
  return body;
}

describe('web: the public pages (registry, license page, verification page)', () => {
  let t: TestApp;
  let cast: Awaited<ReturnType<typeof createCast>>;
  let owner2: TestUser;
  let nghean: { id: string; number: string; verificationCode: string };
  let hostile: { id: string; number: string; verificationCode: string };
  let suspended: { id: string; number: string; verificationCode: string };
  beforeAll(async () => {
    t = await startTestApp({ env: { PUBLIC_BASE_URL: 'https://giayphep.example.gov.vn' } });
    (t.app.get(Clock) as SystemClock).set(NOW);
    cast = await createCast(t);
    owner2 = await registerOwner(t, { name: 'Công ty TNHH Truyền thông Đà Nẵng Xanh' });
    const view = async (id: string) => (await t.http.get(`${API}/licenses/${id}`).set(bearer(t.adminToken))).body;
    nghean = await view(
      (
        await approve(t, {
          authorityId: cast.authority.id,
          owner: cast.owner,
          approver: cast.approver,
          site: siteParticulars({ name: 'Tin tức Nghệ An', domains: ['tintucnghean.vn', 'tintứcnghệan.vn'] }),
          decidedOn: '2026-03-05',
        })
      ).licenseId,
    );
    hostile = await view(
      (
        await approve(t, {
          authorityId: cast.authority.id,
          owner: owner2,
          approver: cast.approver,
          site: siteParticulars({ name: HOSTILE, domains: ['hostile.vn'] }),
          decidedOn: '2026-03-06',
        })
      ).licenseId,
    );
    suspended = await view(
      (
        await approve(t, {
          authorityId: cast.authority.id,
          owner: owner2,
          approver: cast.approver,
          site: siteParticulars({ name: 'Đà Nẵng 24h', domains: ['danang24h.vn'] }),
          decidedOn: '2026-03-07',
        })
      ).licenseId,
    );
    const s = await t.http
      .post(`${API}/licenses/${suspended.id}/transitions`)
      .set(bearer(cast.approver.token))
      .send({ event: 'SUSPEND', until: '2026-06-30', reason: 'Vi phạm', decisionNumber: '9/QĐ-STTTT' });
    expect(s.status).toBe(200);
  });
  afterAll(async () => {
    (t.app.get(Clock) as SystemClock).reset();
    await t.close();
  });

  describe('GET / and GET /registry', () => {
    it('the home page sends the reader to the registry', async () => {
      const r = await t.http.get('/');
      expect(r.status).toBe(302);
      expect(r.headers.location).toBe('/registry');
    });

    it('lists every license with the public particulars, newest first, and no personal data', async () => {
      const body = expectHtml(await t.http.get('/registry'));
      const text = textOf(body);
      expect(text).toContain('Sổ đăng ký giấy phép trang thông tin điện tử tổng hợp');
      expect(text).toContain('Tìm thấy 3 giấy phép');
      for (const l of [nghean, hostile, suspended]) {
        expect(text).toContain(l.number);
        expect(body).toContain(`href="/registry/${l.id}"`);
      }
      expect(text.indexOf('Đà Nẵng 24h')).toBeLessThan(text.indexOf('Tin tức Nghệ An'));
      expect(text).toContain('tintứcnghệan.vn');
      expect(text).toContain('Công ty Cổ phần Truyền thông Sông Lam');
      expect(text).toContain('05/03/2026');
      expect(text).toContain('Đang bị đình chỉ');
      expect(text).toContain('Còn hiệu lực');
      for (const secret of ['Nguyễn Thị Thu Hà', '0912345678', 'ha@xunghe.vn', nghean.verificationCode]) {
        expect(body).not.toContain(secret);
      }
    });

    it('escapes hostile text in a site name and in the search term', async () => {
      const body = expectHtml(await t.http.get('/registry'));
      expect(body).not.toContain('<script>alert');
      expect(body).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Tin&#39; &quot;Nghệ&quot;');

      const term = `"><script>alert(1)</script>`;
      const r = expectHtml(await t.http.get('/registry').query({ q: term }));
      expect(r).not.toContain('<script>alert(1)');
      expect(r).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
      expect(textOf(r)).toContain(`Không tìm thấy giấy phép nào khớp với “${term}”`);
      expect(r).toContain('<a href="/registry">Xóa bộ lọc</a>');
    });

    it('searches like the registry API: one box, case- and diacritic-insensitive, with a status filter', async () => {
      const found = textOf(expectHtml(await t.http.get('/registry').query({ q: 'NGHE AN' })));
      expect(found).toContain('Tìm thấy 1 giấy phép');
      expect(found).toContain('Tin tức Nghệ An');
      expect(found).not.toContain('Đà Nẵng 24h');

      const bySuspended = expectHtml(await t.http.get('/registry').query({ q: '', status: 'SUSPENDED' }));
      expect(textOf(bySuspended)).toContain('Tìm thấy 1 giấy phép');
      expect(bySuspended).toContain(`href="/registry/${suspended.id}"`);
      expect(bySuspended).toContain('<option value="SUSPENDED" selected>');
      // The form's "all" choice sends an empty status.
      expect(textOf(expectHtml(await t.http.get('/registry?q=&status=')))).toContain('Tìm thấy 3 giấy phép');

      const api = await t.http.get(`${API}/public/licenses`).query({ q: 'da nang' });
      const page = textOf(expectHtml(await t.http.get('/registry').query({ q: 'da nang' })));
      expect(api.body.total).toBe(2);
      expect(page).toContain(`Tìm thấy ${api.body.total} giấy phép`);
    });

    it('paginates, keeping the search in the links', async () => {
      const first = expectHtml(await t.http.get('/registry').query({ q: 'a', pageSize: 2 }));
      expect(textOf(first)).toContain('Trang 1 / 2');
      expect(first).toContain('href="/registry?q=a&amp;page=2&amp;pageSize=2" rel="next"');
      expect(first).not.toContain('rel="prev"');
      const second = expectHtml(await t.http.get('/registry?q=a&page=2&pageSize=2'));
      expect(textOf(second)).toContain('Trang 2 / 2');
      expect(second).toContain('href="/registry?q=a&amp;pageSize=2" rel="prev"');
      expect(second).not.toContain('rel="next"');
      expect(second.match(/<li>\s*<h2>/g)).toHaveLength(1);
    });

    it('bad parameters give a 400 page to a browser and problem+json to a JSON client', async () => {
      for (const q of ['status=GONE', 'page=0', 'pageSize=101', 'secret=1']) {
        const body = expectHtml(await t.http.get(`/registry?${q}`), 400);
        expect(textOf(body)).toContain('Yêu cầu không hợp lệ');
      }
      expectProblem(
        await t.http.get('/registry?status=GONE').set('Accept', 'application/json'),
        400,
        'VALIDATION_FAILED',
      );
    });
  });

  describe('GET /registry/{licenseId}', () => {
    it("shows a license's public page", async () => {
      const body = expectHtml(await t.http.get(`/registry/${suspended.id}`));
      const text = textOf(body);
      expect(text).toContain('Đà Nẵng 24h');
      expect(text).toContain(suspended.number);
      expect(text).toContain('Đang bị đình chỉ');
      expect(text).toContain('Đình chỉ đến hết ngày 30/06/2026');
      expect(text).toContain('Công ty TNHH Truyền thông Đà Nẵng Xanh');
      expect(text).toContain('Sở Thông tin và Truyền thông, Nghệ An');
      expect(body).not.toContain(suspended.verificationCode);
      expect(expectHtml(await t.http.get(`/registry/${hostile.id}`))).not.toContain('<script>alert');
    });

    it('an unknown or malformed id is a 404 page (problem+json for a JSON client)', async () => {
      for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid', "1'%20OR%201=1"]) {
        const body = expectHtml(await t.http.get(`/registry/${id}`), 404);
        expect(textOf(body)).toContain('Không tìm thấy trang');
        expect(body).toContain('href="/registry"');
      }
      expectProblem(
        await t.http.get('/registry/00000000-0000-4000-8000-000000000000').set('Accept', 'application/json'),
        404,
        'NOT_FOUND',
      );
    });
  });

  describe('GET /v/{code}: the verification page of the QR code', () => {
    it('a valid license: the green band, the particulars and when it was checked (Asia/Ho_Chi_Minh)', async () => {
      const r = await t.http.get(`/v/${nghean.verificationCode}`);
      const body = expectHtml(r);
      expect(r.headers['cache-control']).toBe('no-store');
      expect(r.headers.vary).toMatch(/Accept/);
      expect(body).toMatch(
        /<h1 class="band band-valid"[^>]*><span class="band-icon" aria-hidden="true">✓<\/span>GIẤY PHÉP CÒN HIỆU LỰC/,
      );
      const text = textOf(body);
      expect(text).toContain('Đến hết ngày 04/03/2036');
      for (const fact of [
        'Tin tức Nghệ An',
        'tintucnghean.vn',
        'tintứcnghệan.vn',
        'Công ty Cổ phần Truyền thông Sông Lam',
        nghean.number,
        'Sở Thông tin và Truyền thông, Nghệ An',
        '05/03/2026',
        'Phiên bản giấy phép 1',
        'Thời điểm tra cứu: 10:00 ngày 01/04/2026',
      ]) {
        expect(text).toContain(fact);
      }
      // The signature of the PDF, as the verification API reports it (the development certificate in tests).
      const api = await t.http
        .get(`${API}/public/licenses/verify`)
        .query({ number: nghean.number, code: nghean.verificationCode });
      expect(api.body.signature).toMatchObject({ status: 'VALID', development: true });
      expect(text).toContain(
        `Chữ ký số của bản giấy phép điện tử Ký bằng chứng thư thử nghiệm (${api.body.signature.signer.commonName}): ` +
          'không có giá trị sử dụng',
      );
      expect(body).toContain('<meta name="robots" content="noindex, nofollow">');
      for (const secret of ['Nguyễn Thị Thu Hà', '0912345678', 'ha@xunghe.vn']) expect(body).not.toContain(secret);
      // A code typed by hand in lower case is the same code.
      expect(textOf(expectHtml(await t.http.get(`/v/${nghean.verificationCode.toLowerCase()}`)))).toContain(
        'GIẤY PHÉP CÒN HIỆU LỰC',
      );
    });

    it('a suspended license: the red band says until when', async () => {
      const body = expectHtml(await t.http.get(`/v/${suspended.verificationCode}`));
      expect(body).toMatch(
        /<h1 class="band band-invalid"[^>]*><span class="band-icon" aria-hidden="true">✗<\/span>GIẤY PHÉP ĐANG BỊ ĐÌNH CHỈ/,
      );
      expect(textOf(body)).toContain('Đến hết ngày 30/06/2026');
    });

    it('a wrong or forged code: NOT FOUND, said plainly, with nothing about any license', async () => {
      for (const code of ['ABCDEFGHJKMNPQRSTVWXYZ0123', 'no!', `${'A'.repeat(200)}`, '%3Cscript%3E']) {
        const body = expectHtml(await t.http.get(`/v/${code}`));
        expect(body).toMatch(
          /<h1 class="band band-unknown"[^>]*><span class="band-icon" aria-hidden="true">✗<\/span>KHÔNG TÌM THẤY GIẤY PHÉP/,
        );
        expect(body).not.toContain('<script>');
        for (const l of [nghean, suspended]) expect(body).not.toContain(l.number);
      }
    });

    it('answers the verification JSON to a client asking for application/json: the body of the API', async () => {
      for (const l of [nghean, suspended]) {
        const page = await t.http.get(`/v/${l.verificationCode}`).set('Accept', 'application/json');
        const api = await t.http
          .get(`${API}/public/licenses/verify`)
          .query({ number: l.number, code: l.verificationCode });
        expect(page.status).toBe(200);
        expect(page.headers['content-type']).toMatch(/^application\/json/);
        expect(page.headers.vary).toMatch(/Accept/);
        expect(page.body).toEqual(api.body);
      }
      const ok = await t.http.get(`/v/${nghean.verificationCode}`).set('Accept', 'application/json');
      expect(ok.body).toMatchObject({ valid: true, status: 'ACTIVE', id: nghean.id, edition: 1 });
      const susp = await t.http.get(`/v/${suspended.verificationCode}`).set('Accept', 'application/json');
      expect(susp.body).toMatchObject({ valid: false, status: 'SUSPENDED', suspendedUntil: '2026-06-30' });
      const wrong = await t.http.get('/v/ABCDEFGHJKMNPQRSTVWXYZ0123').set('Accept', 'application/json');
      expect(wrong.status).toBe(200);
      expect(wrong.body).toEqual({ valid: false });
      // A browser's Accept header prefers the page.
      const browser = await t.http
        .get(`/v/${nghean.verificationCode}`)
        .set('Accept', 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8');
      expect(browser.headers['content-type']).toBe('text/html; charset=utf-8');
    });

    it('each check is counted for its license and day, as through the API, and writes no audit event', async () => {
      const count = async () =>
        Number(
          (
            await t.ds.query(
              `SELECT coalesce(sum(count), 0)::int AS n FROM license_verification_counts WHERE license_id = $1`,
              [nghean.id],
            )
          )[0].n,
        );
      const events = async () =>
        (await t.http.get(`${API}/audit?entityType=license&entityId=${nghean.id}`).set(bearer(t.adminToken))).body.items
          .length;
      const [before, eventsBefore] = [await count(), await events()];
      await t.http.get(`/v/${nghean.verificationCode}`);
      expect(await count()).toBe(before + 1);
      expect(await events()).toBe(eventsBefore);
    });

    const pdfOf = async (id: string, version?: number) => {
      const r = await t.http
        .get(`${API}/licenses/${id}/pdf${version ? `?version=${version}` : ''}`)
        .set(bearer(t.adminToken))
        .buffer(true)
        .parse(binary);
      expect(r.status).toBe(200);
      return { bytes: r.body as Buffer, etag: r.headers.etag as string };
    };
    const qrOf = (pdf: Buffer): string => {
      const dir = mkdtempSync(join(tmpdir(), 'qr-'));
      try {
        writeFileSync(join(dir, 'l.pdf'), pdf);
        execFileSync('pdftoppm', ['-png', '-r', '200', '-f', '1', '-l', '1', '-singlefile', 'l.pdf', 'p'], {
          cwd: dir,
        });
        return execFileSync('zbarimg', ['--raw', '-q', 'p.png'], { cwd: dir, encoding: 'utf8' }).trim();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    };

    it('new license versions print this page in their QR code, under PUBLIC_BASE_URL', async () => {
      const url = qrOf((await pdfOf(nghean.id)).bytes);
      expect(url).toBe(`https://giayphep.example.gov.vn/v/${nghean.verificationCode}`);
      const path = new URL(url).pathname;
      expect(textOf(expectHtml(await t.http.get(path)))).toContain('GIẤY PHÉP CÒN HIỆU LỰC');
    });

    it('each version keeps the URL it printed: its PDF stays byte-identical when the printed URL changes', async () => {
      const config = t.app.get<AppConfig>(APP_CONFIG);
      const first = await pdfOf(hostile.id);
      expect(qrOf(first.bytes)).toBe(`https://giayphep.example.gov.vn/v/${hostile.verificationCode}`);
      const base = config.publicBaseUrl;
      config.publicBaseUrl = 'https://tracuu.example.gov.vn';
      try {
        await approve(t, {
          type: 'AMENDMENT',
          licenseId: hostile.id,
          authorityId: cast.authority.id,
          owner: owner2,
          approver: cast.approver,
          site: siteParticulars({ name: HOSTILE, domains: ['hostile.vn', 'hostile2.vn'] }),
          decidedOn: '2026-03-20',
        });
      } finally {
        config.publicBaseUrl = base;
      }
      const again = await pdfOf(hostile.id, 1);
      expect(Buffer.compare(again.bytes, first.bytes)).toBe(0);
      expect(again.etag).toBe(first.etag);
      const latest = await pdfOf(hostile.id);
      expect(qrOf(latest.bytes)).toBe(`https://tracuu.example.gov.vn/v/${hostile.verificationCode}`);
      const json = await t.http.get(`/v/${hostile.verificationCode}`).set('Accept', 'application/json');
      expect(json.body).toMatchObject({ edition: 2, domains: ['hostile.vn', 'hostile2.vn'] });
    });
  });

  describe('GET /static/{file}', () => {
    it('serves the stylesheet and the icon, cacheable, and nothing else', async () => {
      const page = expectHtml(await t.http.get('/registry'));
      const href = /<link rel="stylesheet" href="([^"]+)">/.exec(page)?.[1];
      expect(href).toMatch(/^\/static\/public\.css\?v=[0-9a-f]{16}$/);
      const css = await t.http.get(href!);
      expect(css.status).toBe(200);
      expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
      expect(css.headers['cache-control']).toContain('max-age');
      expect(css.text).toContain('@media print');
      expect((await t.http.get('/static/public.css').set('If-None-Match', css.headers.etag)).status).toBe(304);
      const icon = await t.http.get('/static/icon.svg');
      expect(icon.headers['content-type']).toMatch(/^image\/svg\+xml/);
      expectHtml(await t.http.get('/static/..%2Fpackage.json'), 404);
      expectHtml(await t.http.get('/static/app.module.ts'), 404);
    });
  });

  it('the API stays under /api/v1: the pages do not shadow it, and it does not answer at the root', async () => {
    expect((await t.http.get(`${API}/registry`)).status).toBe(404);
    expect((await t.http.get('/public/licenses')).status).toBe(404);
    expect((await t.http.get(`${API}/public/licenses`)).status).toBe(200);
  });
});
