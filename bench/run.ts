/**
 * `npm run bench`: measures the built server against its ceilings, side by side in one run, and writes
 * docs/benchmarks.md. Bounded to about ten minutes on a 2-core machine.
 *
 * Settings (environment):
 *   BENCH_DURATION          seconds per load measurement (default 10)
 *   BENCH_CONNECTIONS       autocannon connections (default 32)
 *   BENCH_SITES             licensed sites to seed through the HTTP API (default 10000)
 *   BENCH_SEED_BUDGET       seconds the seeding may take at most; it stops there and says so (default 300)
 *   BENCH_SEED_CONCURRENCY  dossier lifecycles in flight at once (default 24)
 *   BENCH_ORGS              site-owner organizations registered (default 100; each holds several sites)
 *   BENCH_AUTHORITIES       licensing authorities (default 4)
 *   BENCH_CPU_PROF=1        profile the server (--cpu-prof) and add where its CPU time went
 *   BENCH_SERVER_NODE_OPTIONS  NODE_OPTIONS of the server (default: the heap cap docs/operations.md recommends)
 *   BENCH_PG_URL            the PostgreSQL server (default postgres://postgres@127.0.0.1:5432/postgres)
 *   BENCH_OUTPUT            the report (default docs/benchmarks.md)
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { summarizeCpuProfile, ProfileSummary } from './cpu-profile';
import {
  ChildServer,
  dbUrl,
  load,
  LoadOptions,
  LoadResult,
  log,
  PG_ADMIN_URL,
  pgbench,
  PgbenchResult,
  readCpuMs,
  run,
  sleep,
  spawnServer,
  withPg,
} from './harness';
import { measureOffice, officeSection } from './office';
import { existingSection, replaceSection } from './open-data-report';
import { PdfBaseline, pdfBaseline } from './pdf-baseline';
import { measurePublicPages, publicPagesFigures, publicPagesSection, PublicPagesResult } from './public-pages';
import { QueryCost, queryCosts } from './query-cost';
import {
  consoleTable,
  figuresTable,
  FigureRow,
  fmt,
  Machine,
  machineTable,
  mb,
  pct,
  table,
  times,
  verdict,
} from './report';
import { Api, API, Cast, createCast, SEARCH_TERMS, seedLicensedSites, SeedResult } from './seed';
import type { LicensePdfData } from '../src/pdf/pdf.types';

// The compiled tree (dist/) holds this file in bench/; the repository is where npm runs the script.
const DIST = join(__dirname, '..');
const ROOT = process.cwd();
const MAIN_JS = join(DIST, 'src', 'main.js');
const CEILING_JS = join(DIST, 'bench', 'ceiling-app.js');
const PROFILE_EXIT_JS = join(DIST, 'bench', 'profile-exit.js');
const ANALYSIS_MD = join(ROOT, 'bench', 'analysis.md');

function envInt(name: string, def: number): number {
  const raw = process.env[name];
  if (!raw) return def;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number (got ${raw})`);
  return Math.floor(n);
}

const S = {
  duration: envInt('BENCH_DURATION', 10),
  connections: envInt('BENCH_CONNECTIONS', 32),
  sites: envInt('BENCH_SITES', 10000),
  seedBudgetS: envInt('BENCH_SEED_BUDGET', 300),
  seedConcurrency: envInt('BENCH_SEED_CONCURRENCY', 24),
  orgs: envInt('BENCH_ORGS', 100),
  authorities: envInt('BENCH_AUTHORITIES', 4),
  cpuProf: process.env.BENCH_CPU_PROF === '1',
  serverNodeOptions: process.env.BENCH_SERVER_NODE_OPTIONS ?? '--max-old-space-size=192',
  output: process.env.BENCH_OUTPUT ?? join(ROOT, 'docs', 'benchmarks.md'),
};

const TARGETS = {
  readShare: 0.6,
  readP99Ms: 25,
  transitionShare: 0.4,
  lifecyclesPerS: 40,
  pdfRatio: 1.3,
  rssMb: 250,
};

const ADMIN_EMAIL = 'admin@bench.gov.vn';
const ADMIN_PASSWORD = 'Quan-tri-vien-do-tai-2026!';

async function machineInfo(): Promise<Machine> {
  const postgres = await withPg(PG_ADMIN_URL, async (c) => {
    const r = await c.query<{ v: string }>('SELECT version() AS v');
    return r.rows[0].v.split(' on ')[0];
  });
  let os: string = process.platform;
  try {
    const rel = readFileSync('/etc/os-release', 'utf8');
    os = /PRETTY_NAME="([^"]+)"/.exec(rel)?.[1] ?? os;
  } catch {
    // Not Linux.
  }
  return {
    cpus: Number(await run('nproc', []).catch(() => String(cpus().length))),
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGiB: totalmem() / 1024 ** 3,
    node: process.version,
    postgres,
    os,
    date: new Date().toISOString().replace('T', ' ').slice(0, 16) + ' UTC',
  };
}

interface Startup {
  backend: string;
  kind: string;
  ms: number;
}

function serverEnv(extra: Record<string, string>): Record<string, string> {
  return {
    NODE_ENV: 'production',
    JWT_SECRET: randomBytes(24).toString('hex'),
    ADMIN_EMAIL,
    ADMIN_PASSWORD,
    LOG_LEVEL: 'warn',
    SCHEDULER_ENABLED: 'false',
    PUBLIC_BASE_URL: 'https://gp.example.vn',
    // The benchmark is one client hammering the server; the limits would measure themselves.
    LOGIN_MAX_FAILURES_PER_MINUTE: '1000000',
    RATE_LIMIT_ANONYMOUS_PER_MINUTE: '1000000',
    RATE_LIMIT_ACCOUNT_PER_HOUR: '1000000',
    RATE_LIMIT_USER_PER_MINUTE: '1000000',
    ...(S.serverNodeOptions ? { NODE_OPTIONS: S.serverNodeOptions } : {}),
    ...extra,
  };
}

function todayPlusDays(days: number): string {
  // The date in Vietnam (UTC+7, no daylight saving), then `days` ahead.
  const d = new Date(Date.now() + 7 * 3600_000 + days * 86_400_000);
  return d.toISOString().slice(0, 10);
}

async function explain(database: string, terms: string[]): Promise<string> {
  return withPg(dbUrl(database), async (c) => {
    const out: string[] = [];
    for (const term of terms) {
      const like = `%${term}%`;
      // The two statements of GET /public/licenses?q= (LicensesRepository.registry): the count, then the page.
      for (const [label, sql] of [
        ['count', `SELECT count(*)::int AS total FROM licenses l WHERE l.search_text LIKE $1`],
        [
          'page',
          `SELECT l.id, l.number, l.status, l.issued_on, l.expires_on, l.licensee->>'name', l.site->>'name',
                  l.site->'domains', a.name, a.code, a.province
           FROM licenses l JOIN authorities a ON a.id = l.authority_id
           WHERE l.search_text LIKE $1 ORDER BY l.issued_on DESC, l.id LIMIT 20 OFFSET 0`,
        ],
      ] as const) {
        const r = await c.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql}`, [like]);
        out.push(`-- q="${term}" (${label})`, ...r.rows.map((x) => x['QUERY PLAN']), '');
      }
    }
    return out.join('\n');
  });
}

async function main(): Promise<void> {
  for (const f of [MAIN_JS, CEILING_JS]) {
    if (!existsSync(f))
      throw new Error(`${relative(ROOT, f)} is missing: run npm run build first (npm run bench does)`);
  }
  const runStarted = Date.now();
  const machine = await machineInfo();
  log(`machine: ${machine.cpus} CPUs (${machine.cpuModel}), ${fmt(machine.memoryGiB, 1)} GiB, ${machine.node}`);
  log(`settings: ${JSON.stringify({ ...S, output: relative(ROOT, S.output) })}`);

  const stamp = `${Date.now()}`;
  const database = `gis_bench_${stamp}`;
  const pgbDatabase = `gis_bench_${stamp}_pgbench`;
  const tmp = mkdtempSync(join(tmpdir(), 'gis-bench-'));
  const profDir = join(tmp, 'cpu-prof');
  const servers: ChildServer[] = [];
  const startups: Startup[] = [];
  const loads: Record<string, LoadResult> = {};
  const cpuPerRequest: Record<string, number> = {};
  const pgb: Record<string, PgbenchResult> = {};
  let seed: SeedResult | undefined;
  let stepProbe: SeedResult | undefined;
  let cast: Cast | undefined;
  let pdfBase: PdfBaseline | undefined;
  let explainText: string | undefined;
  let costs: QueryCost[] | undefined;
  let peakRssKb: number | undefined;
  let embeddedPeakKb = 0;
  let registrationPeakKb: number | undefined;
  let profile: ProfileSummary | undefined;
  let publicPages: PublicPagesResult | undefined;
  const notes: string[] = [];

  /** A load measurement, with the CPU time the target process spent per successful request. */
  const measure = async (key: string, pid: number, opts: LoadOptions) => {
    const cpu0 = readCpuMs(pid);
    const r = await load(opts);
    cpuPerRequest[key] = (readCpuMs(pid) - cpu0) / Math.max(1, r.statusCodes['200'] ?? 0);
    loads[key] = r;
    return r;
  };
  const start = async (label: string, env: Record<string, string>, port: number, nodeArgs: string[] = []) => {
    const s = await spawnServer({
      label,
      script: MAIN_JS,
      env,
      port,
      nodeArgs,
      healthPath: `${API}/health`,
    });
    servers.push(s);
    return s;
  };
  const stop = async (s: ChildServer) => {
    await s.stop();
    servers.splice(servers.indexOf(s), 1);
  };

  try {
    // --- start-up time to healthy, embedded back end (PGlite): a first start (initdb + migrations), then a restart.
    log('start-up, embedded back end');
    const dataDir = join(tmp, 'embedded');
    const embeddedEnv = serverEnv({ DATA_DIR: dataDir });
    for (const kind of ['first start (empty data directory: initdb + migrations)', 'restart (migrated)']) {
      const s = await start(`embedded server (${kind})`, embeddedEnv, 4201);
      startups.push({ backend: 'embedded PostgreSQL (PGlite)', kind, ms: s.startupMs });
      embeddedPeakKb = Math.max(embeddedPeakKb, s.peakRssKb());
      await stop(s);
    }

    // --- start-up time to healthy on PostgreSQL: a fresh database (migrations), then a restart.
    log(`start-up, PostgreSQL (database ${database})`);
    await withPg(PG_ADMIN_URL, (c) => c.query(`CREATE DATABASE ${database}`));
    const pgEnv = serverEnv({
      DATABASE_URL: dbUrl(database),
      FILE_STORE_DIR: join(tmp, 'files'),
      DATA_DIR: join(tmp, 'unused'),
      PUBLIC_BASE_URL: 'https://gis.example.gov.vn',
    });
    const fresh = await start('server (fresh database)', pgEnv, 4202);
    startups.push({ backend: 'PostgreSQL', kind: 'first start (empty database: migrations)', ms: fresh.startupMs });
    await stop(fresh);
    if (S.cpuProf) mkdirSync(profDir, { recursive: true });
    const server = await start(
      'server',
      pgEnv,
      4202,
      S.cpuProf ? ['-r', PROFILE_EXIT_JS, '--cpu-prof', '--cpu-prof-dir', profDir] : [],
    );
    startups.push({ backend: 'PostgreSQL', kind: 'restart (migrated)', ms: server.startupMs });

    // --- seeding: authorities, staff and organizations, then whole dossier lifecycles through the API.
    const api = new Api(server.baseUrl);
    const adminToken = await api.login(ADMIN_EMAIL, ADMIN_PASSWORD);
    log(`cast: ${S.authorities} authorities, ${S.orgs} organizations (registration hashes passwords with scrypt)`);
    cast = await createCast(api, adminToken, S.authorities, S.orgs);
    // Registrations and logins hash with scrypt (memory-hard: 128·N·r bytes each, on the libuv pool): their burst
    // is reported apart from the peak of everything else.
    registrationPeakKb = server.resetPeakRssKb();
    log(`seeding up to ${S.sites} licensed sites, ${S.seedConcurrency} lifecycles at a time, ≤ ${S.seedBudgetS} s`);
    const seedCpu0 = readCpuMs(server.pid);
    seed = await seedLicensedSites(api, cast, S.sites, S.seedConcurrency, S.seedBudgetS * 1000);
    cpuPerRequest.lifecycle = (readCpuMs(server.pid) - seedCpu0) / Math.max(1, seed.licenses.length);
    log(
      `seeded ${seed.licenses.length} licensed sites in ${fmt(seed.elapsedMs / 1000, 1)} s ` +
        `(${fmt((seed.licenses.length * 1000) / seed.elapsedMs, 1)}/s; ${seed.failures} failed)`,
    );
    log(
      `  mean ms per step: ${JSON.stringify(Object.fromEntries(Object.entries(seed.stepMeans).map(([k, v]) => [k, Math.round(v)])))}`,
    );
    if (seed.licenses.length === 0) throw new Error(`no site could be seeded: ${seed.firstFailure ?? 'unknown'}`);
    // Where a lifecycle's CPU goes: a few more, one at a time, the server's CPU time read around each step.
    log('lifecycle steps, one at a time');
    stepProbe = await seedLicensedSites(api, cast, 12, 1, 60_000, () => readCpuMs(server.pid));
    await withPg(dbUrl(database), (c) => c.query('VACUUM ANALYZE'));

    const D = S.duration;
    const C = S.connections;
    const warm = Math.max(1, Math.min(3, Math.round(D / 4)));

    // --- the framework ceiling, right before the read figures it is compared with.
    log('ceiling: bare NestJS-on-Express, one constant GET');
    const ceiling = await spawnServer({
      label: 'ceiling app',
      script: CEILING_JS,
      env: {},
      port: 4203,
      healthPath: '/ceiling',
    });
    servers.push(ceiling);
    await load({ title: 'warm-up', url: `${ceiling.baseUrl}/ceiling`, connections: C, durationS: warm });
    await measure('ceiling', ceiling.pid, {
      title: 'ceiling',
      url: `${ceiling.baseUrl}/ceiling`,
      connections: C,
      durationS: D,
    });
    await stop(ceiling);

    // --- public registry search, varied queries.
    log('public registry search');
    let qi = 0;
    const nextSearch = () => {
      qi += 1;
      const term = SEARCH_TERMS[qi % SEARCH_TERMS.length];
      const page = qi % 7 === 0 ? '&page=2' : '';
      return { path: `${API}/public/licenses?q=${encodeURIComponent(term)}${page}` };
    };
    await load({ title: 'warm-up', url: server.baseUrl, connections: C, durationS: warm, next: nextSearch });
    await measure('search', server.pid, {
      title: 'search',
      url: server.baseUrl,
      connections: C,
      durationS: D,
      next: nextSearch,
    });

    // --- license read by staff of the authority (visibility checked on every read).
    log('license read');
    const a0 = cast.authorities[0];
    const a0Licenses = seed.licenses.filter((l) => l.authorityIndex === 0).map((l) => l.id);
    let ri = 0;
    const nextRead = () => {
      ri += 1;
      return { path: `${API}/licenses/${a0Licenses[ri % a0Licenses.length]}` };
    };
    const readHeaders = { authorization: `Bearer ${a0.approver.token}` };
    await load({
      title: 'warm-up',
      url: server.baseUrl,
      connections: C,
      durationS: warm,
      next: nextRead,
      headers: readHeaders,
    });
    await measure('read', server.pid, {
      title: 'read',
      url: server.baseUrl,
      connections: C,
      durationS: D,
      next: nextRead,
      headers: readHeaders,
    });

    // --- transitions: SUSPEND then REINSTATE, round-robin over the seeded licenses (never two on one at once).
    log('transitions (SUSPEND, REINSTATE)');
    const all = seed.licenses;
    let ti = 0;
    const until = todayPlusDays(30);
    const approverOf = (i: number) => `Bearer ${cast?.authorities[all[i].authorityIndex].approver.token ?? ''}`;
    const suspend = (ctx: Record<string, unknown>) => {
      const i = ti % all.length;
      ti += 1;
      ctx.i = i;
      return {
        path: `${API}/licenses/${all[i].id}/transitions`,
        method: 'POST',
        headers: { authorization: approverOf(i) },
        body: JSON.stringify({
          event: 'SUSPEND',
          until,
          reason: 'Không cập nhật nguồn tin theo quy định',
          decisionNumber: '12/QĐ-STTTT',
        }),
      };
    };
    const reinstate = (ctx: Record<string, unknown>) => {
      const i = Number(ctx.i);
      return {
        path: `${API}/licenses/${all[i].id}/transitions`,
        method: 'POST',
        headers: { authorization: approverOf(i) },
        body: JSON.stringify({ event: 'REINSTATE', reason: 'Đã khắc phục vi phạm' }),
      };
    };
    await measure('transition', server.pid, {
      title: 'transition',
      url: server.baseUrl,
      connections: C,
      durationS: D,
      sequence: [suspend, reinstate],
    });

    // --- pgbench: the same SQL shape with no application around it.
    log('pgbench, transition-shaped transactions');
    await withPg(PG_ADMIN_URL, (c) => c.query(`CREATE DATABASE ${pgbDatabase}`));
    await withPg(dbUrl(pgbDatabase), async (c) => {
      await c.query(PGBENCH_SETUP);
      await c.query('VACUUM ANALYZE');
    });
    const clients = 10; // the server's connection pool (DATABASE_POOL_SIZE, default 10)
    pgb.shape = await pgbench({
      title: 'lock + update + history insert + audit insert',
      database: pgbDatabase,
      script: PGBENCH_SHAPE,
      clients,
      threads: 2,
      durationS: D,
    });
    pgb.chain = await pgbench({
      title: 'the same, audit appended under the chain lock (as the server does)',
      database: pgbDatabase,
      script: PGBENCH_CHAIN,
      clients,
      threads: 2,
      durationS: D,
    });

    // --- the license PDF: the HTTP endpoint vs pdfkit drawing the same page in this process.
    log('license PDF');
    const pdfLicense = all[0];
    const pdfOwner = cast.owners[pdfLicense.ownerIndex];
    const doc = await withPg(dbUrl(database), async (c) => {
      const r = await c.query<{ document: LicensePdfData }>(
        'SELECT document FROM license_versions WHERE license_id = $1 ORDER BY version DESC LIMIT 1',
        [pdfLicense.id],
      );
      return r.rows[0].document;
    });
    const half = Math.max(3, Math.round(D / 2));
    pdfBase = await pdfBaseline(doc, half * 1000);
    const pdfPath = `${API}/licenses/${pdfLicense.id}/pdf`;
    const pdfHeaders = { authorization: `Bearer ${pdfOwner.token}` };
    await load({
      title: 'warm-up',
      url: `${server.baseUrl}${pdfPath}`,
      connections: 1,
      durationS: 1,
      headers: pdfHeaders,
    });
    await measure('pdf', server.pid, {
      title: 'pdf',
      url: `${server.baseUrl}${pdfPath}`,
      connections: 1,
      durationS: half,
      headers: pdfHeaders,
    });
    await measure('pdfLoaded', server.pid, {
      title: 'pdf under load',
      url: `${server.baseUrl}${pdfPath}`,
      connections: C,
      durationS: half,
      headers: pdfHeaders,
    });

    // --- the verification page of the QR code: its transfer, and its server time beside the JSON answers.
    log('public verification page');
    const verified = await api.json<{ number: string; verificationCode: string }>(
      'GET',
      `/licenses/${all[Math.min(1, all.length - 1)].id}`,
      {
        token: adminToken,
      },
    );
    publicPages = await measurePublicPages({
      baseUrl: server.baseUrl,
      pid: server.pid,
      number: verified.number,
      code: verified.verificationCode,
      durationS: half,
      connections: C,
    });

    // --- diagnostics: the registry's plans, and the CPU cost of one round trip (in this process, server idle).
    explainText = await explain(database, ['tin tuc', 'site1', 'khong-co-ket-qua']);
    costs = await queryCosts(dbUrl(database), all[0].id, a0.approver.id);

    peakRssKb = server.peakRssKb();
    if (S.cpuProf) {
      server.child.kill('SIGUSR2');
      await new Promise<void>((resolve) => server.child.once('exit', () => resolve()));
      servers.splice(servers.indexOf(server), 1);
      const file = readdirSync(profDir).find((f) => f.endsWith('.cpuprofile'));
      if (file) profile = summarizeCpuProfile(join(profDir, file));
      else notes.push('BENCH_CPU_PROF=1 but no profile was written.');
    } else {
      await stop(server);
    }
  } finally {
    for (const s of [...servers]) await s.stop().catch(() => undefined);
    await withPg(PG_ADMIN_URL, async (c) => {
      await c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await c.query(`DROP DATABASE IF EXISTS ${pgbDatabase} WITH (FORCE)`);
    }).catch((e: unknown) => log(`could not drop the bench databases: ${String(e)}`));
    rmSync(tmp, { recursive: true, force: true });
  }

  const totalS = (Date.now() - runStarted) / 1000;
  const rows = figures({
    loads,
    pgb,
    seed,
    pdfBase,
    peakRssKb: Math.max(peakRssKb ?? 0, registrationPeakKb ?? 0),
    restPeakKb: peakRssKb ?? 0,
    registrationPeakKb: registrationPeakKb ?? 0,
    startups,
  });
  if (publicPages) rows.push(...publicPagesFigures(publicPages));
  process.stdout.write(`\n${consoleTable(rows)}\n\n`);
  const md = renderReport({
    machine,
    rows,
    loads,
    cpuPerRequest,
    stepProbe,
    costs: costs ?? [],
    pgb,
    seed,
    cast,
    pdfBase,
    startups,
    peakRssKb: Math.max(peakRssKb ?? 0, registrationPeakKb ?? 0),
    restPeakKb: peakRssKb ?? 0,
    registrationPeakKb: registrationPeakKb ?? 0,
    embeddedPeakKb,
    explainText: explainText ?? '',
    profile,
    publicPages,
    notes,
    totalS,
  });
  // The back office (issue 11): its own server and browser, after everything else has stopped.
  let office: string;
  try {
    log('back office: bundle size and time to a usable queue page');
    office = `\n${officeSection(await measureOffice())}`;
  } catch (e) {
    office = `\n## Back office (issue 11)\n\nNot measured: ${e instanceof Error ? e.message : String(e)}\n`;
  }
  // The open-data section comes from its own bench (bench/open-data.ts): keep it.
  const kept = existsSync(S.output) ? existingSection(readFileSync(S.output, 'utf8')) : '';
  writeFileSync(S.output, (kept ? replaceSection(md, kept) : md) + office);
  log(`wrote ${relative(ROOT, S.output)} (whole run ${fmt(totalS, 0)} s)`);
}

