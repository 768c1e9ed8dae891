import type { Response } from 'supertest';
import { Clock, SystemClock } from '../../src/common/clock';
import { bearer, createAuthority, createStaff, expectProblem, STRONG_PASSWORD, TestUser } from '../support/factories';
import { API, startTestApp, TestApp } from '../support/test-app';

/** The `gis_session=…` pair of a Set-Cookie answer, as a browser would send it back. */
function sessionCookie(r: Response): string {
  const set = ([] as string[]).concat(r.headers['set-cookie'] ?? []);
  const c = set.find((h) => h.startsWith('gis_session='));
  if (!c) throw new Error(`no session cookie in ${JSON.stringify(set)}`);
  return c.split(';')[0];
}

describe('cookie sessions for the back office (POST/GET/DELETE /auth/session)', () => {
  let t: TestApp;
  let appraiser: TestUser;
  let clock: SystemClock;
  const start = new Date('2026-03-02T02:00:00Z');

  beforeAll(async () => {
    t = await startTestApp();
    clock = t.app.get(Clock) as SystemClock;
    clock.set(start);
    const authority = await createAuthority(t);
    appraiser = await createStaff(t, 'appraiser', authority.id);
  });
  afterAll(() => t.close());

  async function signIn(user: TestUser) {
    const r = await t.http.post(`${API}/auth/session`).send({ email: user.email, password: STRONG_PASSWORD });
    expect(r.status).toBe(201);
    return { cookie: sessionCookie(r), csrf: r.body.csrfToken as string, res: r };
  }

  it('signs in: an httpOnly SameSite=Strict cookie scoped to the API, no token in the body', async () => {
    const { res, csrf } = await signIn(appraiser);
    const set = ([] as string[]).concat(res.headers['set-cookie']).find((h) => h.startsWith('gis_session='))!;
    expect(set).toMatch(/HttpOnly/i);
    expect(set).toMatch(/SameSite=Strict/i);
    expect(set).toMatch(/Path=\/api\/v1/);
    expect(set).not.toMatch(/;\s*Secure/i); // plain http here; Secure when the request came over https
    expect(res.body).toMatchObject({ user: { id: appraiser.id, role: 'appraiser', email: appraiser.email } });
    expect(res.body.accessToken).toBeUndefined();
    expect(csrf).toMatch(/^[\w-]{40,}$/);
    expect(res.body.expiresAt).toBe(new Date(start.getTime() + 8 * 3600 * 1000).toISOString());
    // Only a digest of the secret is stored.
    const secret = sessionCookie(res).split('=')[1];
    const rows = await t.ds.query(`SELECT encode(token_hash, 'hex') AS h FROM auth_sessions WHERE user_id = $1`, [
      appraiser.id,
    ]);
    expect(rows.map((r: { h: string }) => r.h).join()).not.toContain(Buffer.from(secret).toString('hex'));
  });

  it('marks the cookie Secure when the request came over https (through a trusted proxy)', async () => {
    // Two Nest apps in one process would share passport's strategy registry; flip the setting on this one instead.
    t.app.set('trust proxy', 1);
    try {
      const r = await t.http
        .post(`${API}/auth/session`)
        .set('X-Forwarded-Proto', 'https')
        .send({ email: appraiser.email, password: STRONG_PASSWORD });
      expect(r.status).toBe(201);
      expect(([] as string[]).concat(r.headers['set-cookie']).join()).toMatch(/gis_session=[^;]+;.*Secure/i);
    } finally {
      t.app.set('trust proxy', false);
    }
  });

  it('authenticates safe requests by the cookie alone and returns the session with GET', async () => {
    const { cookie, csrf } = await signIn(appraiser);
    const me = await t.http.get(`${API}/auth/me`).set('Cookie', cookie);
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(appraiser.id);
    const s = await t.http.get(`${API}/auth/session`).set('Cookie', cookie);
    expect(s.status).toBe(200);
    expect(s.body).toMatchObject({ csrfToken: csrf, user: { id: appraiser.id } });
    expect(s.headers['cache-control']).toBe('no-store');
  });

  it('refuses an unsafe request by cookie without the CSRF token, or with a wrong one, with 403 and changes nothing', async () => {
    const { cookie, csrf } = await signIn(appraiser);
    for (const headers of [{}, { 'X-CSRF-Token': `${csrf.slice(0, -1)}x` }, { 'X-CSRF-Token': '' }]) {
      const r = await t.http.delete(`${API}/auth/session`).set('Cookie', cookie).set(headers);
      expectProblem(r, 403, 'CSRF_TOKEN_INVALID');
    }
    expect((await t.http.get(`${API}/auth/me`).set('Cookie', cookie)).status).toBe(200);
  });

  it('accepts an unsafe request by cookie with the CSRF token (sign-out), after which the cookie is refused', async () => {
    const { cookie, csrf } = await signIn(appraiser);
    const out = await t.http.delete(`${API}/auth/session`).set('Cookie', cookie).set('X-CSRF-Token', csrf);
    expect(out.status).toBe(204);
    expect(([] as string[]).concat(out.headers['set-cookie']).join()).toMatch(
      /gis_session=;.*Expires=Thu, 01 Jan 1970/,
    );
    expectProblem(await t.http.get(`${API}/auth/me`).set('Cookie', cookie), 401, 'UNAUTHENTICATED');
    expectProblem(
      await t.http.delete(`${API}/auth/session`).set('Cookie', cookie).set('X-CSRF-Token', csrf),
      401,
      'UNAUTHENTICATED',
    );
  });

  it('ends the session at its expiry (application clock)', async () => {
    const { cookie } = await signIn(appraiser);
    clock.advance(8 * 3600 * 1000 - 1000);
    expect((await t.http.get(`${API}/auth/me`).set('Cookie', cookie)).status).toBe(200);
    clock.advance(1000);
    expectProblem(await t.http.get(`${API}/auth/me`).set('Cookie', cookie), 401, 'UNAUTHENTICATED');
    clock.set(start);
  });

  it('refuses unknown, forged and oversized cookies with 401', async () => {
    for (const v of ['nope', 'A'.repeat(43), 'x'.repeat(500), '']) {
      expectProblem(await t.http.get(`${API}/auth/me`).set('Cookie', `gis_session=${v}`), 401, 'UNAUTHENTICATED');
    }
  });

  it('refuses a disabled account at once, with its session still open', async () => {
    const authority = await createAuthority(t);
    const user = await createStaff(t, 'approver', authority.id);
    const { cookie } = await signIn(user);
    const d = await t.http
      .post(`${API}/users/${user.id}/transitions`)
      .set(bearer(t.adminToken))
      .send({ event: 'DISABLE', reason: 'Nghỉ việc' });
    expect(d.status).toBe(200);
    expectProblem(await t.http.get(`${API}/auth/me`).set('Cookie', cookie), 401, 'ACCOUNT_DISABLED');
    expectProblem(
      await t.http.post(`${API}/auth/session`).send({ email: user.email, password: STRONG_PASSWORD }),
      401,
      'ACCOUNT_DISABLED',
    );
  });

  it('ends every session of an account when its password changes, or when it is disabled and enabled again', async () => {
    const authority = await createAuthority(t);
    const user = await createStaff(t, 'approver', authority.id);
    const first = await signIn(user);
    const changed = await t.http
      .post(`${API}/auth/password`)
      .set('Cookie', first.cookie)
      .set('X-CSRF-Token', first.csrf)
      .send({ currentPassword: STRONG_PASSWORD, newPassword: 'Sông Hồng chảy mãi 2027' });
    expect(changed.status).toBe(200);
    expectProblem(await t.http.get(`${API}/auth/me`).set('Cookie', first.cookie), 401);
    const second = await t.http
      .post(`${API}/auth/session`)
      .send({ email: user.email, password: 'Sông Hồng chảy mãi 2027' });
    expect(second.status).toBe(201);
    const cookie = sessionCookie(second);
    for (const event of ['DISABLE', 'ENABLE']) {
      const r = await t.http
        .post(`${API}/users/${user.id}/transitions`)
        .set(bearer(t.adminToken))
        .send({ event, reason: 'Kiểm tra' });
      expect(r.status).toBe(200);
    }
    expectProblem(await t.http.get(`${API}/auth/me`).set('Cookie', cookie), 401);
  });

  it('refuses wrong credentials with 401 and sets no cookie; malformed body 400', async () => {
    const r = await t.http.post(`${API}/auth/session`).send({ email: appraiser.email, password: 'wrong-password-1' });
    expectProblem(r, 401, 'INVALID_CREDENTIALS');
    expect(r.headers['set-cookie']).toBeUndefined();
    expectProblem(await t.http.post(`${API}/auth/session`).send({ email: 5 }), 400, 'VALIDATION_FAILED');
  });

  it('keeps bearer tokens working, which need no CSRF token, and win over a cookie', async () => {
    const r = await t.http.get(`${API}/auth/me`).set(bearer(appraiser.token)).set('Cookie', 'gis_session=nope');
    expect(r.status).toBe(200);
    // A bearer-authenticated caller has no cookie session to show or end.
    expectProblem(await t.http.get(`${API}/auth/session`).set(bearer(appraiser.token)), 404, 'NOT_FOUND');
    expectProblem(await t.http.delete(`${API}/auth/session`).set(bearer(appraiser.token)), 404, 'NOT_FOUND');
  });

  it('refuses GET and DELETE /auth/session without any credentials with 401', async () => {
    expectProblem(await t.http.get(`${API}/auth/session`), 401);
    expectProblem(await t.http.delete(`${API}/auth/session`), 401);
  });

  it('applies the role check to cookie sessions too (an appraiser may not list users)', async () => {
    const { cookie } = await signIn(appraiser);
    expectProblem(await t.http.get(`${API}/users`).set('Cookie', cookie), 403, 'FORBIDDEN');
  });
});
