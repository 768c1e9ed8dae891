import { bearer, expectProblem } from '../support/factories';
import { API, startTestApp, TestApp } from '../support/test-app';

describe('platform: health, errors as problem+json, OpenAPI, headers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('GET /health → ok and database up', async () => {
    const r = await t.http.get(`${API}/health`);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ status: 'ok', database: 'up' });
  });

  it('sets helmet headers and a request id, honouring a given one', async () => {
    const r = await t.http.get(`${API}/health`).set('X-Request-Id', 'abc-123');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['x-request-id']).toBe('abc-123');
    expect(r.headers['x-powered-by']).toBeUndefined();
  });

  it('an unknown route is a 404 problem', async () => {
    const r = await t.http.get(`${API}/no-such-thing`);
    expectProblem(r, 404, 'ROUTE_NOT_FOUND');
    expect(r.body.requestId).toEqual(expect.any(String));
  });

  it('malformed JSON is a 400 problem', async () => {
    const r = await t.http.post(`${API}/auth/login`).set('Content-Type', 'application/json').send('{"email": ');
    expectProblem(r, 400, 'MALFORMED_JSON');
  });

  it('an oversized JSON body is a 413 problem', async () => {
    const r = await t.http
      .post(`${API}/auth/login`)
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ email: 'a@b.vn', password: 'x'.repeat(2 * 1024 * 1024) }));
    expectProblem(r, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('unknown fields are rejected with a per-field error', async () => {
    const r = await t.http.post(`${API}/auth/login`).send({ email: 'a@b.vn', password: 'whatever-123', admin: true });
    expectProblem(r, 400, 'VALIDATION_FAILED');
    expect(r.body.errors).toContainEqual({ field: 'admin', message: 'unknown field "admin"' });
  });

  it('wrongly typed fields name the field', async () => {
    const r = await t.http
      .post(`${API}/authorities`)
      .set(bearer(t.adminToken))
      .send({ code: 'x y', name: 5, province: 'Nghệ An', licenseNumberSuffix: 'GP-STTTT' });
    expectProblem(r, 400, 'VALIDATION_FAILED');
    const fields = (r.body.errors as { field: string }[]).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['code', 'name']));
  });

  it('nested validation errors carry the nested path', async () => {
    const r = await t.http.post(`${API}/auth/register`).send({
      email: 'x@y.vn',
      password: 'Mat-khau-manh-2026',
      fullName: 'A',
      organization: {
        name: 'B',
        registrationNumber: '1',
        address: 'C',
        legalRepresentative: 'D',
        phone: 'x',
        email: 'no',
      },
    });
    expectProblem(r, 400, 'VALIDATION_FAILED');
    const fields = (r.body.errors as { field: string }[]).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['organization.phone', 'organization.email']));
  });

  it('a non-UUID id is a 404, not a 500', async () => {
    const r = await t.http.get(`${API}/users/not-a-uuid`).set(bearer(t.adminToken));
    expectProblem(r, 404, 'NOT_FOUND');
  });

  it('a missing or bad token is a 401 problem with WWW-Authenticate', async () => {
    const r1 = await t.http.get(`${API}/auth/me`);
    expectProblem(r1, 401, 'UNAUTHENTICATED');
    expect(r1.headers['www-authenticate']).toBe('Bearer');
    const r2 = await t.http.get(`${API}/auth/me`).set('Authorization', 'Bearer not.a.jwt');
    expectProblem(r2, 401, 'UNAUTHENTICATED');
  });

  it('serves the OpenAPI document listing every route, DTO schemas and the bearer scheme', async () => {
    const r = await t.http.get('/docs-json');
    expect(r.status).toBe(200);
    expect(r.body.openapi).toMatch(/^3\./);
    expect(Object.keys(r.body.paths)).toEqual(
      expect.arrayContaining([
        `${API}/health`,
        `${API}/auth/login`,
        `${API}/users/{id}/transitions`,
        `${API}/audit/verify`,
      ]),
    );
    expect(r.body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(r.body.components.schemas.RegisterDto.properties.organization).toBeDefined();
    const ui = await t.http.get('/docs/');
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger');
  });

  it('GET /state-machines lists the machines and renders Mermaid', async () => {
    const r = await t.http.get(`${API}/state-machines`).set(bearer(t.adminToken));
    expect(r.status).toBe(200);
    const account = (r.body as { name: string }[]).find((m) => m.name === 'account');
    expect(account).toMatchObject({ states: ['ACTIVE', 'DISABLED'], events: ['DISABLE', 'ENABLE'] });
    const m = await t.http.get(`${API}/state-machines/account?format=mermaid`).set(bearer(t.adminToken));
    expect(m.status).toBe(200);
    expect(m.headers['content-type']).toMatch(/^text\/plain/);
    expect(m.text).toContain('stateDiagram-v2');
    expect(m.text).toContain('ACTIVE --> DISABLED: DISABLE (admin)');
    expectProblem(await t.http.get(`${API}/state-machines/nope`).set(bearer(t.adminToken)), 404, 'NOT_FOUND');
    expectProblem(await t.http.get(`${API}/state-machines`), 401, 'UNAUTHENTICATED');
  });
});