// The tables pgbench works on: shaped like licenses, workflow_history and audit_events (same column types).
const PGBENCH_SETUP = `
  CREATE TABLE licenses (
    id integer PRIMARY KEY, status text NOT NULL, version integer NOT NULL, suspended_until date,
    suspension_count integer NOT NULL DEFAULT 0, site jsonb NOT NULL, licensee jsonb NOT NULL,
    search_text text NOT NULL, updated_at timestamptz NOT NULL DEFAULT now());
  INSERT INTO licenses (id, status, version, site, licensee, search_text)
    SELECT i, 'ACTIVE', 1, jsonb_build_object('name', 'Trang ' || i, 'domains', jsonb_build_array('site' || i || '.vn')),
           jsonb_build_object('name', 'Công ty ' || i), 'trang ' || i || ' cong ty ' || i
    FROM generate_series(1, 10000) AS i;
  CREATE TABLE workflow_history (
    id bigserial PRIMARY KEY, entity_type text NOT NULL, entity_id uuid NOT NULL, event text NOT NULL,
    from_state text, to_state text NOT NULL, actor_id uuid, actor_role text NOT NULL, reason text,
    data jsonb NOT NULL DEFAULT '{}'::jsonb, at timestamptz NOT NULL DEFAULT now());
  CREATE INDEX workflow_history_entity_idx ON workflow_history (entity_type, entity_id, id);
  CREATE TABLE audit_events (
    id bigint PRIMARY KEY, at timestamptz NOT NULL, actor_id uuid, actor_role text NOT NULL, authority_id uuid,
    organization_id uuid, action text NOT NULL, entity_type text NOT NULL, entity_id text NOT NULL,
    data jsonb NOT NULL DEFAULT '{}'::jsonb, prev_hash char(64) NOT NULL, hash char(64) NOT NULL,
    CONSTRAINT audit_events_hash_uq UNIQUE (hash), CONSTRAINT audit_events_prev_uq UNIQUE (prev_hash));
  CREATE SEQUENCE audit_events_id_seq OWNED BY audit_events.id;
  CREATE INDEX audit_events_entity_idx ON audit_events (entity_type, entity_id, id);
  CREATE INDEX audit_events_authority_idx ON audit_events (authority_id, id);
  INSERT INTO audit_events (id, at, actor_role, action, entity_type, entity_id, prev_hash, hash)
    VALUES (nextval('audit_events_id_seq'), now(), 'system', 'genesis', 'none', 'none', repeat('0', 64),
            encode(sha256('genesis'), 'hex'));
`;

