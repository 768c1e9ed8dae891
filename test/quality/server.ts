import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { dbUrl } from '../support/pg';
import { ADMIN_EMAIL, ADMIN_PASSWORD, API, TestApp, TEST_JWT_SECRET } from '../support/test-app';

const ROOT = resolve(__dirname, '..', '..');
/**
 * The compiled server the quality tests spawn. Not `dist/` (which `npm run build` deletes and rewrites, maybe while
 * these tests run): a build of its own under node_modules/.cache, so that `require` still finds node_modules.
 */
export const BUILD_DIR = join(ROOT, 'node_modules', '.cache', 'gis-quality-build');
const MAIN = join(BUILD_DIR, 'src', 'main.js');
const STAMP = join(BUILD_DIR, '.built-at');
const LOCK = `${BUILD_DIR}.lock`;

function newestMtime(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const s = statSync(path);
    newest = Math.max(newest, s.isDirectory() ? newestMtime(path) : s.mtimeMs);
  }
  return newest;
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

const DIST_MAIN = join(ROOT, 'dist', 'src', 'main.js');

/**
 * The compiled server: `dist/` when `npm run build` ran after the last source change (as in CI, where .ci/run builds
 * before testing), else a build of its own, made once (again only when a source file is newer than the last build).
 */
export async function ensureBuilt(): Promise<string> {
  const sourcesAt = () => Math.max(newestMtime(join(ROOT, 'src')), newestMtime(join(ROOT, 'migrations')));
  if (
    existsSync(DIST_MAIN) &&
    existsSync(join(ROOT, 'dist', 'src', 'pdf', 'fonts')) &&
    statSync(DIST_MAIN).mtimeMs >= sourcesAt()
  ) {
    return DIST_MAIN;
  }
  // Two test files may ask at once (jest workers): one builds, the other waits for the lock.
  // Waited for by elapsed time, never by comparing Date.now() with a file's mtime (CI runs under faketime).
  const waitingSince = performance.now();
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      if (existsSync(LOCK) && performance.now() - waitingSince > 180_000)
        rmSync(LOCK, { recursive: true, force: true });
      await sleep(250);
    }
  }
  try {
    const sources = sourcesAt();
    if (existsSync(MAIN) && existsSync(STAMP) && statSync(STAMP).mtimeMs >= sources) return MAIN;
    rmSync(BUILD_DIR, { recursive: true, force: true });
    try {
      execFileSync(
        process.execPath,
        [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json', '--outDir', BUILD_DIR],
        { cwd: ROOT, stdio: 'pipe' },
      );
    } catch (e) {
      // Type errors still emit JavaScript; only a missing entry point is fatal.
      if (!existsSync(MAIN)) throw e;
    }
    const fonts = join(ROOT, 'src', 'pdf', 'fonts');
    if (existsSync(fonts)) cpSync(fonts, join(BUILD_DIR, 'src', 'pdf', 'fonts'), { recursive: true });
    writeFileSync(STAMP, new Date().toISOString());
    return MAIN;
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const s = createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolvePort(port));
    });
  });
}

export interface ServerProcess {
  port: number;
  url: string;
  proc: ChildProcess;
  /** Output, for a failure message. */
  output(): string;
  /** Resolves when the process has exited. */
  exited: Promise<number | null>;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

let signingDir: string | undefined;
/** One development signing certificate for every server this test file starts (replicas share it). */
function signingDevDir(): string {
  signingDir ??= mkdtempSync(join(tmpdir(), 'gis-signing-'));
  return signingDir;
}

export interface ServerOptions {
  /** A PostgreSQL test database; without it the server runs on the embedded default in `dataDir`. */
  database?: string;
  dataDir?: string;
  fileStoreDir: string;
  env?: Record<string, string>;
}

/** A spawned server that may not be healthy yet (see `waitHealthy`). */
export interface LaunchedServer extends ServerProcess {
  /** Resolves once /health answers 200; rejects if the process exits first or after `ms`. */
  waitHealthy(ms?: number): Promise<void>;
}

/** faketime's variables (CI's second run moves the clock of the tests and of every server they spawn alike). */
export function fakeTimeEnv(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      (e): e is [string, string] => (e[0] === 'LD_PRELOAD' || e[0].startsWith('FAKETIME')) && e[1] !== undefined,
    ),
  );
}

/** `node <build>/src/main.js` on its own free port, not waited for. */
export async function launchServer(opts: ServerOptions): Promise<LaunchedServer> {
  const main = await ensureBuilt();
  const port = await freePort();
  const database: Record<string, string> = opts.database
    ? { DATABASE_URL: dbUrl(opts.database) }
    : { DATA_DIR: opts.dataDir ?? 'memory://' };
  const proc = spawn(process.execPath, [main], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      ...fakeTimeEnv(),
      NODE_ENV: 'test',
      LOG_LEVEL: process.env.QUALITY_SERVER_LOG_LEVEL ?? 'silent',
      PORT: String(port),
      ...database,
      FILE_STORE_DIR: opts.fileStoreDir,
      SIGNING_DEV_DIR: signingDevDir(),
      JWT_SECRET: TEST_JWT_SECRET,
      ADMIN_EMAIL,
      ADMIN_PASSWORD,
      PASSWORD_HASH_COST: '4096',
      LOGIN_MAX_FAILURES_PER_MINUTE: '1000',
      RATE_LIMIT_ANONYMOUS_PER_MINUTE: '1000000',
      RATE_LIMIT_ACCOUNT_PER_HOUR: '1000000',
      RATE_LIMIT_USER_PER_MINUTE: '1000000',
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout?.on('data', (c: Buffer) => (out = (out + c.toString()).slice(-200_000)));
  proc.stderr?.on('data', (c: Buffer) => (out = (out + c.toString()).slice(-200_000)));
  const exited = new Promise<number | null>((r) => proc.once('exit', (code) => r(code)));
  const url = `http://127.0.0.1:${port}`;
  let gone = false;
  void exited.then(() => (gone = true));
  return {
    port,
    url,
    proc,
    output: () => out,
    exited,
    async kill(signal: NodeJS.Signals = 'SIGTERM') {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
      await exited;
    },
    async waitHealthy(ms = 60_000) {
      const started = performance.now();
      for (;;) {
        if (gone) throw new Error(`server exited during start-up:\n${out}`);
        try {
          const r = await fetch(`${url}${API}/health`);
          if (r.status === 200) return;
        } catch {
          // Not listening yet.
        }
        if (performance.now() - started > ms) {
          proc.kill('SIGKILL');
          throw new Error(`server not healthy within ${ms / 1000} s:\n${out}`);
        }
        await sleep(100);
      }
    },
  };
}

/** `node <build>/src/main.js` on its own free port, answering /health. */
export async function startServer(opts: ServerOptions): Promise<ServerProcess> {
  const server = await launchServer(opts);
  await server.waitHealthy();
  return server;
}

/** A TestApp-shaped handle on a spawned server, for the factories (which only use `http` and `adminToken`). */
export async function remote(url: string): Promise<TestApp> {
  const http = request(url) as unknown as TestAgent;
  const login = await http.post(`${API}/auth/login`).send({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
  if (login.status !== 200) throw new Error(`admin login: ${login.status} ${JSON.stringify(login.body)}`);
  return { http, adminToken: login.body.accessToken as string } as unknown as TestApp;
}

/** One query on a test database, on a connection of its own. */
export async function dbQuery<T>(database: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const c = new Client({ connectionString: dbUrl(database) });
  await c.connect();
  try {
    return (await c.query(sql, params)).rows as T[];
  } finally {
    await c.end();
  }
}
