/**
 * The back office's figures (issue 11): its initial JavaScript, gzipped (budget 350 KB), and the time to a usable
 * queue page in headless Chromium (Debian's /usr/bin/chromium through playwright-core) against the built server on
 * the embedded database. Run alone with `npm run bench:office` (after `npm run build`); `npm run bench` appends the
 * same section to its report.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { fmt, table } from './report';
import { log, spawnServer } from './harness';

const DIST = join(__dirname, '..');
const OFFICE = join(DIST, 'office');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const API = '/api/v1';
const BUDGET_KB = 350;

export interface OfficeFigures {
  initialJsGzipKb: number;
  initialJsFiles: number;
  queueJsGzipKb: number;
  queueJsFiles: number;
  usableMs: number[];
}

const gzKb = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length / 1024;

/** The scripts index.html loads before anything runs: the entry module and its modulepreloads. */
function initialScripts(): string[] {
  const html = readFileSync(join(OFFICE, 'index.html'), 'utf8');
  return [...html.matchAll(/(?:src|href)="\/office\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
}

export async function measureOffice(runs = 5): Promise<OfficeFigures> {
  const initial = initialScripts();
  const initialJsGzipKb = initial.reduce((s, f) => s + gzKb(join(OFFICE, f)), 0);

  const tmp = mkdtempSync(join(tmpdir(), 'gis-office-bench-'));
  const admin = { email: 'admin@bench.gov.vn', password: 'Quan-tri-bench-2026!' };
  const server = await spawnServer({
    label: 'back office server (embedded)',
    script: join(DIST, 'src', 'main.js'),
    env: {
      NODE_ENV: 'production',
      DATA_DIR: join(tmp, 'data'),
      JWT_SECRET: 'bench-office-secret-bench-office-secret-42',
      ADMIN_EMAIL: admin.email,
      ADMIN_PASSWORD: admin.password,
      LOG_LEVEL: 'warn',
      SCHEDULER_ENABLED: 'false',
    },
    port: 4291,
    healthPath: `${API}/health`,
    timeoutMs: 180_000,
  });
  const base = `http://127.0.0.1:4291`;
  const profile = mkdtempSync(join(tmpdir(), 'gis-office-chromium-'));
  try {
    const post = async (path: string, body: unknown, token?: string) => {
      const r = await fetch(`${base}${API}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });
      if (!r.ok) throw new Error(`POST ${path}: ${r.status} ${await r.text()}`);
      return r;
    };
    const adminToken = ((await (await post('/auth/login', admin)).json()) as { accessToken: string }).accessToken;
    const authority = (await (
      await post(
        '/authorities',
        {
          code: 'BENCHOFFICE',
          name: 'Sở Thông tin và Truyền thông',
          province: 'Nghệ An',
          licenseNumberSuffix: 'GP-STTTT',
          parentBody: 'UBND TỈNH NGHỆ AN',
          signerTitle: 'GIÁM ĐỐC',
          signerName: 'Nguyễn Văn Hùng',
        },
        adminToken,
      )
    ).json()) as { id: string };
    const appraiser = { email: 'tham.dinh@bench.gov.vn', password: 'Mat-khau-manh-2026' };
    await post(
      '/users',
      { ...appraiser, fullName: 'Chuyên viên thẩm định', role: 'appraiser', authorityId: authority.id },
      adminToken,
    );

    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const usableMs: number[] = [];
    let queueScripts = new Set<string>();
    try {
      for (let i = 0; i < runs; i++) {
        // A signed-in appraiser with an empty cache: the cookie session comes from the API, as the sign-in page gets it.
        await context.clearCookies();
        const session = await post('/auth/session', appraiser);
        const secret = /gis_session=([^;]+)/.exec(session.headers.get('set-cookie') ?? '')?.[1];
        if (!secret) throw new Error('no session cookie');
        await context.addCookies([{ name: 'gis_session', value: secret, url: `${base}${API}` }]);
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send('Network.clearBrowserCache');
        const scripts = new Set<string>();
        page.on('requestfinished', (r) => {
          if (r.resourceType() === 'script') scripts.add(new URL(r.url()).pathname.replace('/office/', ''));
        });
        const t0 = performance.now();
        await page.goto(`${base}/office/queue/all`);
        // Usable: the queue's heading and its table (rows or the empty-queue message) are on screen.
        await page.getByRole('heading', { name: 'Tất cả hồ sơ của cơ quan' }).waitFor();
        await page.locator('.ant-table-tbody').waitFor();
        await page.getByText('Chưa có hồ sơ nào.').waitFor();
        usableMs.push(performance.now() - t0);
        queueScripts = scripts;
        await page.close();
      }
    } finally {
      await context.close();
    }
    const queueJsGzipKb = [...queueScripts].reduce((s, f) => s + gzKb(join(OFFICE, f)), 0);
    return {
      initialJsGzipKb,
      initialJsFiles: initial.length,
      queueJsGzipKb,
      queueJsFiles: queueScripts.size,
      usableMs,
    };
  } finally {
    await server.stop();
    rmSync(tmp, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export function officeSection(f: OfficeFigures): string {
  return [
    '## Back office (issue 11)',
    '',
    'Measured by `bench/office.ts` (`npm run bench:office` alone): the built single-page application in `dist/office`,',
    'served by the built server on the embedded database, opened by headless Debian Chromium with an empty cache and a',
    'signed-in appraiser (cookie session). "Usable": the queue heading and its table are on screen.',
    '',
    table(
      ['figure', 'value', 'target'],
      [
        [
          `initial JavaScript, gzipped (index.html's entry and preloads, ${f.initialJsFiles} files)`,
          `${fmt(f.initialJsGzipKb, 1)} KB`,
          `≤ ${BUDGET_KB} KB ${f.initialJsGzipKb <= BUDGET_KB ? '✓' : '✗'}`,
        ],
        [
          `JavaScript of the queue page, gzipped (${f.queueJsFiles} files: the above plus its route chunks)`,
          `${fmt(f.queueJsGzipKb, 1)} KB`,
          '',
        ],
        [
          `time to a usable queue page, median of ${f.usableMs.length} (all: ${f.usableMs.map((x) => fmt(x, 0)).join(', ')} ms)`,
          `${fmt(median(f.usableMs), 0)} ms`,
          '',
        ],
      ],
    ),
    '',
  ].join('\n');
}

if (require.main === module) {
  measureOffice()
    .then((f) => {
      process.stdout.write(`${officeSection(f)}\n`);
    })
    .catch((e: unknown) => {
      log(`back office bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      process.exit(1);
    });
}