const PGBENCH_BODY = (chainLock: boolean) => `
\\set id random(1, 10000)
BEGIN;
SELECT id, status, version FROM licenses WHERE id = :id FOR UPDATE;
UPDATE licenses SET status = CASE status WHEN 'ACTIVE' THEN 'SUSPENDED' ELSE 'ACTIVE' END, version = version + 1,
  suspended_until = current_date + 30, updated_at = now() WHERE id = :id;
INSERT INTO workflow_history (entity_type, entity_id, event, from_state, to_state, actor_id, actor_role, reason, data)
  VALUES ('license', md5(:id::text)::uuid, 'SUSPEND', 'ACTIVE', 'SUSPENDED', md5('approver')::uuid, 'approver',
          'Không cập nhật nguồn tin theo quy định', '{"until": "2026-01-01"}');
${
  chainLock
    ? `SELECT pg_advisory_xact_lock(727001);
SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1;
`
    : ''
}INSERT INTO audit_events (id, at, actor_id, actor_role, authority_id, organization_id, action, entity_type, entity_id,
    data, prev_hash, hash)
  VALUES (nextval('audit_events_id_seq'), now(), md5('approver')::uuid, 'approver', md5('a')::uuid, md5('o')::uuid,
          'license.SUSPEND', 'license', md5(:id::text), '{"from": "ACTIVE", "to": "SUSPENDED"}',
          md5(random()::text) || md5(random()::text), md5(random()::text) || md5(random()::text));
END;
`;
const PGBENCH_SHAPE = PGBENCH_BODY(false);
const PGBENCH_CHAIN = PGBENCH_BODY(true);

