import { JwtService } from '@nestjs/jwt';
import { Clock, SystemClock } from '../../src/common/clock';
import { bearer, expectProblem, organizationInput, registerOwner, STRONG_PASSWORD, uniq } from '../support/factories';
import { ADMIN_EMAIL, ADMIN_PASSWORD, API, startTestApp, TestApp, TEST_JWT_SECRET } from '../support/test-app';

/** Issue 12, findings probed from outside: each is a request that misbehaved before and is refused cheaply now. */

function wideObject(keys: number): Record<string, string> {
  const o: Record<string, string> = {};
  for (let i = 0; i < keys; i++) o[`k${i}`] = 'x';
  return o;
}

describe('bounded input, response hygiene and the fallback (default limits)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  describe('JSON bodies are bounded before validation', () => {
    it('an object of 80,000 keys (0.87 MB) answers 400 in milliseconds, with one short error', async () => {
      const body = JSON.stringify({ email: 'a@b.vn', password: 'x', ...wideObject(80_000) });
      expect(body.length).toBeGreaterThan(800_000);
      const started = process.hrtime.bigint();
      const r = await t.http.post(`${API}/auth/register`).set('Content-Type', 'application/json').send(body);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      expectProblem(r, 400, 'VALIDATION_FAILED');
      expect(r.body.errors).toEqual([{ field: '', message: 'must not have more than 100 fields' }]);
      expect(r.text.length).toBeLessThan(1_000);
      // Before: ~3.5 s of CPU and 4.5 MB of errors. The server's part is a few ms (parsing 0.87 MB, counting keys:
      // see json-guard.spec.ts); the margin is for the client's upload on a busy shared machine.
      expect(ms).toBeLessThan(1_500);
    });

    it('four such bodies at once do not hold up /health', async () => {
      const body = JSON.stringify(wideObject(80_000));
      const started = Date.now();
      const results = await Promise.all([
        ...[1, 2, 3, 4].map(() => t.http.post(`${API}/auth/login`).set('Content-Type', 'application/json').send(body)),
        t.http.get(`${API}/health`),
      ]);
      expect(results.slice(0, 4).map((r) => r.status)).toEqual([400, 400, 400, 400]);
      expect(results[4].status).toBe(200);
      // Before: four such bodies cost ~14 s of CPU and held /health up to 7 s. The client (supertest, in this very
      // process) serializes 3.5 MB too; the bound leaves room for a busy shared machine.
      expect(Date.now() - started).toBeLessThan(6_000);
    });

    it('caps the number of values, the length of strings and of keys', async () => {
      const many = await t.http.post(`${API}/auth/login`).send({ email: 'a@b.vn', password: Array(25_000).fill(1) });
      expectProblem(many, 400, 'VALIDATION_FAILED');
      expect(many.body.errors[0].message).toMatch(/more than 20000 values/);
      const long = await t.http.post(`${API}/auth/login`).send({ email: 'a@b.vn', password: 'x'.repeat(70_000) });
      expectProblem(long, 400, 'VALIDATION_FAILED');
      expect(long.body.errors).toEqual([{ field: 'password', message: 'must be at most 65536 characters' }]);
      const longKey = await t.http.post(`${API}/auth/login`).send({ ['k'.repeat(5_000)]: 1 });
      expectProblem(longKey, 400, 'VALIDATION_FAILED');
      expect(longKey.text.length).toBeLessThan(1_000);
    });

    it('lists at most 50 field errors, and says how many there were', async () => {
      const r = await t.http.post(`${API}/auth/login`).send({ email: 'a@b.vn', password: 'x', ...wideObject(90) });
      expectProblem(r, 400, 'VALIDATION_FAILED');
      expect(r.body.errors).toHaveLength(50);
      expect(r.body.errorCount).toBeGreaterThan(50);
    });
  });

  describe('query strings are checked before any route', () => {
    it.each([
      ['/public/licenses?q=a%00b', false],
      ['/licenses?q=a%00b', true],
      ['/audit?entityType=a%00b', true],
      ['/public/licenses/verify?number=a%00b&code=ABCDEFGHJK', false],
      ['/public/licenses?q=%ED%A0%80', false],
      ['/public/licenses?q=%E0%A4%A', false],
      [`/public/licenses?q=${'a'.repeat(1_001)}`, false],
      [`/public/licenses?${Array.from({ length: 40 }, (_, i) => `p${i}=1`).join('&')}`, false],
    ])('%s → 400 problem+json, not a 500 from PostgreSQL', async (path, authenticated) => {
      const req = t.http.get(`${API}${path}`);
      const r = await (authenticated ? req.set(bearer(t.adminToken)) : req);
      expectProblem(r, 400, 'VALIDATION_FAILED');
    });

    it.each(['/public/licenses', '/licenses', '/users', '/audit', '/notifications', '/applications'])(
      '%s?page=1e20 → 400 (page at most 10000)',
      async (path) => {
        const r = await t.http.get(`${API}${path}?page=1e20`).set(bearer(t.adminToken));
        expectProblem(r, 400, 'VALIDATION_FAILED');
        expect(r.body.errors).toContainEqual(expect.objectContaining({ field: 'page' }));
        const ok = await t.http.get(`${API}${path}?page=10000`).set(bearer(t.adminToken));
        expect(ok.status).toBe(200);
      },
    );
  });

  describe('response hygiene', () => {
    it('private responses, the login included, are Cache-Control: no-store', async () => {
      const login = await t.http.post(`${API}/auth/login`).send({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
      expect(login.status).toBe(200);
      expect(login.headers['cache-control']).toBe('no-store');
      const me = await t.http.get(`${API}/auth/me`).set(bearer(t.adminToken));
      expect(me.headers['cache-control']).toBe('no-store');
      const problem = await t.http.get(`${API}/auth/me`);
      expect(problem.headers['cache-control']).toBe('no-store');
    });

    it('a login is never stored nor replayed under an Idempotency-Key', async () => {
      const key = uniq('login-key');
      const send = () =>
        t.http
          .post(`${API}/auth/login`)
          .set('Idempotency-Key', key)
          .send({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
      const first = await send();
      const second = await send();
      expect([first.status, second.status]).toEqual([200, 200]);
      expect(second.headers['idempotent-replayed']).toBeUndefined();
      expect(await t.ds.query(`SELECT key FROM idempotency_keys WHERE key = $1`, [key])).toEqual([]);
      // A wrong password under a key used before is checked again, not answered from a store.
      const wrong = await t.http
        .post(`${API}/auth/login`)
        .set('Idempotency-Key', key)
        .send({ email: ADMIN_EMAIL, password: 'wrong-password-1' });
      expectProblem(wrong, 401, 'INVALID_CREDENTIALS');
    });

    it('a token without exp, or with a sub that is no UUID, is a 401 (not accepted, not a 500)', async () => {
      const [admin] = await t.ds.query(`SELECT id FROM users WHERE email = $1`, [ADMIN_EMAIL]);
      const jwt = new JwtService({ secret: TEST_JWT_SECRET });
      const noExp = jwt.sign({ sub: admin.id, role: 'admin', tv: 0 });
      expectProblem(await t.http.get(`${API}/auth/me`).set(bearer(noExp)), 401, 'UNAUTHENTICATED');
      const badSub = jwt.sign({ sub: 'not-a-uuid', role: 'admin', tv: 0 }, { expiresIn: 600 });
      expectProblem(await t.http.get(`${API}/auth/me`).set(bearer(badSub)), 401, 'UNAUTHENTICATED');
      const numericSub = jwt.sign({ sub: 42, role: 'admin', tv: 0 } as never, { expiresIn: 600 });
      expectProblem(await t.http.get(`${API}/auth/me`).set(bearer(numericSub)), 401, 'UNAUTHENTICATED');
      const good = jwt.sign({ sub: admin.id, role: 'admin', tv: 0 }, { expiresIn: 600 });
      expect((await t.http.get(`${API}/auth/me`).set(bearer(good))).status).toBe(200);
    });

    it('a strict CSP everywhere but the API docs; the back office admits only its own nonce-marked styles', async () => {
      const csp = (r: { headers: Record<string, string> }) => r.headers['content-security-policy'];
      for (const path of [`${API}/health`, '/nope', '/assets/none.css', '/office/applications']) {
        const policy = csp(await t.http.get(path));
        expect(policy).toContain("default-src 'self'");
        expect(policy).toContain("script-src 'self';");
        expect(policy).toContain("object-src 'none'");
        expect(policy).toContain("base-uri 'none'");
        // The back office may not be framed at all; the rest only by this origin.
        expect(policy).toContain(path.startsWith('/office') ? "frame-ancestors 'none'" : "frame-ancestors 'self'");
        if (!path.startsWith('/office')) expect(policy).toContain("style-src 'self';");
      }
      // The public pages (their own, stricter policy: default-src 'none') allow no inline script or style either.
      for (const path of ['/', '/registry']) {
        const policy = csp(await t.http.get(path));
        expect(policy).toContain("base-uri 'none'");
        expect(policy).not.toContain('unsafe-inline');
        expect(policy).not.toMatch(/script-src [^;]*(unsafe|\*)/);
      }
      const office = csp(await t.http.get('/office/applications'));
      expect(office).toMatch(/style-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}'/);
      expect(office).not.toContain('unsafe-inline');
      const docs = csp(await t.http.get('/docs/'));
      expect(docs).toContain("script-src 'self' 'unsafe-inline'");
      expect(csp(await t.http.get(`${API}/health`))).not.toContain('unsafe-inline');
    });

    it('every unknown path is a 404 problem, inside or outside the API', async () => {
      for (const path of ['/nope', '/api', `${API}/nope`, '/favicon.ico', '/officex']) {
        const r = await t.http.get(path);
        expectProblem(r, 404, 'ROUTE_NOT_FOUND');
      }
      expectProblem(await t.http.post('/anything').send({}), 404, 'ROUTE_NOT_FOUND');
    });

    it('a wrong method on a known path is a 405 problem with Allow', async () => {
      const del = await t.http.delete(`${API}/health`);
      expectProblem(del, 405, 'METHOD_NOT_ALLOWED');
      expect(del.headers.allow).toBe('GET, HEAD');
      const getLogin = await t.http.get(`${API}/auth/login`);
      expectProblem(getLogin, 405, 'METHOD_NOT_ALLOWED');
      expect(getLogin.headers.allow).toBe('POST');
      const put = await t.http.put(`${API}/users/00000000-0000-4000-8000-000000000000/transitions`).send({});
      expectProblem(put, 405, 'METHOD_NOT_ALLOWED');
      expect(put.headers.allow).toBe('GET, HEAD, POST');
    });
  });
});

describe('production: API docs only when enabled', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      env: {
        NODE_ENV: 'production',
        PUBLIC_BASE_URL: 'https://gp.example.vn',
        PASSWORD_HASH_COST: '16384',
        SCHEDULER_ENABLED: 'false',
      },
    });
  });
  afterAll(() => t.close());

  it('serves neither Swagger UI nor /docs-json, and answers problem+json there', async () => {
    expectProblem(await t.http.get('/docs-json'), 404, 'ROUTE_NOT_FOUND');
    expectProblem(await t.http.get('/docs/'), 404, 'ROUTE_NOT_FOUND');
    expect((await t.http.get(`${API}/health`)).status).toBe(200);
  });
});

