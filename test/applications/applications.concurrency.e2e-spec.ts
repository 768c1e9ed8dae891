import {
  Cast,
  createApplication,
  createCast,
  fileApplicationTo,
  fireApplication,
  uploadAllRequired,
  uploadDocument,
} from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';

describe('applications: racing requests', () => {
  let t: TestApp;
  let cast: Cast;
  beforeAll(async () => {
    t = await startTestApp();
    cast = await createCast(t);
  });
  afterAll(() => t.close());

  it('two appraisers race for one dossier: exactly one takes it, the other gets 409', async () => {
    for (let round = 0; round < 3; round++) {
      const app = await fileApplicationTo(t, cast, 'SUBMITTED');
      const [a, b] = await Promise.all([
        fireApplication(t, cast.appraiser.token, app.id, { event: 'START_REVIEW' }),
        fireApplication(t, cast.appraiser2.token, app.id, { event: 'START_REVIEW' }),
      ]);
      const statuses = [a.status, b.status].sort();
      expect(statuses).toEqual([200, 409]);
      const winner = a.status === 200 ? cast.appraiser : cast.appraiser2;
      const loser = a.status === 200 ? b : a;
      expect(loser.body.code).toBe('TRANSITION_NOT_ALLOWED');
      const [row] = await t.ds.query(`SELECT state, version, assignee_id FROM applications WHERE id = $1`, [app.id]);
      expect(row).toEqual({ state: 'IN_REVIEW', version: app.version + 1, assignee_id: winner.id });
      const history = await t.ds.query(
        `SELECT count(*)::int AS n FROM workflow_history WHERE entity_id = $1 AND event = 'START_REVIEW'`,
        [app.id],
      );
      expect(history[0].n).toBe(1);
      const notes = await t.ds.query(
        `SELECT count(*)::int AS n FROM notifications WHERE entity_id = $1 AND kind = 'DOSSIER_ASSIGNED'`,
        [app.id],
      );
      expect(notes[0].n).toBe(1);
    }
  });

  it('ten racing SUBMITs: one succeeds, nine are refused, one history row', async () => {
    const app = await createApplication(t, cast.owner, cast.authority.id);
    await uploadAllRequired(t, cast.owner, app.id);
    const results = await Promise.all(
      Array.from({ length: 10 }, () => fireApplication(t, cast.owner.token, app.id, { event: 'SUBMIT' })),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(9);
    const [row] = await t.ds.query(`SELECT state, version FROM applications WHERE id = $1`, [app.id]);
    expect(row).toEqual({ state: 'SUBMITTED', version: 2 });
    const history = await t.ds.query(
      `SELECT count(*)::int AS n FROM workflow_history WHERE entity_id = $1 AND event = 'SUBMIT'`,
      [app.id],
    );
    expect(history[0].n).toBe(1);
  });

  it('ten racing SUBMITs with the same version: one 200, nine 409', async () => {
    const app = await createApplication(t, cast.owner, cast.authority.id);
    await uploadAllRequired(t, cast.owner, app.id);
    const results = await Promise.all(
      Array.from({ length: 10 }, () => fireApplication(t, cast.owner.token, app.id, { event: 'SUBMIT', version: 1 })),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(9);
  });

  it('an upload racing a SUBMIT either lands before it or is refused with 409', async () => {
    const app = await createApplication(t, cast.owner, cast.authority.id);
    await uploadAllRequired(t, cast.owner, app.id);
    const [submit, upload] = await Promise.all([
      fireApplication(t, cast.owner.token, app.id, { event: 'SUBMIT' }),
      uploadDocument(t, cast.owner.token, app.id, 'ASSOCIATION_CHARTER'),
    ]);
    expect(submit.status).toBe(200);
    expect([201, 409]).toContain(upload.status);
    const docs = await t.ds.query(
      `SELECT count(*)::int AS n FROM documents WHERE owner_id = $1 AND kind = 'ASSOCIATION_CHARTER'`,
      [app.id],
    );
    expect(docs[0].n).toBe(upload.status === 201 ? 1 : 0);
  });
});