interface FigureInput {
  loads: Record<string, LoadResult>;
  pgb: Record<string, PgbenchResult>;
  seed?: SeedResult;
  pdfBase?: PdfBaseline;
  peakRssKb: number;
  restPeakKb: number;
  registrationPeakKb: number;
  startups: Startup[];
}

function okRate(r: LoadResult): number {
  return (r.statusCodes['200'] ?? 0) / r.durationS;
}

function figures(f: FigureInput): FigureRow[] {
  const rows: FigureRow[] = [];
  const ceil = f.loads.ceiling;
  for (const [key, label] of [
    ['search', 'public registry search `GET /public/licenses?q=…`'],
    ['read', 'license read `GET /licenses/{id}` (staff token)'],
  ] as const) {
    const r = f.loads[key];
    if (!r || !ceil) continue;
    const share = okRate(r) / ceil.rps;
    const ok = share >= TARGETS.readShare && r.p99 <= TARGETS.readP99Ms && r.non2xx === 0;
    rows.push({
      figure: label,
      measured: `${fmt(okRate(r))} req/s, p99 ${fmt(r.p99)} ms`,
      ceiling: `${fmt(ceil.rps)} req/s, p99 ${fmt(ceil.p99)} ms`,
      ratio: pct(share),
      target: `≥ ${pct(TARGETS.readShare)}, p99 ≤ ${TARGETS.readP99Ms} ms`,
      verdict: verdict(ok),
      note: `${C(r)}${r.non2xx ? `; ${r.non2xx} non-2xx` : ''}`,
    });
  }
  const tr = f.loads.transition;
  if (tr && f.pgb.shape) {
    const rate = okRate(tr);
    const share = rate / f.pgb.shape.tps;
    rows.push({
      figure: 'transition `POST /licenses/{id}/transitions` (SUSPEND, REINSTATE)',
      measured: `${fmt(rate)} transitions/s, p99 ${fmt(tr.p99)} ms`,
      ceiling: `pgbench ${fmt(f.pgb.shape.tps)} tps`,
      ratio: pct(share),
      target: `≥ ${pct(TARGETS.transitionShare)}`,
      verdict: verdict(share >= TARGETS.transitionShare && tr.non2xx === 0),
      note: `${C(tr)}; pgbench with the audit chain lock: ${fmt(f.pgb.chain?.tps ?? NaN)} tps${
        tr.non2xx ? `; ${tr.non2xx} non-2xx` : ''
      }`,
    });
  }
  if (f.seed) {
    const rate = (f.seed.licenses.length * 1000) / f.seed.elapsedMs;
    rows.push({
      figure: 'full dossier lifecycles (create, uploads, 5 transitions, license, PDF)',
      measured: `${fmt(rate, 1)} lifecycles/s`,
      ceiling: '–',
      ratio: '–',
      target: `≥ ${TARGETS.lifecyclesPerS}/s`,
      verdict: verdict(rate >= TARGETS.lifecyclesPerS),
      note: `${f.seed.licenses.length} sites in ${fmt(f.seed.elapsedMs / 1000, 0)} s, ${S.seedConcurrency} in flight`,
    });
  }
  if (f.pdfBase && f.loads.pdf) {
    const ratio = f.loads.pdf.meanMs / f.pdfBase.meanMs;
    rows.push({
      figure: 'license PDF `GET /licenses/{id}/pdf` (one client)',
      measured: `${fmt(f.loads.pdf.meanMs, 1)} ms mean`,
      ceiling: `pdfkit in-process ${fmt(f.pdfBase.meanMs, 1)} ms`,
      ratio: times(ratio),
      target: `≤ ${TARGETS.pdfRatio} ×`,
      verdict: verdict(ratio <= TARGETS.pdfRatio && f.loads.pdf.non2xx === 0),
      note: `same page (the stored document of a seeded license)`,
    });
  }
  rows.push({
    figure: 'peak RSS of the server (VmHWM), whole run',
    measured: mb(f.peakRssKb),
    ceiling: '–',
    ratio: '–',
    target: `≤ ${TARGETS.rssMb} MB`,
    verdict: verdict(f.peakRssKb / 1024 <= TARGETS.rssMb),
    note:
      `PostgreSQL back end; ${mb(f.registrationPeakKb)} during start-up and the ${S.orgs} registrations ` +
      `(scrypt), ${mb(f.restPeakKb)} during the seeding and every load after them`,
  });
  for (const s of f.startups) {
    rows.push({
      figure: `start-up to healthy: ${s.backend}, ${s.kind}`,
      measured: `${fmt(s.ms)} ms`,
      ceiling: '–',
      ratio: '–',
      target: '–',
      verdict: 'n/a',
      note: 'spawn → first 200 on /api/v1/health',
    });
  }
  return rows;
}

