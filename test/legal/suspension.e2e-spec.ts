import { Clock, SystemClock } from '../../src/common/clock';
import { bearer, createCast, expectProblem, TestUser } from '../support/factories';
import { API, startTestApp, TestApp } from '../support/test-app';
import { issueLicenseDirectly } from '../reviews/fixtures';

/**
 * Two things kept apart: a suspension under the licensing rules lasts LICENSE_SUSPENSION_MONTHS (the law's 3 months;
 * longer is refused), while a deprivation of the right to use the license imposed by a sanction decision carries the
 * decision's term within what the violation-type entry allows (CITATION_NOT_VERBATIM: 1–3 months).
 */
describe('suspension under the licensing rules vs deprivation by a sanction decision', () => {
  let t: TestApp;
  let cast: Awaited<ReturnType<typeof createCast>>;
  let clock: SystemClock;
  beforeAll(async () => {
    t = await startTestApp();
    clock = t.app.get(Clock) as SystemClock;
    cast = await createCast(t);
  });
  beforeEach(() => clock.set(new Date('2026-12-01T03:00:00Z')));
  afterAll(async () => {
    clock.reset();
    await t.close();
  });

  const suspend = (licenseId: string, body: Record<string, unknown>) =>
    t.http
      .post(`${API}/licenses/${licenseId}/transitions`)
      .set(bearer(cast.approver.token))
      .send({ event: 'SUSPEND', reason: 'Tước quyền sử dụng giấy phép', ...body });
  const violation = async (licenseId: string, typeCode: string, decisionNumber: string | null, u: TestUser) => {
    const r = await t.http.post(`${API}/violations`).set(bearer(u.token)).send({
      licenseId,
      typeCode,
      description: 'Trích dẫn tin không nguyên văn, không ghi rõ nguồn',
      detectedOn: '2026-12-01',
    });
    expect(r.status).toBe(201);
    if (decisionNumber) {
      const fine = typeCode === 'CITATION_NOT_VERBATIM' ? 25_000_000 : 15_000_000;
      const s = await t.http
        .post(`${API}/violations/${r.body.id}/transitions`)
        .set(bearer(u.token))
        .send({ event: 'SANCTION', decisionNumber, fineAmount: fine });
      expect(s.status).toBe(200);
    }
    return r.body.id as string;
  };

  it('a licensing suspension lasts at most the parameter’s term', async () => {
    const license = await issueLicenseDirectly(t, cast, { decidedOn: '2025-03-05' });
    const long = await suspend(license.id, { until: '2027-03-02', decisionNumber: '1/QĐ-STTTT' });
    expectProblem(long, 422, 'SUSPENSION_TOO_LONG');
    expect(long.body).toMatchObject({ maxMonths: 3, latestUntil: '2027-03-01' });
    const ok = await suspend(license.id, { until: '2027-03-01', decisionNumber: '1/QĐ-STTTT' });
    expect(ok.status).toBe(200);
    const history = await t.http.get(`${API}/sites/${license.id}/lifecycle`).set(bearer(cast.approver.token));
    expect(history.body.history.at(-1).data).toMatchObject({ basis: 'LICENSING_RULES', termMonths: 3 });
  });

  it('a deprivation carries its sanction decision’s term within the entry’s months', async () => {
    const license = await issueLicenseDirectly(t, cast, { decidedOn: '2025-03-05' });
    const decided = await violation(license.id, 'CITATION_NOT_VERBATIM', '7/QĐ-XPHC', cast.inspector);
    const open = await violation(license.id, 'CITATION_NOT_VERBATIM', null, cast.inspector);
    const noDeprivation = await violation(license.id, 'HOMEPAGE_DISCLOSURE', '8/QĐ-XPHC', cast.inspector);
    const other = await issueLicenseDirectly(t, cast, { decidedOn: '2025-03-05' });
    const elsewhere = await violation(other.id, 'CITATION_NOT_VERBATIM', '9/QĐ-XPHC', cast.inspector);

    const body = { violationId: decided, decisionNumber: '7/QĐ-XPHC' };
    expectProblem(await suspend(license.id, { ...body, until: '2026-12-31' }), 422, 'DEPRIVATION_TERM_OUT_OF_RANGE');
    const tooLong = await suspend(license.id, { ...body, until: '2027-03-02' });
    expectProblem(tooLong, 422, 'DEPRIVATION_TERM_OUT_OF_RANGE');
    expect(tooLong.body).toMatchObject({ minMonths: 1, maxMonths: 3, earliestUntil: '2027-01-01' });
    expectProblem(
      await suspend(license.id, { ...body, decisionNumber: '1/QĐ-STTTT', until: '2027-02-15' }),
      422,
      'SANCTION_DECISION_MISMATCH',
    );
    expectProblem(
      await suspend(license.id, { violationId: open, decisionNumber: '7/QĐ-XPHC', until: '2027-02-15' }),
      422,
      'SANCTION_NOT_DECIDED',
    );
    expectProblem(
      await suspend(license.id, { violationId: noDeprivation, decisionNumber: '8/QĐ-XPHC', until: '2027-02-15' }),
      422,
      'DEPRIVATION_NOT_ALLOWED',
    );
    expectProblem(
      await suspend(license.id, { violationId: elsewhere, decisionNumber: '9/QĐ-XPHC', until: '2027-02-15' }),
      422,
      'SANCTION_NOT_FOUND',
    );
    expectProblem(
      await suspend(license.id, { ...body, violationId: 'x', until: '2027-02-15' }),
      400,
      'VALIDATION_FAILED',
    );
    const state = await t.http.get(`${API}/licenses/${license.id}`).set(bearer(cast.approver.token));
    expect(state.body).toMatchObject({ status: 'ACTIVE', version: 1 });

    const ok = await suspend(license.id, { ...body, until: '2027-02-15' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'SUSPENDED', suspendedUntil: '2027-02-15' });
    const history = await t.http.get(`${API}/sites/${license.id}/lifecycle`).set(bearer(cast.approver.token));
    expect(history.body.history.at(-1).data).toMatchObject({ basis: 'SANCTION', violationId: decided });
  });
});
