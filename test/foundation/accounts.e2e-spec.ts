import { Clock, SystemClock } from '../../src/common/clock';
import {
  bearer,
  createAuthority,
  createCast,
  createApplication,
  expectProblem,
  fileApplicationTo,
  login,
  organizationInput,
  registerOwner,
  STRONG_PASSWORD,
  uniq,
  validSite,
} from '../support/factories';
import { API, startTestApp, TestApp } from '../support/test-app';

const NEW_PASSWORD = 'Sông Hồng chảy mãi 2027';

/** The token of the latest account e-mail of a kind to a user, read from the outbox as the mail server would. */
async function emailedToken(t: TestApp, userId: string, kind: string): Promise<string> {
  const [row] = await t.ds.query(
    `SELECT n.body FROM notifications n JOIN email_outbox o ON o.notification_id = n.id
      WHERE n.user_id = $1 AND n.kind = $2 ORDER BY n.created_at DESC, n.id DESC LIMIT 1`,
    [userId, kind],
  );
  const m = /Mã xác nhận: ([A-Za-z0-9_-]{43})/.exec(String(row?.body));
  if (!m) throw new Error(`no ${kind} e-mail for ${userId}`);
  return m[1];
}

describe('accounts without e-mail delivery: passwords, resets, token revocation, registration numbers', () => {
  let t: TestApp;
  let clock: SystemClock;
  beforeAll(async () => {
    t = await startTestApp();
    clock = t.app.get(Clock) as SystemClock;
    clock.set(new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000));
  });
  afterAll(() => t.close());

  describe('POST /auth/password (change my own)', () => {
    it('checks the current password, then ends every earlier token and returns a new one', async () => {
      const owner = await registerOwner(t);
      const other = await login(t, owner.email);
      const wrong = await t.http
        .post(`${API}/auth/password`)
        .set(bearer(owner.token))
        .send({ currentPassword: 'not-the-password-1', newPassword: NEW_PASSWORD });
      expectProblem(wrong, 422, 'WRONG_PASSWORD');
      const weak = await t.http
        .post(`${API}/auth/password`)
        .set(bearer(owner.token))
        .send({ currentPassword: STRONG_PASSWORD, newPassword: 'password123' });
      expectProblem(weak, 400, 'WEAK_PASSWORD');
      expect((await t.http.get(`${API}/auth/me`).set(bearer(owner.token))).status).toBe(200);

      const r = await t.http
        .post(`${API}/auth/password`)
        .set(bearer(owner.token))
        .set('Idempotency-Key', uniq('k'))
        .send({ currentPassword: STRONG_PASSWORD, newPassword: NEW_PASSWORD });
      expect(r.status).toBe(200);
      expect(r.headers['cache-control']).toBe('no-store');
      expect(r.body.accessToken).toEqual(expect.any(String));
      for (const old of [owner.token, other]) {
        expectProblem(await t.http.get(`${API}/auth/me`).set(bearer(old)), 401, 'UNAUTHENTICATED');
      }
      expect((await t.http.get(`${API}/auth/me`).set(bearer(r.body.accessToken))).status).toBe(200);
      expectProblem(
        await t.http.post(`${API}/auth/login`).send({ email: owner.email, password: STRONG_PASSWORD }),
        401,
        'INVALID_CREDENTIALS',
      );
      expect(await login(t, owner.email, NEW_PASSWORD)).toEqual(expect.any(String));
      const audit = await t.ds.query(`SELECT action FROM audit_events WHERE entity_id = $1 ORDER BY id`, [owner.id]);
      expect(audit.map((a: { action: string }) => a.action)).toContain('user.password_changed');
    });

    it('needs a token', async () => {
      const r = await t.http
        .post(`${API}/auth/password`)
        .send({ currentPassword: STRONG_PASSWORD, newPassword: NEW_PASSWORD });
      expectProblem(r, 401, 'UNAUTHENTICATED');
    });
  });

  describe('forgot and reset', () => {
    it('answers the same for an unknown and a known address; the token is stored only as a hash', async () => {
      const owner = await registerOwner(t);
      const unknown = await t.http.post(`${API}/auth/password/forgot`).send({ email: `${uniq('nobody')}@x.vn` });
      const known = await t.http.post(`${API}/auth/password/forgot`).send({ email: owner.email.toUpperCase() });
      expect([unknown.status, known.status]).toEqual([202, 202]);
      expect(known.body).toEqual(unknown.body);
      const token = await emailedToken(t, owner.id, 'PASSWORD_RESET');
      const rows = await t.ds.query(`SELECT token_hash FROM account_tokens WHERE user_id = $1`, [owner.id]);
      expect(rows).toHaveLength(1);
      expect(rows[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(rows)).not.toContain(token);
      // The link travels by e-mail only: the owner's session does not list it.
      const listed = await t.http.get(`${API}/notifications`).set(bearer(owner.token));
      expect(JSON.stringify(listed.body)).not.toContain(token);
      // No anonymous audit event.
      const events = await t.ds.query(`SELECT action FROM audit_events WHERE entity_id = $1`, [owner.id]);
      expect(events.map((e: { action: string }) => e.action)).not.toContain('user.password_reset');
    });

    it('a reset token works once, ends every earlier token, and a second use is refused', async () => {
      const owner = await registerOwner(t);
      await t.http.post(`${API}/auth/password/forgot`).send({ email: owner.email });
      const token = await emailedToken(t, owner.id, 'PASSWORD_RESET');
      const weak = await t.http.post(`${API}/auth/password/reset`).send({ token, newPassword: 'aaaaaaaaaaaa' });
      expectProblem(weak, 400, 'WEAK_PASSWORD');
      const [first, second] = await Promise.all([
        t.http.post(`${API}/auth/password/reset`).send({ token, newPassword: NEW_PASSWORD }),
        t.http.post(`${API}/auth/password/reset`).send({ token, newPassword: `${NEW_PASSWORD}!` }),
      ]);
      expect([first.status, second.status].sort()).toEqual([204, 422]);
      expectProblem(
        [first, second].find((r) => r.status === 422)!,
        422,
        'INVALID_TOKEN',
      );
      expectProblem(await t.http.get(`${API}/auth/me`).set(bearer(owner.token)), 401, 'UNAUTHENTICATED');
      const winner = first.status === 204 ? NEW_PASSWORD : `${NEW_PASSWORD}!`;
      expect(await login(t, owner.email, winner)).toEqual(expect.any(String));
      const again = await t.http
        .post(`${API}/auth/password/reset`)
        .send({ token, newPassword: 'Một mật khẩu khác 2028' });
      expectProblem(again, 422, 'INVALID_TOKEN');
    });

    it('a reset token is short-lived (ACCOUNT_TOKEN_TTL_MINUTES, 30 by default)', async () => {
      const owner = await registerOwner(t);
      await t.http.post(`${API}/auth/password/forgot`).send({ email: owner.email });
      const token = await emailedToken(t, owner.id, 'PASSWORD_RESET');
      clock.advance(31 * 60_000);
      const r = await t.http.post(`${API}/auth/password/reset`).send({ token, newPassword: NEW_PASSWORD });
      expectProblem(r, 422, 'INVALID_TOKEN');
      expectProblem(
        await t.http.post(`${API}/auth/password/reset`).send({ token: 'x'.repeat(43), newPassword: NEW_PASSWORD }),
        422,
        'INVALID_TOKEN',
      );
      expectProblem(
        await t.http.post(`${API}/auth/password/reset`).send({ token: 'short', newPassword: NEW_PASSWORD }),
        400,
        'VALIDATION_FAILED',
      );
    });
  });

  describe('POST /users/{id}/password-reset (admin)', () => {
    it('ends the account’s tokens and password at once and queues a reset link', async () => {
      const owner = await registerOwner(t);
      const r = await t.http.post(`${API}/users/${owner.id}/password-reset`).set(bearer(t.adminToken)).send({});
      expect(r.status).toBe(200);
      expect(r.body).toEqual({ tokensRevoked: true, resetLinkQueued: true });
      expectProblem(await t.http.get(`${API}/auth/me`).set(bearer(owner.token)), 401, 'UNAUTHENTICATED');
      expectProblem(
        await t.http.post(`${API}/auth/login`).send({ email: owner.email, password: STRONG_PASSWORD }),
        401,
        'INVALID_CREDENTIALS',
      );
      const token = await emailedToken(t, owner.id, 'PASSWORD_RESET');
      expect((await t.http.post(`${API}/auth/password/reset`).send({ token, newPassword: NEW_PASSWORD })).status).toBe(
        204,
      );
      expect(await login(t, owner.email, NEW_PASSWORD)).toEqual(expect.any(String));
    });

    it('or sets a temporary password; refuses other roles and unknown accounts', async () => {
      const owner = await registerOwner(t);
      const other = await registerOwner(t);
      expectProblem(
        await t.http.post(`${API}/users/${owner.id}/password-reset`).set(bearer(other.token)).send({}),
        403,
        'FORBIDDEN',
      );
      expectProblem(
        await t.http
          .post(`${API}/users/00000000-0000-4000-8000-000000000000/password-reset`)
          .set(bearer(t.adminToken))
          .send({}),
        404,
        'NOT_FOUND',
      );
      expectProblem(
        await t.http
          .post(`${API}/users/${owner.id}/password-reset`)
          .set(bearer(t.adminToken))
          .send({ temporaryPassword: 'short' }),
        400,
        'WEAK_PASSWORD',
      );
      const r = await t.http
        .post(`${API}/users/${owner.id}/password-reset`)
        .set(bearer(t.adminToken))
        .send({ temporaryPassword: NEW_PASSWORD });
      expect(r.body).toEqual({ tokensRevoked: true, resetLinkQueued: false });
      expectProblem(await t.http.get(`${API}/auth/me`).set(bearer(owner.token)), 401, 'UNAUTHENTICATED');
      expect(await login(t, owner.email, NEW_PASSWORD)).toEqual(expect.any(String));
    });
  });

  it('a token of a disabled account stays dead after it is enabled again', async () => {
    const owner = await registerOwner(t);
    const fire = (event: string) =>
      t.http.post(`${API}/users/${owner.id}/transitions`).set(bearer(t.adminToken)).send({ event });
    expect((await fire('DISABLE')).status).toBe(200);
    expect((await fire('ENABLE')).status).toBe(200);
    expectProblem(await t.http.get(`${API}/auth/me`).set(bearer(owner.token)), 401, 'UNAUTHENTICATED');
    expect(await login(t, owner.email)).toEqual(expect.any(String));
  });

  it('without e-mail delivery, POST /auth/register keeps its contract: 409 for an existing address', async () => {
    const owner = await registerOwner(t);
    const r = await t.http.post(`${API}/auth/register`).send({
      email: owner.email,
      password: STRONG_PASSWORD,
      fullName: 'Lê Văn Cường',
      organization: organizationInput(),
    });
    expectProblem(r, 409, 'ALREADY_EXISTS');
  });

  describe('registration numbers belong to whoever proves them', () => {
    it('the first to type a number does not own it; an admin confirms one, and a confirmed one wins', async () => {
      const number = uniq('29');
      const a = await registerOwner(t, { registrationNumber: number });
      const b = await registerOwner(t, { registrationNumber: number });
      const confirm = (orgId: string, token = t.adminToken) =>
        t.http.post(`${API}/organizations/${orgId}/registration-confirmation`).set(bearer(token)).send();
      expectProblem(await confirm(b.organizationId!, b.token), 403, 'FORBIDDEN');
      const ok = await confirm(b.organizationId!);
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ id: b.organizationId, registrationNumber: number, registrationConfirmed: true });
      expect((await confirm(b.organizationId!)).status).toBe(200);
      expectProblem(await confirm(a.organizationId!), 409, 'REGISTRATION_NUMBER_CONFIRMED_ELSEWHERE');
      expectProblem(await confirm('00000000-0000-4000-8000-000000000000'), 404, 'NOT_FOUND');
    });

    it('the appraiser’s completeness check of a first NEW dossier confirms it', async () => {
      const cast = await createCast(t);
      const [before] = await t.ds.query(`SELECT registration_confirmed_at FROM organizations WHERE id = $1`, [
        cast.owner.organizationId,
      ]);
      expect(before.registration_confirmed_at).toBeNull();
      await fileApplicationTo(t, cast, 'IN_APPRAISAL');
      const [after] = await t.ds.query(
        `SELECT registration_confirmed_at, registration_confirmed_by FROM organizations WHERE id = $1`,
        [cast.owner.organizationId],
      );
      expect(after.registration_confirmed_at).not.toBeNull();
      expect(after.registration_confirmed_by).toBe(cast.appraiser.id);
    });
  });
});

