import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DocumentsService } from '../../src/documents/documents.service';
import {
  ApplicationBody,
  bearer,
  Cast,
  createApplication,
  createCast,
  fileApplicationToPendingDecision,
  requirementKinds,
} from '../support/factories';
import { withAdminClient } from '../support/pg';
import { API, startTestApp, TestApp } from '../support/test-app';
import { dbQuery, ensureBuilt, remote, ServerProcess, startServer } from './server';

/**
 * Crash consistency: the real server process is killed with SIGKILL at a random moment while a burst of approvals
 * (license issuance) and uploads is in flight, many times over, and restarted. Afterwards no license is half
 * issued, no number is burnt or given twice, every document row has its file, stray files are swept, and the audit
 * chain verifies. Reproduce a run with CRASH_SEED=<seed printed>.
 */
const SEED = Number(process.env.CRASH_SEED ?? 72013);
const CYCLES = Number(process.env.CRASH_CYCLES ?? 10);
const APPROVALS_PER_CYCLE = 6;
const UPLOADS_PER_CYCLE = 6;

/** mulberry32: a small seeded generator, so that the kill moments repeat with the seed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** A PDF by its first bytes, unique, of the given size (so that every upload is a new file in the store). */
function uniquePdf(size: number): Buffer {
  return Buffer.concat([Buffer.from('%PDF-1.4\n% Hồ sơ\n', 'utf8'), randomBytes(Math.max(16, size))]);
}

/** Every file under the store's content-addressed folders (aa/bb/<sha256>), and the temp files. */
function storedFiles(dir: string): { shas: string[]; temps: string[] } {
  const shas: string[] = [];
  for (const a of existsSync(dir) ? readdirSync(dir) : []) {
    if (!/^[0-9a-f]{2}$/.test(a)) continue;
    for (const b of readdirSync(join(dir, a))) {
      for (const sha of readdirSync(join(dir, a, b))) if (statSync(join(dir, a, b, sha)).isFile()) shas.push(sha);
    }
  }
  const tmp = join(dir, 'tmp');
  return { shas, temps: existsSync(tmp) ? readdirSync(tmp) : [] };
}

