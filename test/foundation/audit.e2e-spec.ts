import { bearer, createAuthority, createStaff, expectProblem, registerOwner } from '../support/factories';
import { API, startTestApp, TestApp } from '../support/test-app';

describe('audit chain', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const verify = () => t.http.get(`${API}/audit/verify`).set(bearer(t.adminToken));

  it('verifies a clean chain', async () => {
    await registerOwner(t);
    const r = await verify();
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ valid: true, checked: expect.any(Number) });
    expect(r.body.checked).toBeGreaterThanOrEqual(2);
  });

  it('refuses UPDATE, DELETE and TRUNCATE on audit rows (trigger)', async () => {
    await expect(t.ds.query(`UPDATE audit_events SET action = 'x'`)).rejects.toThrow(/append-only/);
    await expect(t.ds.query(`DELETE FROM audit_events`)).rejects.toThrow(/append-only/);
    await expect(t.ds.query(`TRUNCATE audit_events`)).rejects.toThrow(/append-only/);
  });

  it('concurrent writers do not fork the chain', async () => {
    await Promise.all(Array.from({ length: 15 }, () => registerOwner(t)));
    const forks = await t.ds.query(
      `SELECT prev_hash, count(*) FROM audit_events GROUP BY prev_hash HAVING count(*) > 1`,
    );
    expect(forks).toEqual([]);
    expect((await verify()).body.valid).toBe(true);
  });

  it('staff see only their authority’s events; owners may not read the audit', async () => {
    const a1 = await createAuthority(t);
    const a2 = await createAuthority(t);
    const s1 = await createStaff(t, 'appraiser', a1.id);
    const r = await t.http.get(`${API}/audit?entityType=authority`).set(bearer(s1.token));
    expect(r.status).toBe(200);
    const ids = r.body.items.map((e: { entityId: string }) => e.entityId);
    expect(ids).toContain(a1.id);
    expect(ids).not.toContain(a2.id);
    const owner = await registerOwner(t);
    expectProblem(await t.http.get(`${API}/audit`).set(bearer(owner.token)), 403);
    expectProblem(await t.http.get(`${API}/audit/verify`).set(bearer(s1.token)), 403);
    expectProblem(await t.http.get(`${API}/audit?pageSize=1000`).set(bearer(t.adminToken)), 400);
  });

  it('finds an event altered behind the API’s back (trigger disabled, as a superuser could)', async () => {
    const owner = await registerOwner(t);
    const [target] = await t.ds.query(
      `SELECT id FROM audit_events WHERE entity_id = $1 AND action = 'organization.registered'`,
      [owner.organizationId],
    );
    await t.ds.query(`ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only`);
    try {
      await t.ds.query(`UPDATE audit_events SET data = '{"name":"Tên giả mạo"}' WHERE id = $1`, [target.id]);
    } finally {
      await t.ds.query(`ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only`);
    }
    const r = await verify();
    expect(r.body).toEqual({ valid: false, checked: expect.any(Number), firstBrokenId: Number(target.id) });
  });

  it('finds a deleted event (the next link no longer matches)', async () => {
    const t2 = await startTestApp();
    try {
      await registerOwner(t2);
      await registerOwner(t2);
      const rows = await t2.ds.query(`SELECT id FROM audit_events ORDER BY id`);
      const victim = rows[1].id;
      await t2.ds.query(`ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only`);
      await t2.ds.query(`DELETE FROM audit_events WHERE id = $1`, [victim]);
      await t2.ds.query(`ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only`);
      const r = await t2.http.get(`${API}/audit/verify`).set(bearer(t2.adminToken));
      expect(r.body.valid).toBe(false);
      expect(r.body.firstBrokenId).toBe(Number(rows[2].id));
    } finally {
      await t2.close();
    }
  });
});
