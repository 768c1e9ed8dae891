import {
  bearer,
  Cast,
  checklistFor,
  createApplication,
  createCast,
  expectProblem,
  fileApplicationTo,
  fireApplication,
  fireApplicationOk,
  uploadAllRequired,
  uploadDocument,
} from '../support/factories';
import { API, startTestApp, TestApp } from '../support/test-app';

describe('applications: review, appraisal and decision', () => {
  let t: TestApp;
  let cast: Cast;
  beforeAll(async () => {
    t = await startTestApp();
    cast = await createCast(t);
  });
  afterAll(() => t.close());

  const notificationsOf = async (token: string) =>
    (await t.http.get(`${API}/notifications`).set(bearer(token))).body.items as {
      kind: string;
      entityId: string;
      title: string;
    }[];

  it('walks a NEW dossier from DRAFT to PENDING_DECISION with history, audit and notifications', async () => {
    const { owner, appraiser, approver } = cast;
    const app = await createApplication(t, owner, cast.authority.id);
    expect(app).toMatchObject({ state: 'DRAFT', version: 1, type: 'NEW', deadline: null, assigneeId: null });
    await uploadAllRequired(t, owner, app.id);

    const submitted = await fireApplicationOk(t, owner.token, app.id, { event: 'SUBMIT', version: 1 });
    expect(submitted).toMatchObject({ state: 'SUBMITTED', version: 2 });
    expect(submitted.submittedAt).toEqual(expect.any(String));

    const inReview = await fireApplicationOk(t, appraiser.token, app.id, { event: 'START_REVIEW', version: 2 });
    expect(inReview).toMatchObject({ state: 'IN_REVIEW', assigneeId: appraiser.id });
    expect((await notificationsOf(appraiser.token)).map((n) => n.kind)).toContain('DOSSIER_ASSIGNED');

    const inAppraisal = await fireApplicationOk(t, appraiser.token, app.id, { event: 'CONFIRM_COMPLETE' });
    expect(inAppraisal.state).toBe('IN_APPRAISAL');
    expect(inAppraisal.deadline).toMatchObject({ overdue: false, paused: false, workingDaysLeft: expect.any(Number) });

    const pending = await fireApplicationOk(t, appraiser.token, app.id, {
      event: 'RECOMMEND',
      recommendation: 'APPROVE',
      checklist: await checklistFor(t),
      note: 'Hồ sơ đầy đủ, đáp ứng điều kiện',
    });
    expect(pending).toMatchObject({
      state: 'PENDING_DECISION',
      recommendation: 'APPROVE',
      recommendedBy: appraiser.id,
    });
    expect(
      (await notificationsOf(approver.token)).some((n) => n.kind === 'DECISION_REQUESTED' && n.entityId === app.id),
    ).toBe(true);

    const appraisals = await t.http.get(`${API}/applications/${app.id}/appraisals`).set(bearer(approver.token));
    expect(appraisals.status).toBe(200);
    expect(appraisals.body).toHaveLength(1);
    expect(appraisals.body[0]).toMatchObject({ recommendation: 'APPROVE', appraiserId: appraiser.id });

    const history = await t.http.get(`${API}/applications/${app.id}/history`).set(bearer(owner.token));
    expect(history.status).toBe(200);
    expect(history.body.map((h: { event: string }) => h.event)).toEqual([
      'CREATE',
      'SUBMIT',
      'START_REVIEW',
      'CONFIRM_COMPLETE',
      'RECOMMEND',
    ]);
    expect(history.body[2]).toMatchObject({
      actorId: appraiser.id,
      actorRole: 'appraiser',
      from: 'SUBMITTED',
      to: 'IN_REVIEW',
    });

    const audit = await t.http.get(`${API}/audit?entityType=application&entityId=${app.id}`).set(bearer(t.adminToken));
    const actions = audit.body.items.map((a: { action: string }) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining(['application.CREATE', 'application.SUBMIT', 'application.RECOMMEND']),
    );
    expect(actions.filter((a: string) => a === 'document.uploaded')).toHaveLength(4);
  });

  it('APPROVE issues the license in the same transaction and tells the organization', async () => {
    const app = await fileApplicationTo(t, cast, 'PENDING_DECISION');
    const approved = await fireApplicationOk(t, cast.approver.token, app.id, {
      event: 'APPROVE',
      version: app.version,
    });
    expect(approved.state).toBe('APPROVED');
    expect(approved.decidedAt).toEqual(expect.any(String));
    expect(approved.licenseId).toEqual(expect.any(String));
    const license = await t.http.get(`${API}/licenses/${approved.licenseId as string}`).set(bearer(cast.owner.token));
    expect(license.status).toBe(200);
    const notes = await notificationsOf(cast.owner.token);
    expect(notes.some((n) => n.kind === 'DECISION_MADE' && n.entityId === app.id)).toBe(true);
  });

  it('REJECT needs a written reason (422 REASON_REQUIRED), then records it', async () => {
    const app = await fileApplicationTo(t, cast, 'PENDING_DECISION');
    expectProblem(await fireApplication(t, cast.approver.token, app.id, { event: 'REJECT' }), 422, 'REASON_REQUIRED');
    expectProblem(
      await fireApplication(t, cast.approver.token, app.id, { event: 'REJECT', reason: '   ' }),
      422,
      'REASON_REQUIRED',
    );
    const rejected = await fireApplicationOk(t, cast.approver.token, app.id, {
      event: 'REJECT',
      reason: 'Nguồn tin không phải là cơ quan báo chí',
    });
    expect(rejected).toMatchObject({ state: 'REJECTED', decisionReason: 'Nguồn tin không phải là cơ quan báo chí' });
    const history = await t.http.get(`${API}/applications/${app.id}/history`).set(bearer(cast.owner.token));
    expect(history.body.at(-1)).toMatchObject({ event: 'REJECT', reason: 'Nguồn tin không phải là cơ quan báo chí' });
    const notes = await notificationsOf(cast.owner.token);
    expect(
      notes.some((n) => n.kind === 'DECISION_MADE' && n.entityId === app.id && n.title === 'Hồ sơ bị từ chối'),
    ).toBe(true);
    // A final state: nothing more.
    expectProblem(
      await fireApplication(t, cast.approver.token, app.id, { event: 'APPROVE' }),
      409,
      'TRANSITION_NOT_ALLOWED',
    );
  });

  it('SEND_BACK needs a note and returns the dossier to the appraiser, who recommends again', async () => {
    const app = await fileApplicationTo(t, cast, 'PENDING_DECISION');
    expectProblem(await fireApplication(t, cast.approver.token, app.id, { event: 'SEND_BACK' }), 422, 'NOTE_REQUIRED');
    const back = await fireApplicationOk(t, cast.approver.token, app.id, {
      event: 'SEND_BACK',
      note: 'Kiểm tra lại nguồn tin',
    });
    expect(back).toMatchObject({ state: 'IN_APPRAISAL', recommendation: null, recommendedBy: null });
    const again = await fireApplicationOk(t, cast.appraiser.token, app.id, {
      event: 'RECOMMEND',
      recommendation: 'REJECT',
      checklist: await checklistFor(t, 'NEW', false),
    });
    expect(again).toMatchObject({ state: 'PENDING_DECISION', recommendation: 'REJECT' });
    const appraisals = await t.http.get(`${API}/applications/${app.id}/appraisals`).set(bearer(cast.appraiser.token));
    expect(appraisals.body.map((a: { recommendation: string }) => a.recommendation)).toEqual(['APPROVE', 'REJECT']);
  });

  it('RECOMMEND guards: recommendation required, checklist complete, no approval over an unsatisfied requirement', async () => {
    const app = await fileApplicationTo(t, cast, 'IN_APPRAISAL');
    const checklist = await checklistFor(t);
    const token = cast.appraiser.token;
    expectProblem(
      await fireApplication(t, token, app.id, { event: 'RECOMMEND', checklist }),
      422,
      'RECOMMENDATION_REQUIRED',
    );
    expectProblem(
      await fireApplication(t, token, app.id, { event: 'RECOMMEND', recommendation: 'APPROVE' }),
      422,
      'CHECKLIST_INCOMPLETE',
    );
    const short = await fireApplication(t, token, app.id, {
      event: 'RECOMMEND',
      recommendation: 'APPROVE',
      checklist: checklist.slice(1),
    });
    expectProblem(short, 422, 'CHECKLIST_INCOMPLETE');
    expect(short.body.missing).toEqual([checklist[0].kind]);
    const dup = [...checklist, checklist[0]];
    expectProblem(
      await fireApplication(t, token, app.id, { event: 'RECOMMEND', recommendation: 'REJECT', checklist: dup }),
      422,
      'CHECKLIST_INCOMPLETE',
    );
    const unsatisfied = checklist.map((c) => (c.kind === 'OPERATION_PLAN' ? { ...c, satisfied: false } : c));
    expectProblem(
      await fireApplication(t, token, app.id, {
        event: 'RECOMMEND',
        recommendation: 'APPROVE',
        checklist: unsatisfied,
      }),
      422,
      'CHECKLIST_NOT_SATISFIED',
    );
    // Malformed: a wrong recommendation value or checklist shape is 400.
    expectProblem(
      await fireApplication(t, token, app.id, { event: 'RECOMMEND', recommendation: 'MAYBE', checklist }),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(
      await fireApplication(t, token, app.id, {
        event: 'RECOMMEND',
        recommendation: 'APPROVE',
        checklist: [{ kind: 'X' }],
      }),
      400,
      'VALIDATION_FAILED',
    );
    const [row] = await t.ds.query(`SELECT state, version FROM applications WHERE id = $1`, [app.id]);
    expect(row).toEqual({ state: 'IN_APPRAISAL', version: app.version });
    expect(await t.ds.query(`SELECT 1 FROM appraisals WHERE application_id = $1`, [app.id])).toHaveLength(0);
  });

  it('RETURN needs a reason and closes the dossier', async () => {
    const app = await fileApplicationTo(t, cast, 'IN_REVIEW');
    expectProblem(await fireApplication(t, cast.appraiser.token, app.id, { event: 'RETURN' }), 422, 'REASON_REQUIRED');
    const returned = await fireApplicationOk(t, cast.appraiser.token, app.id, {
      event: 'RETURN',
      reason: 'Tổ chức đăng ký tại tỉnh khác; đề nghị nộp hồ sơ tại Sở của tỉnh đó',
    });
    expect(returned).toMatchObject({ state: 'RETURNED', decisionReason: expect.stringContaining('tỉnh khác') });
    expect(
      (await notificationsOf(cast.owner.token)).some((n) => n.kind === 'DOSSIER_RETURNED' && n.entityId === app.id),
    ).toBe(true);
  });

  it('WITHDRAW by the owner from every open state before the decision', async () => {
    for (const state of ['DRAFT', 'SUBMITTED', 'IN_REVIEW', 'IN_APPRAISAL'] as const) {
      const app = await fileApplicationTo(t, cast, state);
      const w = await fireApplicationOk(t, cast.owner.token, app.id, { event: 'WITHDRAW' });
      expect(w.state).toBe('WITHDRAWN');
    }
    const pending = await fileApplicationTo(t, cast, 'PENDING_DECISION');
    expectProblem(
      await fireApplication(t, cast.owner.token, pending.id, { event: 'WITHDRAW' }),
      409,
      'TRANSITION_NOT_ALLOWED',
    );
  });

  it('the supplement loop: items and reason required, the owner adds a document and resubmits', async () => {
    const app = await fileApplicationTo(t, cast, 'IN_REVIEW');
    const token = cast.appraiser.token;
    expectProblem(
      await fireApplication(t, token, app.id, { event: 'REQUEST_SUPPLEMENT', reason: 'Thiếu' }),
      422,
      'ITEMS_REQUIRED',
    );
    expectProblem(
      await fireApplication(t, token, app.id, { event: 'REQUEST_SUPPLEMENT', items: [], reason: 'Thiếu' }),
      422,
      'ITEMS_REQUIRED',
    );
    expectProblem(
      await fireApplication(t, token, app.id, {
        event: 'REQUEST_SUPPLEMENT',
        items: ['Văn bản chấp thuận của Báo Nghệ An'],
      }),
      422,
      'REASON_REQUIRED',
    );
    expectProblem(
      await fireApplication(t, token, app.id, { event: 'REQUEST_SUPPLEMENT', items: 'x', reason: 'y' }),
      400,
      'VALIDATION_FAILED',
    );

    const asked = await fireApplicationOk(t, token, app.id, {
      event: 'REQUEST_SUPPLEMENT',
      items: ['Văn bản chấp thuận của Báo Nghệ An'],
      reason: 'Văn bản chấp thuận đã hết hiệu lực',
    });
    expect(asked).toMatchObject({
      state: 'SUPPLEMENT_REQUESTED',
      supplementRequest: {
        items: ['Văn bản chấp thuận của Báo Nghệ An'],
        reason: 'Văn bản chấp thuận đã hết hiệu lực',
      },
    });
    const ownerNotes = await notificationsOf(cast.owner.token);
    expect(ownerNotes.find((n) => n.kind === 'SUPPLEMENT_REQUESTED' && n.entityId === app.id)?.title).toBe(
      'Yêu cầu bổ sung hồ sơ',
    );

    // The owner may edit and add documents again; the earlier document stays, superseded.
    const up = await uploadDocument(t, cast.owner.token, app.id, 'SOURCE_CONSENTS');
    expect(up.status).toBe(201);
    const patched = await t.http
      .patch(`${API}/applications/${app.id}`)
      .set(bearer(cast.owner.token))
      .send({ reason: 'Bổ sung văn bản chấp thuận mới' });
    expect(patched.status).toBe(200);
    const all = await t.http.get(`${API}/applications/${app.id}/documents?all=true`).set(bearer(cast.owner.token));
    expect(all.body.filter((d: { kind: string }) => d.kind === 'SOURCE_CONSENTS')).toHaveLength(2);

    const back = await fireApplicationOk(t, cast.owner.token, app.id, { event: 'RESUBMIT' });
    expect(back).toMatchObject({ state: 'IN_REVIEW', assigneeId: cast.appraiser.id, supplementRequest: null });
    const [sr] = await t.ds.query(`SELECT resolved_at FROM supplement_requests WHERE application_id = $1`, [app.id]);
    expect(sr.resolved_at).not.toBeNull();
    expect(
      (await notificationsOf(cast.appraiser.token)).some(
        (n) => n.kind === 'SUPPLEMENT_RECEIVED' && n.entityId === app.id,
      ),
    ).toBe(true);
    const done = await fireApplicationOk(t, token, app.id, { event: 'CONFIRM_COMPLETE' });
    expect(done.state).toBe('IN_APPRAISAL');
  });

  it('a guard failure changes nothing: no state, version, row or notification', async () => {
    const app = await createApplication(t, cast.owner, cast.authority.id);
    const before = await t.ds.query(`SELECT count(*)::int AS n FROM workflow_history WHERE entity_id = $1`, [app.id]);
    expectProblem(await fireApplication(t, cast.owner.token, app.id, { event: 'SUBMIT' }), 422, 'MISSING_DOCUMENTS');
    const after = await t.ds.query(`SELECT count(*)::int AS n FROM workflow_history WHERE entity_id = $1`, [app.id]);
    expect(after).toEqual(before);
    const [row] = await t.ds.query(`SELECT state, version, submitted_at FROM applications WHERE id = $1`, [app.id]);
    expect(row).toEqual({ state: 'DRAFT', version: 1, submitted_at: null });
  });
});
