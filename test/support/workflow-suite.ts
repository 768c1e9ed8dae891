import { bearer, createStaff, expectProblem, registerOwner, createAuthority } from './factories';
import { API, startTestApp, TestApp } from './test-app';

/** The engine, proven on the `account` lifecycle (ACTIVE ⇄ DISABLED) through the real HTTP stack. */
export function workflowSuite(name: string, opts: { embedded: boolean }) {
  describe(name, () => {
    let t: TestApp;
    // An in-memory PGlite runs initdb and every migration first: slow on a loaded 2-core machine.
    beforeAll(async () => {
      t = await startTestApp({ embedded: opts.embedded });
    }, 180_000);
    afterAll(() => t.close());

    const fire = (id: string, body: Record<string, unknown>, token = t.adminToken) =>
      t.http.post(`${API}/users/${id}/transitions`).set(bearer(token)).send(body);

    it('fires DISABLE then ENABLE, bumping the version and writing history and audit', async () => {
      const owner = await registerOwner(t);
      const allowed = await t.http.get(`${API}/users/${owner.id}/transitions`).set(bearer(t.adminToken));
      expect(allowed.body).toEqual({ state: 'ACTIVE', version: 1, allowed: ['DISABLE'] });

      const d = await fire(owner.id, { event: 'DISABLE', version: 1, reason: 'Tạm khóa' });
      expect(d.status).toBe(200);
      expect(d.body).toMatchObject({ state: 'DISABLED', version: 2 });
      const e = await fire(owner.id, { event: 'ENABLE', version: 2 });
      expect(e.body).toMatchObject({ state: 'ACTIVE', version: 3 });

      const history = await t.ds.query(
        `SELECT event, from_state, to_state, actor_role, reason FROM workflow_history WHERE entity_id = $1 ORDER BY id`,
        [owner.id],
      );
      expect(history).toEqual([
        { event: 'CREATE', from_state: null, to_state: 'ACTIVE', actor_role: 'site_owner', reason: null },
        { event: 'DISABLE', from_state: 'ACTIVE', to_state: 'DISABLED', actor_role: 'admin', reason: 'Tạm khóa' },
        { event: 'ENABLE', from_state: 'DISABLED', to_state: 'ACTIVE', actor_role: 'admin', reason: null },
      ]);
      const audit = await t.http.get(`${API}/audit?entityType=user&entityId=${owner.id}`).set(bearer(t.adminToken));
      expect(audit.body.items.map((a: { action: string }) => a.action)).toEqual([
        'user.CREATE',
        'user.DISABLE',
        'user.ENABLE',
      ]);
      expect(audit.body.total).toBe(3);
    });

    it('an unknown event is 400 and changes nothing', async () => {
      const owner = await registerOwner(t);
      const r = await fire(owner.id, { event: 'DELETE' });
      expectProblem(r, 400, 'UNKNOWN_EVENT');
      const [u] = await t.ds.query(`SELECT state, version FROM users WHERE id = $1`, [owner.id]);
      expect(u).toEqual({ state: 'ACTIVE', version: 1 });
    });

    it('an event the state does not allow is 409 TRANSITION_NOT_ALLOWED', async () => {
      const owner = await registerOwner(t);
      const r = await fire(owner.id, { event: 'ENABLE' });
      expectProblem(r, 409, 'TRANSITION_NOT_ALLOWED');
      expect(r.body.state).toBe('ACTIVE');
    });

    it('a stale version is 409 VERSION_CONFLICT and changes nothing', async () => {
      const owner = await registerOwner(t);
      const r = await fire(owner.id, { event: 'DISABLE', version: 7 });
      expectProblem(r, 409, 'VERSION_CONFLICT');
      expect(r.body.currentVersion).toBe(1);
      const [u] = await t.ds.query(`SELECT state, version FROM users WHERE id = $1`, [owner.id]);
      expect(u).toEqual({ state: 'ACTIVE', version: 1 });
    });

    it('a failing guard is 422 with its code and changes nothing', async () => {
      const [admin] = await t.ds.query(`SELECT id FROM users WHERE role = 'admin'`);
      const r = await fire(admin.id, { event: 'DISABLE' });
      expectProblem(r, 422, 'CANNOT_DISABLE_SELF');
      const allowed = await t.http.get(`${API}/users/${admin.id}/transitions`).set(bearer(t.adminToken));
      expect(allowed.body.allowed).toEqual([]);
      const [{ n }] = await t.ds.query(
        `SELECT count(*)::int AS n FROM workflow_history WHERE entity_id = $1 AND event = 'DISABLE'`,
        [admin.id],
      );
      expect(n).toBe(0);
    });

    it('a role that may not fire is 403; an unknown record is 404', async () => {
      const authority = await createAuthority(t);
      const approver = await createStaff(t, 'approver', authority.id);
      const owner = await registerOwner(t);
      expectProblem(await fire(owner.id, { event: 'DISABLE' }, approver.token), 403, 'FORBIDDEN');
      expectProblem(await fire('00000000-0000-4000-8000-000000000000', { event: 'DISABLE' }), 404, 'NOT_FOUND');
    });

    it('malformed transition bodies are 400', async () => {
      const owner = await registerOwner(t);
      expectProblem(await fire(owner.id, {}), 400, 'VALIDATION_FAILED');
      expectProblem(await fire(owner.id, { event: 'DISABLE', version: 'one' }), 400, 'VALIDATION_FAILED');
      expectProblem(await fire(owner.id, { event: 'DISABLE', extra: 1 }), 400, 'VALIDATION_FAILED');
    });

    it('20 racing transitions on one record: exactly one 200, the rest 409, one history row', async () => {
      const owner = await registerOwner(t);
      const results = await Promise.all(Array.from({ length: 20 }, () => fire(owner.id, { event: 'DISABLE' })));
      const statuses = results.map((r) => r.status).sort();
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(19);
      const [u] = await t.ds.query(`SELECT state, version FROM users WHERE id = $1`, [owner.id]);
      expect(u).toEqual({ state: 'DISABLED', version: 2 });
      const [{ n }] = await t.ds.query(
        `SELECT count(*)::int AS n FROM workflow_history WHERE entity_id = $1 AND event = 'DISABLE'`,
        [owner.id],
      );
      expect(n).toBe(1);
      const verify = await t.http.get(`${API}/audit/verify`).set(bearer(t.adminToken));
      expect(verify.body.valid).toBe(true);
    });

    it('20 racing transitions with the same version: one wins, the rest VERSION_CONFLICT or TRANSITION_NOT_ALLOWED', async () => {
      const owner = await registerOwner(t);
      const results = await Promise.all(
        Array.from({ length: 20 }, () => fire(owner.id, { event: 'DISABLE', version: 1 })),
      );
      expect(results.filter((r) => r.status === 200)).toHaveLength(1);
      for (const r of results.filter((x) => x.status !== 200)) {
        expect(r.status).toBe(409);
        expect(['VERSION_CONFLICT', 'TRANSITION_NOT_ALLOWED']).toContain(r.body.code);
      }
    });
  });
}
