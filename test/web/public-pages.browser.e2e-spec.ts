import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Locator, Page, Request } from 'playwright-core';
import { Clock, SystemClock } from '../../src/common/clock';
import { approve, siteParticulars } from '../licenses/license-fixtures';
import { binary } from '../reviews/fixtures';
import { bearer, createCast, registerOwner } from '../support/factories';
import { API, startTestApp, TestApp } from '../support/test-app';
import { Browser, launchChromium, pdfInfo, qrUrlOf, seriousAxeViolations } from './browser';

const PUBLIC_BASE_URL = 'https://giayphep.example.gov.vn';
/** `WEB_SCREENSHOTS=docs/img` writes the pages' screenshots there (the ones the documentation shows). */
const SCREENSHOTS = process.env.WEB_SCREENSHOTS;

/** What a page loaded: every request, and the console errors (a Content-Security-Policy refusal is one). */
function watch(page: Page) {
  const requests: Request[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return { requests, errors };
}

/** The computed background colour of an element (evaluated in the page; the test compiles without the DOM types). */
function background(locator: Locator): Promise<string> {
  type Window = { getComputedStyle(e: unknown): { backgroundColor: string } };
  return locator.evaluate((e) => (globalThis as unknown as Window).getComputedStyle(e).backgroundColor);
}

async function bytesOf(requests: Request[]): Promise<number> {
  let total = 0;
  for (const r of requests) {
    const s = await r.sizes();
    total += s.responseHeadersSize + s.responseBodySize;
  }
  return total;
}

describe('web (browser): the public pages in Chromium on a phone', () => {
  let t: TestApp;
  let origin: string;
  let browser: Browser;
  const licenses: Record<'valid' | 'suspended', { id: string; number: string; verificationCode: string }> = {} as never;

  beforeAll(async () => {
    t = await startTestApp({ env: { PUBLIC_BASE_URL } });
    (t.app.get(Clock) as SystemClock).set(new Date('2026-04-01T03:00:00Z'));
    await t.app.listen(0, '127.0.0.1');
    origin = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    browser = await launchChromium();

    const cast = await createCast(t);
    const owner2 = await registerOwner(t, { name: 'Công ty TNHH Truyền thông Đà Nẵng Xanh' });
    const view = async (id: string) => (await t.http.get(`${API}/licenses/${id}`).set(bearer(t.adminToken))).body;
    const valid = await approve(t, {
      authorityId: cast.authority.id,
      owner: cast.owner,
      approver: cast.approver,
      site: siteParticulars({ name: 'Tin tức Nghệ An', domains: ['tintucnghean.vn', 'tintứcnghệan.vn'] }),
      decidedOn: '2026-03-05',
    });
    const suspended = await approve(t, {
      authorityId: cast.authority.id,
      owner: owner2,
      approver: cast.approver,
      site: siteParticulars({ name: 'Đà Nẵng 24h', domains: ['danang24h.vn'] }),
      decidedOn: '2026-03-06',
    });
    for (let i = 0; i < 22; i++) {
      await approve(t, {
        authorityId: cast.authority.id,
        owner: owner2,
        approver: cast.approver,
        site: siteParticulars({ name: `Trang tin tổng hợp số ${i + 1}`, domains: [`trangtin${i + 1}.vn`] }),
        decidedOn: '2026-02-01',
      });
    }
    const s = await t.http
      .post(`${API}/licenses/${suspended.licenseId}/transitions`)
      .set(bearer(cast.approver.token))
      .send({ event: 'SUSPEND', until: '2026-06-30', reason: 'Vi phạm', decisionNumber: '9/QĐ-STTTT' });
    expect(s.status).toBe(200);
    licenses.valid = await view(valid.licenseId);
    licenses.suspended = await view(suspended.licenseId);
    if (SCREENSHOTS) mkdirSync(SCREENSHOTS, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    (t.app.get(Clock) as SystemClock).reset();
    await t.close();
  });

  /** The URL printed in the license PDF's QR code, as a phone camera reads it, served by this test's server. */
  async function scannedUrl(licenseId: string): Promise<string> {
    const pdf = await t.http
      .get(`${API}/licenses/${licenseId}/pdf`)
      .set(bearer(t.adminToken))
      .buffer(true)
      .parse(binary);
    expect(pdf.status).toBe(200);
    const url = new URL(qrUrlOf(pdf.body as Buffer));
    expect(`${url.origin}`).toBe(PUBLIC_BASE_URL);
    expect(url.pathname).toMatch(/^\/v\/[A-Z0-9]{26}$/);
    // The test's server stands in for PUBLIC_BASE_URL.
    return `${origin}${url.pathname}${url.search}`;
  }

  async function expectCleanPage(page: Page, seen: ReturnType<typeof watch>): Promise<void> {
    expect(seen.errors).toEqual([]);
    expect(seen.requests.filter((r) => r.resourceType() === 'script')).toEqual([]);
    expect(seen.requests.map((r) => new URL(r.url()).origin).filter((o) => o !== origin)).toEqual([]);
    expect(await page.locator('script').count()).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
  }

  it('a valid license: the QR code opens a page whose band says so in words, colour and icon', async () => {
    const page = await browser.context.newPage();
    const seen = watch(page);
    const response = await page.goto(await scannedUrl(licenses.valid.id));
    expect(response?.status()).toBe(200);
    const band = page.locator('h1.band');
    await expect(band.textContent()).resolves.toContain('GIẤY PHÉP CÒN HIỆU LỰC');
    expect(await band.locator('.band-icon').textContent()).toBe('✓');
    expect(await background(band)).toBe('rgb(20, 108, 46)');
    // The band spans the screen and sits at the top, where the eye lands first.
    const box = await band.boundingBox();
    expect(box).toMatchObject({ x: 0, width: 390 });
    expect(box!.y).toBeLessThan(80);
    const text = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
    for (const fact of [
      'tintucnghean.vn',
      'tintứcnghệan.vn',
      'Tin tức Nghệ An',
      'Công ty Cổ phần Truyền thông Sông Lam',
      licenses.valid.number,
      'Sở Thông tin và Truyền thông, Nghệ An',
      '05/03/2026',
      'Thời điểm tra cứu: 10:00 ngày 01/04/2026',
    ]) {
      expect(text).toContain(fact);
    }
    // No horizontal scrolling on the phone.
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await expectCleanPage(page, seen);
    // The whole page (document, stylesheet, icon) stays far below a phone's patience.
    expect(await bytesOf(seen.requests)).toBeLessThan(30 * 1024);
    if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, 'verify-valid-phone.png'), fullPage: true });

    // Printed: one A4 page, without the site header, the band still coloured.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header.top').isVisible()).toBe(false);
    expect(await background(band)).toBe('rgb(20, 108, 46)');
    const printed = pdfInfo(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    expect(printed.pages).toBe(1);
    expect(printed.pageSize).toMatch(/\(A4\)/);
    await page.close();
  });

  it('a suspended license: red ✗ band, until when', async () => {
    const page = await browser.context.newPage();
    const seen = watch(page);
    await page.goto(await scannedUrl(licenses.suspended.id));
    const band = page.locator('h1.band');
    const words = await band.innerText();
    expect(words).toContain('GIẤY PHÉP ĐANG BỊ ĐÌNH CHỈ');
    expect(words).toContain('Đến hết ngày 30/06/2026');
    expect(await band.locator('.band-icon').textContent()).toBe('✗');
    expect(await background(band)).toBe('rgb(179, 38, 30)');
    await expectCleanPage(page, seen);
    if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, 'verify-suspended-phone.png'), fullPage: true });
    await page.close();
  });

  it('a forged code: NOT FOUND, plainly', async () => {
    const page = await browser.context.newPage();
    const seen = watch(page);
    await page.goto(`${origin}/v/ABCDEFGHJKMNPQRSTVWXYZ0123`);
    expect(await page.locator('h1.band').innerText()).toContain('KHÔNG TÌM THẤY GIẤY PHÉP');
    await expectCleanPage(page, seen);
    await page.close();
  });

  it('the registry: typing a search and submitting the form, filtering by status, turning the page', async () => {
    const page = await browser.context.newPage();
    const seen = watch(page);
    await page.goto(`${origin}/`);
    expect(new URL(page.url()).pathname).toBe('/registry');
    await expectCleanPage(page, seen);

    await page.getByLabel('Số giấy phép, tên miền, tên trang hoặc tổ chức').fill('nghe an');
    await Promise.all([page.waitForURL(/q=nghe\+an/), page.getByRole('button', { name: 'Tìm kiếm' }).click()]);
    expect(await page.locator('#count').innerText()).toBe('Tìm thấy 1 giấy phép');
    expect(await page.locator('.results > li h2').allInnerTexts()).toEqual(['Tin tức Nghệ An']);
    await expectCleanPage(page, seen);

    await page.getByLabel('Số giấy phép, tên miền, tên trang hoặc tổ chức').fill('');
    await page.getByLabel('Tình trạng').selectOption({ label: 'Đang bị đình chỉ' });
    await Promise.all([page.waitForURL(/status=SUSPENDED/), page.getByRole('button', { name: 'Tìm kiếm' }).click()]);
    expect(await page.locator('.results > li h2').allInnerTexts()).toEqual(['Đà Nẵng 24h']);

    await page.getByLabel('Tình trạng').selectOption({ label: 'Tất cả' });
    await Promise.all([
      page.waitForURL(/status=$|status=&|status=(?!S)/),
      page.getByRole('button', { name: 'Tìm kiếm' }).click(),
    ]);
    expect(await page.locator('#count').innerText()).toBe('Tìm thấy 24 giấy phép');
    expect(await page.locator('.pager').innerText()).toContain('Trang 1 / 2');
    await Promise.all([page.waitForURL(/page=2/), page.getByRole('link', { name: /Trang sau/ }).click()]);
    expect(await page.locator('.pager').innerText()).toContain('Trang 2 / 2');
    expect(await page.locator('.results > li').count()).toBe(4);
    await expectCleanPage(page, seen);

    // The license's own page, from its card.
    await page.goto(`${origin}/registry?q=${encodeURIComponent('Đà Nẵng')}`);
    await Promise.all([
      page.waitForURL(/\/registry\/[0-9a-f-]{36}$/),
      page.getByRole('link', { name: 'Đà Nẵng 24h' }).click(),
    ]);
    expect(await page.locator('h1').innerText()).toBe('Đà Nẵng 24h');
    expect((await page.locator('main').innerText()).replace(/\s+/g, ' ')).toContain('Đình chỉ đến hết ngày 30/06/2026');
    await expectCleanPage(page, seen);

    if (SCREENSHOTS) {
      await page.goto(`${origin}/registry`);
      await page.screenshot({ path: join(SCREENSHOTS, 'registry-phone.png') });
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`${origin}/registry?q=${encodeURIComponent('nghệ an')}`);
      await page.screenshot({ path: join(SCREENSHOTS, 'registry-desktop.png'), fullPage: true });
    }
    await page.close();
  });

  it('the 404 page of an unknown license is a page too, and accessible', async () => {
    const page = await browser.context.newPage();
    const seen = watch(page);
    const r = await page.goto(`${origin}/registry/00000000-0000-4000-8000-000000000000`);
    expect(r?.status()).toBe(404);
    expect(await page.locator('h1').innerText()).toBe('Không tìm thấy trang');
    // Chromium logs the 404 of the document itself as a console error; nothing else may fail.
    seen.errors.splice(0, seen.errors.length, ...seen.errors.filter((e) => !/status of 404/.test(e)));
    await expectCleanPage(page, seen);
    await page.close();
  });
});
