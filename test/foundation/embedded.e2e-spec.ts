import { bearer, registerOwner } from '../support/factories';
import { API, startTestApp, TestApp } from '../support/test-app';
import { workflowSuite } from '../support/workflow-suite';

// The same engine suite on the embedded default (PGlite): racing transitions must have exactly one winner there too.
workflowSuite('workflow engine on the embedded database', { embedded: true });

describe('embedded database: the core of the API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ embedded: true });
  }, 180_000);
  afterAll(() => t.close());

  it('serves health, registration, login and the audit chain', async () => {
    expect((await t.http.get(`${API}/health`)).body).toEqual({ status: 'ok', database: 'up' });
    const owner = await registerOwner(t);
    const me = await t.http.get(`${API}/auth/me`).set(bearer(owner.token));
    expect(me.body.role).toBe('site_owner');
    const v = await t.http.get(`${API}/audit/verify`).set(bearer(t.adminToken));
    expect(v.body).toMatchObject({ valid: true });
    expect(v.body.checked).toBeGreaterThan(1);
  });

  it('keeps 10 concurrent registrations consistent (no interleaved transactions)', async () => {
    const owners = await Promise.all(Array.from({ length: 10 }, () => registerOwner(t)));
    expect(new Set(owners.map((o) => o.organizationId)).size).toBe(10);
    const [{ n }] = await t.ds.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'organization.registered'`,
    );
    expect(n).toBeGreaterThanOrEqual(11);
    const v = await t.http.get(`${API}/audit/verify`).set(bearer(t.adminToken));
    expect(v.body.valid).toBe(true);
  });
});
