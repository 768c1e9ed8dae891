import { Clock, SystemClock } from '../../src/common/clock';
import {
  bearer,
  Cast,
  createAuthority,
  createCast,
  expectProblem,
  fileApplicationTo,
  fireApplication,
  registerOwner,
  TestUser,
} from '../support/factories';
import { API, startTestApp, TestApp } from '../support/test-app';
import { draftNotice, NEW_ADDRESS, walkNotice } from './fixtures';

/** What a change notice refuses: malformed input (400), business rules (422), roles (403), state and version (409). */
describe('change notices: refusals', () => {
  let t: TestApp;
  let cast: Cast;
  let clock: SystemClock;
  let licenseId: string;
  let strangerLicenseId: string;
  beforeAll(async () => {
    t = await startTestApp();
    cast = await createCast(t);
    clock = t.app.get(Clock) as SystemClock;
    clock.set(new Date('2026-03-02T03:00:00Z'));
    licenseId = (await fileApplicationTo(t, cast, 'APPROVED')).licenseId as string;
    // A license of another organization, with the same authority.
    const stranger = await registerOwner(t, { name: 'Công ty TNHH Truyền thông Hồng Lĩnh' });
    strangerLicenseId = (await fileApplicationTo(t, { ...cast, owner: stranger }, 'APPROVED')).licenseId as string;
    clock.set(new Date('2026-03-10T03:00:00Z')); // Tuesday 10 March
  });
  afterAll(async () => {
    clock.reset();
    await t.close();
  });

  const post = (body: Record<string, unknown>, owner: TestUser = cast.owner) =>
    t.http.post(`${API}/applications`).set(bearer(owner.token)).send(body);
  const notice = (changeNotice: unknown, extra: Record<string, unknown> = {}) =>
    post({ type: 'CHANGE_NOTICE', authorityId: cast.authority.id, licenseId, changeNotice, ...extra });
  const fields = (r: { body: { errors?: { field: string }[] } }) => (r.body.errors ?? []).map((e) => e.field).sort();

  it('a missing or empty notice is 400 with the field', async () => {
    let r = await post({ type: 'CHANGE_NOTICE', authorityId: cast.authority.id, licenseId });
    expectProblem(r, 400, 'VALIDATION_FAILED');
    expect(fields(r)).toEqual(['changeNotice']);
    r = await notice({ changedOn: '2026-03-05' });
    expectProblem(r, 400, 'VALIDATION_FAILED');
    expect(fields(r)).toEqual(['changeNotice']);
    r = await notice({ changedOn: '2026-03-05', newOwner: '  ', newHeadOfficeAddress: '' });
    expectProblem(r, 400, 'VALIDATION_FAILED');
  });

  it('malformed members are 400: a wrong date, an unknown member, a wrong type, a site', async () => {
    for (const bad of [
      { changedOn: '2026-02-30', newOwner: 'A' },
      { changedOn: '05/03/2026', newOwner: 'A' },
      { newOwner: 'A' },
      { changedOn: '2026-03-05', newOwner: 42 },
      { changedOn: '2026-03-05', newOwner: 'A', newLegalRepresentative: 'B' },
      'x',
    ]) {
      const r = await notice(bad);
      expectProblem(r, 400, 'VALIDATION_FAILED');
      expect(r.body.errors.length).toBeGreaterThan(0);
    }
    expectProblem(await notice({ changedOn: '2026-03-05', newOwner: 'A' }, { site: { name: 'X' } }), 400);
    expectProblem(await notice({ changedOn: '2026-03-05', newOwner: 'A' }, { requestedExpiresOn: '2030-01-01' }), 400);
  });

  it('another type carries no change notice (400)', async () => {
    const r = await post({
      type: 'REISSUE',
      authorityId: cast.authority.id,
      licenseId,
      changeNotice: { changedOn: '2026-03-05', newOwner: 'A' },
    });
    expectProblem(r, 400, 'VALIDATION_FAILED');
    expect(fields(r)).toEqual(['changeNotice']);
  });

  it('a change in the future is 422 CHANGE_DATE_IN_FUTURE (the authority’s today)', async () => {
    const r = await notice({ changedOn: '2026-03-11', newOwner: 'A' });
    expectProblem(r, 422, 'CHANGE_DATE_IN_FUTURE');
    expect(fields(r)).toEqual(['changeNotice.changedOn']);
    expect((await notice({ changedOn: '2026-03-10', newOwner: 'A' })).status).toBe(201);
  });

  it('the wrong license or authority is 422; no license is 400', async () => {
    expectProblem(
      await notice({ changedOn: '2026-03-05', newOwner: 'A' }, { licenseId: strangerLicenseId }),
      422,
      'LICENSE_NOT_FOUND_FOR_ORGANIZATION',
    );
    const elsewhere = await createAuthority(t);
    expectProblem(
      await notice({ changedOn: '2026-03-05', newOwner: 'A' }, { authorityId: elsewhere.id }),
      422,
      'LICENSE_OF_ANOTHER_AUTHORITY',
    );
    const r = await notice({ changedOn: '2026-03-05', newOwner: 'A' }, { licenseId: undefined });
    expectProblem(r, 400, 'VALIDATION_FAILED');
    expect(fields(r)).toEqual(['licenseId']);
  });

  it('PATCH: a draft notice is corrected with the same rules; other types refuse it; stale versions are 409', async () => {
    const draft = await draftNotice(t, cast, licenseId, { changedOn: '2026-03-05', newOwner: 'A' });
    const patch = (body: Record<string, unknown>) =>
      t.http.patch(`${API}/applications/${draft.id}`).set(bearer(cast.owner.token)).send(body);
    expectProblem(
      await patch({ changeNotice: { changedOn: '2026-03-12', newOwner: 'A' } }),
      422,
      'CHANGE_DATE_IN_FUTURE',
    );
    expectProblem(await patch({ changeNotice: { changedOn: '2026-03-05' } }), 400, 'VALIDATION_FAILED');
    expectProblem(await patch({ changeNotice: null }), 400, 'VALIDATION_FAILED');
    const ok = await patch({
      changeNotice: { changedOn: '2026-03-06', newHeadOfficeAddress: NEW_ADDRESS },
      version: 1,
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      version: 2,
      changeNotice: { changedOn: '2026-03-06', newHeadOfficeAddress: NEW_ADDRESS },
    });
    expectProblem(
      await patch({ changeNotice: { changedOn: '2026-03-06', newOwner: 'B' }, version: 1 }),
      409,
      'VERSION_CONFLICT',
    );

    const reissue = await post({ type: 'REISSUE', authorityId: cast.authority.id, licenseId, reason: 'Bị mất' });
    expect(reissue.status).toBe(201);
    expectProblem(
      await t.http
        .patch(`${API}/applications/${reissue.body.id}`)
        .set(bearer(cast.owner.token))
        .send({ changeNotice: { changedOn: '2026-03-06', newOwner: 'B' } }),
      400,
      'VALIDATION_FAILED',
    );

    // Once filed, the notice is no longer editable.
    const submitted = await walkNotice(t, cast, { ...draft, version: 2 }, 'SUBMITTED');
    expectProblem(await patch({ changeNotice: { changedOn: '2026-03-06', newOwner: 'B' } }), 409, 'NOT_EDITABLE');
    expect(submitted.late).toBe(false);
  });

  it('the lifecycle refuses by state (409), role (403) and version (409), and only the owner files', async () => {
    const draft = await draftNotice(t, cast, licenseId, { changedOn: '2026-03-09', newOwner: 'C' });
    expectProblem(await fireApplication(t, cast.appraiser.token, draft.id, { event: 'START_REVIEW' }), 404);
    expectProblem(
      await fireApplication(t, cast.owner.token, draft.id, { event: 'APPROVE' }),
      409,
      'TRANSITION_NOT_ALLOWED',
    );
    expectProblem(
      await fireApplication(t, cast.owner.token, draft.id, { event: 'SUBMIT', version: draft.version + 5 }),
      409,
      'VERSION_CONFLICT',
    );
    const submitted = await walkNotice(t, cast, draft, 'SUBMITTED');
    expectProblem(
      await fireApplication(t, cast.owner.token, submitted.id, { event: 'START_REVIEW' }),
      403,
      'FORBIDDEN',
    );
    expectProblem(await fireApplication(t, cast.inspector.token, submitted.id, { event: 'START_REVIEW' }), 403);
    for (const staff of [cast.appraiser, cast.approver, cast.inspector]) {
      expectProblem(
        await post(
          {
            type: 'CHANGE_NOTICE',
            authorityId: cast.authority.id,
            licenseId,
            changeNotice: { changedOn: '2026-03-05', newOwner: 'A' },
          },
          staff,
        ),
        403,
        'FORBIDDEN',
      );
    }
    const otherCast = await createCast(t);
    expectProblem(await t.http.get(`${API}/applications/${submitted.id}`).set(bearer(otherCast.appraiser.token)), 404);
  });

  it('the confirmation letter: 404 for another type, 409 before approval, 401 without a token', async () => {
    const newApp = (await t.ds.query(`SELECT application_id FROM licenses WHERE id = $1`, [licenseId]))[0];
    expectProblem(
      await t.http.get(`${API}/applications/${newApp.application_id}/confirmation.pdf`).set(bearer(cast.owner.token)),
      404,
      'NOT_FOUND',
    );
    const draft = await draftNotice(t, cast, licenseId, { changedOn: '2026-03-09', newOwner: 'D' });
    expectProblem(
      await t.http.get(`${API}/applications/${draft.id}/confirmation.pdf`).set(bearer(cast.owner.token)),
      409,
      'CONFIRMATION_NOT_ISSUED',
    );
    // A draft is the applicant's own: staff do not see it yet.
    expectProblem(
      await t.http.get(`${API}/applications/${draft.id}/confirmation.pdf`).set(bearer(cast.approver.token)),
      404,
    );
    expect((await t.http.get(`${API}/applications/${draft.id}/confirmation.pdf`)).status).toBe(401);
  });
});
