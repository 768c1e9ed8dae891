import { Clock, SystemClock } from '../../src/common/clock';
import { SchedulerService } from '../../src/scheduler/scheduler.service';
import {
  bearer,
  createAuthority,
  createCast,
  createStaff,
  expectProblem,
  registerOwner,
  TestUser,
} from '../support/factories';
import { API, startTestApp, TestApp } from '../support/test-app';
import { issueLicenseDirectly } from './fixtures';

const content = () => ({
  articlesPublished: 1250,
  sourcesUsed: ['Báo Nghệ An', 'Cổng thông tin điện tử tỉnh Nghệ An'],
  staff: { content: 3, technical: 1 },
  incidents: [
    { date: '2026-05-04', description: 'Máy chủ ngừng hoạt động 2 giờ', actionTaken: 'Chuyển sang máy chủ dự phòng' },
  ],
  unamendedChanges: [],
  notes: 'Không có kiến nghị.',
});

describe('reports: annual and ad hoc reports of licensed sites', () => {
  let t: TestApp;
  let cast: Awaited<ReturnType<typeof createCast>>;
  let license: { id: string; number: string };
  let clock: SystemClock;
  // The moment these tests live at (frozen; never the real date): late in the license's first year.
  const base = new Date('2026-11-20T03:00:00Z');

  beforeAll(async () => {
    t = await startTestApp();
    clock = t.app.get(Clock) as SystemClock;
    clock.set(base);
    cast = await createCast(t);
    license = await issueLicenseDirectly(t, cast, { decidedOn: '2026-03-05' });
  });
  afterEach(() => clock.set(base));
  afterAll(() => t.close());

  const submit = (u: TestUser, body: Record<string, unknown>) =>
    t.http.post(`${API}/reports`).set(bearer(u.token)).send(body);
  const fire = (u: TestUser, id: string, body: Record<string, unknown>) =>
    t.http.post(`${API}/reports/${id}/transitions`).set(bearer(u.token)).send(body);
  const notificationKinds = async (u: TestUser) =>
    ((await t.http.get(`${API}/notifications?pageSize=100`).set(bearer(u.token))).body.items as { kind: string }[]).map(
      (n) => n.kind,
    );

  it('owner files the annual report → SUBMITTED; RETURN needs a reason; refiled; ACCEPTED', async () => {
    const r = await submit(cast.owner, { licenseId: license.id, period: '2026', content: content() });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      licenseId: license.id,
      period: '2026',
      kind: 'ANNUAL',
      dueOn: '2027-01-15',
      state: 'SUBMITTED',
      overdue: false,
      version: 2,
      content: content(),
    });
    expect(await notificationKinds(cast.appraiser)).toContain('REPORT_SUBMITTED');
    const id = r.body.id as string;

    expectProblem(await fire(cast.appraiser, id, { event: 'RETURN' }), 422, 'REASON_REQUIRED');
    expectProblem(await fire(cast.appraiser, id, { event: 'ACCEPT', version: 1 }), 409, 'VERSION_CONFLICT');
    const ret = await fire(cast.appraiser, id, {
      event: 'RETURN',
      reason: 'Thiếu số liệu nhân sự kỹ thuật',
      version: 2,
    });
    expect(ret.status).toBe(200);
    expect(ret.body.state).toBe('RETURNED');
    expect(await notificationKinds(cast.owner)).toContain('REPORT_RETURNED');

    const again = await submit(cast.owner, {
      licenseId: license.id,
      period: '2026',
      content: { ...content(), articlesPublished: 1300 },
    });
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ id, state: 'SUBMITTED', version: 4 });
    expectProblem(
      await submit(cast.owner, { licenseId: license.id, period: '2026', content: content() }),
      409,
      'TRANSITION_NOT_ALLOWED',
    );

    const acc = await fire(cast.appraiser, id, { event: 'ACCEPT' });
    expect(acc.status).toBe(200);
    expect(acc.body.state).toBe('ACCEPTED');
    expectProblem(await fire(cast.appraiser, id, { event: 'ACCEPT' }), 409, 'TRANSITION_NOT_ALLOWED');
    expectProblem(await fire(cast.appraiser, id, { event: 'PUBLISH' }), 400, 'UNKNOWN_EVENT');
    expect(await notificationKinds(cast.owner)).toContain('REPORT_ACCEPTED');

    const hist = await t.http.get(`${API}/reports/${id}/history`).set(bearer(cast.owner.token));
    expect((hist.body as { event: string }[]).map((h) => h.event)).toEqual([
      'CREATE',
      'SUBMIT',
      'RETURN',
      'SUBMIT',
      'ACCEPT',
    ]);
  });

  it('refuses roles that may never act (403)', async () => {
    const body = { licenseId: license.id, period: '2026', content: content() };
    for (const u of [cast.appraiser, cast.inspector, cast.approver])
      expectProblem(await submit(u, body), 403, 'FORBIDDEN');
    const [some] = (await t.http.get(`${API}/reports`).set(bearer(cast.owner.token))).body.items as { id: string }[];
    for (const u of [cast.owner, cast.approver, cast.inspector]) {
      expectProblem(await fire(u, some.id, { event: 'ACCEPT' }), 403, 'FORBIDDEN');
    }
    const req = { licenseId: license.id, dueOn: '2026-12-31', note: 'Báo cáo tình hình' };
    for (const u of [cast.owner, cast.approver, cast.inspector]) {
      expectProblem(await t.http.post(`${API}/reports/requests`).set(bearer(u.token)).send(req), 403, 'FORBIDDEN');
    }
  });

  it('hides other organizations and authorities (404)', async () => {
    const stranger = await registerOwner(t);
    expectProblem(
      await submit(stranger, { licenseId: license.id, period: '2026', content: content() }),
      404,
      'NOT_FOUND',
    );
    const other = await createAuthority(t);
    const foreignAppraiser = await createStaff(t, 'appraiser', other.id);
    const [some] = (await t.http.get(`${API}/reports`).set(bearer(cast.owner.token))).body.items as { id: string }[];
    expectProblem(await t.http.get(`${API}/reports/${some.id}`).set(bearer(stranger.token)), 404, 'NOT_FOUND');
    expectProblem(await t.http.get(`${API}/reports/${some.id}`).set(bearer(foreignAppraiser.token)), 404, 'NOT_FOUND');
    expectProblem(await fire(foreignAppraiser, some.id, { event: 'ACCEPT' }), 404, 'NOT_FOUND');
    const list = await t.http.get(`${API}/reports`).set(bearer(foreignAppraiser.token));
    expect(list.body.total).toBe(0);
    expect((await t.http.get(`${API}/reports`).set(bearer(stranger.token))).body.total).toBe(0);
    expectProblem(
      await t.http
        .post(`${API}/reports/requests`)
        .set(bearer(foreignAppraiser.token))
        .send({ licenseId: license.id, dueOn: '2030-01-01', note: 'x' }),
      404,
      'NOT_FOUND',
    );
  });

  it('validates the structured content (400 per field)', async () => {
    const bad = await submit(cast.owner, {
      licenseId: license.id,
      period: '2026',
      content: {
        articlesPublished: -1,
        sourcesUsed: 'Báo Nghệ An',
        staff: { content: 'ba' },
        incidents: [{ date: '2026-02-30', description: '' }],
        unamendedChanges: [],
        blob: 'x',
      },
    });
    expectProblem(bad, 400, 'VALIDATION_FAILED');
    const fields = (bad.body.errors as { field: string }[]).map((e) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'content.articlesPublished',
        'content.sourcesUsed',
        'content.staff.content',
        'content.staff.technical',
        'content.incidents[0].date',
        'content.incidents[0].description',
        'content.incidents[0].actionTaken',
        'content.blob',
      ]),
    );
    expectProblem(await submit(cast.owner, { licenseId: license.id, period: 'năm nay', content: content() }), 400);
    expectProblem(await submit(cast.owner, { licenseId: 'x', period: '2026', content: content() }), 400);
  });

  it('refuses periods the license does not owe (422)', async () => {
    const future = await submit(cast.owner, { licenseId: license.id, period: '2031', content: content() });
    expectProblem(future, 422, 'REPORT_PERIOD_INVALID');
    const beforeIssue = await submit(cast.owner, { licenseId: license.id, period: '2025', content: content() });
    expectProblem(beforeIssue, 422, 'REPORT_PERIOD_INVALID');
    const unknown = await submit(cast.owner, { licenseId: license.id, period: 'ADHOC-nothing', content: content() });
    expectProblem(unknown, 422, 'REPORT_NOT_REQUESTED');
  });

  it('an appraiser requests an ad hoc report (DUE), the owner is told and files it', async () => {
    clock.set(new Date('2026-12-01T03:00:00Z'));
    expectProblem(
      await t.http
        .post(`${API}/reports/requests`)
        .set(bearer(cast.appraiser.token))
        .send({ licenseId: license.id, dueOn: '2026-11-30', note: 'Báo cáo vụ việc' }),
      422,
      'DUE_DATE_IN_PAST',
    );
    const r = await t.http
      .post(`${API}/reports/requests`)
      .set(bearer(cast.appraiser.token))
      .send({ licenseId: license.id, dueOn: '2026-12-10', note: 'Báo cáo việc đăng tin về bão số 3' });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ kind: 'AD_HOC', state: 'DUE', dueOn: '2026-12-10', requestedBy: cast.appraiser.id });
    expect(r.body.period).toMatch(/^ADHOC-20261201-/);
    expect(await notificationKinds(cast.owner)).toContain('REPORT_REQUESTED');
    const filed = await submit(cast.owner, { licenseId: license.id, period: r.body.period, content: content() });
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ id: r.body.id, state: 'SUBMITTED' });
  });

  it('the scheduler creates annual obligations, reminds 30 days ahead and flags overdue reports — once', async () => {
    const c2 = await createCast(t);
    await t.http
      .put(`${API}/authorities/${c2.authority.id}/report-settings`)
      .set(bearer(t.adminToken))
      .send({ annualDueMonthDay: '01-20' })
      .expect(200);
    expectProblem(
      await t.http
        .put(`${API}/authorities/${c2.authority.id}/report-settings`)
        .set(bearer(t.adminToken))
        .send({ annualDueMonthDay: '02-30' }),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(
      await t.http
        .put(`${API}/authorities/${c2.authority.id}/report-settings`)
        .set(bearer(c2.appraiser.token))
        .send({ annualDueMonthDay: '01-20' }),
      403,
    );
    const l2 = await issueLicenseDirectly(t, c2, { decidedOn: '2026-06-01' });
    const scheduler = t.app.get(SchedulerService);

    clock.set(new Date('2026-12-10T01:00:00Z'));
    await scheduler.runDaily();
    let list = await t.http.get(`${API}/reports`).query({ licenseId: l2.id }).set(bearer(c2.owner.token));
    expect(list.body.items).toEqual([
      expect.objectContaining({ period: '2026', kind: 'ANNUAL', state: 'DUE', dueOn: '2027-01-20', overdue: false }),
    ]);
    // 2026-12-10 is not yet within 30 days of 2027-01-20
    expect(await notificationKinds(c2.owner)).not.toContain('REPORT_DUE');

    clock.set(new Date('2026-12-21T01:00:00Z'));
    await scheduler.runDaily();
    await scheduler.runDaily(undefined, { force: true });
    expect((await notificationKinds(c2.owner)).filter((k) => k === 'REPORT_DUE')).toHaveLength(1);

    clock.set(new Date('2027-01-21T01:00:00Z'));
    await scheduler.runDaily();
    await scheduler.runDaily(undefined, { force: true });
    expect((await notificationKinds(c2.owner)).filter((k) => k === 'REPORT_OVERDUE')).toHaveLength(1);
    expect((await notificationKinds(c2.appraiser)).filter((k) => k === 'REPORT_OVERDUE')).toHaveLength(1);
    list = await t.http
      .get(`${API}/reports`)
      .query({ overdue: 'true', period: '2026' })
      .set(bearer(c2.appraiser.token));
    expect(list.body.total).toBe(1);
    expect(list.body.items[0]).toMatchObject({ licenseId: l2.id, overdue: true, state: 'DUE' });
    // the first authority's 2026 report was accepted: not overdue
    const first = await t.http.get(`${API}/reports`).query({ overdue: 'true' }).set(bearer(cast.appraiser.token));
    expect((first.body.items as { period: string }[]).some((r) => r.period === '2026')).toBe(false);
    // one obligation per license and year, however often the job runs
    const [{ n }] = (await t.ds.query(
      `SELECT count(*)::int AS n FROM reports WHERE license_id = $1 AND period = '2026'`,
      [l2.id],
    )) as { n: number }[];
    expect(n).toBe(1);
    // filing late is allowed, and it is no longer overdue
    const late = await submit(c2.owner, { licenseId: l2.id, period: '2026', content: content() });
    expect(late.status).toBe(201);
    expect(late.body.overdue).toBe(false);
  });

  it('lists with filters and pagination; bad filters are 400', async () => {
    const r = await t.http
      .get(`${API}/reports`)
      .query({ state: 'ACCEPTED', pageSize: 1 })
      .set(bearer(cast.appraiser.token));
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ page: 1, pageSize: 1 });
    expect((r.body.items as { state: string }[]).every((i) => i.state === 'ACCEPTED')).toBe(true);
    expectProblem(await t.http.get(`${API}/reports`).query({ state: 'LOST' }).set(bearer(cast.appraiser.token)), 400);
    expectProblem(
      await t.http.get(`${API}/reports`).query({ overdue: 'maybe' }).set(bearer(cast.appraiser.token)),
      400,
    );
  });
});
