/**
 * `npm run bench:open-data`: the open-data export's server memory and time for 100 000 licenses (issue 16).
 *
 * Starts the built server on a fresh PostgreSQL database, seeds licenses straight in SQL (bench/registry-seed.ts),
 * then downloads GET /public/licenses/export in each format at 10 000 and at 100 000 licenses, reading the body as
 * it arrives (the client keeps nothing). For each download: the server's RSS before, its peak during the download
 * (VmHWM, reset before each one), the time and the size. A streamed export's peak does not grow with the rows.
 * Writes its own section of docs/benchmarks.md (between the open-data markers; `npm run bench` keeps it).
 *
 * Settings (environment): BENCH_EXPORT_ROWS (default 100000), BENCH_PG_URL, BENCH_OUTPUT (default
 * docs/benchmarks.md), BENCH_SERVER_NODE_OPTIONS (default the heap cap docs/operations.md recommends).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { dbUrl, log, PG_ADMIN_URL, readMemoryKb, spawnServer, withPg } from './harness';
import { ExportFigureRow, registryExportSection, replaceSection } from './open-data-report';
import { seedRegistryRows } from './registry-seed';
import { API, Api, createCast } from './seed';

const DIST = join(__dirname, '..');
const ROOT = process.cwd();
const MAIN_JS = join(DIST, 'src', 'main.js');
const ADMIN_EMAIL = 'admin@bench.gov.vn';
const ADMIN_PASSWORD = 'Quan-tri-vien-do-tai-2026!';
const FORMATS = ['csv', 'json', 'ndjson'] as const;

async function download(url: string): Promise<{ bytes: number; status: number }> {
  const r = await fetch(url);
  let bytes = 0;
  const reader = r.body!.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
  }
  return { bytes, status: r.status };
}

async function main(): Promise<void> {
  if (!existsSync(MAIN_JS)) throw new Error(`${relative(ROOT, MAIN_JS)} is missing: run npm run build first`);
  const target = Number(process.env.BENCH_EXPORT_ROWS ?? 100_000);
  const output = process.env.BENCH_OUTPUT ?? join(ROOT, 'docs', 'benchmarks.md');
  const database = `gis_bench_od_${Date.now()}`;
  const tmp = mkdtempSync(join(tmpdir(), 'gis-bench-od-'));
  await withPg(PG_ADMIN_URL, (c) => c.query(`CREATE DATABASE ${database}`));
  const server = await spawnServer({
    label: 'server',
    script: MAIN_JS,
    port: 4212,
    healthPath: `${API}/health`,
    env: {
      NODE_ENV: 'production',
      JWT_SECRET: randomBytes(24).toString('hex'),
      ADMIN_EMAIL,
      ADMIN_PASSWORD,
      LOG_LEVEL: 'warn',
      SCHEDULER_ENABLED: 'false',
      NODE_OPTIONS: process.env.BENCH_SERVER_NODE_OPTIONS ?? '--max-old-space-size=192',
      DATABASE_URL: dbUrl(database),
      FILE_STORE_DIR: join(tmp, 'files'),
      DATA_DIR: join(tmp, 'unused'),
      PUBLIC_BASE_URL: 'https://gis.example.gov.vn',
    },
  });
  const figures: ExportFigureRow[] = [];
  try {
    const api = new Api(server.baseUrl);
    const cast = await createCast(api, await api.login(ADMIN_EMAIL, ADMIN_PASSWORD), 1, 1);
    await withPg(dbUrl(database), async (c) => {
      const owner = (await c.query<{ id: string }>(`SELECT id FROM users WHERE email = $1`, [cast.owners[0].email]))
        .rows[0];
      let seeded = 0;
      for (const rows of [Math.min(10_000, target), target]) {
        if (rows > seeded) {
          const t0 = performance.now();
          await seedRegistryRows(c, {
            count: rows - seeded,
            authorityId: cast.authorities[0].id,
            organizationId: cast.owners[0].organizationId,
            createdBy: owner.id,
            at: new Date(),
            tag: `B${rows}`,
          });
          await c.query('VACUUM ANALYZE licenses');
          log(`seeded ${rows - seeded} licenses in SQL (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
          seeded = rows;
        }
        for (const format of FORMATS) {
          server.resetPeakRssKb();
          const rssBeforeKb = readMemoryKb(server.pid)?.rss ?? NaN;
          const t0 = performance.now();
          const r = await download(`${server.baseUrl}${API}/public/licenses/export?format=${format}`);
          const seconds = (performance.now() - t0) / 1000;
          if (r.status !== 200) throw new Error(`export ${format}: ${r.status}`);
          const f = { rows, format, bytes: r.bytes, seconds, rssBeforeKb, peakKb: server.peakRssKb() };
          figures.push(f);
          log(`export ${format} × ${rows}: ${JSON.stringify(f)}`);
        }
      }
    });
  } finally {
    await server.stop();
    await withPg(PG_ADMIN_URL, (c) => c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
    rmSync(tmp, { recursive: true, force: true });
  }
  const md = existsSync(output) ? readFileSync(output, 'utf8') : '# Benchmarks\n';
  writeFileSync(output, replaceSection(md, registryExportSection(figures, new Date())));
  log(`wrote the open-data section of ${relative(ROOT, output)}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