describe('quality: crash consistency (SIGKILL during issuance and uploads, then restart)', () => {
  const database = `gis_t_crash_${process.env.GIS_TEST_RUN_ID ?? 'x'}_${randomBytes(4).toString('hex')}`;
  const fileStoreDir = mkdtempSync(join(tmpdir(), 'gis-crash-files-'));
  let server: ServerProcess | undefined;
  let t: TestApp;
  let cast: Cast;
  let pending: ApplicationBody[];
  let drafts: ApplicationBody[];
  let kinds: string[];

  const start = async () => {
    server = await startServer({ database, fileStoreDir });
    t = await remote(server.url);
  };

  beforeAll(async () => {
    await ensureBuilt();
    await withAdminClient((c) => c.query(`CREATE DATABASE ${database} TEMPLATE ${process.env.GIS_TEST_TEMPLATE_DB}`));
    await start();
    cast = await createCast(t);
    kinds = await requirementKinds(t, 'NEW');
    // Dossiers waiting for the approver, prepared through the API; and drafts that receive the uploads.
    pending = [];
    const total = CYCLES * APPROVALS_PER_CYCLE;
    for (let i = 0; i < total; i += 8) {
      const batch = Math.min(8, total - i);
      pending.push(
        ...(await Promise.all(Array.from({ length: batch }, () => fileApplicationToPendingDecision(t, cast)))),
      );
    }
    drafts = await Promise.all(Array.from({ length: 4 }, () => createApplication(t, cast.owner, cast.authority.id)));
  }, 420_000);

  afterAll(async () => {
    await server?.kill('SIGKILL');
    await withAdminClient((c) => c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
    rmSync(fileStoreDir, { recursive: true, force: true });
  });

  it(`survives ${CYCLES} kills in the middle of approvals and uploads (seed ${SEED})`, async () => {
    const random = rng(SEED);
    let completed = 0;
    let interrupted = 0;
    const refused: number[] = [];
    const kills: number[] = [];
    for (let cycle = 0; cycle < CYCLES; cycle++) {
      if (!server) await start();
      const waiting = await dbQuery<{ id: string; version: number }>(
        database,
        `SELECT id, version FROM applications WHERE id = ANY($1) AND state = 'PENDING_DECISION' LIMIT $2`,
        [pending.map((p) => p.id), APPROVALS_PER_CYCLE],
      );
      const approvals = waiting.map((d, i) =>
        t.http
          .post(`${API}/applications/${d.id}/transitions`)
          .set(bearer((i % 2 ? cast.approver : cast.approver2).token))
          .send({ event: 'APPROVE', version: d.version }),
      );
      const uploads = Array.from({ length: UPLOADS_PER_CYCLE }, () =>
        t.http
          .post(`${API}/applications/${drafts[Math.floor(random() * drafts.length)].id}/documents`)
          .set(bearer(cast.owner.token))
          .field('kind', kinds[Math.floor(random() * kinds.length)])
          .attach('file', uniquePdf(Math.floor(random() * 1_500_000)), {
            filename: 'ho-so.pdf',
            contentType: 'application/pdf',
          }),
      );
      const inFlight = [...approvals, ...uploads].map((r) => r.then((res) => res.status));
      const delay = 100 + Math.floor(random() * 3500);
      kills.push(delay);
      await sleep(delay);
      await server!.kill('SIGKILL');
      server = undefined;
      for (const s of await Promise.allSettled(inFlight)) {
        if (s.status === 'fulfilled' && s.value < 300) completed += 1;
        else if (s.status === 'fulfilled') refused.push(s.value);
        else {
          interrupted += 1;
          if (process.env.CRASH_DEBUG) process.stdout.write(`${String(s.reason)}\n`);
        }
      }
    }
    await start();
    process.stdout.write(
      `crash seed ${SEED}: ${CYCLES} kills after ${kills.join(', ')} ms; ${completed} requests answered, ` +
        `${interrupted} cut off\n`,
    );
    // Nothing was refused; the kills did land in the middle of work, and work did get done between them.
    expect(refused).toEqual([]);
    expect(interrupted).toBeGreaterThan(0);
    expect(completed).toBeGreaterThan(0);

    // No license half issued: an APPROVED dossier has its license and its version row, and vice versa.
    const approvedWithout = await dbQuery(
      database,
      `SELECT a.id FROM applications a LEFT JOIN licenses l ON l.id = a.license_id
        WHERE a.state = 'APPROVED' AND a.type = 'NEW'
          AND (l.id IS NULL OR NOT EXISTS (SELECT 1 FROM license_versions v WHERE v.license_id = l.id))`,
    );
    expect(approvedWithout).toEqual([]);
    const licenseWithout = await dbQuery(
      database,
      `SELECT l.id FROM licenses l JOIN applications a ON a.id = l.application_id
        WHERE a.state <> 'APPROVED' OR a.license_id IS DISTINCT FROM l.id
           OR NOT EXISTS (SELECT 1 FROM license_versions v WHERE v.license_id = l.id)`,
    );
    expect(licenseWithout).toEqual([]);
    const decisions = await dbQuery<{ id: string; state: string; approvals: number }>(
      database,
      `SELECT a.id, a.state,
              (SELECT count(*)::int FROM workflow_history h
                WHERE h.entity_id = a.id AND h.event = 'APPROVE') AS approvals
         FROM applications a WHERE a.id = ANY($1)`,
      [pending.map((p) => p.id)],
    );
    expect(decisions.filter((d) => d.approvals !== (d.state === 'APPROVED' ? 1 : 0))).toEqual([]);
    const approved = decisions.filter((d) => d.state === 'APPROVED').length;
    expect(approved).toBeGreaterThan(0);

    // No number burnt or duplicated: per authority the sequence numbers are exactly 1..N, and the series is at N+1.
    const numbers = await dbQuery<{ authority_id: string; number: string; next_seq: number }>(
      database,
      `SELECT l.authority_id, l.number, s.next_seq
         FROM licenses l JOIN license_number_series s ON s.authority_id = l.authority_id`,
    );
    expect(numbers).toHaveLength(approved);
    const seqs = numbers.map((n) => Number(/^(\d+)\//.exec(n.number)?.[1])).sort((x, y) => x - y);
    expect(seqs).toEqual(Array.from({ length: approved }, (_, i) => i + 1));
    expect(new Set(numbers.map((n) => n.next_seq))).toEqual(new Set([approved + 1]));

    // No document row without its file.
    const documents = await dbQuery<{ id: string; sha256: string }>(database, `SELECT id, sha256 FROM documents`);
    const missing = documents.filter(
      (d) => !existsSync(join(fileStoreDir, d.sha256.slice(0, 2), d.sha256.slice(2, 4), d.sha256)),
    );
    expect(missing).toEqual([]);

    // The audit chain verifies.
    const verify = await t.http.get(`${API}/audit/verify`).set(bearer(t.adminToken));
    expect(verify.status).toBe(200);
    expect(verify.body.valid).toBe(true);

    // Stray files (stored, never recorded: the process died in between) go once the sweeper runs.
    const before = storedFiles(fileStoreDir);
    const referenced = new Set(documents.map((d) => d.sha256));
    const sweeper = await startTestApp({ databaseName: database, env: { FILE_STORE_DIR: fileStoreDir } });
    try {
      await sweeper.app.get(DocumentsService).sweepOrphans(0);
    } finally {
      await sweeper.close();
    }
    const after = storedFiles(fileStoreDir);
    expect(after.temps).toEqual([]);
    expect(after.shas.sort()).toEqual([...referenced].sort());
    process.stdout.write(
      `crash seed ${SEED}: ${documents.length} documents, ${before.shas.length - after.shas.length} stray files and ` +
        `${before.temps.length} temp files swept\n`,
    );
  }, 240_000);
});
