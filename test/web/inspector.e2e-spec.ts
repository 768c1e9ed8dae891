import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { Clock, SystemClock } from '../../src/common/clock';
import { bearer, Cast, createCast, fileApplicationTo, STRONG_PASSWORD, TestUser } from '../support/factories';
import { API, startTestApp, TestApp } from '../support/test-app';
import { Browser, ensureOfficeBuilt, launchChromium, seriousA11yViolations } from './office-browser';

jest.setTimeout(240_000);

/**
 * The inspector's back office in a real browser (Debian's Chromium through playwright-core) against the real Nest
 * app on PostgreSQL: an inspector plans, starts and completes an inspection of a license, logs a violation from it
 * (the catalogue entry in force on the day and its fine range shown) and sanctions it with a fine within that
 * range, all through the screens. Every page and dialog is checked with axe-core (no serious or critical
 * violation) and must cause no CSP violation and no script error.
 */
describe('back office (browser): an inspector inspects a site and sanctions a violation', () => {
  const TODAY = '2026-04-06'; // the frozen business day below (Hà Nội)
  let t: TestApp;
  let cast: Cast;
  let browser: Browser;
  let base: string;
  let license: { id: string; number: string };
  const cspViolations: string[] = [];
  const pageErrors: string[] = [];
  const a11y: Record<string, unknown[]> = {};

  beforeAll(async () => {
    ensureOfficeBuilt();
    t = await startTestApp();
    // Business time frozen on a working Monday (10:00 in Hà Nội); every date below follows from it.
    (t.app.get(Clock) as SystemClock).set(new Date(`${TODAY}T03:00:00Z`));
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    cast = await createCast(t);
    const app = (await fileApplicationTo(t, cast, 'APPROVED')) as unknown as { licenseId: string };
    const l = await t.http.get(`${API}/licenses/${app.licenseId}`).set(bearer(cast.inspector.token));
    expect(l.status).toBe(200);
    license = l.body;
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
    await page.addInitScript({
      content: `document.addEventListener('securitypolicyviolation', (e) => console.error(
        'Content-Security-Policy: ' + e.violatedDirective + ' by ' + e.sourceFile + ':' + e.lineNumber + ' ' + e.sample));`,
    });
    await page.goto(`${base}${path}`);
    return page;
  }

  async function checkA11y(page: Page, name: string) {
    await settled(page);
    const v = await seriousA11yViolations(page);
    if (v.length) a11y[name] = v;
  }

  /** OFFICE_SCREENSHOTS=docs/img regenerates the screenshot of the inspection page. */
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

  /**
   * Waits until animations and colour transitions are over (a half-faded dialog, or a button still changing from its
   * disabled colour, would read as low contrast to axe).
   */
  async function settled(page: Page) {
    await page.waitForFunction(() => {
      const doc = (
        globalThis as unknown as { document: { querySelector(s: string): unknown; getAnimations(): unknown[] } }
      ).document;
      return (
        !doc.querySelector('[class*="-appear"], [class*="-enter"], [class*="-leave"]') &&
        doc.getAnimations().length === 0
      );
    });
  }

  async function openDialog(page: Page, action: string) {
    await page.getByRole('button', { name: action, exact: true }).first().click();
    const dialog = page.getByRole('dialog', { name: action });
    await dialog.waitFor();
    await settled(page);
    return dialog;
  }

  /** An Ant Design select with search: type, then take the first match. */
  async function choose(page: Page, label: string, text: string) {
    const box = page.getByRole('dialog').getByRole('combobox', { name: label });
    await box.click();
    await box.fill(text);
    await page.locator('.ant-select-item-option', { hasText: text }).first().click();
    // Leave the field so that its list closes (an open list is Ant Design's, named by its field only while open).
    await box.press('Tab');
    await page.getByRole('dialog').locator('[role="listbox"]').waitFor({ state: 'detached' });
  }

  it('plans, starts and completes an inspection, then logs a violation from it and sanctions it', async () => {
    const page = await open('/office/');
    await page.getByRole('heading', { name: 'Đăng nhập dành cho cán bộ' }).waitFor();
    await signIn(page, cast.inspector);

    // An inspector's home is the inspections list; the menu has inspections and violations.
    await page.getByRole('heading', { name: 'Các cuộc kiểm tra' }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
    await expect(nav.getByRole('link').allInnerTexts()).resolves.toEqual([
      'Kiểm tra',
      'Vi phạm',
      'Giấy phép',
      'Tất cả hồ sơ',
    ]);
    await page.getByText('Chưa có cuộc kiểm tra nào.').waitFor();
    await checkA11y(page, 'inspections (empty)');

    // Plan: license, date, kind, scope (the team defaults to the inspector as its head).
    let dialog = await openDialog(page, 'Lập kế hoạch kiểm tra');
    const plan = dialog.getByRole('button', { name: 'Lập kế hoạch kiểm tra' });
    await expect(plan.isDisabled()).resolves.toBe(true);
    await choose(page, 'Giấy phép', license.number);
    await dialog.getByLabel('Ngày kiểm tra').fill(TODAY);
    await dialog.getByRole('radio', { name: 'Định kỳ' }).check();
    await dialog.getByLabel('Nội dung kiểm tra').fill('Nguồn tin, trích dẫn và thông tin trên trang chủ.');
    await dialog
      .getByLabel('Đoàn kiểm tra')
      .fill('Nguyễn Thị Hoa, Thanh tra viên, Trưởng đoàn\nTrần Văn Nam, Chuyên viên');
    await checkA11y(page, 'dialog plan');
    await plan.click();

    // The inspection page: the buttons are the events GET /inspections/{id}/transitions allows now.
    await page.getByRole('heading', { name: `Kiểm tra giấy phép ${license.number}` }).waitFor();
    const actions = page.getByRole('region', { name: 'Thao tác' });
    await page.getByText('Đã lập kế hoạch', { exact: true }).first().waitFor();
    await expect(actions.getByRole('button').allInnerTexts()).resolves.toEqual([
      'Bắt đầu kiểm tra',
      'Hủy cuộc kiểm tra',
    ]);
    await page.getByText('Trần Văn Nam, Chuyên viên').waitFor();
    await checkA11y(page, 'inspection (planned)');

    dialog = await openDialog(page, 'Bắt đầu kiểm tra');
    await dialog.getByRole('button', { name: 'Bắt đầu kiểm tra' }).click();
    await page.getByText('Đang kiểm tra', { exact: true }).first().waitFor();
    await expect(actions.getByRole('button').allInnerTexts()).resolves.toEqual([
      'Kết thúc, lập biên bản',
      'Hủy cuộc kiểm tra',
      'Ghi nhận vi phạm từ cuộc kiểm tra',
    ]);

    // Complete: findings (one per line) and a conclusion are required; a remedy with its deadline is optional.
    dialog = await openDialog(page, 'Kết thúc, lập biên bản');
    const complete = dialog.getByRole('button', { name: 'Kết thúc, lập biên bản' });
    await expect(complete.isDisabled()).resolves.toBe(true);
    await dialog
      .getByLabel('Kết quả kiểm tra')
      .fill('Trang chủ không ghi số giấy phép.\nNguồn tin được trích dẫn đầy đủ.');
    await dialog.getByLabel('Kết luận').fill('Vi phạm quy định về thông tin trên trang chủ.');
    await dialog.getByRole('button', { name: 'Thêm yêu cầu khắc phục' }).click();
    await dialog.getByLabel('Yêu cầu 1').fill('Bổ sung số giấy phép lên trang chủ.');
    await dialog.getByLabel('Hạn khắc phục').fill('2026-04-20');
    await checkA11y(page, 'dialog COMPLETE');
    await complete.click();
    await page.getByText('Đã kết thúc', { exact: true }).first().waitFor();
    await page.getByText('Trang chủ không ghi số giấy phép.').waitFor();
    const record = page.getByRole('link', { name: 'Mở biên bản kiểm tra (PDF)' });
    await record.waitFor();
    const pdf = await page.request.get(new URL((await record.getAttribute('href'))!, base).toString());
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    await checkA11y(page, 'inspection (completed)');
    await shot(page, 'inspection');
    const inspectionId = new URL(page.url()).pathname.split('/').pop()!;

    // Log a violation from the inspection: the license and the inspection come with it; the type list is the
    // catalogue in force on the day of detection, and the chosen entry's fine range is shown.
    const types = await t.http.get(`${API}/violation-types`).query({ on: TODAY }).set(bearer(cast.inspector.token));
    const entry = (types.body as { code: string; minFine: number; maxFine: number; effectiveFrom: string }[]).find(
      (x) => x.code === 'HOMEPAGE_DISCLOSURE',
    )!;
    expect(entry).toBeDefined();
    await page.getByRole('button', { name: 'Ghi nhận vi phạm từ cuộc kiểm tra' }).click();
    dialog = page.getByRole('dialog', { name: 'Ghi nhận vi phạm' });
    await dialog.waitFor();
    await settled(page);
    await dialog.getByLabel('Ngày phát hiện').fill(TODAY);
    await choose(page, 'Hành vi vi phạm', 'HOMEPAGE_DISCLOSURE');
    const vnd = (n: number) =>
      new Intl.NumberFormat('vi-VN', { style: 'currency', currency: 'VND', maximumFractionDigits: 0 }).format(n);
    await dialog.getByText(`Mức phạt tiền: từ ${vnd(entry.minFine)} đến ${vnd(entry.maxFine)}`).waitFor();
    await dialog.getByLabel('Mô tả vi phạm').fill('Trang chủ không ghi số giấy phép và cơ quan cấp phép.');
    await checkA11y(page, 'dialog log violation');
    await dialog.getByRole('button', { name: 'Ghi nhận vi phạm' }).click();

    // The violation page: SANCTION, with the fine checked against the range shown.
    await page.getByRole('heading', { name: /^Vi phạm: / }).waitFor();
    await page.getByText('Chưa xử lý', { exact: true }).first().waitFor();
    await checkA11y(page, 'violation (open)');
    dialog = await openDialog(page, 'Ra quyết định xử phạt');
    const sanction = dialog.getByRole('button', { name: 'Ra quyết định xử phạt' });
    await dialog.getByLabel('Số tiền phạt').fill(String(entry.maxFine + 1000));
    await dialog.getByLabel('Số quyết định').fill('15/QĐ-XPHC');
    await dialog.getByText('Số tiền phải nằm trong khung tiền phạt.').waitFor();
    await expect(sanction.isDisabled()).resolves.toBe(true);
    const fine = entry.minFine + Math.round((entry.maxFine - entry.minFine) / 2 / 1000) * 1000;
    await dialog.getByLabel('Số tiền phạt').fill(String(fine));
    await dialog.getByLabel('Hạn khắc phục').fill('2026-04-30');
    await expect(sanction.isDisabled()).resolves.toBe(false);
    await checkA11y(page, 'dialog SANCTION');
    await sanction.click();
    await page.getByText('Đã xử phạt', { exact: true }).first().waitFor();
    await page.getByText(vnd(fine)).first().waitFor();
    await checkA11y(page, 'violation (sanctioned)');
    const violationId = new URL(page.url()).pathname.split('/').pop()!;
    await page.close();

    const i = await t.http.get(`${API}/inspections/${inspectionId}`).set(bearer(cast.inspector.token));
    expect(i.body).toMatchObject({
      state: 'COMPLETED',
      licenseId: license.id,
      kind: 'PERIODIC',
      scheduledOn: TODAY,
      findings: ['Trang chủ không ghi số giấy phép.', 'Nguồn tin được trích dẫn đầy đủ.'],
      remedies: [{ description: 'Bổ sung số giấy phép lên trang chủ.', dueOn: '2026-04-20' }],
      team: [
        { fullName: 'Nguyễn Thị Hoa', position: 'Thanh tra viên', role: 'Trưởng đoàn' },
        { fullName: 'Trần Văn Nam', position: 'Chuyên viên' },
      ],
    });
    const v = await t.http.get(`${API}/violations/${violationId}`).set(bearer(cast.inspector.token));
    expect(v.body).toMatchObject({
      state: 'SANCTIONED',
      licenseId: license.id,
      inspectionId,
      typeCode: 'HOMEPAGE_DISCLOSURE',
      typeEffectiveFrom: entry.effectiveFrom,
      detectedOn: TODAY,
      fineAmount: fine,
      decisionNumber: '15/QĐ-XPHC',
      remedyDueOn: '2026-04-30',
    });
    expect(a11y).toEqual({});
  });

  it('caused no Content-Security-Policy violation and no script error on any page', () => {
    expect(cspViolations).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
