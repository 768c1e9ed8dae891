import { Clock, SystemClock } from '../../src/common/clock';
import { ApplicationBody, bearer, Cast, createCast, expectProblem, fileApplicationTo } from '../support/factories';
import { API, startTestApp, TestApp } from '../support/test-app';
import { draftNotice, getPdf, NEW_ADDRESS, pdfText, walkNotice } from './fixtures';

/**
 * Decree 72/2013 art. 23h: the change is notified within 10 working days. A later notice is accepted but flagged, it
 * counts in the authority's statistics, and an inspector opens a violation from it in one call.
 */
describe('change notices: late filing and the violation opened from it', () => {
  let t: TestApp;
  let cast: Cast;
  let other: Cast;
  let clock: SystemClock;
  let licenseId: string;
  let late: ApplicationBody;
  let onTime: ApplicationBody;
  beforeAll(async () => {
    t = await startTestApp();
    [cast, other] = await Promise.all([createCast(t), createCast(t)]);
    clock = t.app.get(Clock) as SystemClock;
    at('2026-01-12T03:00:00Z');
    licenseId = (await fileApplicationTo(t, cast, 'APPROVED')).licenseId as string;
  });
  afterAll(async () => {
    clock.reset();
    await t.close();
  });
  const at = (iso: string) => clock.set(new Date(iso));
  const openViolation = (id: string, token: string) =>
    t.http.post(`${API}/applications/${id}/violation`).set(bearer(token));

  it('filed on 27 February for a change on 2 February: late by 4 working days (Tết 16–20 February off)', async () => {
    at('2026-02-27T03:00:00Z'); // Friday 27 February, 10:00 in Hà Nội
    const draft = await draftNotice(t, cast, licenseId, { changedOn: '2026-02-02', newHeadOfficeAddress: NEW_ADDRESS });
    late = await walkNotice(t, cast, draft, 'SUBMITTED');
    // Due Monday 23 February (9 working days to 13 February, then Tết, then the 10th); 24–27 are late.
    expect(late).toMatchObject({ state: 'SUBMITTED', late: true, lateByWorkingDays: 4 });
    const history = await t.http.get(`${API}/applications/${late.id}/history`).set(bearer(cast.owner.token));
    expect(history.body.at(-1)).toMatchObject({
      event: 'SUBMIT',
      data: { changedOn: '2026-02-02', notifyBy: '2026-02-23', filedOn: '2026-02-27', lateByWorkingDays: 4 },
    });
    const [row] = await t.ds.query(`SELECT late, late_by_working_days FROM applications WHERE id = $1`, [late.id]);
    expect(row).toEqual({ late: true, late_by_working_days: 4 });
    // The authority's inspectors are told.
    const notes = await t.http.get(`${API}/notifications`).set(bearer(cast.inspector.token));
    expect(JSON.stringify(notes.body)).toContain('CHANGE_NOTICE_LATE');
  });

  it('filed on the 10th working day (Monday 23 February) it is on time', async () => {
    at('2026-02-23T09:00:00Z'); // 16:00 in Hà Nội
    onTime = await walkNotice(
      t,
      cast,
      await draftNotice(t, cast, licenseId, { changedOn: '2026-02-02', newOwner: 'Công ty TNHH Lam Hồng' }),
      'SUBMITTED',
    );
    expect(onTime).toMatchObject({ late: false, lateByWorkingDays: 0 });
  });

  it('the filing day is the authority’s calendar day: 17:30 UTC on 23 February is already the 24th in Hà Nội', async () => {
    at('2026-02-23T17:30:00Z');
    const app = await walkNotice(
      t,
      cast,
      await draftNotice(t, cast, licenseId, { changedOn: '2026-02-02', newOwner: 'Công ty TNHH Lam Hồng' }),
      'SUBMITTED',
    );
    expect(app).toMatchObject({ late: true, lateByWorkingDays: 1 });
  });

  it('a late notice is still confirmed; its letter says it was late', async () => {
    at('2026-03-02T03:00:00Z');
    const approved = await walkNotice(
      t,
      cast,
      await draftNotice(t, cast, licenseId, { changedOn: '2026-01-02', newOwner: 'Công ty Cổ phần Đầu tư Vinh' }),
      'APPROVED',
    );
    expect(approved).toMatchObject({ state: 'APPROVED', late: true });
    const text = pdfText((await getPdf(t, `/applications/${approved.id}/confirmation.pdf`, cast.owner.token)).body);
    expect(text).toContain('quá thời hạn 10 ngày làm việc');
  });

  it('only an inspector opens the violation (403), of the same authority (404), from a late notice (422)', async () => {
    at('2026-03-03T03:00:00Z');
    for (const user of [cast.owner, cast.appraiser, cast.approver]) {
      expectProblem(await openViolation(late.id, user.token), 403, 'FORBIDDEN');
    }
    expectProblem(await openViolation(late.id, t.adminToken), 403, 'FORBIDDEN');
    expectProblem(await openViolation(late.id, other.inspector.token), 404, 'NOT_FOUND');
    expectProblem(await openViolation('not-a-uuid', cast.inspector.token), 404, 'NOT_FOUND'); // ids name nothing
    expectProblem(await openViolation('00000000-0000-4000-8000-000000000000', cast.inspector.token), 404);
    expectProblem(await openViolation(onTime.id, cast.inspector.token), 422, 'NOT_A_LATE_CHANGE_NOTICE');
    const newApp = (await t.ds.query(`SELECT application_id FROM licenses WHERE id = $1`, [licenseId]))[0];
    expectProblem(await openViolation(newApp.application_id, cast.inspector.token), 422, 'NOT_A_LATE_CHANGE_NOTICE');
    expect((await t.ds.query(`SELECT count(*)::int AS n FROM violations`))[0].n).toBe(0);
  });

  it('the inspector opens it in one call: OPEN, LATE_CHANGE_NOTICE, detected today, linked; a second call is 409', async () => {
    at('2026-03-03T03:00:00Z');
    const r = await openViolation(late.id, cast.inspector.token);
    expect(r.status).toBe(201);
    expect(r.body.violation).toMatchObject({
      state: 'OPEN',
      licenseId,
      typeCode: 'LATE_CHANGE_NOTICE',
      detectedOn: '2026-03-03',
    });
    expect(r.body.violation.description).toContain('chậm 4 ngày làm việc');
    expect(r.body.violation.description).toContain(late.id);
    const violationId = r.body.violation.id as string;

    const app = (await t.http.get(`${API}/applications/${late.id}`).set(bearer(cast.inspector.token))).body;
    expect(app).toMatchObject({ violationId, version: late.version + 1 });
    const v = await t.http.get(`${API}/violations/${violationId}`).set(bearer(cast.owner.token));
    expect(v.status).toBe(200);
    expect(v.body).toMatchObject({ state: 'OPEN', typeCode: 'LATE_CHANGE_NOTICE' });
    const audit = await t.http.get(`${API}/audit?entityType=application&entityId=${late.id}`).set(bearer(t.adminToken));
    expect((audit.body.items as { action: string }[]).map((a) => a.action)).toContain('application.violation_opened');

    const again = await openViolation(late.id, cast.inspector.token);
    expectProblem(again, 409, 'VIOLATION_ALREADY_OPENED');
    expect(again.body.violationId).toBe(violationId);
    expect((await t.ds.query(`SELECT count(*)::int AS n FROM violations`))[0].n).toBe(1);
  });

  it('the catalogue has the entry, unverified, with a conservative range', async () => {
    const r = await t.http.get(`${API}/violation-types?on=2026-03-03`);
    const entry = (r.body as { code: string }[]).find((x) => x.code === 'LATE_CHANGE_NOTICE');
    expect(entry).toMatchObject({ verified: false, minFine: 5_000_000, maxFine: 10_000_000 });
  });

  it('the authority’s statistics count the notices received and those filed late', async () => {
    const r = await t.http.get(`${API}/statistics?from=2026-01-01&to=2026-06-30`).set(bearer(cast.approver.token));
    expect(r.status).toBe(200);
    // Filed: 27 Feb (late), 23 Feb (on time), 24 Feb Hà Nội time (late), 2 Mar (late).
    expect(r.body.changeNotices).toEqual({ received: 4, late: 3 });
    expect(r.body.applications.received.byType.CHANGE_NOTICE).toBe(4);
    const elsewhere = await t.http
      .get(`${API}/statistics?from=2026-01-01&to=2026-06-30`)
      .set(bearer(other.approver.token));
    expect(elsewhere.body.changeNotices).toEqual({ received: 0, late: 0 });
  });
});
