import {
  bearer,
  createCast,
  fileApplicationTo,
  fireApplication,
  fireApplicationOk,
  expectProblem,
} from '../support/factories';
import { API, startTestApp, TestApp } from '../support/test-app';

/** The license module behind the real dossier flow: APPROVE over HTTP issues, amends, extends and reissues. */
describe('licenses: issued through the application flow', () => {
  let t: TestApp;
  let cast: Awaited<ReturnType<typeof createCast>>;
  beforeAll(async () => {
    t = await startTestApp();
    cast = await createCast(t);
  });
  afterAll(() => t.close());

  const license = async (id: string) =>
    (await t.http.get(`${API}/licenses/${id}`).set(bearer(cast.owner.token))).body as Record<string, unknown>;

  it('NEW → ACTIVE license; AMENDMENT, EXTENSION and REISSUE → new versions of it', async () => {
    const pending = await fileApplicationTo(t, cast, 'PENDING_DECISION');
    const approved = await fireApplicationOk(t, cast.approver.token, pending.id, { event: 'APPROVE' });
    expect(approved.state).toBe('APPROVED');
    const licenseId = approved.licenseId as string;
    expect(licenseId).toEqual(expect.any(String));
    const issued = await license(licenseId);
    expect(issued).toMatchObject({ status: 'ACTIVE', version: 1, number: '1/GP-STTTT', applicationId: pending.id });
    expect(issued.domains).toEqual((pending.site as { domains: string[] }).domains);

    const amendment = await fileApplicationTo(t, cast, 'PENDING_DECISION', {
      type: 'AMENDMENT',
      licenseId,
      site: { serverLocation: 'Trung tâm dữ liệu FPT, Thành phố Hồ Chí Minh' },
    });
    await fireApplicationOk(t, cast.approver.token, amendment.id, { event: 'APPROVE' });
    const amended = await license(licenseId);
    expect(amended).toMatchObject({ version: 2, number: issued.number, status: 'ACTIVE' });
    expect((amended.site as { serverLocation: string }).serverLocation).toBe(
      'Trung tâm dữ liệu FPT, Thành phố Hồ Chí Minh',
    );
    expect(amended.domains).toEqual(issued.domains);

    const extension = await fileApplicationTo(t, cast, 'PENDING_DECISION', { type: 'EXTENSION', licenseId });
    await fireApplicationOk(t, cast.approver.token, extension.id, { event: 'APPROVE' });
    const extended = await license(licenseId);
    expect(extended).toMatchObject({ version: 3, extensionCount: 1 });
    expect(String(extended.expiresOn) > String(issued.expiresOn)).toBe(true);

    const reissue = await fileApplicationTo(t, cast, 'PENDING_DECISION', {
      type: 'REISSUE',
      licenseId,
      reason: 'Bản gốc giấy phép bị mất',
    });
    await fireApplicationOk(t, cast.approver.token, reissue.id, { event: 'APPROVE' });
    expect(await license(licenseId)).toMatchObject({
      version: 4,
      number: issued.number,
      expiresOn: extended.expiresOn,
    });

    const versions = await t.http.get(`${API}/licenses/${licenseId}/versions`).set(bearer(cast.owner.token));
    expect(versions.body.map((v: { kind: string; applicationId: string }) => [v.kind, v.applicationId])).toEqual([
      ['NEW', pending.id],
      ['AMENDMENT', amendment.id],
      ['EXTENSION', extension.id],
      ['REISSUE', reissue.id],
    ]);

    // The site's history merges the dossiers' and the license's.
    const lifecycle = await t.http.get(`${API}/sites/${licenseId}/lifecycle`).set(bearer(cast.owner.token));
    expect(lifecycle.status).toBe(200);
    const history = lifecycle.body.history as { entityType: string; event: string }[];
    expect(history.filter((h) => h.entityType === 'application' && h.event === 'APPROVE')).toHaveLength(4);
    expect(history.filter((h) => h.entityType === 'license').map((h) => h.event)).toEqual([
      'CREATE',
      'AMEND',
      'EXTEND',
      'REISSUE',
    ]);
    expect(lifecycle.body.applicationIds).toEqual([pending.id, amendment.id, extension.id, reissue.id]);
  });

  it('a failed issuance rolls the approval back with it', async () => {
    const c = await createCast(t);
    const pending = await fileApplicationTo(t, c, 'PENDING_DECISION');
    const licensed = await t.http.get(`${API}/licenses`).set(bearer(c.owner.token));
    expect(licensed.body.total).toBe(0);
    // An authority whose number format was made unusable behind the API's back: the approval fails as a whole.
    await t.ds.query(`INSERT INTO license_number_series (authority_id, format) VALUES ($1, '{seq}{bad}')`, [
      c.authority.id,
    ]);
    const r = await fireApplication(t, c.approver.token, pending.id, { event: 'APPROVE' });
    expectProblem(r, 422);
    const after = await t.http.get(`${API}/applications/${pending.id}`).set(bearer(c.owner.token));
    expect(after.body.state).toBe('PENDING_DECISION');
    const series: { next_seq: number }[] = await t.ds.query(
      `SELECT next_seq FROM license_number_series WHERE authority_id = $1`,
      [c.authority.id],
    );
    expect(series[0].next_seq).toBe(1);
    expect((await t.http.get(`${API}/licenses`).set(bearer(c.owner.token))).body.total).toBe(0);
  });

  it('APPROVE of an amendment is refused (422 LICENSE_NOT_IN_FORCE) once the license was revoked meanwhile', async () => {
    const c = await createCast(t);
    const issued = await fileApplicationTo(t, c, 'APPROVED');
    const licenseId = issued.licenseId as string;
    const amendment = await fileApplicationTo(t, c, 'PENDING_DECISION', {
      type: 'AMENDMENT',
      licenseId,
      site: { serverLocation: 'Trung tâm dữ liệu Viettel, Hà Nội' },
    });
    const revoked = await t.http
      .post(`${API}/licenses/${licenseId}/transitions`)
      .set(bearer(c.approver.token))
      .send({ event: 'REVOKE', reason: 'Vi phạm nghiêm trọng', decisionNumber: '15/QĐ-STTTT' });
    expect(revoked.status).toBe(200);
    const r = await fireApplication(t, c.approver2.token, amendment.id, { event: 'APPROVE' });
    expectProblem(r, 422, 'LICENSE_NOT_IN_FORCE');
    expect(r.body.licenseStatus).toBe('REVOKED');
    const after = await t.http.get(`${API}/applications/${amendment.id}`).set(bearer(c.owner.token));
    expect(after.body).toMatchObject({ state: 'PENDING_DECISION', version: amendment.version });
    const lic = await t.http.get(`${API}/licenses/${licenseId}`).set(bearer(c.owner.token));
    expect(lic.body).toMatchObject({ status: 'REVOKED', version: 2 }); // the revocation only
  });
});