function C(r: LoadResult): string {
  return `${r.connections} connections, ${fmt(r.durationS, 0)} s, ${fmt(r.requests)} requests`;
}

function loadRow(name: string, r: LoadResult | undefined, cpuMs?: number): string[] {
  if (!r) return [name, '–', '–', '–', '–', '–', '–', '–', '–'];
  const codes = Object.entries(r.statusCodes)
    .map(([k, v]) => `${k}: ${v}`)
    .join(', ');
  return [
    name,
    String(r.connections),
    fmt(r.rps),
    fmt(r.p50),
    fmt(r.p90),
    fmt(r.p99),
    fmt(r.maxMs),
    cpuMs === undefined ? '–' : fmt(cpuMs, 2),
    `${codes}${r.errors ? `; ${r.errors} socket errors` : ''}`,
  ];
}

function renderReport(x: {
  machine: Machine;
  rows: FigureRow[];
  loads: Record<string, LoadResult>;
  cpuPerRequest: Record<string, number>;
  stepProbe?: SeedResult;
  costs: QueryCost[];
  pgb: Record<string, PgbenchResult>;
  seed?: SeedResult;
  cast?: Cast;
  pdfBase?: PdfBaseline;
  startups: Startup[];
  peakRssKb: number;
  restPeakKb: number;
  registrationPeakKb: number;
  embeddedPeakKb: number;
  explainText: string;
  profile?: ProfileSummary;
  publicPages?: PublicPagesResult;
  notes: string[];
  totalS: number;
}): string {
  const out: string[] = [];
  out.push('# Benchmarks', '');
  out.push(
    'Written by `npm run bench` (bench/run.ts); do not edit by hand — the analysis at the end comes from ' +
      '`bench/analysis.md`. Every figure is measured in the same run as its ceiling, on the built server ' +
      '(`node dist/src/main.js`, `NODE_ENV=production`, `LOG_LEVEL=warn`, scheduler off) as a child process, with ' +
      'autocannon in the benchmark process on the same machine.',
    '',
  );
  out.push('## Machine', '', machineTable(x.machine), '');
  out.push(
    `Run: ${fmt(x.totalS, 0)} s in all; ${S.duration} s per load measurement, ${S.connections} connections. ` +
      'The machine is shared and noisy (±20–40 % minute to minute): compare the ratios, which are measured ' +
      'minutes apart in one run, rather than absolute figures across runs.',
    '',
  );
  out.push('## Figures', '', figuresTable(x.rows), '');

  out.push('## Details', '');
  out.push('### HTTP load (autocannon)', '');
  out.push(
    table(
      ['measurement', 'connections', 'req/s', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms', 'CPU ms/request', 'status codes'],
      [
        loadRow('ceiling: bare NestJS, constant JSON', x.loads.ceiling, x.cpuPerRequest.ceiling),
        loadRow('registry search, varied `q`', x.loads.search, x.cpuPerRequest.search),
        loadRow('license read', x.loads.read, x.cpuPerRequest.read),
        loadRow('transitions SUSPEND / REINSTATE', x.loads.transition, x.cpuPerRequest.transition),
        loadRow('license PDF, one client', x.loads.pdf, x.cpuPerRequest.pdf),
        loadRow('license PDF, under load', x.loads.pdfLoaded, x.cpuPerRequest.pdfLoaded),
      ],
    ),
    '',
  );
  out.push(
    '*CPU ms/request*: user + system CPU time of the server process (the ceiling app for the first row) during the ' +
      "measurement, from /proc, divided by the 200 responses. It does not include PostgreSQL's own CPU, and is " +
      'less sensitive to a noisy neighbour than req/s. Node runs JavaScript on one core: 1 000 / (CPU ms/request) ' +
      'is the most one process can serve.',
    '',
  );
  out.push(
    `Search terms (round-robin, every 7th request on page 2): ${SEARCH_TERMS.map((t) => `\`${t}\``).join(', ')}.`,
    '',
  );

  out.push("### pgbench (the transition's SQL shape, no application)", '');
  out.push(
    table(
      ['script', 'clients', 'tps', 'mean latency ms', 'transactions', 'failed'],
      Object.values(x.pgb).map((p) => [
        p.title,
        String(p.clients),
        fmt(p.tps),
        fmt(p.latencyMs, 2),
        fmt(p.transactions),
        String(p.failed),
      ]),
    ),
    '',
  );
  out.push(
    'Each transaction: `SELECT … FOR UPDATE` of one license among 10 000, `UPDATE` of its status and version, ' +
      'an `INSERT` into a `workflow_history`-shaped table and one into an `audit_events`-shaped table (same ' +
      "columns, keys and indexes). The second script also takes the audit chain's advisory lock and reads the " +
      "chain head before appending, as AuditService does. 10 clients = the server's connection pool.",
    '',
  );

  if (x.seed) {
    const s = x.seed;
    out.push('### Seeding through the API', '');
    out.push(
      `${fmt(s.licenses.length)} licensed sites (of ${fmt(S.sites)} asked, budget ${S.seedBudgetS} s) in ` +
        `${fmt(s.elapsedMs / 1000, 1)} s = **${fmt((s.licenses.length * 1000) / s.elapsedMs, 1)} lifecycles/s**, ` +
        `${S.seedConcurrency} in flight, ${s.failures} failed${s.firstFailure ? ` (first: ${s.firstFailure})` : ''}.`,
      '',
    );
    if (x.cast) {
      out.push(
        `Cast: ${x.cast.authorities.length} authorities (an appraiser and an approver each), ` +
          `${x.cast.owners.length} site-owner organizations registered through \`POST /auth/register\` in ` +
          `${fmt(x.cast.registrationMs / 1000, 1)} s (${fmt((x.cast.owners.length * 1000) / x.cast.registrationMs, 1)}/s: ` +
          'each registration and each login runs scrypt at the production cost, deliberately slow). Each ' +
          `lifecycle uploads ${x.cast.requiredKinds.length} documents (${x.cast.requiredKinds.join(', ')}).`,
        '',
      );
    }
    out.push(
      `Server CPU time per lifecycle (user + system, from /proc): **${fmt(x.cpuPerRequest.lifecycle ?? NaN, 1)} ms**, ` +
        `so one server process on one core can complete at most ` +
        `${fmt(1000 / (x.cpuPerRequest.lifecycle ?? NaN), 1)} lifecycles/s whatever the concurrency.`,
      '',
    );
    if (x.stepProbe && Object.keys(x.stepProbe.stepCpu).length) {
      const cpu = x.stepProbe.stepCpu;
      const total = Object.values(cpu).reduce((a, b) => a + b, 0);
      out.push(
        `Server CPU time per step, ${x.stepProbe.licenses.length} more lifecycles run one at a time after the ` +
          `seeding (ms per lifecycle; /proc counts 10 ms ticks, averaged): total ${fmt(total, 0)} ms.`,
        '',
        table(Object.keys(cpu), [Object.values(cpu).map((v) => fmt(v, 1))]),
        '',
      );
    }
    out.push(
      'Mean time per lifecycle step (ms, under the seeding concurrency):',
      '',
      table(Object.keys(s.stepMeans), [Object.values(s.stepMeans).map((v) => fmt(v, 1))]),
      '',
    );
  }

  if (x.pdfBase) {
    out.push('### License PDF', '');
    out.push(
      `In-process pdfkit (PdfService.renderLicense, fonts parsed once): ${fmt(x.pdfBase.renders)} renders, mean ` +
        `${fmt(x.pdfBase.meanMs, 1)} ms, p50 ${fmt(x.pdfBase.p50Ms, 1)} ms, p99 ${fmt(x.pdfBase.p99Ms, 1)} ms, ` +
        `${fmt(x.pdfBase.bytes)} bytes.`,
      '',
    );
  }

  if (x.publicPages) out.push(publicPagesSection(x.publicPages), '');

  out.push('### Memory and start-up', '');
  out.push(
    `Peak RSS (VmHWM from /proc) of the PostgreSQL-backed server over the whole run: **${mb(x.peakRssKb)}**: ` +
      `${mb(x.registrationPeakKb)} from its start through the registrations (scrypt), then, VmHWM reset, ` +
      `${mb(x.restPeakKb)} through the seeding and every later measurement (heap capped with ` +
      `\`${S.serverNodeOptions || 'no NODE_OPTIONS'}\`); ` +
      `of the embedded server during its start-ups: ${mb(x.embeddedPeakKb)} (PGlite runs inside the Node process).`,
    '',
  );
  out.push(
    table(
      ['back end', 'start', 'to healthy'],
      x.startups.map((s) => [s.backend, s.kind, `${fmt(s.ms)} ms`]),
    ),
    '',
  );

  out.push('## Diagnostics', '');
  if (x.costs.length) {
    out.push(
      '### CPU per database round trip (client side, measured in the benchmark process on the seeded database)',
      '',
      table(
        ['operation', 'CPU ms', 'wall ms'],
        x.costs.map((c) => [c.label, fmt(c.cpuMs, 3), fmt(c.wallMs, 3)]),
      ),
      '',
    );
  }
  out.push('### EXPLAIN ANALYZE of the registry search (after seeding)', '', '```', x.explainText.trim(), '```', '');
  if (x.profile) {
    out.push(
      "### Where the server's CPU time went (--cpu-prof, whole run)",
      '',
      `Profiled ${fmt(x.profile.totalMs / 1000, 0)} s, busy ${fmt(x.profile.busyMs / 1000, 0)} s (self time).`,
      '',
      table(
        ['area', 'self ms', 'share of busy'],
        x.profile.byArea.map((a) => [a.area, fmt(a.ms), pct(a.share)]),
      ),
      '',
      table(
        ['function', 'area', 'self ms', 'share'],
        x.profile.byFunction.map((f) => [`\`${f.fn}\``, f.area, fmt(f.ms), pct(f.share)]),
      ),
      '',
    );
  }
  for (const n of x.notes) out.push(`- ${n}`);
  if (existsSync(ANALYSIS_MD)) out.push('', readFileSync(ANALYSIS_MD, 'utf8').trim(), '');
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}

main()
  .then(() => sleep(50))
  .then(() => process.exit(0))
  .catch((e: unknown) => {
    process.stderr.write(`bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  });
