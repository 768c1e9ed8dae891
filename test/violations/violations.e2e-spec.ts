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
import { binary, issueLicenseDirectly, pdfText } from '../reviews/fixtures';

describe('violations: logged, sanctioned within the catalogue range, escalated to the approver', () => {
  let t: TestApp;
  let cast: Awaited<ReturnType<typeof createCast>>;
  let license: { id: string; number: string };
  let clock: SystemClock;

  beforeAll(async () => {
    t = await startTestApp();
    clock = t.app.get(Clock) as SystemClock;
    cast = await createCast(t);
    license = await issueLicenseDirectly(t, cast, { decidedOn: '2024-03-05' });
  });
  beforeEach(() => clock.set(new Date('2026-12-01T03:00:00Z')));
  afterAll(async () => {
    clock.reset();
    await t.close();
  });

  const log = (u: TestUser, body: Record<string, unknown> = {}) =>
    t.http
      .post(`${API}/violations`)
      .set(bearer(u.token))
      .send({
        licenseId: license.id,
        typeCode: 'HOMEPAGE_DISCLOSURE',
        description: 'Trang chủ không ghi số giấy phép và người chịu trách nhiệm quản lý nội dung',
        detectedOn: '2026-12-01',
        ...body,
      });
  const fire = (u: TestUser, id: string, body: Record<string, unknown>) =>
    t.http.post(`${API}/violations/${id}/transitions`).set(bearer(u.token)).send(body);
  const kinds = async (u: TestUser) =>
    ((await t.http.get(`${API}/notifications?pageSize=100`).set(bearer(u.token))).body.items as { kind: string }[]).map(
      (n) => n.kind,
    );
  const sanction = {
    event: 'SANCTION',
    decisionNumber: '15/QĐ-XPHC',
    fineAmount: 15_000_000,
    remedyDueOn: '2026-12-20',
  };

  it('logs a violation judged by the catalogue entry in force on its day; the licensee is told', async () => {
    const r = await log(cast.inspector);
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      state: 'OPEN',
      version: 1,
      typeCode: 'HOMEPAGE_DISCLOSURE',
      typeEffectiveFrom: '2026-07-01', // Decree 174/2026 is in force from 1 July 2026
    });
    const old = await log(cast.inspector, { detectedOn: '2025-06-01' });
    expect(old.body.typeEffectiveFrom).toBe('2020-12-01');
    const one = await t.http.get(`${API}/violations/${old.body.id}`).set(bearer(cast.owner.token));
    expect(one.body.type).toMatchObject({ minFine: 10_000_000, maxFine: 20_000_000, verified: false });
    expect(await kinds(cast.owner)).toContain('VIOLATION_LOGGED');
  });

  it('refuses what the catalogue or the calendar does not allow (422)', async () => {
    expectProblem(await log(cast.inspector, { detectedOn: '2020-06-01' }), 422, 'VIOLATION_TYPE_NOT_IN_FORCE');
    expectProblem(await log(cast.inspector, { typeCode: 'NOT_A_TYPE' }), 422, 'VIOLATION_TYPE_NOT_IN_FORCE');
    expectProblem(await log(cast.inspector, { detectedOn: '2026-12-02' }), 422, 'DETECTED_IN_FUTURE');
    const other = await issueLicenseDirectly(t, cast, { decidedOn: '2025-01-10' });
    const insp = await t.http
      .post(`${API}/inspections`)
      .set(bearer(cast.inspector.token))
      .send({ licenseId: other.id, scheduledOn: '2026-12-01', kind: 'AD_HOC', scope: 'Kiểm tra nguồn tin' });
    expectProblem(await log(cast.inspector, { inspectionId: insp.body.id }), 422, 'INSPECTION_MISMATCH');
  });

  it('SANCTION needs a decision and a fine within the range (422 with the range); then RESOLVED', async () => {
    const v = (await log(cast.inspector)).body;
    expectProblem(await fire(cast.inspector, v.id, { event: 'SANCTION' }), 422, 'SANCTION_DECISION_REQUIRED');
    const low = await fire(cast.inspector, v.id, { ...sanction, fineAmount: 5_000_000 });
    expectProblem(low, 422, 'FINE_OUT_OF_RANGE');
    expect(low.body.detail).toContain('10.000.000');
    expect(low.body.detail).toContain('20.000.000');
    expect(low.body).toMatchObject({ minFine: 10_000_000, maxFine: 20_000_000 });
    expectProblem(await fire(cast.inspector, v.id, { ...sanction, fineAmount: 20_000_001 }), 422, 'FINE_OUT_OF_RANGE');
    expectProblem(
      await fire(cast.inspector, v.id, { ...sanction, remedyDueOn: '2026-11-01' }),
      422,
      'REMEDY_DUE_BEFORE_DETECTION',
    );
    expectProblem(await fire(cast.inspector, v.id, { ...sanction, version: 7 }), 409, 'VERSION_CONFLICT');

    const s = await fire(cast.approver, v.id, { ...sanction, fineAmount: 20_000_000, version: 1 });
    expect(s.status).toBe(200);
    expect(s.body).toMatchObject({ state: 'SANCTIONED', fineAmount: 20_000_000, decisionNumber: '15/QĐ-XPHC' });
    expect(await kinds(cast.owner)).toContain('VIOLATION_SANCTIONED');
    expectProblem(await fire(cast.inspector, v.id, sanction), 409, 'TRANSITION_NOT_ALLOWED');

    const ok = await fire(cast.inspector, v.id, { event: 'CONFIRM_REMEDIED' });
    expect(ok.body.state).toBe('RESOLVED');
    expect(await kinds(cast.owner)).toContain('VIOLATION_RESOLVED');
    const h = await t.http.get(`${API}/violations/${v.id}/history`).set(bearer(cast.inspector.token));
    expect((h.body as { event: string }[]).map((e) => e.event)).toEqual(['CREATE', 'SANCTION', 'CONFIRM_REMEDIED']);
  });

  it('DISMISS needs a reason', async () => {
    const v = (await log(cast.inspector)).body;
    expectProblem(await fire(cast.inspector, v.id, { event: 'DISMISS' }), 422, 'REASON_REQUIRED');
    const d = await fire(cast.inspector, v.id, { event: 'DISMISS', reason: 'Trang chủ đã ghi đủ thông tin' });
    expect(d.body.state).toBe('DISMISSED');
  });

  it('ESCALATE: refused for an ordinary type before its remedy date; a grave type proposes revocation', async () => {
    const v = (await log(cast.inspector)).body;
    expectProblem(await fire(cast.inspector, v.id, { event: 'ESCALATE' }), 422, 'ESCALATION_NOT_JUSTIFIED');
    await fire(cast.inspector, v.id, sanction).expect(200);
    expectProblem(await fire(cast.inspector, v.id, { event: 'ESCALATE' }), 422, 'ESCALATION_NOT_JUSTIFIED');

    const grave = (await log(cast.inspector, { typeCode: 'GRAVE_CONTENT', description: 'Đăng tin xuyên tạc lịch sử' }))
      .body;
    const e = await fire(cast.inspector, grave.id, { event: 'ESCALATE' });
    expect(e.status).toBe(200);
    expect(e.body.state).toBe('ESCALATED');
    const q = await t.http.get(`${API}/enforcement-proposals`).set(bearer(cast.approver.token));
    expect(q.body.items).toContainEqual(
      expect.objectContaining({ violationId: grave.id, kind: 'REVOKE', state: 'OPEN', licenseNumber: license.number }),
    );
    expect(await kinds(cast.approver)).toContain('ESCALATION');
    expect(await kinds(cast.approver2)).toContain('ESCALATION');
  });

  it('the scheduler escalates a SANCTIONED violation the day after its remedy date — once', async () => {
    const l = await issueLicenseDirectly(t, cast, { decidedOn: '2025-02-01' });
    const v = (await log(cast.inspector, { licenseId: l.id })).body;
    await fire(cast.inspector, v.id, sanction).expect(200);
    const scheduler = t.app.get(SchedulerService);

    clock.set(new Date('2026-12-20T03:00:00Z'));
    await scheduler.runDaily();
    expect((await t.http.get(`${API}/violations/${v.id}`).set(bearer(cast.inspector.token))).body.state).toBe(
      'SANCTIONED',
    );

    clock.set(new Date('2026-12-21T03:00:00Z'));
    await scheduler.runDaily();
    await scheduler.runDaily(undefined, { force: true });
    const after = await t.http.get(`${API}/violations/${v.id}`).set(bearer(cast.inspector.token));
    expect(after.body.state).toBe('ESCALATED');
    const hist = await t.http.get(`${API}/violations/${v.id}/history`).set(bearer(cast.inspector.token));
    expect((hist.body as { event: string; actorRole: string }[]).at(-1)).toMatchObject({
      event: 'ESCALATE',
      actorRole: 'system',
    });
    const [{ n, kind }] = (await t.ds.query(
      `SELECT count(*)::int AS n, min(kind) AS kind FROM enforcement_proposals WHERE violation_id = $1`,
      [v.id],
    )) as { n: number; kind: string }[];
    expect({ n, kind }).toEqual({ n: 1, kind: 'SUSPEND' });
  });

  it('after two suspensions the proposal is a revocation; proposals never act alone', async () => {
    const l = await issueLicenseDirectly(t, cast, { decidedOn: '2025-02-02' });
    const lic = (body: Record<string, unknown>) =>
      t.http.post(`${API}/licenses/${l.id}/transitions`).set(bearer(cast.approver.token)).send(body);
    const suspend = {
      event: 'SUSPEND',
      until: '2027-01-31',
      reason: 'Vi phạm trích dẫn',
      decisionNumber: '01/QĐ-STTTT',
    };
    await lic(suspend).expect(200);
    await lic({ event: 'REINSTATE', reason: 'Đã khắc phục' }).expect(200);
    await lic({ ...suspend, decisionNumber: '02/QĐ-STTTT' }).expect(200);
    await lic({ event: 'REINSTATE', reason: 'Đã khắc phục' }).expect(200);

    const v = (await log(cast.inspector, { licenseId: l.id })).body;
    await fire(cast.approver, v.id, { ...sanction, remedyDueOn: '2026-12-01' }).expect(200);
    clock.set(new Date('2026-12-02T03:00:00Z'));
    const e = await fire(cast.inspector, v.id, { event: 'ESCALATE' });
    expect(e.body.state).toBe('ESCALATED');
    const q = await t.http
      .get(`${API}/enforcement-proposals`)
      .query({ state: 'OPEN' })
      .set(bearer(cast.approver.token));
    const proposal = (q.body.items as { id: string; violationId: string; kind: string; licenseStatus: string }[]).find(
      (p) => p.violationId === v.id,
    )!;
    expect(proposal).toMatchObject({ kind: 'REVOKE', licenseStatus: 'ACTIVE' });

    const act = (u: TestUser, body: Record<string, unknown>) =>
      t.http.post(`${API}/enforcement-proposals/${proposal.id}/transitions`).set(bearer(u.token)).send(body);
    expectProblem(await act(cast.approver, { event: 'ACT' }), 422, 'LICENSE_NOT_ACTED_ON');
    expectProblem(await act(cast.inspector, { event: 'ACT' }), 403);
    expectProblem(await act(cast.approver, { event: 'DISMISS' }), 422, 'REASON_REQUIRED');
    await lic({ event: 'REVOKE', reason: 'Tái phạm sau hai lần đình chỉ' }).expect(200);
    const done = await act(cast.approver, { event: 'ACT', version: 1 });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ state: 'ACTED', licenseStatus: 'REVOKED' });
    expectProblem(await act(cast.approver, { event: 'DISMISS', reason: 'x' }), 409, 'TRANSITION_NOT_ALLOWED');
  });

  it('a violation found during an inspection appears in its record', async () => {
    const i = await t.http
      .post(`${API}/inspections`)
      .set(bearer(cast.inspector.token))
      .send({ licenseId: license.id, scheduledOn: '2026-12-01', kind: 'PERIODIC', scope: 'Kiểm tra định kỳ' });
    await t.http
      .post(`${API}/inspections/${i.body.id}/transitions`)
      .set(bearer(cast.inspector.token))
      .send({ event: 'START' })
      .expect(200);
    await log(cast.inspector, {
      inspectionId: i.body.id,
      typeCode: 'CITATION_NOT_VERBATIM',
      description: 'Trích dẫn không nguyên văn',
    }).expect(201);
    await t.http
      .post(`${API}/inspections/${i.body.id}/transitions`)
      .set(bearer(cast.inspector.token))
      .send({ event: 'COMPLETE', findings: ['Trích dẫn không nguyên văn'], conclusion: 'Có vi phạm.' })
      .expect(200);
    const pdf = await t.http
      .get(`${API}/inspections/${i.body.id}/record.pdf`)
      .set(bearer(cast.owner.token))
      .buffer(true)
      .parse(binary);
    expect(pdfText(pdf.body as Buffer).replace(/\s+/g, ' ')).toContain('Trích dẫn thông tin không nguyên văn');
    const list = await t.http.get(`${API}/violations`).query({ inspectionId: i.body.id }).set(bearer(cast.owner.token));
    expect(list.body.total).toBe(1);
  });

  it('refuses roles (403) and hides other authorities and organizations (404)', async () => {
    for (const u of [cast.owner, cast.appraiser, cast.approver]) expectProblem(await log(u), 403, 'FORBIDDEN');
    const v = (await log(cast.inspector)).body;
    for (const u of [cast.owner, cast.appraiser]) expectProblem(await fire(u, v.id, sanction), 403, 'FORBIDDEN');
    for (const u of [cast.owner, cast.appraiser, cast.inspector]) {
      expectProblem(await t.http.get(`${API}/enforcement-proposals`).set(bearer(u.token)), 403, 'FORBIDDEN');
    }
    const other = await createAuthority(t);
    const [foreignInspector, foreignApprover] = await Promise.all([
      createStaff(t, 'inspector', other.id),
      createStaff(t, 'approver', other.id),
    ]);
    const stranger = await registerOwner(t);
    expectProblem(await log(foreignInspector), 404, 'NOT_FOUND');
    expectProblem(await fire(foreignInspector, v.id, sanction), 404, 'NOT_FOUND');
    for (const u of [foreignInspector, stranger]) {
      expectProblem(await t.http.get(`${API}/violations/${v.id}`).set(bearer(u.token)), 404, 'NOT_FOUND');
      expect((await t.http.get(`${API}/violations`).set(bearer(u.token))).body.total).toBe(0);
    }
    expect((await t.http.get(`${API}/enforcement-proposals`).set(bearer(foreignApprover.token))).body.total).toBe(0);
    const mine = await t.http.get(`${API}/violations`).query({ licenseId: license.id }).set(bearer(cast.owner.token));
    expect(mine.body.total).toBeGreaterThan(0);
  });

  it('validates input (400)', async () => {
    const r = await log(cast.inspector, { typeCode: 'lower', detectedOn: '2026-13-01', description: '', extra: true });
    expectProblem(r, 400, 'VALIDATION_FAILED');
    expect((r.body.errors as { field: string }[]).map((e) => e.field)).toEqual(
      expect.arrayContaining(['typeCode', 'detectedOn', 'description', 'extra']),
    );
    const v = (await log(cast.inspector)).body;
    const bad = await fire(cast.inspector, v.id, { event: 'SANCTION', fineAmount: '15 triệu', remedyDueOn: 'soon' });
    expectProblem(bad, 400, 'VALIDATION_FAILED');
    expectProblem(await fire(cast.inspector, v.id, { event: 'PARDON' }), 400, 'UNKNOWN_EVENT');
    expectProblem(await t.http.get(`${API}/violations`).query({ state: 'GONE' }).set(bearer(cast.owner.token)), 400);
  });
});
