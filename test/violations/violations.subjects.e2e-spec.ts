import { Clock, SystemClock } from '../../src/common/clock';
import { bearer, createAuthority, createCast, createStaff, expectProblem, TestUser } from '../support/factories';
import { API, startTestApp, TestApp } from '../support/test-app';
import { issueLicenseDirectly } from '../reviews/fixtures';

/** Violations without a license: an offender identified otherwise, and the fine range that follows its kind. */
describe('violations: subjects other than a license; the fine range follows the offender', () => {
  let t: TestApp;
  let cast: Awaited<ReturnType<typeof createCast>>;
  let license: { id: string; number: string };
  let clock: SystemClock;
  const now = new Date('2026-12-01T03:00:00Z');
  const today = '2026-12-01';

  beforeAll(async () => {
    t = await startTestApp();
    clock = t.app.get(Clock) as SystemClock;
    clock.set(now);
    cast = await createCast(t);
    license = await issueLicenseDirectly(t, cast, { decidedOn: '2024-03-05' });
  });
  beforeEach(() => clock.set(now));
  afterAll(async () => {
    clock.reset();
    await t.close();
  });

  const individual = { kind: 'INDIVIDUAL', name: 'Nguyễn Văn An', idNumber: '038090001234', address: 'Vinh, Nghệ An' };
  const organization = { kind: 'ORGANIZATION', name: 'Công ty TNHH Tin Nhanh Miền Trung', idNumber: '2901234567' };
  const log = (u: TestUser, body: Record<string, unknown>) =>
    t.http
      .post(`${API}/violations`)
      .set(bearer(u.token))
      .send({
        typeCode: 'HOMEPAGE_DISCLOSURE',
        description: 'Trang tổng hợp tin tức không ghi người chịu trách nhiệm',
        detectedOn: today,
        ...body,
      });
  const fire = (u: TestUser, id: string, body: Record<string, unknown>) =>
    t.http.post(`${API}/violations/${id}/transitions`).set(bearer(u.token)).send(body);
  const sanction = (fineAmount: number) => ({ event: 'SANCTION', decisionNumber: '21/QĐ-XPHC', fineAmount });

  it('logs a violation against an individual without a license; the range shown and applied is half', async () => {
    const r = await log(cast.inspector, { offender: individual });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      subjectKind: 'OFFENDER',
      licenseId: null,
      organizationId: null,
      authorityId: cast.authority.id,
      offender: individual,
      state: 'OPEN',
    });
    const one = await t.http.get(`${API}/violations/${r.body.id}`).set(bearer(cast.inspector.token));
    expect(one.body.applicableFineRange).toEqual({
      minFine: 5_000_000,
      maxFine: 10_000_000,
      offenderKind: 'INDIVIDUAL',
    });

    // an organization's fine is too much for an individual: 422 with the individual's range
    const high = await fire(cast.inspector, r.body.id, sanction(15_000_000));
    expectProblem(high, 422, 'FINE_OUT_OF_RANGE');
    expect(high.body).toMatchObject({ minFine: 5_000_000, maxFine: 10_000_000, offenderKind: 'INDIVIDUAL' });
    expect(high.body.detail).toContain('5.000.000');
    expect(high.body.detail).toContain('an individual');
    expectProblem(await fire(cast.inspector, r.body.id, sanction(4_999_999)), 422, 'FINE_OUT_OF_RANGE');
    const unchanged = await t.http.get(`${API}/violations/${r.body.id}`).set(bearer(cast.inspector.token));
    expect(unchanged.body).toMatchObject({ state: 'OPEN', version: 1, fineAmount: null });

    const ok = await fire(cast.approver, r.body.id, sanction(10_000_000));
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ state: 'SANCTIONED', fineAmount: 10_000_000 });
  });

  it('an organization identified otherwise pays the full range', async () => {
    const r = await log(cast.inspector, { offender: organization });
    expect(r.status).toBe(201);
    expectProblem(await fire(cast.inspector, r.body.id, sanction(5_000_000)), 422, 'FINE_OUT_OF_RANGE');
    expect((await fire(cast.inspector, r.body.id, sanction(20_000_000))).body.state).toBe('SANCTIONED');
  });

  it('a license violation keeps its licensee as the offender (an organization)', async () => {
    const r = await log(cast.inspector, { licenseId: license.id });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ subjectKind: 'LICENSE', licenseId: license.id, offender: { kind: 'ORGANIZATION' } });
    const list = await t.http
      .get(`${API}/violations?subjectKind=OFFENDER&pageSize=100`)
      .set(bearer(cast.inspector.token));
    expect(list.status).toBe(200);
    expect(list.body.items.length).toBeGreaterThanOrEqual(2);
    expect((list.body.items as { subjectKind: string }[]).every((v) => v.subjectKind === 'OFFENDER')).toBe(true);
  });

  it('refuses no subject, two subjects, a malformed offender and an inspection of no license (4xx, nothing made)', async () => {
    const before = (await t.http.get(`${API}/violations?pageSize=1`).set(bearer(cast.inspector.token))).body.total;
    expectProblem(await log(cast.inspector, {}), 400, 'VALIDATION_FAILED');
    expectProblem(await log(cast.inspector, { licenseId: license.id, offender: individual }), 400, 'VALIDATION_FAILED');
    expectProblem(await log(cast.inspector, { offender: { ...individual, kind: 'ROBOT' } }), 400, 'VALIDATION_FAILED');
    expectProblem(await log(cast.inspector, { offender: { kind: 'INDIVIDUAL', name: '' } }), 400, 'VALIDATION_FAILED');
    expectProblem(await log(cast.inspector, { offender: 'Nguyễn Văn An' }), 400, 'VALIDATION_FAILED');
    const insp = await t.http
      .post(`${API}/inspections`)
      .set(bearer(cast.inspector.token))
      .send({ licenseId: license.id, scheduledOn: today, kind: 'AD_HOC', scope: 'Kiểm tra nguồn tin' });
    expectProblem(
      await log(cast.inspector, { offender: individual, inspectionId: insp.body.id }),
      422,
      'INSPECTION_MISMATCH',
    );
    const after = (await t.http.get(`${API}/violations?pageSize=1`).set(bearer(cast.inspector.token))).body.total;
    expect(after).toBe(before);
  });

  it('a violation without a license is not escalated to a license proposal; others cannot see it', async () => {
    const grave = await log(cast.inspector, { offender: organization, typeCode: 'GRAVE_CONTENT' });
    expectProblem(await fire(cast.inspector, grave.body.id, { event: 'ESCALATE' }), 422, 'ESCALATION_NEEDS_LICENSE');
    // the site owner of another organization and the staff of another authority: 404
    expectProblem(await t.http.get(`${API}/violations/${grave.body.id}`).set(bearer(cast.owner.token)), 404);
    const other = await createAuthority(t);
    const stranger = await createStaff(t, 'inspector', other.id);
    expectProblem(await t.http.get(`${API}/violations/${grave.body.id}`).set(bearer(stranger.token)), 404);
    expectProblem(await log(cast.owner, { offender: individual }), 403);
    expectProblem(await log(cast.appraiser, { offender: individual }), 403);
  });
});