describe('accounts with e-mail delivery: verification before filing, registration that tells nothing', () => {
  let t: TestApp;
  beforeAll(async () => {
    // An SMTP server that is never contacted: the scheduler (and so the outbox poller) is off in tests.
    t = await startTestApp({ env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: '2' } });
  });
  afterAll(() => t.close());

  const registration = (email: string) => ({
    email,
    password: STRONG_PASSWORD,
    fullName: 'Trần Thị Bình',
    organization: organizationInput(),
  });

  it('answers the same 202 for a new and an existing address, and creates nothing for the existing one', async () => {
    const email = `${uniq('owner')}@songlam.vn`;
    const first = await t.http.post(`${API}/auth/register`).send(registration(email));
    const second = await t.http.post(`${API}/auth/register`).send(registration(email.toUpperCase()));
    expect([first.status, second.status]).toEqual([202, 202]);
    expect(second.body).toEqual(first.body);
    const users = await t.ds.query(`SELECT id FROM users WHERE lower(email) = lower($1)`, [email]);
    expect(users).toHaveLength(1);
    const kinds = await t.ds.query(`SELECT kind FROM notifications WHERE user_id = $1 ORDER BY created_at, kind`, [
      users[0].id,
    ]);
    expect(kinds.map((k: { kind: string }) => k.kind).sort()).toEqual(['EMAIL_VERIFICATION', 'REGISTRATION_ATTEMPT']);
    // A staff address gets the same answer too.
    const staff = await t.http.post(`${API}/auth/register`).send(registration('admin@test.gov.vn'));
    expect(staff.status).toBe(202);
    expect(staff.body).toEqual(first.body);
  });

  it('an organization files only once its account has proved the address', async () => {
    const email = `${uniq('owner')}@songlam.vn`;
    expect((await t.http.post(`${API}/auth/register`).send(registration(email))).status).toBe(202);
    const token = await login(t, email);
    const [{ id, organization_id: organizationId }] = await t.ds.query(
      `SELECT id, organization_id FROM users WHERE email = $1`,
      [email],
    );
    const authority = await createAuthority(t);
    const refused = await t.http
      .post(`${API}/applications`)
      .set(bearer(token))
      .send({ type: 'NEW', authorityId: authority.id, site: validSite() });
    expectProblem(refused, 403, 'EMAIL_NOT_VERIFIED');

    const emailed = await emailedToken(t, id, 'EMAIL_VERIFICATION');
    expect((await t.http.post(`${API}/auth/email/verify`).send({ token: emailed })).status).toBe(204);
    expectProblem(await t.http.post(`${API}/auth/email/verify`).send({ token: emailed }), 422, 'INVALID_TOKEN');
    const owner = { id, email, role: 'site_owner' as const, token, organizationId };
    const app = await createApplication(t, owner, authority.id);
    expect(app.state).toBe('DRAFT');
  });
});
