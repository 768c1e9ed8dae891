import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Clock, SystemClock } from '../../src/common/clock';
import { SchedulerService } from '../../src/scheduler/scheduler.service';
import { approve } from '../licenses/license-fixtures';
import {
  ApplicationBody,
  bearer,
  Cast,
  createCast,
  createStaff,
  fileApplicationToPendingDecision,
  registerOwner,
} from '../support/factories';
import { withAdminClient } from '../support/pg';
import { API, startTestApp, TestApp } from '../support/test-app';
import { dbQuery, ensureBuilt, remote, ServerProcess, startServer } from './server';

/** Runs `fn` over `items` with at most `n` at a time. */
async function pool<T, R>(items: T[], n: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i], i);
      }
    }),
  );
  return out;
}

function count<T>(xs: T[]): Map<T, number> {
  const m = new Map<T, number>();
  for (const x of xs) m.set(x, (m.get(x) ?? 0) + 1);
  return m;
}

/**
 * Races across two server processes on one PostgreSQL database (a deployment with two replicas behind a load
 * balancer): `node <build>/src/main.js` spawned twice, requests split between them.
 */
describe('quality: races across two server processes on one PostgreSQL', () => {
  const database = `gis_t_races_${process.env.GIS_TEST_RUN_ID ?? 'x'}_${randomBytes(4).toString('hex')}`;
  const fileStoreDir = mkdtempSync(join(tmpdir(), 'gis-races-files-'));
  const servers: ServerProcess[] = [];
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    await ensureBuilt();
    await withAdminClient((c) => c.query(`CREATE DATABASE ${database} TEMPLATE ${process.env.GIS_TEST_TEMPLATE_DB}`));
    servers.push(...(await Promise.all([0, 1].map(() => startServer({ database, fileStoreDir })))));
    [a, b] = await Promise.all(servers.map((s) => remote(s.url)));
  }, 360_000);

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.kill('SIGTERM')));
    await withAdminClient((c) => c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
    rmSync(fileStoreDir, { recursive: true, force: true });
  });

  const via = (i: number) => (i % 2 === 0 ? a : b);

  it('50 conflicting decisions on one dossier, split across both processes: exactly one wins, the rest get 409', async () => {
    const cast = await createCast(a);
    const dossier = await fileApplicationToPendingDecision(a, cast);
    const bodies = [
      { event: 'APPROVE' },
      { event: 'REJECT', reason: 'Nội dung không phù hợp tôn chỉ' },
      { event: 'SEND_BACK', note: 'Thẩm định lại nguồn tin' },
    ];
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        via(i)
          .http.post(`${API}/applications/${dossier.id}/transitions`)
          .set(bearer((i % 4 < 2 ? cast.approver : cast.approver2).token))
          .send(bodies[i % 3]),
      ),
    );
    const statuses = count(results.map((r) => r.status));
    expect(statuses.get(200)).toBe(1);
    expect(statuses.get(409)).toBe(49);
    for (const r of results.filter((x) => x.status === 409)) {
      expect(['TRANSITION_NOT_ALLOWED', 'VERSION_CONFLICT', 'CONFLICT']).toContain(r.body.code);
    }
    const winner = results.find((r) => r.status === 200)?.body as ApplicationBody;
    const history = (await a.http.get(`${API}/applications/${dossier.id}/history`).set(bearer(cast.owner.token)))
      .body as { event: string }[];
    const decisions = history.filter((h) => ['APPROVE', 'REJECT', 'SEND_BACK'].includes(h.event));
    expect(decisions).toHaveLength(1);
    expect(winner.version).toBe(dossier.version + 1);
    const licenses = (await b.http.get(`${API}/licenses`).set(bearer(cast.approver.token))).body as { total: number };
    expect(licenses.total).toBe(winner.state === 'APPROVED' ? 1 : 0);
  }, 120_000);

  it('200 concurrent approvals of different dossiers across both processes: numbers 1..200, unique, no gap', async () => {
    const authoritySuffix = 'GP-RACE';
    const cast = await createCast(a);
    // A fresh authority whose series starts at 1, with its own approver and appraiser, and several owners.
    const auth = (
      await a.http
        .post(`${API}/authorities`)
        .set(bearer(a.adminToken))
        .send({
          code: `RACE${randomBytes(3).toString('hex').toUpperCase()}`,
          name: 'Sở Thông tin và Truyền thông',
          province: 'Hà Tĩnh',
          licenseNumberSuffix: authoritySuffix,
          signerTitle: 'GIÁM ĐỐC',
          signerName: 'Trần Văn Bình',
        })
    ).body as { id: string };
    const [appraiser, appraiser2, approver, approver2, inspector] = await Promise.all(
      (['appraiser', 'appraiser', 'approver', 'approver', 'inspector'] as const).map((r) => createStaff(a, r, auth.id)),
    );
    const owners = await Promise.all(Array.from({ length: 8 }, () => registerOwner(b)));
    const casts: Cast[] = owners.map((owner) => ({
      ...cast,
      authority: { ...cast.authority, id: auth.id, licenseNumberSuffix: authoritySuffix },
      appraiser,
      appraiser2,
      approver,
      approver2,
      inspector,
      owner,
    }));
    const dossiers = await pool(
      Array.from({ length: 200 }, (_, i) => i),
      12,
      (i) => fileApplicationToPendingDecision(via(i), casts[i % casts.length]),
    );

    // Fired all at once; a 503 (every pooled connection busy behind the series lock) is retried after its
    // Retry-After, as a client behind a load balancer would. Nothing else but 200 is acceptable.
    const started = Date.now();
    const unexpected: string[] = [];
    let busy = 0;
    let lateAnswers = 0;
    await Promise.all(
      dossiers.map(async (d, i) => {
        for (let attempt = 0; ; attempt++) {
          const r = await via(i + attempt)
            .http.post(`${API}/applications/${d.id}/transitions`)
            .set(bearer((i % 2 ? approver : approver2).token))
            .send({ event: 'APPROVE', version: d.version });
          if (r.status === 503 && attempt < 20) {
            busy += 1;
            await new Promise((res) => setTimeout(res, 1000 * Number(r.headers['retry-after'] ?? 1)));
            continue;
          }
          // The approval committed, but building the answer afterwards waited too long for a pooled connection
          // (a known weakness: the view is read after the transaction); the retry finds it APPROVED.
          if (attempt > 0 && r.status === 409 && r.body.state === 'APPROVED') {
            lateAnswers += 1;
            return;
          }
          if (r.status !== 200) unexpected.push(`${r.status} ${JSON.stringify(r.body)}`);
          return;
        }
      }),
    );
    process.stdout.write(
      `200 approvals on two processes: ${Date.now() - started} ms, ${busy} busy answers retried, ` +
        `${lateAnswers} committed but answered 503\n`,
    );
    if (unexpected.length && process.env.QUALITY_SERVER_LOG_LEVEL) {
      writeFileSync('/tmp/races-server.log', servers.map((s) => s.output()).join('\n=====\n'));
    }
    expect(unexpected).toEqual([]);

    const numbers: string[] = [];
    for (let page = 1; numbers.length < 200 && page <= 3; page++) {
      const r = await b.http.get(`${API}/licenses?pageSize=100&page=${page}`).set(bearer(approver.token));
      numbers.push(...(r.body.items as { number: string }[]).map((l) => l.number));
    }
    expect(numbers).toHaveLength(200);
    expect(new Set(numbers).size).toBe(200);
    const seqs = numbers.map((n) => {
      const m = /^(\d+)\/GP-RACE$/.exec(n);
      if (!m) throw new Error(`unexpected number ${n}`);
      return Number(m[1]);
    });
    expect(seqs.sort((x, y) => x - y)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    const [licensed] = await dbQuery<{ n: number }>(
      database,
      `SELECT count(*)::int AS n FROM applications a
        WHERE a.id = ANY($1) AND a.state = 'APPROVED' AND a.license_id IS NOT NULL
          AND EXISTS (SELECT 1 FROM license_versions v WHERE v.license_id = a.license_id)`,
      [dossiers.map((d) => d.id)],
    );
    expect(licensed.n).toBe(200);
    const numbering = await a.http.get(`${API}/authorities/${auth.id}/license-numbering`).set(bearer(a.adminToken));
    expect(numbering.body.nextSeq).toBe(201);
  }, 240_000);
});

