/**
 * The pieces of a benchmark run: child processes (the server, the ceiling app) with start-up time and peak RSS,
 * the HTTP load generator (autocannon), pgbench, and a few PostgreSQL helpers.
 */
import { ChildProcess, execFile, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import autocannon from 'autocannon';
import { Client } from 'pg';

const execFileAsync = promisify(execFile);

export const PG_ADMIN_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function dbUrl(database: string): string {
  const u = new URL(PG_ADMIN_URL);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function withPg<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function log(line: string): void {
  process.stdout.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
}

/** Peak resident set (VmHWM) and current RSS of a process, in KiB, from /proc (Linux). */
export function readMemoryKb(pid: number): { hwm: number; rss: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
    const rss = /VmRSS:\s+(\d+) kB/.exec(status);
    if (!hwm || !rss) return undefined;
    return { hwm: Number(hwm[1]), rss: Number(rss[1]) };
  } catch {
    return undefined;
  }
}

/** CPU time (user + system) a process has used so far, in ms, from /proc/<pid>/stat (Linux; clock ticks of 10 ms). */
export function readCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces, inside parentheses): utime is 14th, stime 15th.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(rest[11]) + Number(rest[12])) * 10;
  } catch {
    return NaN;
  }
}

export interface ChildServer {
  child: ChildProcess;
  pid: number;
  baseUrl: string;
  /** Milliseconds from spawn to the first 200 on the health path. */
  startupMs: number;
  /** Highest VmHWM seen so far (KiB); sampled every 250 ms and once more just before stopping. */
  peakRssKb(): number;
  /** Returns the peak so far and starts a new one (writes 5 to /proc/<pid>/clear_refs, which resets VmHWM). */
  resetPeakRssKb(): number;
  stop(): Promise<void>;
}

export interface SpawnOptions {
  script: string;
  args?: string[];
  nodeArgs?: string[];
  env: Record<string, string>;
  port: number;
  healthPath: string;
  timeoutMs?: number;
  label: string;
}

