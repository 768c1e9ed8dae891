import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { Clock, SystemClock } from '../../src/common/clock';
import { bearer, Cast, createCast, fileApplicationTo, STRONG_PASSWORD, TestUser } from '../support/factories';
import { API, startTestApp, TestApp } from '../support/test-app';
import { Browser, ensureOfficeBuilt, launchChromium, seriousA11yViolations } from './office-browser';

jest.setTimeout(240_000);

/**
 * The back office in a real browser (Debian's Chromium through playwright-core) against the real Nest app on
 * PostgreSQL, listening on a random port: a dossier filed by a site owner (through the API) is taken from
 * SUBMITTED to an issued license only through the screens, by an appraiser and then a different approver. Every
 * page is checked with axe-core (no serious or critical violation) and must cause no CSP violation.
 */
describe('back office (browser): from a submitted dossier to an issued license', () => {
  let t: TestApp;
  let cast: Cast;
  let browser: Browser;
  let base: string;
  let dossier: { id: string; site: { name: string; domains: string[] } };
  const cspViolations: string[] = [];
  const pageErrors: string[] = [];
  const a11y: Record<string, unknown[]> = {};

  beforeAll(async () => {
    ensureOfficeBuilt();
    t = await startTestApp();
    // Business time frozen on a working Monday (10:00 in Hà Nội); every date below follows from it.
    (t.app.get(Clock) as SystemClock).set(new Date('2026-04-06T03:00:00Z'));
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    cast = await createCast(t);
    dossier = (await fileApplicationTo(t, cast, 'SUBMITTED')) as unknown as typeof dossier;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function open(path: string): Promise<Page> {
    const page = await browser.context.newPage();
    page.on('pageerror', (e: Error) => pageErrors.push(`${page.url()}: ${e.message}`));
    page.on('console', (m) => {
      if (/Content[- ]Security[- ]Policy/i.test(m.text())) cspViolations.push(`${page.url()}: ${m.text()}`);
    });
    // The report names the directive and the script that broke it (the console message alone does not).
    await page.addInitScript({
      content: `document.addEventListener('securitypolicyviolation', (e) => console.error(
        'Content-Security-Policy: ' + e.violatedDirective + ' by ' + e.sourceFile + ':' + e.lineNumber + ' ' + e.sample));`,
    });
    await page.goto(`${base}${path}`);
    return page;
  }

  /** axe on the page now; violations are collected per page name and asserted at the end of each test. */
  async function checkA11y(page: Page, name: string) {
    const v = await seriousA11yViolations(page);
    if (v.length) a11y[name] = v;
  }

  /** OFFICE_SCREENSHOTS=docs/img regenerates the README's screenshots from this run. */
  async function shot(page: Page, name: string) {
    const dir = process.env.OFFICE_SCREENSHOTS;
    if (dir) await page.screenshot({ path: join(dir, `office-${name}.png`) });
  }

  async function signIn(page: Page, user: TestUser) {
    await page.getByLabel('Thư điện tử').fill(user.email);
    await page.getByLabel('Mật khẩu').fill(STRONG_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
  }

  async function fireFromDialog(page: Page, action: string) {
    await page.getByRole('button', { name: action, exact: true }).first().click();
    const dialog = page.getByRole('dialog', { name: action });
    await dialog.waitFor();
    // Let the opening animation finish (a half-faded button would read as low contrast to axe).
    await page.waitForFunction(
      () =>
        !(globalThis as unknown as { document: { querySelector(s: string): unknown } }).document.querySelector(
          '[class*="-appear"], [class*="-enter"]',
        ),
    );
    return dialog;
  }

  it('the appraiser takes the dossier, confirms it complete, reads a document and recommends approval', async () => {
    const page = await open('/office/');
    await page.getByRole('heading', { name: 'Đăng nhập dành cho cán bộ' }).waitFor();
    await checkA11y(page, 'sign-in');
    await signIn(page, cast.appraiser);

    // Home of an appraiser: my queue (empty), then the unassigned queue, sorted by deadline.
    await page.getByRole('heading', { name: 'Hồ sơ được giao cho tôi' }).waitFor();
    await page.getByText('Bạn không có hồ sơ nào đang xử lý.').waitFor();
    await checkA11y(page, 'my queue (empty)');
    await page.getByRole('link', { name: 'Hồ sơ chưa phân công' }).click();
    await page.getByRole('heading', { name: 'Hồ sơ chưa có người nhận' }).waitFor();
    const row = page.getByRole('link', { name: new RegExp(`^${dossier.site.name}`) });
    await row.waitFor();
    await page.getByText('Chưa bắt đầu tính').first().waitFor(); // no statutory clock before CONFIRM_COMPLETE
    await checkA11y(page, 'unassigned queue');
    await shot(page, 'queue');
    expect(new URL(page.url()).pathname).toBe('/office/queue/unassigned');
    await row.click();

    // The dossier: the buttons are the events GET /transitions allows this appraiser now.
    await page.getByRole('heading', { name: `Hồ sơ: ${dossier.site.name}` }).waitFor();
    const actions = page.getByRole('region', { name: 'Thao tác' });
    await expect(actions.getByRole('button').allInnerTexts()).resolves.toEqual(['Nhận hồ sơ để kiểm tra']);
    await checkA11y(page, 'dossier (submitted)');

    let dialog = await fireFromDialog(page, 'Nhận hồ sơ để kiểm tra');
    await checkA11y(page, 'dialog START_REVIEW');
    await dialog.getByRole('button', { name: 'Nhận hồ sơ để kiểm tra' }).click();
    await page.getByText('Đang kiểm tra', { exact: true }).first().waitFor();
    await expect(actions.getByRole('button').allInnerTexts()).resolves.toEqual([
      'Xác nhận hồ sơ đầy đủ',
      'Yêu cầu bổ sung',
      'Trả lại hồ sơ',
    ]);

    // A supplement request asks for its items and reason: Submit stays disabled until both are given.
    dialog = await fireFromDialog(page, 'Yêu cầu bổ sung');
    const submitSupplement = dialog.getByRole('button', { name: 'Yêu cầu bổ sung' });
    await expect(submitSupplement.isDisabled()).resolves.toBe(true);
    await dialog.getByRole('button', { name: 'Hủy' }).click();

    dialog = await fireFromDialog(page, 'Xác nhận hồ sơ đầy đủ');
    await dialog.getByRole('button', { name: 'Xác nhận hồ sơ đầy đủ' }).click();
    await page.getByText('Đang thẩm định', { exact: true }).first().waitFor();
    // The statutory clock now runs: 10 working days from Monday 6 April 2026 (Hùng Kings' day is 26 April).
    await page
      .getByText(/Còn \d+ ngày làm việc/)
      .first()
      .waitFor();

    // A document opens inside the page, fetched with the session from the same origin.
    await page.getByRole('tab', { name: /Tài liệu/ }).click();
    await page.getByRole('button', { name: /^Mở:/ }).first().click();
    const viewer = page.locator('iframe.doc-viewer');
    await viewer.waitFor();
    expect(await viewer.getAttribute('src')).toMatch(/^blob:http:\/\/127\.0\.0\.1:\d+\//);
    await checkA11y(page, 'dossier documents');
    await shot(page, 'dossier-documents');

    // The recommendation: a choice and the checklist, one row per requirement, pre-filled from the documents.
    dialog = await fireFromDialog(page, 'Trình kết quả thẩm định');
    const submitRecommendation = dialog.getByRole('button', { name: 'Trình kết quả thẩm định' });
    await expect(submitRecommendation.isDisabled()).resolves.toBe(true);
    await dialog.getByRole('radio', { name: 'Đề nghị cấp phép' }).check();
    await dialog.getByLabel(/^Ghi chú$/).fill('Hồ sơ đầy đủ, nội dung phù hợp quy định.');
    await checkA11y(page, 'dialog RECOMMEND');
    await shot(page, 'recommend');
    await submitRecommendation.click();
    await page.getByText('Chờ quyết định', { exact: true }).first().waitFor();
    await expect(actions.getByRole('button').count()).resolves.toBe(0);
    // The history (side column, newest first) now starts with the recommendation.
    await page.getByRole('heading', { name: 'Lịch sử xử lý' }).waitFor();
    await expect(page.locator('.ant-timeline-item').first().innerText()).resolves.toContain('Trình kết quả thẩm định');

    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByRole('heading', { name: 'Đăng nhập dành cho cán bộ' }).waitFor();
    await page.close();

    const r = await t.http.get(`${API}/applications/${dossier.id}`).set(bearer(cast.appraiser.token));
    expect(r.body).toMatchObject({
      state: 'PENDING_DECISION',
      recommendation: 'APPROVE',
      assigneeId: cast.appraiser.id,
    });
    expect(a11y).toEqual({});
  });

  it('a different approver sees the recommendation beside the dossier, approves, and opens the license', async () => {
    const page = await open('/office/');
    await signIn(page, cast.approver);
    await page.getByRole('heading', { name: 'Hồ sơ chờ quyết định' }).waitFor();
    const row = page.getByRole('link', { name: new RegExp(`^${dossier.site.name}`) });
    await row.waitFor();
    await checkA11y(page, 'decisions queue');
    await row.click();

    await page.getByRole('heading', { name: 'Đề xuất của chuyên viên' }).waitFor();
    await page.getByText('Đề nghị cấp phép', { exact: true }).waitFor();
    const actions = page.getByRole('region', { name: 'Thao tác' });
    await expect(actions.getByRole('button').allInnerTexts()).resolves.toEqual([
      'Phê duyệt, cấp phép',
      'Từ chối cấp phép',
      'Trả về thẩm định lại',
      'Phân công lại',
    ]);
    await checkA11y(page, 'dossier (pending decision)');
    await shot(page, 'decision');

    // Refusing needs reasons: the red button stays disabled until they are written.
    let dialog = await fireFromDialog(page, 'Từ chối cấp phép');
    await expect(dialog.getByRole('button', { name: 'Từ chối cấp phép' }).isDisabled()).resolves.toBe(true);
    await dialog.getByRole('button', { name: 'Hủy' }).click();

    dialog = await fireFromDialog(page, 'Phê duyệt, cấp phép');
    await checkA11y(page, 'dialog APPROVE');
    await dialog.getByRole('button', { name: 'Phê duyệt, cấp phép' }).click();
    await page.getByText('Đã cấp phép', { exact: true }).first().waitFor();

    await page.getByRole('link', { name: 'Xem giấy phép' }).click();
    const license = (await t.http.get(`${API}/licenses?pageSize=100`).set(bearer(cast.approver.token))).body.items[0];
    await page.getByRole('heading', { name: `Giấy phép số ${license.number}` }).waitFor();
    await page.getByText('Đang có hiệu lực').first().waitFor();
    await page.getByRole('cell', { name: 'Phiên bản 1' }).waitFor();
    const pdf = await page.request.get(`${base}/api/v1/licenses/${license.id}/pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    await checkA11y(page, 'license');
    await shot(page, 'license');
    await page.close();

    const r = await t.http.get(`${API}/applications/${dossier.id}`).set(bearer(cast.approver.token));
    expect(r.body).toMatchObject({ state: 'APPROVED', licenseId: license.id });
    expect(license).toMatchObject({ status: 'ACTIVE', domains: dossier.site.domains });
    expect(a11y).toEqual({});
  });

  it('caused no Content-Security-Policy violation and no script error on any page', () => {
    expect(cspViolations).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