/**
 * Scheduled jobs on two replicas (two Nest applications on one PostgreSQL database, in this process so that their
 * clocks can be moved): both run the daily jobs at the same moment; each license expires once and its holder gets
 * one notification.
 */
describe('quality: scheduled jobs run once across two replicas', () => {
  let t: TestApp;
  let t2: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    t2 = await startTestApp({ databaseName: t.database });
  }, 120_000);
  afterAll(async () => {
    for (const x of [t2, t]) (x.app.get(Clock) as SystemClock).reset();
    await t2.close();
    await t.close();
  });

  it('both replicas run the daily jobs at once with a moved clock: every license expired once, one notice each', async () => {
    const cast = await createCast(t);
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      const { licenseId } = await approve(t, {
        authorityId: cast.authority.id,
        owner: cast.owner,
        approver: cast.approver,
        decidedOn: '2026-01-10',
        requestedExpiresOn: '2026-06-30',
      });
      ids.push(licenseId);
    }
    for (const x of [t, t2]) (x.app.get(Clock) as SystemClock).set(new Date('2026-07-01T02:00:00Z'));
    const runs = await Promise.all(
      [t, t2, t, t2].map((x) => x.app.get(SchedulerService).runDaily(undefined, { force: false })),
    );
    const expired = runs
      .flatMap((r) => r.jobs)
      .filter((j) => j.job === 'license.expire' && j.status === 'RAN')
      .map((j) => (j.result as { expired?: number } | undefined)?.expired ?? 0);
    expect(expired.reduce((x, y) => x + y, 0)).toBe(12);

    const rows = (await t.ds.query(
      `SELECT l.id, l.status,
              (SELECT count(*)::int FROM workflow_history h WHERE h.entity_id = l.id AND h.event = 'EXPIRE') AS expirations,
              (SELECT count(*)::int FROM notifications n WHERE n.entity_id = l.id AND n.kind = 'LICENSE_EXPIRED') AS notices
         FROM licenses l WHERE l.id = ANY($1)`,
      [ids],
    )) as { status: string; expirations: number; notices: number }[];
    expect(rows).toHaveLength(12);
    expect(rows.filter((r) => r.status !== 'EXPIRED' || r.expirations !== 1 || r.notices !== 1)).toEqual([]);
    const ledger = (await t.ds.query(
      `SELECT count(*)::int AS n FROM scheduled_job_runs WHERE job = 'license.expire' AND run_on = '2026-07-01'`,
    )) as { n: number }[];
    expect(ledger[0].n).toBe(1);
  }, 120_000);
});
