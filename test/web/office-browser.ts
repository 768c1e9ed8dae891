// The back office's browser helpers (test/web/browser.ts holds the public pages' ones; the two could share one launcher).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import axeCore from 'axe-core';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`; .ci/run installs it). Playwright never downloads a browser here. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ROOT = join(__dirname, '..', '..');

/** Chromium's own background connections are refused on this network; these flags keep it quiet and fast. */
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A headless Chromium with a fresh profile (a new --user-data-dir, removed on close). */
export async function launchChromium(viewport = { width: 1366, height: 900 }): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM}: the browser tests drive Debian's Chromium (apt-get install -y chromium; ` +
        '.ci/run installs it). Set CHROMIUM_PATH to use another binary. No browser is ever downloaded.',
    );
  }
  const profile = mkdtempSync(join(tmpdir(), 'gis-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/**
 * The back office must be built (dist/office) from the current web/ sources: CI builds before testing; a
 * developer's stale or missing build is rebuilt here (Vite, a few seconds).
 */
export function ensureOfficeBuilt(): void {
  const index = join(ROOT, 'dist', 'office', 'index.html');
  const sources = Math.max(newestMtime(join(ROOT, 'web', 'src')), statSync(join(ROOT, 'web', 'index.html')).mtimeMs);
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  // A production build, as `npm run build` makes (Jest sets NODE_ENV=test, which would give React's development build).
  execFileSync('npm', ['run', '--silent', 'build:web'], {
    cwd: ROOT,
    stdio: 'pipe',
    timeout: 180_000,
    env: { ...process.env, NODE_ENV: 'production' },
  });
}

const AXE_SOURCE: string = axeCore.source;

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string }[];
}

/**
 * axe-core (WCAG 2.1 A/AA rules) on the page as it is now: the serious and critical violations. axe is evaluated
 * through the DevTools protocol, which the page's CSP does not govern, so the page keeps its real policy.
 */
/**
 * Waits until animations and colour transitions are over (a half-faded dialog, or a button still changing from its
 * disabled colour, would read as low contrast to axe).
 */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const doc = (
      globalThis as unknown as { document: { querySelector(s: string): unknown; getAnimations(): unknown[] } }
    ).document;
    return (
      !doc.querySelector('[class*="-appear"], [class*="-enter"], [class*="-leave"]') && doc.getAnimations().length === 0
    );
  });
}

export async function seriousA11yViolations(page: Page): Promise<AxeViolation[]> {
  // Judge the page at rest: the pointer left on a just-clicked button shows its lighter hover colour.
  await page.mouse.move(0, 0);
  await settled(page);
  const loaded = await page.evaluate(() => typeof (globalThis as { axe?: unknown }).axe !== 'undefined');
  if (!loaded) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(o: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    // Without a context, axe checks the whole document.
    const r = await axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target, html: n.html.slice(0, 200) })),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
