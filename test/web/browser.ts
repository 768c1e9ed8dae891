import { execFileSync } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`; `.ci/run` installs it). No browser is ever downloaded. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags that keep Chromium from opening connections of its own (refused here, and noise in CI). */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A phone: 390 × 844 CSS pixels, touch, as a common handset. */
export const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'vi-VN',
  timezoneId: 'Asia/Ho_Chi_Minh',
};

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Chromium on a fresh profile directory. A missing browser fails the test with a message saying what to install:
 * a browser test that skips itself silently would pass in CI while testing nothing.
 */
export async function launchChromium(options: BrowserContextOptions = PHONE): Promise<Browser> {
  try {
    accessSync(CHROMIUM, constants.X_OK);
  } catch {
    throw new Error(
      `Chromium is missing at ${CHROMIUM}: install it (Debian: apt-get install -y chromium) or set CHROMIUM_PATH. ` +
        'The browser tests never download a browser.',
    );
  }
  const profile = mkdtempSync(join(tmpdir(), 'gis-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    ...options,
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core's WCAG 2.1 A/AA and best-practice rules on the page as it stands; returns the serious and critical
 * violations. axe is evaluated through the DevTools protocol, which the page's Content-Security-Policy (no script
 * at all) does not apply to, so the page is checked under its real policy.
 */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  const { violations, passes } = await page.evaluate(async () => {
    type Axe = { run(o: unknown): Promise<{ violations: AxeViolation[]; passes: unknown[] }> };
    const axe = (globalThis as unknown as { axe: Axe }).axe;
    const r = await axe.run({ runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] });
    return {
      passes: r.passes.length,
      violations: r.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target })),
      })),
    };
  });
  // axe ran its rules (a check that ran nothing would pass anything).
  if (passes < 10) throw new Error(`axe-core checked only ${passes} rules on ${page.url()}`);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** `pdfinfo` of a PDF (poppler-utils): its pages and page size. */
export function pdfInfo(pdf: Buffer): { pages: number; pageSize: string } {
  const dir = mkdtempSync(join(tmpdir(), 'gis-pdfinfo-'));
  try {
    writeFileSync(join(dir, 'page.pdf'), pdf);
    const out = execFileSync('pdfinfo', ['page.pdf'], { cwd: dir, encoding: 'utf8' });
    return {
      pages: Number(/^Pages:\s+(\d+)/m.exec(out)?.[1]),
      pageSize: /^Page size:\s+(.+)$/m.exec(out)?.[1]?.trim() ?? '',
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The URL in the QR code on page 1 of a PDF (pdftoppm, then zbarimg: poppler-utils and zbar-tools). */
export function qrUrlOf(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'gis-qr-'));
  try {
    writeFileSync(join(dir, 'license.pdf'), pdf);
    execFileSync('pdftoppm', ['-png', '-r', '200', '-f', '1', '-l', '1', '-singlefile', 'license.pdf', 'page'], {
      cwd: dir,
    });
    return execFileSync('zbarimg', ['--raw', '-q', 'page.png'], { cwd: dir, encoding: 'utf8' }).trim();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
