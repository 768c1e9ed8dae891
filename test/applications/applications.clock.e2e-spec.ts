import { SystemClock, Clock } from '../../src/common/clock';
import { bearer, Cast, createCast, fileApplicationTo, fireApplicationOk } from '../support/factories';
import { API, startTestApp, TestApp } from '../support/test-app';

/**
 * 10 working days (PROCESSING_WORKING_DAYS_*) "kể từ ngày nhận được hồ sơ hợp lệ": from the day the complete dossier
 * or its last supplement was received, whatever day the appraiser confirms it; a supplement restarts it from zero.
 */
describe('applications: the statutory clock', () => {
  let t: TestApp;
  let cast: Cast;
  let clock: SystemClock;
  beforeAll(async () => {
    t = await startTestApp();
    cast = await createCast(t);
    clock = t.app.get(Clock) as SystemClock;
  });
  afterEach(() => clock.reset());
  afterAll(() => t.close());

  const at = (iso: string) => clock.set(new Date(iso));
  const read = async (id: string, token = cast.owner.token) =>
    (await t.http.get(`${API}/applications/${id}`).set(bearer(token))).body;

  it('runs across Tết 2026: confirmed on Friday 13 February, due at the end of Friday 6 March (+07:00)', async () => {
    at('2026-02-13T03:00:00Z'); // 10:00 in Hà Nội
    const app = await fileApplicationTo(t, cast, 'IN_REVIEW');
    expect(app.deadline).toBeNull();
    const started = await fireApplicationOk(t, cast.appraiser.token, app.id, { event: 'CONFIRM_COMPLETE' });
    expect(started.deadline).toEqual({
      dueAt: '2026-03-06T16:59:59.999Z',
      workingDaysLeft: 11, // Friday 13 February itself, then the 10 days after Tết
      overdue: false,
      paused: false,
    });
    const [row] = await t.ds.query(`SELECT clock_started_on, due_at FROM applications WHERE id = $1`, [app.id]);
    expect(row.clock_started_on).toBe('2026-02-13');
    expect(new Date(row.due_at).toISOString()).toBe('2026-03-06T16:59:59.999Z');
    const history = await t.http.get(`${API}/applications/${app.id}/history`).set(bearer(cast.appraiser.token));
    expect(history.body.at(-1).data).toMatchObject({
      clockStartedOn: '2026-02-13',
      dueOn: '2026-03-06',
      workingDays: 10,
    });

    // During Tết nothing is used up.
    at('2026-02-20T03:00:00Z');
    expect((await read(app.id)).deadline.workingDaysLeft).toBe(10);
    // On the last day: one day left, not overdue until its end.
    at('2026-03-06T16:00:00Z');
    expect((await read(app.id)).deadline).toMatchObject({ workingDaysLeft: 1, overdue: false });
    at('2026-03-06T17:00:00Z');
    expect((await read(app.id)).deadline).toMatchObject({ workingDaysLeft: 0, overdue: true });
  });

  it('a confirmation in the evening counts by the authority’s calendar date, not UTC', async () => {
    at('2026-03-01T18:30:00Z'); // Monday 2 March 01:30 in Hà Nội
    const app = await fileApplicationTo(t, cast, 'IN_APPRAISAL');
    // Monday 2 March + 10 working days = Monday 16 March.
    expect(app.deadline).toMatchObject({ dueAt: '2026-03-16T16:59:59.999Z' });
  });

  it('a supplement pauses the clock; confirmed the next day, it counts again from the day the supplement came', async () => {
    at('2026-03-02T02:00:00Z');
    const app = await fileApplicationTo(t, cast, 'IN_APPRAISAL');
    expect(app.deadline).toMatchObject({ dueAt: '2026-03-16T16:59:59.999Z', paused: false });

    at('2026-03-10T02:00:00Z');
    const paused = await fireApplicationOk(t, cast.appraiser.token, app.id, {
      event: 'REQUEST_SUPPLEMENT',
      items: ['Đề án hoạt động có chữ ký, dấu'],
      reason: 'Đề án chưa được ký',
    });
    expect(paused.deadline).toMatchObject({ paused: true, overdue: false });

    // Weeks later, still paused and never overdue.
    at('2026-04-20T02:00:00Z');
    expect((await read(app.id)).deadline).toMatchObject({ paused: true, overdue: false });
    const resubmitted = await fireApplicationOk(t, cast.owner.token, app.id, { event: 'RESUBMIT' });
    expect(resubmitted.deadline).toMatchObject({ paused: true });

    expect(resubmitted.receivedOn).toBe('2026-04-20');
    expect(resubmitted.completenessCheck).toMatchObject({ receivedOn: '2026-04-20', open: true, overdue: false });

    at('2026-04-21T02:00:00Z'); // Tuesday; 27 April (Hùng Kings, substitute), 30 April and 1 May are holidays
    const restarted = await fireApplicationOk(t, cast.appraiser.token, app.id, { event: 'CONFIRM_COMPLETE' });
    // From Monday 20 April, the supplement's day of receipt: 21, 22, 23, 24, 28, 29 April, 4, 5, 6, 7 May.
    expect(restarted.deadline).toEqual({
      dueAt: '2026-05-07T16:59:59.999Z',
      workingDaysLeft: 10,
      overdue: false,
      paused: false,
    });
    expect(restarted.clockStartedOn).toBe('2026-04-20');
    expect(restarted.completenessCheck).toMatchObject({ receivedOn: '2026-04-20', open: false, workingDaysLeft: null });
  });

  it('a confirmation several days after receipt: the period counts from the receipt, not the confirmation', async () => {
    at('2026-03-02T02:00:00Z'); // Monday 2 March: filed
    const app = await fileApplicationTo(t, cast, 'SUBMITTED');
    expect(app.receivedOn).toBe('2026-03-02');
    // The completeness check has its own period (COMPLETENESS_CHECK_WORKING_DAYS, 3): to the end of Thursday 5 March.
    expect(app.completenessCheck).toEqual({
      receivedOn: '2026-03-02',
      dueAt: '2026-03-05T16:59:59.999Z',
      open: true,
      workingDaysLeft: 4,
      overdue: false,
    });
    expect(app.deadline).toBeNull();
    at('2026-03-06T02:00:00Z'); // Friday: the check is late
    expect((await read(app.id)).completenessCheck).toMatchObject({ open: true, overdue: true, workingDaysLeft: 0 });
    await fireApplicationOk(t, cast.appraiser.token, app.id, { event: 'START_REVIEW' });
    at('2026-03-09T02:00:00Z'); // Monday 9 March: confirmed a week after receipt
    const confirmed = await fireApplicationOk(t, cast.appraiser.token, app.id, { event: 'CONFIRM_COMPLETE' });
    // Monday 2 March + 10 working days = Monday 16 March (not 23 March, as counted from the confirmation).
    expect(confirmed.deadline).toEqual({
      dueAt: '2026-03-16T16:59:59.999Z',
      workingDaysLeft: 6,
      overdue: false,
      paused: false,
    });
    expect(confirmed.clockStartedOn).toBe('2026-03-02');
    expect(confirmed.completenessCheck).toMatchObject({ open: false, overdue: false });
    const history = await t.http.get(`${API}/applications/${app.id}/history`).set(bearer(cast.appraiser.token));
    expect(history.body.at(-1).data).toMatchObject({ clockStartedOn: '2026-03-02', confirmedOn: '2026-03-09' });
  });

  it('the period is a legal parameter an authority may set for itself from a date on', async () => {
    const own = await createCast(t);
    at('2026-03-02T02:00:00Z');
    const set = await t.http.post(`${API}/legal-parameters`).set(bearer(t.adminToken)).send({
      key: 'PROCESSING_WORKING_DAYS_NEW',
      value: 5,
      effectiveFrom: '2026-03-02',
      basis: 'Quyết định của Ủy ban nhân dân tỉnh',
      authorityId: own.authority.id,
    });
    expect(set.status).toBe(201);
    const app = await fileApplicationTo(t, own, 'IN_APPRAISAL');
    expect(app.deadline).toMatchObject({ dueAt: '2026-03-09T16:59:59.999Z' });
    // Other authorities keep the national 10 days.
    const other = await fileApplicationTo(t, cast, 'IN_APPRAISAL');
    expect(other.deadline).toMatchObject({ dueAt: '2026-03-16T16:59:59.999Z' });
  });

  it('?overdue=true lists the authority’s late dossiers whose clock runs', async () => {
    const other = await createCast(t);
    at('2026-06-01T02:00:00Z');
    const late = await fileApplicationTo(t, cast, 'IN_APPRAISAL');
    const latePending = await fileApplicationTo(t, cast, 'PENDING_DECISION');
    const pausedOne = await fileApplicationTo(t, cast, 'IN_APPRAISAL');
    await fireApplicationOk(t, cast.appraiser.token, pausedOne.id, {
      event: 'REQUEST_SUPPLEMENT',
      items: ['Bản sao giấy chứng nhận đăng ký doanh nghiệp'],
      reason: 'Bản sao không hợp lệ',
    });
    const decided = await fileApplicationTo(t, cast, 'PENDING_DECISION');
    await fireApplicationOk(t, cast.approver.token, decided.id, { event: 'REJECT', reason: 'Không đủ điều kiện' });
    const otherLate = await fileApplicationTo(t, other, 'IN_APPRAISAL');

    at('2026-06-05T02:00:00Z');
    const before = await t.http.get(`${API}/applications?overdue=true&pageSize=100`).set(bearer(cast.approver.token));
    const beforeIds = before.body.items.map((a: { id: string }) => a.id);
    expect(beforeIds).not.toContain(late.id);

    at('2026-06-20T02:00:00Z'); // 1 June + 10 working days = 15 June
    const r = await t.http.get(`${API}/applications?overdue=true&pageSize=100`).set(bearer(cast.approver.token));
    const ids = r.body.items.map((a: { id: string }) => a.id);
    expect(ids).toEqual(expect.arrayContaining([late.id, latePending.id]));
    expect(ids).not.toContain(pausedOne.id);
    expect(ids).not.toContain(decided.id);
    expect(ids).not.toContain(otherLate.id);
    expect(r.body.items.every((a: { deadline: { overdue: boolean } }) => a.deadline.overdue)).toBe(true);

    // A decided dossier keeps the figures of the day it was decided.
    expect((await read(decided.id)).deadline).toMatchObject({ overdue: false });
  });
});
