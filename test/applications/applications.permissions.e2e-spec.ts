import {
  bearer,
  Cast,
  checklistFor,
  createCast,
  createStaff,
  expectProblem,
  fileApplicationTo,
  fireApplication,
  fireApplicationOk,
} from '../support/factories';
import { API, startTestApp, TestApp } from '../support/test-app';

describe('applications: who may do what (403), to which dossier (404), from which state (409), at which version', () => {
  let t: TestApp;
  let cast: Cast;
  let other: Cast;
  beforeAll(async () => {
    t = await startTestApp();
    [cast, other] = await Promise.all([createCast(t), createCast(t)]);
  });
  afterAll(() => t.close());

  const stateOf = async (id: string) =>
    (await t.ds.query(`SELECT state, version FROM applications WHERE id = $1`, [id]))[0] as {
      state: string;
      version: number;
    };

  it('refuses each event to the roles the table does not name (403), leaving the dossier unchanged', async () => {
    const submitted = await fileApplicationTo(t, cast, 'SUBMITTED');
    expectProblem(
      await fireApplication(t, cast.owner.token, submitted.id, { event: 'START_REVIEW' }),
      403,
      'FORBIDDEN',
    );
    expectProblem(
      await fireApplication(t, cast.approver.token, submitted.id, { event: 'START_REVIEW' }),
      403,
      'FORBIDDEN',
    );
    expectProblem(
      await fireApplication(t, cast.appraiser.token, submitted.id, { event: 'WITHDRAW' }),
      403,
      'FORBIDDEN',
    );
    // Inspectors and admins never fire application events.
    expectProblem(
      await fireApplication(t, cast.inspector.token, submitted.id, { event: 'START_REVIEW' }),
      403,
      'FORBIDDEN',
    );
    expectProblem(await fireApplication(t, t.adminToken, submitted.id, { event: 'START_REVIEW' }), 403, 'FORBIDDEN');
    expect(await stateOf(submitted.id)).toEqual({ state: 'SUBMITTED', version: submitted.version });

    const pending = await fileApplicationTo(t, cast, 'PENDING_DECISION');
    for (const event of ['APPROVE', 'REJECT', 'SEND_BACK']) {
      expectProblem(await fireApplication(t, cast.appraiser.token, pending.id, { event, reason: 'x', note: 'y' }), 403);
      expectProblem(await fireApplication(t, cast.owner.token, pending.id, { event, reason: 'x', note: 'y' }), 403);
    }
    const inAppraisal = await fileApplicationTo(t, cast, 'IN_APPRAISAL');
    const checklist = await checklistFor(t);
    expectProblem(
      await fireApplication(t, cast.approver.token, inAppraisal.id, {
        event: 'RECOMMEND',
        recommendation: 'APPROVE',
        checklist,
      }),
      403,
    );
    expectProblem(await fireApplication(t, cast.owner.token, inAppraisal.id, { event: 'CONFIRM_COMPLETE' }), 409);
  });

  it('after START_REVIEW only the assigned appraiser acts (403 NOT_ASSIGNEE)', async () => {
    const app = await fileApplicationTo(t, cast, 'IN_REVIEW');
    const token = cast.appraiser2.token;
    expectProblem(await fireApplication(t, token, app.id, { event: 'CONFIRM_COMPLETE' }), 403, 'NOT_ASSIGNEE');
    expectProblem(await fireApplication(t, token, app.id, { event: 'RETURN', reason: 'x' }), 403, 'NOT_ASSIGNEE');
    expectProblem(
      await fireApplication(t, token, app.id, { event: 'REQUEST_SUPPLEMENT', items: ['a'], reason: 'b' }),
      403,
      'NOT_ASSIGNEE',
    );
    const allowed2 = await t.http.get(`${API}/applications/${app.id}/transitions`).set(bearer(token));
    expect(allowed2.body).toEqual({ state: 'IN_REVIEW', version: app.version, allowed: [] });
    const allowed1 = await t.http.get(`${API}/applications/${app.id}/transitions`).set(bearer(cast.appraiser.token));
    expect(allowed1.body.allowed).toEqual(['CONFIRM_COMPLETE', 'REQUEST_SUPPLEMENT', 'RETURN']);
    const ownerAllowed = await t.http.get(`${API}/applications/${app.id}/transitions`).set(bearer(cast.owner.token));
    expect(ownerAllowed.body.allowed).toEqual(['WITHDRAW']);
    expect(await stateOf(app.id)).toEqual({ state: 'IN_REVIEW', version: app.version });
  });

  it('other organizations and other authorities get 404, never a hint', async () => {
    const app = await fileApplicationTo(t, cast, 'SUBMITTED');
    expectProblem(await fireApplication(t, other.appraiser.token, app.id, { event: 'START_REVIEW' }), 404, 'NOT_FOUND');
    expectProblem(await fireApplication(t, other.owner.token, app.id, { event: 'WITHDRAW' }), 404, 'NOT_FOUND');
    const pending = await fileApplicationTo(t, cast, 'PENDING_DECISION');
    expectProblem(await fireApplication(t, other.approver.token, pending.id, { event: 'APPROVE' }), 404, 'NOT_FOUND');
    expectProblem(
      await fireApplication(t, cast.appraiser.token, '00000000-0000-4000-8000-000000000000', { event: 'START_REVIEW' }),
      404,
    );
    expect(await stateOf(pending.id)).toMatchObject({ state: 'PENDING_DECISION' });
  });

  it('an event not allowed from the state is 409 TRANSITION_NOT_ALLOWED; an unknown event 400', async () => {
    const draft = await fileApplicationTo(t, cast, 'DRAFT');
    const r = await fireApplication(t, cast.owner.token, draft.id, { event: 'RESUBMIT' });
    expectProblem(r, 409, 'TRANSITION_NOT_ALLOWED');
    expect(r.body).toMatchObject({ state: 'DRAFT', event: 'RESUBMIT' });
    expectProblem(await fireApplication(t, cast.approver.token, draft.id, { event: 'APPROVE' }), 404);
    const submitted = await fileApplicationTo(t, cast, 'SUBMITTED');
    expectProblem(
      await fireApplication(t, cast.approver.token, submitted.id, { event: 'APPROVE' }),
      409,
      'TRANSITION_NOT_ALLOWED',
    );
    expectProblem(
      await fireApplication(t, cast.owner.token, submitted.id, { event: 'SUBMIT' }),
      409,
      'TRANSITION_NOT_ALLOWED',
    );
    expectProblem(await fireApplication(t, cast.owner.token, submitted.id, { event: 'FILE' }), 400, 'UNKNOWN_EVENT');
    expectProblem(await fireApplication(t, cast.owner.token, submitted.id, {}), 400, 'VALIDATION_FAILED');
    expectProblem(
      await fireApplication(t, cast.owner.token, submitted.id, { event: 'WITHDRAW', extra: 1 }),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('a stale version is 409 VERSION_CONFLICT and changes nothing', async () => {
    const app = await fileApplicationTo(t, cast, 'SUBMITTED');
    const r = await fireApplication(t, cast.appraiser.token, app.id, {
      event: 'START_REVIEW',
      version: app.version - 1,
    });
    expectProblem(r, 409, 'VERSION_CONFLICT');
    expect(r.body.currentVersion).toBe(app.version);
    expect(await stateOf(app.id)).toEqual({ state: 'SUBMITTED', version: app.version });
    const ok = await fireApplicationOk(t, cast.appraiser.token, app.id, {
      event: 'START_REVIEW',
      version: app.version,
    });
    expect(ok.version).toBe(app.version + 1);
  });

  it('four eyes: whoever recommended may not decide (403 FOUR_EYES), whatever the data says', async () => {
    const app = await fileApplicationTo(t, cast, 'PENDING_DECISION');
    // An approver who somehow recommended (data written behind the API) is still refused.
    await t.ds.query(`UPDATE applications SET recommended_by = $2 WHERE id = $1`, [app.id, cast.approver.id]);
    expectProblem(await fireApplication(t, cast.approver.token, app.id, { event: 'APPROVE' }), 403, 'FOUR_EYES');
    const allowed = await t.http.get(`${API}/applications/${app.id}/transitions`).set(bearer(cast.approver.token));
    expect(allowed.body.allowed).toEqual([]);
    const other2 = await t.http.get(`${API}/applications/${app.id}/transitions`).set(bearer(cast.approver2.token));
    expect(other2.body.allowed).toEqual(['APPROVE', 'REJECT', 'SEND_BACK']);
    const done = await fireApplicationOk(t, cast.approver2.token, app.id, {
      event: 'REJECT',
      reason: 'Không đủ điều kiện',
    });
    expect(done.state).toBe('REJECTED');
  });

  describe('POST /applications/{id}/assignee', () => {
    const reassign = (token: string, id: string, body: Record<string, unknown>) =>
      t.http.post(`${API}/applications/${id}/assignee`).set(bearer(token)).send(body);

    it('an approver hands the dossier to another appraiser, who then acts alone', async () => {
      const app = await fileApplicationTo(t, cast, 'IN_REVIEW');
      const r = await reassign(cast.approver.token, app.id, { assigneeId: cast.appraiser2.id, version: app.version });
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ assigneeId: cast.appraiser2.id, version: app.version + 1, state: 'IN_REVIEW' });
      expectProblem(
        await fireApplication(t, cast.appraiser.token, app.id, { event: 'CONFIRM_COMPLETE' }),
        403,
        'NOT_ASSIGNEE',
      );
      await fireApplicationOk(t, cast.appraiser2.token, app.id, { event: 'CONFIRM_COMPLETE' });
      const history = await t.http.get(`${API}/applications/${app.id}/history`).set(bearer(cast.approver.token));
      expect(history.body.map((h: { event: string }) => h.event)).toContain('REASSIGN');
      const audit = await t.http
        .get(`${API}/audit?entityType=application&entityId=${app.id}`)
        .set(bearer(t.adminToken));
      expect(audit.body.items.map((a: { action: string }) => a.action)).toContain('application.REASSIGN');
      const notes = await t.http.get(`${API}/notifications`).set(bearer(cast.appraiser2.token));
      expect(
        notes.body.items.some(
          (n: { kind: string; entityId: string }) => n.kind === 'DOSSIER_ASSIGNED' && n.entityId === app.id,
        ),
      ).toBe(true);
    });

    it('refuses: roles (403), other authorities (404), no assignee yet (409), stale version (409), non-appraisers (422)', async () => {
      const app = await fileApplicationTo(t, cast, 'IN_REVIEW');
      const body = { assigneeId: cast.appraiser2.id };
      expectProblem(await reassign(cast.appraiser.token, app.id, body), 403, 'FORBIDDEN');
      expectProblem(await reassign(cast.owner.token, app.id, body), 403, 'FORBIDDEN');
      expectProblem(await reassign(other.approver.token, app.id, body), 404, 'NOT_FOUND');
      expectProblem(await reassign(cast.approver.token, app.id, { ...body, version: 1 }), 409, 'VERSION_CONFLICT');
      expectProblem(
        await reassign(cast.approver.token, app.id, { assigneeId: cast.inspector.id }),
        422,
        'ASSIGNEE_NOT_APPRAISER',
      );
      expectProblem(
        await reassign(cast.approver.token, app.id, { assigneeId: other.appraiser.id }),
        422,
        'ASSIGNEE_NOT_APPRAISER',
      );
      expectProblem(await reassign(cast.approver.token, app.id, { assigneeId: 'nope' }), 400, 'VALIDATION_FAILED');
      const submitted = await fileApplicationTo(t, cast, 'SUBMITTED');
      expectProblem(await reassign(cast.approver.token, submitted.id, body), 409, 'NOT_REASSIGNABLE');
      expect(await stateOf(app.id)).toEqual({ state: 'IN_REVIEW', version: app.version });
    });

    it('a disabled appraiser cannot be assigned', async () => {
      const app = await fileApplicationTo(t, cast, 'IN_REVIEW');
      const gone = await createStaff(t, 'appraiser', cast.authority.id);
      const d = await t.http
        .post(`${API}/users/${gone.id}/transitions`)
        .set(bearer(t.adminToken))
        .send({ event: 'DISABLE' });
      expect(d.status).toBe(200);
      expectProblem(
        await reassign(cast.approver.token, app.id, { assigneeId: gone.id }),
        422,
        'ASSIGNEE_NOT_APPRAISER',
      );
    });
  });

  it('appraisal records are for staff only (403 for owners)', async () => {
    const app = await fileApplicationTo(t, cast, 'PENDING_DECISION');
    expectProblem(await t.http.get(`${API}/applications/${app.id}/appraisals`).set(bearer(cast.owner.token)), 403);
    expectProblem(await t.http.get(`${API}/applications/${app.id}/appraisals`).set(bearer(other.approver.token)), 404);
  });
});