/** Starts `node <script>` and waits until `healthPath` answers 200; measures the time to healthy. */
export async function spawnServer(opts: SpawnOptions): Promise<ChildServer> {
  const baseUrl = `http://127.0.0.1:${opts.port}`;
  const started = performance.now();
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), opts.script, ...(opts.args ?? [])], {
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...opts.env, PORT: String(opts.port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exited: number | null = null;
  child.once('exit', (code, signal) => {
    exited = code ?? (signal ? 128 : 1);
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`${opts.label}: could not spawn`);

  let peak = 0;
  const sample = () => {
    const m = readMemoryKb(pid);
    if (m) peak = Math.max(peak, m.hwm);
  };
  const sampler = setInterval(sample, 250);
  sampler.unref();

  const deadline = started + (opts.timeoutMs ?? 120_000);
  for (;;) {
    if (exited !== null) {
      clearInterval(sampler);
      throw new Error(`${opts.label} exited with ${exited} before it was healthy:\n${output}`);
    }
    if (performance.now() > deadline) {
      child.kill('SIGKILL');
      clearInterval(sampler);
      throw new Error(`${opts.label} was not healthy within ${opts.timeoutMs ?? 120_000} ms:\n${output}`);
    }
    try {
      const r = await fetch(`${baseUrl}${opts.healthPath}`);
      await r.arrayBuffer();
      if (r.status === 200) break;
    } catch {
      // Not listening yet.
    }
    await sleep(25);
  }
  const startupMs = performance.now() - started;
  sample();
  return {
    child,
    pid,
    baseUrl,
    startupMs,
    peakRssKb: () => {
      sample();
      return peak;
    },
    resetPeakRssKb: () => {
      sample();
      const before = peak;
      writeFileSync(`/proc/${pid}/clear_refs`, '5');
      peak = 0;
      sample();
      return before;
    },
    async stop() {
      sample();
      clearInterval(sampler);
      if (exited !== null) return;
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await gone;
      clearTimeout(timer);
    },
  };
}

export interface LoadResult {
  title: string;
  connections: number;
  durationS: number;
  requests: number;
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  meanMs: number;
  maxMs: number;
  errors: number;
  non2xx: number;
  statusCodes: Record<string, number>;
}

export interface RequestOverride {
  path: string;
  method?: string;
  body?: string;
  headers?: Record<string, string>;
}

export interface LoadOptions {
  title: string;
  url: string;
  connections: number;
  durationS: number;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** Each request's path (and optionally method and body) from this function, called once per request. */
  next?: () => RequestOverride;
  /** A fixed sequence per connection (e.g. SUSPEND then REINSTATE), each step computed from the connection's context. */
  sequence?: ((ctx: Record<string, unknown>) => RequestOverride)[];
}

/** One autocannon measurement. */
export async function load(opts: LoadOptions): Promise<LoadResult> {
  const base = new URL(opts.url);
  const headers = { ...(opts.headers ?? {}) };
  if (opts.body !== undefined || opts.sequence) headers['content-type'] ??= 'application/json';
  const requests = opts.sequence
    ? opts.sequence.map((step) => ({
        setupRequest: (req: autocannon.RequestSpec, ctx: Record<string, unknown>) => {
          const o = step(ctx);
          return { ...req, ...o, headers: { ...headers, ...(o.headers ?? {}) } };
        },
      }))
    : opts.next
      ? [
          {
            setupRequest: (req: autocannon.RequestSpec) => {
              const o = opts.next?.();
              return o ? { ...req, ...o, headers: { ...headers, ...(o.headers ?? {}) } } : req;
            },
          },
        ]
      : undefined;
  const r = await autocannon({
    url: base.toString(),
    connections: opts.connections,
    duration: opts.durationS,
    method: opts.method ?? 'GET',
    headers,
    body: opts.body,
    requests,
    timeout: 30,
  });
  const statusCodes: Record<string, number> = {};
  for (const [code, v] of Object.entries(r.statusCodeStats ?? {})) statusCodes[code] = Number(v.count);
  const total = Object.values(statusCodes).reduce((a, b) => a + b, 0);
  return {
    title: opts.title,
    connections: opts.connections,
    durationS: r.duration,
    requests: total,
    rps: total / r.duration,
    p50: r.latency.p50,
    p90: r.latency.p90,
    p99: r.latency.p99,
    meanMs: r.latency.average,
    maxMs: r.latency.max,
    errors: r.errors,
    non2xx: r.non2xx,
    statusCodes,
  };
}

/** Finds the pgbench binary: PATH, else the PostgreSQL installation's bin directory. */
export async function findPgbench(): Promise<string> {
  try {
    const { stdout } = await execFileAsync('sh', ['-c', 'command -v pgbench || ls /usr/lib/postgresql/*/bin/pgbench']);
    const path = stdout.trim().split('\n')[0];
    if (path) return path;
  } catch {
    // Fall through.
  }
  throw new Error('pgbench not found (Debian: it comes with postgresql-client / postgresql)');
}

export interface PgbenchResult {
  title: string;
  clients: number;
  tps: number;
  latencyMs: number;
  transactions: number;
  failed: number;
}

/** Runs a custom pgbench script (`-f`) against `database` for `durationS` seconds. */
export async function pgbench(opts: {
  title: string;
  database: string;
  script: string;
  clients: number;
  threads: number;
  durationS: number;
}): Promise<PgbenchResult> {
  const bin = await findPgbench();
  const file = join(tmpdir(), `gis-bench-${process.pid}-${Date.now()}.sql`);
  writeFileSync(file, opts.script);
  const u = new URL(dbUrl(opts.database));
  const args = [
    '-h',
    u.hostname,
    '-p',
    u.port || '5432',
    '-U',
    decodeURIComponent(u.username || 'postgres'),
    '-n',
    '-M',
    'extended',
    '-f',
    file,
    '-c',
    String(opts.clients),
    '-j',
    String(opts.threads),
    '-T',
    String(opts.durationS),
    opts.database,
  ];
  const { stdout } = await execFileAsync(bin, args, { maxBuffer: 16 * 1024 * 1024 });
  const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(stdout);
  const lat = /latency average = ([\d.]+) ms/.exec(stdout);
  const processed = /number of transactions actually processed: (\d+)/.exec(stdout);
  const failed = /number of failed transactions: (\d+)/.exec(stdout);
  if (!tps) throw new Error(`pgbench output not understood:\n${stdout}`);
  return {
    title: opts.title,
    clients: opts.clients,
    tps: Number(tps[1]),
    latencyMs: lat ? Number(lat[1]) : NaN,
    transactions: processed ? Number(processed[1]) : NaN,
    failed: failed ? Number(failed[1]) : 0,
  };
}

export async function run(cmd: string, args: string[]): Promise<string> {
  const { stdout } = await execFileAsync(cmd, args);
  return stdout.trim();
}