describe('rate limits: atomic, per policy, shared by replicas', () => {
  let t: TestApp;
  let replica: TestApp;
  let clock: SystemClock;
  let replicaClock: SystemClock;
  const limits = {
    LOGIN_MAX_FAILURES_PER_MINUTE: '5',
    RATE_LIMIT_ANONYMOUS_PER_MINUTE: '5',
    RATE_LIMIT_ACCOUNT_PER_HOUR: '3',
    RATE_LIMIT_USER_PER_MINUTE: '8',
  };
  beforeAll(async () => {
    t = await startTestApp({ env: limits });
    replica = await startTestApp({ env: limits, databaseName: t.database });
    clock = t.app.get(Clock) as SystemClock;
    replicaClock = replica.app.get(Clock) as SystemClock;
  });
  afterAll(async () => {
    await replica.close();
    await t.close();
  });
  // Every test starts at the beginning of a fresh hour on both replicas (the windows come from the Clock).
  let hour = Math.floor(Date.now() / 3_600_000) + 1;
  beforeEach(() => {
    hour += 1;
    clock.set(new Date(hour * 3_600_000));
    replicaClock.set(new Date(hour * 3_600_000));
  });

  it('50 parallel wrong logins: at most the limit reach the password check, the rest 429', async () => {
    const email = `${uniq('victim')}@example.vn`;
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        t.http.post(`${API}/auth/login`).send({ email, password: `wrong-password-${i}` }),
      ),
    );
    const checked = results.filter((r) => r.status === 401).length;
    const limited = results.filter((r) => r.status === 429);
    expect(checked).toBe(5);
    expect(limited).toHaveLength(45);
    for (const r of limited) {
      expectProblem(r, 429, 'RATE_LIMITED');
      expect(r.headers['retry-after']).toBe('60');
      expect(r.headers['ratelimit-policy']).toBe('"login";q=5;w=60');
      expect(r.headers['ratelimit']).toBe('"login";r=0;t=60');
    }
    // One counter row per key and window, updated in place; an attempt refused for its IP is not counted again
    // against the e-mail.
    const rows = await t.ds.query(
      `SELECT key, count FROM rate_limits WHERE key LIKE 'login:%' AND window_start = $1 ORDER BY key`,
      [clock.now()],
    );
    expect(rows).toEqual([
      { key: `login:email:${email}`, count: 5 },
      { key: expect.stringMatching(/^login:ip:/), count: 50 },
    ]);
    // The next minute the account holder gets in.
    clock.advance(60_000);
    const ok = await t.http.post(`${API}/auth/login`).send({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
    expect(ok.status).toBe(200);
  });

  it('anonymous requests per IP, with RateLimit headers; a forged X-Forwarded-For gains nothing', async () => {
    for (let i = 0; i < 5; i++) {
      const r = await t.http.get(`${API}/public/licenses`).set('X-Forwarded-For', `203.0.113.${i}`);
      expect(r.status).toBe(200);
      expect(r.headers['ratelimit-policy']).toBe('"anonymous";q=5;w=60');
      expect(r.headers['ratelimit']).toBe(`"anonymous";r=${4 - i};t=60`);
    }
    const r = await t.http.get(`${API}/public/licenses`).set('X-Forwarded-For', '198.51.100.7');
    expectProblem(r, 429, 'RATE_LIMITED');
    expect(r.headers['retry-after']).toBe('60');
    // The health probe is not limited.
    expect((await t.http.get(`${API}/health`)).status).toBe(200);
  });

  it('the counters are shared by every replica on the database', async () => {
    for (let i = 0; i < 3; i++) expect((await t.http.get(`${API}/public/licenses`)).status).toBe(200);
    for (let i = 0; i < 2; i++) expect((await replica.http.get(`${API}/public/licenses`)).status).toBe(200);
    expectProblem(await replica.http.get(`${API}/public/licenses`), 429, 'RATE_LIMITED');
    expectProblem(await t.http.get(`${API}/public/licenses`), 429, 'RATE_LIMITED');
  });

  it('registration is limited per IP and hour (refused bodies count too)', async () => {
    const register = () =>
      t.http.post(`${API}/auth/register`).send({
        email: `${uniq('reg')}@example.vn`,
        password: STRONG_PASSWORD,
        fullName: 'Lê Văn Cường',
        organization: organizationInput(),
      });
    expect((await register()).status).toBe(201);
    expect((await t.http.post(`${API}/auth/register`).send({})).status).toBe(400);
    expect((await register()).status).toBe(201);
    const r = await register();
    expectProblem(r, 429, 'RATE_LIMITED');
    expect(r.headers['retry-after']).toBe('3600');
    expect(r.headers['ratelimit-policy']).toBe('"account";q=3;w=3600');
  });

  it('authenticated requests per user: one user’s burst does not limit another', async () => {
    const a = await registerOwnerFresh(t);
    clock.advance(3_600_000);
    replicaClock.advance(3_600_000);
    const b = await registerOwnerFresh(t);
    for (let i = 0; i < 8; i++) expect((await t.http.get(`${API}/auth/me`).set(bearer(a))).status).toBe(200);
    const r = await t.http.get(`${API}/auth/me`).set(bearer(a));
    expectProblem(r, 429, 'RATE_LIMITED');
    expect(r.headers['ratelimit-policy']).toBe('"user";q=8;w=60');
    expect((await t.http.get(`${API}/auth/me`).set(bearer(b))).status).toBe(200);
  });
});

/** A site owner's token, within the account limit of the current hour. */
async function registerOwnerFresh(t: TestApp): Promise<string> {
  return (await registerOwner(t)).token;
}
