import { Clock, SystemClock } from '../../src/common/clock';
import { SchedulerService } from '../../src/scheduler/scheduler.service';
import { bearer, createCast, expectProblem } from '../support/factories';
import { API, startTestApp, TestApp } from '../support/test-app';
import { approve } from './license-fixtures';

describe('licenses: the daily scheduler (expiry, end of suspension, reminders), run once', () => {
  let t: TestApp;
  let cast: Awaited<ReturnType<typeof createCast>>;
  let clock: SystemClock;
  beforeAll(async () => {
    t = await startTestApp();
    cast = await createCast(t);
    clock = t.app.get(Clock) as SystemClock;
  });
  afterAll(async () => {
    clock.reset();
    await t.close();
  });

  const license = async (id: string) => (await t.http.get(`${API}/licenses/${id}`).set(bearer(t.adminToken))).body;
  const issue = async (expiresOn: string) =>
    (
      await approve(t, {
        authorityId: cast.authority.id,
        owner: cast.owner,
        approver: cast.approver,
        decidedOn: '2026-01-10',
        requestedExpiresOn: expiresOn,
      })
    ).licenseId;
  const notifications = async (kind: string, entityId: string): Promise<number> => {
    const rows: { n: number }[] = await t.ds.query(
      `SELECT count(*)::int AS n FROM notifications WHERE kind = $1 AND entity_id = $2`,
      [kind, entityId],
    );
    return rows[0].n;
  };
  const history = async (id: string) =>
    (await t.http.get(`${API}/sites/${id}/lifecycle`).set(bearer(t.adminToken))).body.history as {
      event: string;
      actorRole: string;
    }[];

  it('expires the day after expiresOn (authority time zone), ends suspensions, reminds once at 90/30/7 days', async () => {
    const expiring = await issue('2026-04-30');
    const reminded = await issue('2026-07-30');
    const suspended = await issue('2030-01-01');
    clock.set(new Date('2026-04-10T03:00:00Z'));
    const s = await t.http
      .post(`${API}/licenses/${suspended}/transitions`)
      .set(bearer(cast.approver.token))
      .send({ event: 'SUSPEND', until: '2026-04-30', reason: 'Vi phạm điều kiện', decisionNumber: '5/QĐ-STTTT' });
    expect(s.status).toBe(200);

    const scheduler = t.app.get(SchedulerService);
    expect(scheduler.jobNames()).toEqual(
      expect.arrayContaining(['license.expire', 'license.reinstate', 'license.expiry-reminders']),
    );

    // 2026-04-30 at 10:00 in Hà Nội: the last day of both; nothing happens yet.
    clock.set(new Date('2026-04-30T03:00:00Z'));
    const first = await scheduler.runDaily();
    expect(first.today).toBe('2026-04-30');
    expect(first.jobs.every((j) => j.status === 'RAN')).toBe(true);
    expect((await license(expiring)).status).toBe('ACTIVE');
    expect((await license(suspended)).status).toBe('SUSPENDED');
    expect(await notifications('LICENSE_EXPIRING', reminded)).toBe(0);

    // 2026-05-01 at 01:00 in Hà Nội (still 30 April in UTC): expired, reinstated, first reminder (90 days).
    clock.set(new Date('2026-04-30T18:00:00Z'));
    const second = await scheduler.runDaily();
    expect(second.today).toBe('2026-05-01');
    expect(second.jobs.find((j) => j.job === 'license.expire')?.result).toMatchObject({ expired: 1 });
    expect(await license(expiring)).toMatchObject({ status: 'EXPIRED' });
    const back = await license(suspended);
    expect(back.status).toBe('ACTIVE');
    expect(back.suspendedUntil).toBeUndefined();
    expect(await notifications('LICENSE_EXPIRED', expiring)).toBe(1);
    expect(await notifications('LICENSE_REINSTATED', suspended)).toBe(1);
    expect(await notifications('LICENSE_EXPIRING', reminded)).toBe(1);
    expect((await history(expiring)).at(-1)).toMatchObject({ event: 'EXPIRE', actorRole: 'system' });
    expect((await history(suspended)).at(-1)).toMatchObject({ event: 'REINSTATE', actorRole: 'system' });

    // The same day again: the ledger says it ran; a forced run (admin endpoint) finds nothing new to do.
    const again = await scheduler.runDaily();
    expect(again.jobs.map((j) => j.status)).toEqual(again.jobs.map(() => 'ALREADY_RAN'));
    expectProblem(await t.http.post(`${API}/scheduler/run`).set(bearer(cast.approver.token)), 403, 'FORBIDDEN');
    const forced = await t.http.post(`${API}/scheduler/run`).set(bearer(t.adminToken));
    expect(forced.status).toBe(200);
    expect(forced.body.jobs.find((j: { job: string }) => j.job === 'license.expire')).toMatchObject({
      status: 'RAN',
      result: { expired: 0 },
    });
    expect(await notifications('LICENSE_EXPIRING', reminded)).toBe(1);
    expect(await notifications('LICENSE_EXPIRED', expiring)).toBe(1);

    // 30 and 7 days before: one more reminder each, once.
    clock.set(new Date('2026-07-01T03:00:00Z'));
    await scheduler.runDaily();
    clock.set(new Date('2026-07-02T03:00:00Z'));
    await scheduler.runDaily();
    expect(await notifications('LICENSE_EXPIRING', reminded)).toBe(2);
    clock.set(new Date('2026-07-23T03:00:00Z'));
    await scheduler.runDaily();
    expect(await notifications('LICENSE_EXPIRING', reminded)).toBe(3);
    const keys: { dedupe_key: string }[] = await t.ds.query(
      `SELECT dedupe_key FROM notifications WHERE kind = 'LICENSE_EXPIRING' AND entity_id = $1 ORDER BY created_at`,
      [reminded],
    );
    expect(keys.map((k) => k.dedupe_key)).toEqual([
      `expiry:${reminded}:2026-07-30:90`,
      `expiry:${reminded}:2026-07-30:30`,
      `expiry:${reminded}:2026-07-30:7`,
    ]);
  });

  it('two server processes on one database: each job runs once, each license expires once', async () => {
    const ids = await Promise.all(['2026-09-01', '2026-09-02', '2026-09-03'].map((d) => issue(d)));
    const replica = await startTestApp({ databaseName: t.database });
    const replicaClock = replica.app.get(Clock) as SystemClock;
    try {
      const at = new Date('2026-09-10T03:00:00Z');
      clock.set(at);
      replicaClock.set(at);
      const [a, b] = await Promise.all([
        t.app.get(SchedulerService).runDaily(),
        replica.app.get(SchedulerService).runDaily(),
      ]);
      for (const job of ['license.expire', 'license.reinstate', 'license.expiry-reminders']) {
        const statuses = [a, b].map((r) => r.jobs.find((j) => j.job === job)?.status).sort();
        expect(statuses.filter((s) => s === 'RAN')).toHaveLength(1);
        expect(statuses.filter((s) => s === 'ALREADY_RAN' || s === 'LOCKED_ELSEWHERE')).toHaveLength(1);
      }
      for (const id of ids) {
        expect((await license(id)).status).toBe('EXPIRED');
        expect((await history(id)).filter((h) => h.event === 'EXPIRE')).toHaveLength(1);
        expect(await notifications('LICENSE_EXPIRED', id)).toBe(1);
      }
    } finally {
      replicaClock.reset();
      await replica.close();
    }
  });
});
