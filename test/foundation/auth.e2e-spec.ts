import {
  bearer,
  createAuthority,
  createStaff,
  expectProblem,
  organizationInput,
  registerOwner,
  STRONG_PASSWORD,
  uniq,
} from '../support/factories';
import { Clock, SystemClock } from '../../src/common/clock';
import { ADMIN_EMAIL, API, startTestApp, TestApp } from '../support/test-app';

describe('auth, users and authorities', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  describe('POST /auth/register', () => {
    it('creates a site owner with their organization', async () => {
      const email = `${uniq('reg')}@example.vn`;
      const org = organizationInput();
      const r = await t.http
        .post(`${API}/auth/register`)
        .send({ email, password: STRONG_PASSWORD, fullName: 'Lê Văn Cường', organization: org });
      expect(r.status).toBe(201);
      expect(r.body.user).toMatchObject({
        email,
        role: 'site_owner',
        organizationId: r.body.organization.id,
        state: 'ACTIVE',
      });
      expect(r.body.user.passwordHash).toBeUndefined();
      expect(r.body.organization).toMatchObject({ name: org.name, registrationNumber: org.registrationNumber });
      const [row] = await t.ds.query(`SELECT password_hash FROM users WHERE id = $1`, [r.body.user.id]);
      expect(row.password_hash).toMatch(/^scrypt\$\d+\$8\$1\$/);
      expect(row.password_hash).not.toContain(STRONG_PASSWORD);
    });

    it.each([
      ['short', 'Abc-12345'],
      ['common', 'password123'],
      ['few distinct characters', 'aaaaabbbbbaaaa'],
      ['a run of characters', 'abcdefghijk'],
    ])('refuses a weak password (%s) with 400 and creates nothing', async (_, password) => {
      const before = await t.ds.query(`SELECT count(*)::int AS n FROM users`);
      const r = await t.http
        .post(`${API}/auth/register`)
        .send({ email: `${uniq('w')}@example.vn`, password, fullName: 'A B', organization: organizationInput() });
      expectProblem(r, 400, 'WEAK_PASSWORD');
      expect(r.body.errors[0].field).toBe('password');
      expect(await t.ds.query(`SELECT count(*)::int AS n FROM users`)).toEqual(before);
    });

    it('refuses a password containing the e-mail name', async () => {
      const r = await t.http.post(`${API}/auth/register`).send({
        email: 'nguyenvanan@example.vn',
        password: 'nguyenvanan-2026',
        fullName: 'A B',
        organization: organizationInput(),
      });
      expectProblem(r, 400, 'WEAK_PASSWORD');
    });

    it('refuses a taken e-mail (any case) with 409; a registration number typed before is no claim', async () => {
      const owner = await registerOwner(t);
      const r1 = await t.http.post(`${API}/auth/register`).send({
        email: owner.email.toUpperCase(),
        password: STRONG_PASSWORD,
        fullName: 'X Y',
        organization: organizationInput(),
      });
      expectProblem(r1, 409, 'ALREADY_EXISTS');
      const [org] = await t.ds.query(`SELECT registration_number FROM organizations WHERE id = $1`, [
        owner.organizationId,
      ]);
      // Unconfirmed duplicates are allowed (issue 12): the number is confirmed at appraisal or by an admin.
      const r2 = await t.http.post(`${API}/auth/register`).send({
        email: `${uniq('o')}@example.vn`,
        password: STRONG_PASSWORD,
        fullName: 'X Y',
        organization: organizationInput({ registrationNumber: org.registration_number }),
      });
      expect(r2.status).toBe(201);
      expect(r2.body.organization).toMatchObject({
        registrationNumber: org.registration_number,
        registrationConfirmed: false,
      });
    });

    it('refuses a missing organization with 400', async () => {
      const r = await t.http
        .post(`${API}/auth/register`)
        .send({ email: 'a@b.vn', password: STRONG_PASSWORD, fullName: 'X' });
      expectProblem(r, 400, 'VALIDATION_FAILED');
      expect(r.body.errors.map((e: { field: string }) => e.field)).toContain('organization');
    });
  });

  describe('POST /auth/login and GET /auth/me', () => {
    it('logs in (e-mail case-insensitive) and returns the contract shape', async () => {
      const owner = await registerOwner(t);
      const r = await t.http
        .post(`${API}/auth/login`)
        .send({ email: owner.email.toUpperCase(), password: STRONG_PASSWORD });
      expect(r.status).toBe(200);
      expect(r.body).toEqual({
        accessToken: expect.any(String),
        expiresIn: 3600,
        user: { id: owner.id, email: owner.email, role: 'site_owner', organizationId: owner.organizationId },
      });
      const me = await t.http.get(`${API}/auth/me`).set(bearer(r.body.accessToken));
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({ id: owner.id, role: 'site_owner' });
    });

    it('a wrong password or unknown e-mail is 401 INVALID_CREDENTIALS', async () => {
      expectProblem(
        await t.http.post(`${API}/auth/login`).send({ email: ADMIN_EMAIL, password: 'wrong-password-1' }),
        401,
        'INVALID_CREDENTIALS',
      );
      expectProblem(
        await t.http.post(`${API}/auth/login`).send({ email: 'nobody@x.vn', password: 'wrong-password-1' }),
        401,
        'INVALID_CREDENTIALS',
      );
    });

    it('throttles: 429 after 10 failures in a minute for one e-mail, even with the right password', async () => {
      const owner = await registerOwner(t);
      await t.ds.query(`DELETE FROM rate_limits`);
      // Windows come from the application clock: freeze it at the start of a minute.
      const clock = t.app.get(Clock) as SystemClock;
      clock.set(new Date(Math.floor(Date.now() / 60_000) * 60_000));
      for (let i = 0; i < 10; i++) {
        const r = await t.http.post(`${API}/auth/login`).send({ email: owner.email, password: `wrong-password-${i}` });
        expect(r.status).toBe(401);
      }
      const blocked = await t.http.post(`${API}/auth/login`).send({ email: owner.email, password: STRONG_PASSWORD });
      expectProblem(blocked, 429, 'RATE_LIMITED');
      expect(blocked.headers['retry-after']).toBe('60');
      expect(blocked.headers['ratelimit-policy']).toBe('"login";q=10;w=60');
      expect(blocked.headers['ratelimit']).toBe('"login";r=0;t=60');
      // The window moves on: failures of an earlier minute no longer count.
      clock.advance(60_000);
      const ok = await t.http.post(`${API}/auth/login`).send({ email: owner.email, password: STRONG_PASSWORD });
      expect(ok.status).toBe(200);
      clock.reset();
    });

    it('throttles per IP across e-mails', async () => {
      await t.ds.query(`DELETE FROM rate_limits`);
      for (let i = 0; i < 10; i++) {
        const r = await t.http
          .post(`${API}/auth/login`)
          .send({ email: `${uniq('z')}@x.vn`, password: 'whatever-12345' });
        expect(r.status).toBe(401);
      }
      const owner = await registerOwner(t).catch(() => null);
      const r = await t.http.post(`${API}/auth/login`).send({ email: `${uniq('z')}@x.vn`, password: 'whatever-12345' });
      expectProblem(r, 429, 'RATE_LIMITED');
      expect(owner).toBeNull(); // registerOwner logs in from the same IP: refused too
      await t.ds.query(`DELETE FROM rate_limits`);
    });

    it('a disabled account cannot log in and its token stops working at once', async () => {
      const owner = await registerOwner(t);
      const d = await t.http
        .post(`${API}/users/${owner.id}/transitions`)
        .set(bearer(t.adminToken))
        .send({ event: 'DISABLE', reason: 'Yêu cầu của tổ chức' });
      expect(d.status).toBe(200);
      expectProblem(await t.http.get(`${API}/auth/me`).set(bearer(owner.token)), 401, 'ACCOUNT_DISABLED');
      expectProblem(
        await t.http.post(`${API}/auth/login`).send({ email: owner.email, password: STRONG_PASSWORD }),
        401,
        'ACCOUNT_DISABLED',
      );
    });

    it('a token signed with another secret is 401', async () => {
      const forged =
        Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url') +
        '.' +
        Buffer.from(JSON.stringify({ sub: 'x', role: 'admin' })).toString('base64url') +
        '.c2lnbmF0dXJl';
      expectProblem(await t.http.get(`${API}/auth/me`).set(bearer(forged)), 401, 'UNAUTHENTICATED');
    });
  });

  describe('POST /users (admin)', () => {
    it('creates staff of an authority; they can log in and see their authority', async () => {
      const authority = await createAuthority(t);
      const staff = await createStaff(t, 'appraiser', authority.id);
      const me = await t.http.get(`${API}/auth/me`).set(bearer(staff.token));
      expect(me.body).toMatchObject({ role: 'appraiser', authorityId: authority.id });
    });

    it('requires an authority for staff and refuses one for others (400)', async () => {
      const authority = await createAuthority(t);
      const base = { password: STRONG_PASSWORD, fullName: 'Cán bộ' };
      const invalid = [
        { role: 'approver' },
        { role: 'admin', authorityId: authority.id },
        { role: 'site_owner' },
        { role: 'root' },
      ];
      for (const body of invalid) {
        expectProblem(
          await t.http
            .post(`${API}/users`)
            .set(bearer(t.adminToken))
            .send({ ...base, email: `${uniq()}@d.vn`, ...body }),
          400,
          'VALIDATION_FAILED',
        );
      }
    });

    it('refuses an unknown authority with 422', async () => {
      const r = await t.http
        .post(`${API}/users`)
        .set(bearer(t.adminToken))
        .send({
          email: `${uniq()}@d.vn`,
          password: STRONG_PASSWORD,
          fullName: 'X',
          role: 'inspector',
          authorityId: '00000000-0000-4000-8000-000000000000',
        });
      expectProblem(r, 422);
    });

    it.each(['site_owner', 'appraiser', 'approver', 'inspector'] as const)(
      'refuses the role %s with 403',
      async (role) => {
        const authority = await createAuthority(t);
        const caller = role === 'site_owner' ? await registerOwner(t) : await createStaff(t, role, authority.id);
        const r = await t.http
          .post(`${API}/users`)
          .set(bearer(caller.token))
          .send({ email: `${uniq()}@d.vn`, password: STRONG_PASSWORD, fullName: 'X', role: 'admin' });
        expectProblem(r, 403, 'FORBIDDEN');
      },
    );

    it('refuses anonymous callers with 401', async () => {
      expectProblem(await t.http.post(`${API}/users`).send({}), 401, 'UNAUTHENTICATED');
    });
  });

  describe('authorities', () => {
    it('admin creates; any signed-in user lists; anonymous is 401', async () => {
      const a = await createAuthority(t, { province: 'Đà Nẵng' });
      const owner = await registerOwner(t);
      const list = await t.http.get(`${API}/authorities`).set(bearer(owner.token));
      expect(list.status).toBe(200);
      expect(list.body).toContainEqual(
        expect.objectContaining({ id: a.id, province: 'Đà Nẵng', timeZone: 'Asia/Ho_Chi_Minh' }),
      );
      const one = await t.http.get(`${API}/authorities/${a.id}`).set(bearer(owner.token));
      expect(one.body.code).toBe(a.code);
      expectProblem(await t.http.get(`${API}/authorities`), 401);
    });

    it('refuses a duplicate code (409), a bad time zone (400), and non-admins (403)', async () => {
      const a = await createAuthority(t);
      const body = { code: a.code, name: 'X', province: 'Y', licenseNumberSuffix: 'GP-X' };
      expectProblem(
        await t.http.post(`${API}/authorities`).set(bearer(t.adminToken)).send(body),
        409,
        'ALREADY_EXISTS',
      );
      expectProblem(
        await t.http
          .post(`${API}/authorities`)
          .set(bearer(t.adminToken))
          .send({ ...body, code: 'NEW-TZ', timeZone: 'Mars/Olympus' }),
        400,
        'VALIDATION_FAILED',
      );
      const staff = await createStaff(t, 'approver', a.id);
      expectProblem(
        await t.http
          .post(`${API}/authorities`)
          .set(bearer(staff.token))
          .send({ ...body, code: 'OTHER' }),
        403,
      );
    });
  });
});
