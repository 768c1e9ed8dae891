import { Clock, SystemClock } from '../../src/common/clock';
import { bearer, createCast, expectProblem, TestUser } from '../support/factories';
import { API, startTestApp, TestApp } from '../support/test-app';
import { issueLicenseDirectly } from '../reviews/fixtures';

const content = {
  articlesPublished: 10,
  sourcesUsed: ['Báo Nghệ An'],
  staff: { content: 1, technical: 1 },
  incidents: [],
  unamendedChanges: [],
};

describe('statistics: the half-yearly figures of an authority, on a small known data set', () => {
  let t: TestApp;
  let a: Awaited<ReturnType<typeof createCast>>;
  let b: Awaited<ReturnType<typeof createCast>>;
  let clock: SystemClock;
  const at = (iso: string) => clock.set(new Date(iso));

  beforeAll(async () => {
    t = await startTestApp();
    clock = t.app.get(Clock) as SystemClock;
    [a, b] = await Promise.all([createCast(t), createCast(t)]);
    const l1 = await issueLicenseDirectly(t, a, { decidedOn: '2026-03-05' });
    const l2 = await issueLicenseDirectly(t, a, { decidedOn: '2026-02-01' });
    const lb = await issueLicenseDirectly(t, b, { decidedOn: '2026-02-01' });

    // Dossiers of authority A: three decided in the period (10, 4 and 13 working days; the last one late),
    // one still in appraisal past its deadline, one decided before the period.
    const insert = (row: Record<string, unknown>) =>
      t.ds.query(
        `INSERT INTO applications (type, state, authority_id, organization_id, license_id, site, created_by, assignee_id,
           submitted_at, clock_started_on, due_at, decided_at, recommended_by, recommendation, decision_reason)
         VALUES ($1, $2, $3, $4, $5, '{"name":"x"}', $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
        [
          row.type,
          row.state,
          a.authority.id,
          a.owner.organizationId,
          row.licenseId ?? null,
          a.owner.id,
          a.appraiser.id,
          row.submittedAt,
          row.clockStartedOn ?? null,
          row.dueAt ?? null,
          row.decidedAt ?? null,
          row.decidedAt ? a.appraiser.id : null,
          row.decidedAt ? 'APPROVE' : null,
          row.state === 'REJECTED' ? 'Không đủ điều kiện' : null,
        ],
      );
    await insert({
      type: 'NEW',
      state: 'APPROVED',
      submittedAt: '2026-02-10T03:00:00Z',
      clockStartedOn: '2026-02-13',
      dueAt: '2026-03-06T16:59:59.999Z',
      decidedAt: '2026-03-06T05:00:00Z',
    });
    await insert({
      type: 'NEW',
      state: 'REJECTED',
      submittedAt: '2026-03-01T03:00:00Z',
      clockStartedOn: '2026-03-02',
      dueAt: '2026-03-16T16:59:59.999Z',
      decidedAt: '2026-03-06T04:00:00Z',
    });
    await insert({
      type: 'EXTENSION',
      state: 'APPROVED',
      licenseId: l1.id,
      submittedAt: '2026-04-01T02:00:00Z',
      clockStartedOn: '2026-04-01',
      dueAt: '2026-04-15T16:59:59.999Z',
      decidedAt: '2026-04-20T03:00:00Z',
    });
    await insert({
      type: 'NEW',
      state: 'IN_APPRAISAL',
      submittedAt: '2026-05-01T03:00:00Z',
      clockStartedOn: '2026-05-04',
      dueAt: '2026-05-18T16:59:59.999Z',
    });
    await insert({
      type: 'NEW',
      state: 'APPROVED',
      submittedAt: '2025-12-01T03:00:00Z',
      clockStartedOn: '2025-12-02',
      dueAt: '2025-12-16T16:59:59.999Z',
      decidedAt: '2025-12-10T03:00:00Z',
    });

    // License 2 suspended (through the license lifecycle).
    at('2026-03-10T03:00:00Z');
    await t.http
      .post(`${API}/licenses/${l2.id}/transitions`)
      .set(bearer(a.approver.token))
      .send({ event: 'SUSPEND', until: '2026-05-31', reason: 'Vi phạm', decisionNumber: '03/QĐ-STTTT' })
      .expect(200);

    // Reports due in the period: one on time, one late, one never filed.
    const request = async (dueOn: string) =>
      (
        await t.http
          .post(`${API}/reports/requests`)
          .set(bearer(a.appraiser.token))
          .send({ licenseId: l1.id, dueOn, note: 'Báo cáo tình hình hoạt động' })
          .expect(201)
      ).body as { period: string };
    const r1 = await request('2026-03-20');
    const r2 = await request('2026-03-25');
    await request('2026-04-30');
    const file = (u: TestUser, period: string) =>
      t.http.post(`${API}/reports`).set(bearer(u.token)).send({ licenseId: l1.id, period, content }).expect(201);
    at('2026-03-15T03:00:00Z');
    await file(a.owner, r1.period);
    at('2026-03-28T03:00:00Z');
    await file(a.owner, r2.period);

    // Inspections scheduled in the period: completed, cancelled, planned; one after the period.
    at('2026-04-10T03:00:00Z');
    const plan = async (scheduledOn: string) =>
      (
        await t.http
          .post(`${API}/inspections`)
          .set(bearer(a.inspector.token))
          .send({ licenseId: l1.id, scheduledOn, kind: 'PERIODIC', scope: 'Kiểm tra định kỳ' })
          .expect(201)
      ).body as { id: string };
    const fireI = (id: string, body: Record<string, unknown>) =>
      t.http.post(`${API}/inspections/${id}/transitions`).set(bearer(a.inspector.token)).send(body).expect(200);
    const i1 = await plan('2026-04-10');
    await fireI(i1.id, { event: 'START' });
    await fireI(i1.id, { event: 'COMPLETE', findings: ['Thiếu thông tin trang chủ'], conclusion: 'Có vi phạm' });
    const i2 = await plan('2026-05-01');
    await fireI(i2.id, { event: 'CANCEL', reason: 'Hoãn' });
    await plan('2026-06-15');
    await plan('2026-07-01');

    // Violations detected in the period: two HOMEPAGE_DISCLOSURE (one fined 15 M), one CITATION (fined 25 M).
    at('2026-07-10T03:00:00Z');
    const log = async (cast: typeof a, licenseId: string, typeCode: string, detectedOn: string, fine?: number) => {
      const v = await t.http
        .post(`${API}/violations`)
        .set(bearer(cast.inspector.token))
        .send({ licenseId, typeCode, detectedOn, description: 'Vi phạm ghi nhận khi kiểm tra' })
        .expect(201);
      if (fine !== undefined) {
        await t.http
          .post(`${API}/violations/${v.body.id}/transitions`)
          .set(bearer(cast.inspector.token))
          .send({ event: 'SANCTION', decisionNumber: `${detectedOn}/QĐ-XPHC`, fineAmount: fine })
          .expect(200);
      }
    };
    await log(a, l1.id, 'HOMEPAGE_DISCLOSURE', '2026-04-10', 15_000_000);
    await log(a, l1.id, 'HOMEPAGE_DISCLOSURE', '2026-05-02');
    await log(a, l1.id, 'CITATION_NOT_VERBATIM', '2026-06-01', 25_000_000);
    await log(a, l1.id, 'CITATION_NOT_VERBATIM', '2026-07-02', 30_000_000);
    await log(b, lb.id, 'WORKS_WITHOUT_CONSENT', '2026-05-05', 35_000_000);
  });
  afterAll(async () => {
    clock.reset();
    await t.close();
  });

  const stats = (u: TestUser | string, query: Record<string, string> = {}) =>
    t.http
      .get(`${API}/statistics`)
      .query({ from: '2026-01-01', to: '2026-06-30', ...query })
      .set(bearer(typeof u === 'string' ? u : u.token));

  it('gives the authority its figures for the period', async () => {
    const r = await stats(a.approver);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      authorityId: a.authority.id,
      from: '2026-01-01',
      to: '2026-06-30',
      applications: {
        received: { total: 4, byType: { NEW: 3, EXTENSION: 1, AMENDMENT: 0, REISSUE: 0, CHANGE_NOTICE: 0 } },
        decided: {
          total: 3,
          approved: 2,
          rejected: 1,
          byType: { NEW: { APPROVED: 1, REJECTED: 1 }, EXTENSION: { APPROVED: 1, REJECTED: 0 } },
        },
        processingWorkingDays: { count: 3, average: 9, worst: 13 },
        overdue: { decidedLate: 1, pendingOverdue: 1 },
      },
      licenses: { byStatus: { ACTIVE: 1, SUSPENDED: 1, REVOKED: 0, EXPIRED: 0, TERMINATED: 0 }, issuedInPeriod: 2 },
      reports: { due: 3, onTime: 1, late: 1, notFiled: 1 },
      inspections: { total: 3, byState: { PLANNED: 1, IN_PROGRESS: 0, COMPLETED: 1, CANCELLED: 1 } },
      violations: { total: 3, sanctioned: 2, totalFines: 40_000_000 },
    });
    expect(r.body.violations.byType).toEqual([
      expect.objectContaining({ code: 'CITATION_NOT_VERBATIM', count: 1, sanctioned: 1, fines: 25_000_000 }),
      expect.objectContaining({ code: 'HOMEPAGE_DISCLOSURE', count: 2, sanctioned: 1, fines: 15_000_000 }),
    ]);
    const appraiser = await stats(a.appraiser);
    expect(appraiser.body.violations).toEqual(r.body.violations);
  });

  it('an admin names the authority, or sees all of them', async () => {
    const one = await stats(t.adminToken, { authorityId: a.authority.id });
    expect(one.body.violations.totalFines).toBe(40_000_000);
    const all = await stats(t.adminToken);
    expect(all.body.authorityId).toBeNull();
    expect(all.body.violations.totalFines).toBeGreaterThanOrEqual(75_000_000);
    const other = await stats(b.approver);
    expect(other.body.violations).toMatchObject({ total: 1, totalFines: 35_000_000 });
    expect(other.body.applications.decided.total).toBe(0);
  });

  it('refuses other roles (403), other authorities (404) and bad periods (400)', async () => {
    for (const u of [a.inspector, a.owner]) expectProblem(await stats(u), 403, 'FORBIDDEN');
    expectProblem(await stats(a.approver, { authorityId: b.authority.id }), 404, 'NOT_FOUND');
    expectProblem(await stats(a.approver, { from: '2026-07-01' }), 400, 'VALIDATION_FAILED');
    expectProblem(await stats(a.approver, { from: '2026-02-30' }), 400, 'VALIDATION_FAILED');
    const missing = await t.http.get(`${API}/statistics`).set(bearer(a.approver.token));
    expectProblem(missing, 400, 'VALIDATION_FAILED');
    expect((missing.body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual(['from', 'to']);
  });
});
