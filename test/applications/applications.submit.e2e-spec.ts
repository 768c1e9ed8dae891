import {
  bearer,
  Cast,
  createApplication,
  createCast,
  expectProblem,
  fireApplication,
  fireApplicationOk,
  uploadAllRequired,
  uploadDocument,
} from '../support/factories';
import { API, startTestApp, TestApp } from '../support/test-app';

describe('applications: SUBMIT', () => {
  let t: TestApp;
  let cast: Cast;
  beforeAll(async () => {
    t = await startTestApp();
    cast = await createCast(t);
  });
  afterAll(() => t.close());

  it('needs every required document kind: 422 MISSING_DOCUMENTS lists what is missing', async () => {
    const app = await createApplication(t, cast.owner, cast.authority.id);
    const r = await fireApplication(t, cast.owner.token, app.id, { event: 'SUBMIT' });
    expectProblem(r, 422, 'MISSING_DOCUMENTS');
    expect(r.body.missing).toEqual([
      'APPLICATION_FORM',
      'ENTERPRISE_REGISTRATION',
      'OPERATION_PLAN',
      'SOURCE_CONSENTS',
    ]);

    await uploadDocument(t, cast.owner.token, app.id, 'APPLICATION_FORM');
    await uploadDocument(t, cast.owner.token, app.id, 'OPERATION_PLAN');
    const again = await fireApplication(t, cast.owner.token, app.id, { event: 'SUBMIT' });
    expectProblem(again, 422, 'MISSING_DOCUMENTS');
    // The optional charter is never asked for.
    expect(again.body.missing).toEqual(['ENTERPRISE_REGISTRATION', 'SOURCE_CONSENTS']);

    await uploadAllRequired(t, cast.owner, app.id);
    const ok = await fireApplicationOk(t, cast.owner.token, app.id, { event: 'SUBMIT', version: 1 });
    expect(ok).toMatchObject({ state: 'SUBMITTED', version: 2 });
  });

  it('needs valid particulars: a draft whose stored site became invalid is 422 VALIDATION_FAILED', async () => {
    const app = await createApplication(t, cast.owner, cast.authority.id);
    await uploadAllRequired(t, cast.owner, app.id);
    await t.ds.query(`UPDATE applications SET site = site - 'contentScope' WHERE id = $1`, [app.id]);
    const r = await fireApplication(t, cast.owner.token, app.id, { event: 'SUBMIT' });
    expectProblem(r, 422, 'VALIDATION_FAILED');
    expect(r.body.errors).toEqual([{ field: 'site.contentScope', message: 'contentScope is required' }]);
  });

  it('is the owner’s: staff never see a draft (404), other organizations neither, a filed dossier is 409', async () => {
    const app = await createApplication(t, cast.owner, cast.authority.id);
    await uploadAllRequired(t, cast.owner, app.id);
    expectProblem(await fireApplication(t, cast.appraiser.token, app.id, { event: 'SUBMIT' }), 404);
    const other = await createCast(t);
    expectProblem(await fireApplication(t, other.owner.token, app.id, { event: 'SUBMIT' }), 404, 'NOT_FOUND');
    await fireApplicationOk(t, cast.owner.token, app.id, { event: 'SUBMIT' });
    // The state is checked before the role: SUBMIT exists only from DRAFT.
    expectProblem(
      await fireApplication(t, cast.appraiser.token, app.id, { event: 'SUBMIT' }),
      409,
      'TRANSITION_NOT_ALLOWED',
    );
    expectProblem(
      await fireApplication(t, cast.owner.token, app.id, { event: 'SUBMIT' }),
      409,
      'TRANSITION_NOT_ALLOWED',
    );
    const allowed = await t.http.get(`${API}/applications/${app.id}/transitions`).set(bearer(cast.appraiser.token));
    expect(allowed.body).toEqual({ state: 'SUBMITTED', version: 2, allowed: ['START_REVIEW'] });
  });

  it('a stale version is 409 VERSION_CONFLICT', async () => {
    const app = await createApplication(t, cast.owner, cast.authority.id);
    await uploadAllRequired(t, cast.owner, app.id);
    await t.http.patch(`${API}/applications/${app.id}`).set(bearer(cast.owner.token)).send({ reason: 'Bổ sung' });
    expectProblem(
      await fireApplication(t, cast.owner.token, app.id, { event: 'SUBMIT', version: 1 }),
      409,
      'VERSION_CONFLICT',
    );
    expect((await fireApplication(t, cast.owner.token, app.id, { event: 'SUBMIT', version: 2 })).status).toBe(200);
  });
});
