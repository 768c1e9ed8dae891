import { bearer, expectProblem, uniq } from '../support/factories';
import { API, startTestApp, TestApp } from '../support/test-app';

describe('Idempotency-Key on POST', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const body = () => ({
    code: uniq('I')
      .toUpperCase()
      .replace(/[^A-Z0-9]/g, '')
      .slice(0, 20),
    name: 'Sở TT&TT',
    province: 'Huế',
    licenseNumberSuffix: 'GP-STTTT',
  });
  const count = async (code: string) =>
    (await t.ds.query(`SELECT count(*)::int AS n FROM authorities WHERE code = $1`, [code]))[0].n as number;

  it('the same key and body returns the first response and does nothing twice', async () => {
    const b = body();
    const key = uniq('k');
    const r1 = await t.http.post(`${API}/authorities`).set(bearer(t.adminToken)).set('Idempotency-Key', key).send(b);
    const r2 = await t.http.post(`${API}/authorities`).set(bearer(t.adminToken)).set('Idempotency-Key', key).send(b);
    expect(r1.status).toBe(201);
    expect(r2.status).toBe(201);
    expect(r2.body).toEqual(r1.body);
    expect(r2.headers['idempotent-replayed']).toBe('true');
    expect(await count(b.code)).toBe(1);
  });

  it('the same key with another body is 422 IDEMPOTENCY_KEY_REUSED', async () => {
    const key = uniq('k');
    await t.http.post(`${API}/authorities`).set(bearer(t.adminToken)).set('Idempotency-Key', key).send(body());
    const b2 = body();
    const r = await t.http.post(`${API}/authorities`).set(bearer(t.adminToken)).set('Idempotency-Key', key).send(b2);
    expectProblem(r, 422, 'IDEMPOTENCY_KEY_REUSED');
    expect(await count(b2.code)).toBe(0);
  });

  it('concurrent duplicates: exactly one runs', async () => {
    const b = body();
    const key = uniq('k');
    const rs = await Promise.all(
      Array.from({ length: 8 }, () =>
        t.http.post(`${API}/authorities`).set(bearer(t.adminToken)).set('Idempotency-Key', key).send(b),
      ),
    );
    for (const r of rs) expect([201, 409]).toContain(r.status);
    expect(rs.filter((r) => r.status === 201).length).toBeGreaterThanOrEqual(1);
    for (const r of rs.filter((x) => x.status === 409)) expect(r.body.code).toBe('IDEMPOTENCY_IN_PROGRESS');
    expect(await count(b.code)).toBe(1);
  });

  it('a failed request releases its key; a retry runs', async () => {
    const key = uniq('k');
    const bad = await t.http
      .post(`${API}/authorities`)
      .set(bearer(t.adminToken))
      .set('Idempotency-Key', key)
      .send({ code: 'x' });
    expect(bad.status).toBe(400);
    const b = body();
    const good = await t.http.post(`${API}/authorities`).set(bearer(t.adminToken)).set('Idempotency-Key', key).send(b);
    expect(good.status).toBe(201);
  });

  it('keys are per user, expire after 24 hours, and must be well-formed', async () => {
    const key = uniq('k');
    const b = body();
    await t.http.post(`${API}/authorities`).set(bearer(t.adminToken)).set('Idempotency-Key', key).send(b);
    await t.ds.query(`UPDATE idempotency_keys SET created_at = now() - interval '25 hours' WHERE key = $1`, [key]);
    const again = await t.http.post(`${API}/authorities`).set(bearer(t.adminToken)).set('Idempotency-Key', key).send(b);
    expectProblem(again, 409, 'ALREADY_EXISTS'); // ran again (not replayed): the code now exists
    expectProblem(
      await t.http
        .post(`${API}/authorities`)
        .set(bearer(t.adminToken))
        .set('Idempotency-Key', 'ä'.repeat(3))
        .send(body()),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('survives a restart: a second app instance on the same database replays', async () => {
    const key = uniq('k');
    const b = body();
    const r1 = await t.http.post(`${API}/authorities`).set(bearer(t.adminToken)).set('Idempotency-Key', key).send(b);
    const t2 = await startTestApp({ databaseName: t.database });
    try {
      const [{ id: adminId }] = await t.ds.query(`SELECT id FROM users WHERE role = 'admin'`);
      expect(adminId).toBeDefined();
      const r2 = await t2.http.post(`${API}/authorities`).set(bearer(t.adminToken)).set('Idempotency-Key', key).send(b);
      expect(r2.status).toBe(201);
      expect(r2.body).toEqual(r1.body);
    } finally {
      await t2.close();
    }
  });
});
