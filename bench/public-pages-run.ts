/**
 * `npm run bench:public-pages`: the verification page's measurement alone (bench/public-pages.ts), on a fresh
 * database with a few licenses issued through the API, without the minutes of the whole `npm run bench`. Prints the
 * figures and the section as Markdown; writes nothing.
 *
 *   BENCH_DURATION  seconds per load measurement (default 5)  ·  BENCH_CONNECTIONS (default 32)
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dbUrl, log, PG_ADMIN_URL, sleep, spawnServer, withPg } from './harness';
import { measurePublicPages, publicPagesFigures, publicPagesSection } from './public-pages';
import { figuresTable } from './report';
import { Api, createCast, seedLicensedSites } from './seed';

const MAIN_JS = join(__dirname, '..', 'src', 'main.js');

async function main(): Promise<void> {
  if (!existsSync(MAIN_JS)) throw new Error('dist/src/main.js is missing: run npm run build first');
  const durationS = Number(process.env.BENCH_DURATION ?? 5);
  const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);
  const database = `gis_bench_pages_${Date.now()}`;
  const tmp = mkdtempSync(join(tmpdir(), 'gis-bench-pages-'));
  const admin = { email: 'admin@bench.gov.vn', password: 'Quan-tri-vien-do-tai-2026!' };
  await withPg(PG_ADMIN_URL, (c) => c.query(`CREATE DATABASE ${database}`));
  const server = await spawnServer({
    label: 'server',
    script: MAIN_JS,
    port: 4211,
    healthPath: '/api/v1/health',
    env: {
      NODE_ENV: 'production',
      JWT_SECRET: randomBytes(24).toString('hex'),
      ADMIN_EMAIL: admin.email,
      ADMIN_PASSWORD: admin.password,
      LOG_LEVEL: 'warn',
      SCHEDULER_ENABLED: 'false',
      DATABASE_URL: dbUrl(database),
      FILE_STORE_DIR: join(tmp, 'files'),
      DATA_DIR: join(tmp, 'unused'),
      PUBLIC_BASE_URL: 'https://gis.example.gov.vn',
    },
  });
  try {
    const api = new Api(server.baseUrl);
    const adminToken = await api.login(admin.email, admin.password);
    log('issuing a few licenses through the API');
    const cast = await createCast(api, adminToken, 1, 1);
    const seed = await seedLicensedSites(api, cast, 3, 1, 120_000);
    if (!seed.licenses.length) throw new Error(`no license issued: ${seed.firstFailure ?? 'unknown'}`);
    const license = await api.json<{ number: string; verificationCode: string }>(
      'GET',
      `/licenses/${seed.licenses[0].id}`,
      { token: adminToken },
    );
    log(`measuring /v/{code} of ${license.number}`);
    const r = await measurePublicPages({
      baseUrl: server.baseUrl,
      pid: server.pid,
      number: license.number,
      code: license.verificationCode,
      durationS,
      connections,
    });
    process.stdout.write(`\n${figuresTable(publicPagesFigures(r))}\n\n${publicPagesSection(r)}\n`);
  } finally {
    await server.stop();
    await withPg(PG_ADMIN_URL, (c) => c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`)).catch(() => {});
    rmSync(tmp, { recursive: true, force: true });
  }
}

main()
  .then(() => sleep(50))
  .then(() => process.exit(0))
  .catch((e: unknown) => {
    process.stderr.write(`bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  });
