import { bearer, Cast, createCast, expectProblem } from '../support/factories';
import { API, startTestApp, TestApp } from '../support/test-app';

/** GET /authorities/{id}/staff: the colleagues an approver can hand a dossier to (the back office's reassignment). */
describe('GET /authorities/{id}/staff', () => {
  let t: TestApp;
  let cast: Cast;
  let other: Cast;
  beforeAll(async () => {
    t = await startTestApp();
    [cast, other] = await Promise.all([createCast(t), createCast(t)]);
  });
  afterAll(() => t.close());

  const staff = (token: string, authorityId: string, query = '') =>
    t.http.get(`${API}/authorities/${authorityId}/staff${query}`).set(bearer(token));

  it('lists the active staff of the caller’s authority, filtered by role', async () => {
    const all = await staff(cast.approver.token, cast.authority.id);
    expect(all.status).toBe(200);
    expect(all.body.map((u: { id: string }) => u.id).sort()).toEqual(
      [cast.appraiser, cast.appraiser2, cast.approver, cast.approver2, cast.inspector].map((u) => u.id).sort(),
    );
    expect(all.body[0]).toEqual({
      id: expect.any(String),
      fullName: expect.any(String),
      email: expect.any(String),
      role: expect.any(String),
    });
    const appraisers = await staff(cast.approver.token, cast.authority.id, '?role=appraiser');
    expect(appraisers.body.map((u: { id: string }) => u.id).sort()).toEqual(
      [cast.appraiser.id, cast.appraiser2.id].sort(),
    );
  });

  it('leaves out disabled accounts', async () => {
    const d = await t.http
      .post(`${API}/users/${cast.appraiser2.id}/transitions`)
      .set(bearer(t.adminToken))
      .send({ event: 'DISABLE', reason: 'Chuyển công tác' });
    expect(d.status).toBe(200);
    const r = await staff(cast.approver.token, cast.authority.id, '?role=appraiser');
    expect(r.body.map((u: { id: string }) => u.id)).toEqual([cast.appraiser.id]);
    await t.http
      .post(`${API}/users/${cast.appraiser2.id}/transitions`)
      .set(bearer(t.adminToken))
      .send({ event: 'ENABLE' });
  });

  it('answers 404 for another authority’s staff list, and for an unknown authority', async () => {
    expectProblem(await staff(other.approver.token, cast.authority.id), 404, 'NOT_FOUND');
    expectProblem(await staff(t.adminToken, '00000000-0000-4000-8000-000000000000'), 404, 'NOT_FOUND');
  });

  it('lets an admin read any authority’s staff', async () => {
    const r = await staff(t.adminToken, other.authority.id, '?role=inspector');
    expect(r.body.map((u: { id: string }) => u.id)).toEqual([other.inspector.id]);
  });

  it('refuses site owners (403) and anonymous callers (401)', async () => {
    expectProblem(await staff(cast.owner.token, cast.authority.id), 403, 'FORBIDDEN');
    expectProblem(await t.http.get(`${API}/authorities/${cast.authority.id}/staff`), 401);
  });

  it.each(['?role=admin', '?role=site_owner', '?role=', '?extra=1'])('refuses %s with 400', async (q) => {
    expectProblem(await staff(cast.approver.token, cast.authority.id, q), 400, 'VALIDATION_FAILED');
  });

  it('answers a malformed id as an unknown one (404, the project’s rule for ids)', async () => {
    expectProblem(await staff(cast.approver.token, 'not-a-uuid'), 404, 'NOT_FOUND');
  });
});
