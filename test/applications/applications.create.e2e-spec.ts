import {
  bearer,
  Cast,
  createApplication,
  createAuthority,
  createCast,
  createStaff,
  expectProblem,
  fileApplicationTo,
  fireApplicationOk,
  registerOwner,
  validSite,
} from '../support/factories';
import { API, startTestApp, TestApp } from '../support/test-app';

describe('applications: requirements catalogue, filing, editing, reading and listing', () => {
  let t: TestApp;
  let cast: Cast;
  beforeAll(async () => {
    t = await startTestApp();
    cast = await createCast(t);
  });
  afterAll(() => t.close());

  const post = (token: string, body: Record<string, unknown>) =>
    t.http.post(`${API}/applications`).set(bearer(token)).send(body);
  const fields = (r: { body: { errors?: { field: string }[] } }) => (r.body.errors ?? []).map((e) => e.field);

  describe('GET /requirements', () => {
    it('is public and lists the NEW dossier with Vietnamese titles, optional documents and legal bases', async () => {
      const r = await t.http.get(`${API}/requirements?applicationType=NEW`);
      expect(r.status).toBe(200);
      expect(r.body.map((x: { kind: string }) => x.kind)).toEqual([
        'APPLICATION_FORM',
        'ENTERPRISE_REGISTRATION',
        'ASSOCIATION_CHARTER',
        'OPERATION_PLAN',
        'SOURCE_CONSENTS',
      ]);
      expect(r.body[0]).toEqual({
        kind: 'APPLICATION_FORM',
        title: expect.stringContaining('Mẫu số 23'),
        titleEn: expect.stringContaining('Form 23'),
        required: true,
        // Decree 147/2024 replaced Decree 72/2013; the article is not confirmed yet.
        legalBasis: expect.stringContaining('Nghị định 147/2024/NĐ-CP'),
        legalBasisVerified: false,
      });
      expect(JSON.stringify(r.body)).not.toMatch(/72\/2013|27\/2018/);
      expect(r.body.find((x: { kind: string }) => x.kind === 'ASSOCIATION_CHARTER').required).toBe(false);
    });

    it.each([
      ['AMENDMENT', ['AMENDMENT_REQUEST', 'CHANGE_PROOF', 'NAME_CHANGE_PROOF']],
      ['EXTENSION', ['EXTENSION_REQUEST']],
      ['REISSUE', ['REISSUE_REQUEST', 'DAMAGED_ORIGINAL']],
      ['CHANGE_NOTICE', ['CHANGE_NOTICE_LETTER', 'CHANGE_PROOF']],
    ])('lists the %s dossier', async (type, kinds) => {
      const r = await t.http.get(`${API}/requirements?applicationType=${type}`);
      expect(r.status).toBe(200);
      expect(r.body.map((x: { kind: string }) => x.kind)).toEqual(kinds);
    });

    it('a missing or unknown type is 400', async () => {
      expectProblem(await t.http.get(`${API}/requirements`), 400, 'VALIDATION_FAILED');
      const r = await t.http.get(`${API}/requirements?applicationType=RENEWAL`);
      expectProblem(r, 400, 'VALIDATION_FAILED');
      expect(fields(r)).toEqual(['applicationType']);
    });
  });

  describe('PUT /requirements/{type}/{kind}/legal-basis', () => {
    it('the legal staff correct a reference and mark it verified; a repealed decree is refused', async () => {
      const path = `${API}/requirements/REISSUE/REISSUE_REQUEST/legal-basis`;
      const body = { legalBasis: 'Nghị định 147/2024/NĐ-CP, Điều 30 khoản 2', verified: true };
      expectProblem(await t.http.put(path).send(body), 401, 'UNAUTHENTICATED');
      expectProblem(await t.http.put(path).set(bearer(cast.appraiser.token)).send(body), 403, 'FORBIDDEN');
      expectProblem(
        await t.http
          .put(path)
          .set(bearer(t.adminToken))
          .send({ ...body, legalBasis: 'Nghị định 72/2013/NĐ-CP' }),
        422,
        'LEGAL_BASIS_INVALID',
      );
      expectProblem(
        await t.http.put(path).set(bearer(t.adminToken)).send({ legalBasis: 'x' }),
        400,
        'VALIDATION_FAILED',
      );
      expectProblem(
        await t.http.put(`${API}/requirements/REISSUE/NO_SUCH_KIND/legal-basis`).set(bearer(t.adminToken)).send(body),
        404,
        'NOT_FOUND',
      );
      expectProblem(
        await t.http.put(`${API}/requirements/RENEWAL/X/legal-basis`).set(bearer(t.adminToken)).send(body),
        400,
        'VALIDATION_FAILED',
      );
      const r = await t.http.put(path).set(bearer(t.adminToken)).send(body);
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({
        kind: 'REISSUE_REQUEST',
        ...{ legalBasis: body.legalBasis },
        legalBasisVerified: true,
      });
      const listed = await t.http.get(`${API}/requirements?applicationType=REISSUE`);
      expect(listed.body[0]).toMatchObject({ legalBasis: body.legalBasis, legalBasisVerified: true });
    });
  });

  describe('POST /applications', () => {
    it('files a NEW dossier in DRAFT, storing domains lower-cased and recording its creation', async () => {
      const site = validSite({ domains: ['TinTức-SôngLam.VN', 'SongLam.com'] });
      const r = await post(cast.owner.token, { type: 'NEW', authorityId: cast.authority.id, site });
      expect(r.status).toBe(201);
      expect(r.body).toMatchObject({
        type: 'NEW',
        state: 'DRAFT',
        version: 1,
        authorityId: cast.authority.id,
        organizationId: cast.owner.organizationId,
        licenseId: null,
        documents: [],
        deadline: null,
        assigneeId: null,
        submittedAt: null,
      });
      expect(r.body.site.domains).toEqual(['tintức-sônglam.vn', 'songlam.com']);
      const history = await t.http.get(`${API}/applications/${r.body.id}/history`).set(bearer(cast.owner.token));
      expect(history.body).toEqual([
        expect.objectContaining({
          event: 'CREATE',
          from: null,
          to: 'DRAFT',
          actorId: cast.owner.id,
          actorRole: 'site_owner',
        }),
      ]);
    });

    it('validates the site particulars field by field (400)', async () => {
      const noVn = await post(cast.owner.token, {
        type: 'NEW',
        authorityId: cast.authority.id,
        site: validSite({ domains: ['songlam.com'] }),
      });
      expectProblem(noVn, 400, 'VALIDATION_FAILED');
      expect(noVn.body.errors).toEqual([
        { field: 'site.domains', message: 'at least one domain must be a .vn domain' },
      ]);

      const bad = await post(cast.owner.token, {
        type: 'NEW',
        authorityId: cast.authority.id,
        site: validSite({
          domains: ['songlam.vn', 'http://x.vn/a'],
          informationSources: [],
          contentManager: { fullName: 'A' },
        }),
      });
      expectProblem(bad, 400, 'VALIDATION_FAILED');
      expect(fields(bad)).toEqual(
        expect.arrayContaining([
          'site.domains[1]',
          'site.informationSources',
          'site.contentManager.position',
          'site.contentManager.phone',
          'site.contentManager.email',
        ]),
      );

      const missing = await post(cast.owner.token, { type: 'NEW', authorityId: cast.authority.id });
      expectProblem(missing, 400, 'VALIDATION_FAILED');
      expect(fields(missing)).toEqual(['site']);

      const typed = await post(cast.owner.token, {
        type: 'NEW',
        authorityId: cast.authority.id,
        site: validSite({ domains: 'songlam.vn', contentManager: { email: 'not-an-email' } }),
      });
      expectProblem(typed, 400, 'VALIDATION_FAILED');
      expect(fields(typed)).toEqual(expect.arrayContaining(['site.domains', 'site.contentManager.email']));
    });

    it('refuses unknown fields, unknown types and malformed ids (400)', async () => {
      const r = await post(cast.owner.token, {
        type: 'NEW',
        authorityId: cast.authority.id,
        site: validSite(),
        fee: 0,
      });
      expectProblem(r, 400, 'VALIDATION_FAILED');
      expect(r.body.errors).toContainEqual({ field: 'fee', message: 'unknown field "fee"' });
      expect(fields(await post(cast.owner.token, { type: 'RENEWAL', authorityId: cast.authority.id }))).toContain(
        'type',
      );
      expect(fields(await post(cast.owner.token, { type: 'NEW', authorityId: 'x', site: validSite() }))).toContain(
        'authorityId',
      );
      const date = await post(cast.owner.token, {
        type: 'NEW',
        authorityId: cast.authority.id,
        site: validSite(),
        requestedExpiresOn: '2030-02-30',
      });
      expect(fields(date)).toEqual(['requestedExpiresOn']);
    });

    it('a NEW term is at most 10 years and in the future (422)', async () => {
      const base = { type: 'NEW', authorityId: cast.authority.id, site: validSite() };
      expectProblem(
        await post(cast.owner.token, { ...base, requestedExpiresOn: '2099-01-01' }),
        422,
        'REQUESTED_TERM_TOO_LONG',
      );
      expectProblem(
        await post(cast.owner.token, { ...base, requestedExpiresOn: '2020-01-01' }),
        422,
        'REQUESTED_EXPIRY_NOT_IN_FUTURE',
      );
      const today = new Date();
      const inFiveYears = `${today.getUTCFullYear() + 5}-06-30`;
      const ok = await post(cast.owner.token, { ...base, requestedExpiresOn: inFiveYears });
      expect(ok.status).toBe(201);
      expect(ok.body.requestedExpiresOn).toBe(inFiveYears);
    });

    it('licenseId: refused for NEW (400), required for the other types (400), of the same organization (422)', async () => {
      expect(
        fields(
          await post(cast.owner.token, {
            type: 'NEW',
            authorityId: cast.authority.id,
            site: validSite(),
            licenseId: '00000000-0000-4000-8000-000000000000',
          }),
        ),
      ).toEqual(['licenseId']);
      for (const type of ['AMENDMENT', 'EXTENSION', 'REISSUE', 'CHANGE_NOTICE']) {
        const site = type === 'AMENDMENT' ? { serverLocation: 'FPT' } : undefined;
        const notice =
          type === 'CHANGE_NOTICE' ? { changeNotice: { changedOn: '2026-01-05', newOwner: 'Công ty mẹ' } } : {};
        const r = await post(cast.owner.token, {
          type,
          authorityId: cast.authority.id,
          ...(site ? { site } : {}),
          ...notice,
        });
        expectProblem(r, 400, 'VALIDATION_FAILED');
        expect(fields(r)).toEqual(['licenseId']);
        const unknown = await post(cast.owner.token, {
          type,
          authorityId: cast.authority.id,
          licenseId: '00000000-0000-4000-8000-000000000000',
          ...(site ? { site } : {}),
          ...notice,
        });
        expectProblem(unknown, 422, 'LICENSE_NOT_FOUND_FOR_ORGANIZATION');
      }
    });

    it('an unknown authority is 422; staff, admins and inspectors may not file (403)', async () => {
      expectProblem(
        await post(cast.owner.token, {
          type: 'NEW',
          authorityId: '00000000-0000-4000-8000-000000000000',
          site: validSite(),
        }),
        422,
        'AUTHORITY_NOT_FOUND',
      );
      for (const token of [cast.appraiser.token, cast.approver.token, cast.inspector.token, t.adminToken]) {
        expectProblem(
          await post(token, { type: 'NEW', authorityId: cast.authority.id, site: validSite() }),
          403,
          'FORBIDDEN',
        );
      }
      expectProblem(await t.http.post(`${API}/applications`).send({}), 401, 'UNAUTHENTICATED');
    });
  });

  describe('PATCH /applications/{id}', () => {
    it('edits a draft, bumping the version, and refuses a stale version (409)', async () => {
      const app = await createApplication(t, cast.owner, cast.authority.id);
      const r = await t.http
        .patch(`${API}/applications/${app.id}`)
        .set(bearer(cast.owner.token))
        .send({ version: 1, site: validSite({ name: 'Tin Sông Lam mới' }), reason: 'Đổi tên' });
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({
        version: 2,
        reason: 'Đổi tên',
        site: expect.objectContaining({ name: 'Tin Sông Lam mới' }),
      });
      const stale = await t.http
        .patch(`${API}/applications/${app.id}`)
        .set(bearer(cast.owner.token))
        .send({ version: 1, reason: 'x' });
      expectProblem(stale, 409, 'VERSION_CONFLICT');
      const bad = await t.http
        .patch(`${API}/applications/${app.id}`)
        .set(bearer(cast.owner.token))
        .send({ site: validSite({ domains: ['a.com'] }) });
      expectProblem(bad, 400, 'VALIDATION_FAILED');
      expectProblem(await t.http.patch(`${API}/applications/${app.id}`).set(bearer(cast.owner.token)).send({}), 400);
      const audit = await t.http
        .get(`${API}/audit?entityType=application&entityId=${app.id}`)
        .set(bearer(t.adminToken));
      expect(audit.body.items.map((a: { action: string }) => a.action)).toContain('application.updated');
    });

    it('is refused once filed (409 NOT_EDITABLE), to other organizations (404) and to staff (403)', async () => {
      const app = await fileApplicationTo(t, cast, 'SUBMITTED');
      const r = await t.http.patch(`${API}/applications/${app.id}`).set(bearer(cast.owner.token)).send({ reason: 'x' });
      expectProblem(r, 409, 'NOT_EDITABLE');
      const stranger = await registerOwner(t);
      const draft = await createApplication(t, cast.owner, cast.authority.id);
      expectProblem(
        await t.http.patch(`${API}/applications/${draft.id}`).set(bearer(stranger.token)).send({ reason: 'x' }),
        404,
        'NOT_FOUND',
      );
      expectProblem(
        await t.http.patch(`${API}/applications/${draft.id}`).set(bearer(cast.appraiser.token)).send({ reason: 'x' }),
        403,
        'FORBIDDEN',
      );
    });
  });

  describe('GET /applications and /applications/{id}', () => {
    it('owners see their own, staff their authority’s filed dossiers, admins all; anything else is 404', async () => {
      const other = await createCast(t);
      const mine = await fileApplicationTo(t, cast, 'SUBMITTED');
      const draft = await createApplication(t, cast.owner, cast.authority.id);
      const theirs = await fileApplicationTo(t, other, 'SUBMITTED');

      const get = (id: string, token: string) => t.http.get(`${API}/applications/${id}`).set(bearer(token));
      expect((await get(mine.id, cast.owner.token)).status).toBe(200);
      expect((await get(mine.id, cast.appraiser.token)).status).toBe(200);
      expect((await get(mine.id, cast.inspector.token)).status).toBe(200);
      expect((await get(mine.id, t.adminToken)).status).toBe(200);
      expectProblem(await get(mine.id, other.owner.token), 404, 'NOT_FOUND');
      expectProblem(await get(mine.id, other.appraiser.token), 404, 'NOT_FOUND');
      expectProblem(await get(theirs.id, cast.approver.token), 404, 'NOT_FOUND');
      // A draft is the applicant's own until filed.
      expectProblem(await get(draft.id, cast.appraiser.token), 404, 'NOT_FOUND');
      expectProblem(await get('00000000-0000-4000-8000-000000000000', cast.owner.token), 404, 'NOT_FOUND');
      expectProblem(await get('not-a-uuid', cast.owner.token), 404, 'NOT_FOUND');
      for (const path of ['history', 'transitions', 'documents']) {
        expectProblem(await t.http.get(`${API}/applications/${mine.id}/${path}`).set(bearer(other.owner.token)), 404);
      }

      const list = async (token: string, query = '') =>
        (await t.http.get(`${API}/applications${query}`).set(bearer(token))).body as {
          items: { id: string }[];
          total: number;
        };
      const ownerIds = (await list(cast.owner.token, '?pageSize=100')).items.map((a) => a.id);
      expect(ownerIds).toEqual(expect.arrayContaining([mine.id, draft.id]));
      expect(ownerIds).not.toContain(theirs.id);
      const staffIds = (await list(cast.appraiser.token, '?pageSize=100')).items.map((a) => a.id);
      expect(staffIds).toContain(mine.id);
      expect(staffIds).not.toContain(draft.id);
      expect(staffIds).not.toContain(theirs.id);
      const adminIds = (await list(t.adminToken, '?pageSize=100')).items.map((a) => a.id);
      expect(adminIds).toEqual(expect.arrayContaining([mine.id, draft.id, theirs.id]));
    });

    it('filters by state, type and assignee=me, and pages', async () => {
      const appraiser3 = await createStaff(t, 'appraiser', cast.authority.id);
      const a = await fileApplicationTo(t, cast, 'SUBMITTED');
      const b = await fileApplicationTo(t, cast, 'SUBMITTED');
      await fireApplicationOk(t, appraiser3.token, a.id, { event: 'START_REVIEW' });
      const mine = await t.http.get(`${API}/applications?assignee=me`).set(bearer(appraiser3.token));
      expect(mine.body).toMatchObject({ total: 1, page: 1, pageSize: 20 });
      expect(mine.body.items[0]).toMatchObject({ id: a.id, state: 'IN_REVIEW', assigneeId: appraiser3.id });

      const submitted = await t.http
        .get(`${API}/applications?state=SUBMITTED&type=NEW&pageSize=100`)
        .set(bearer(appraiser3.token));
      const ids = submitted.body.items.map((x: { id: string; state: string }) => x.id);
      expect(ids).toContain(b.id);
      expect(ids).not.toContain(a.id);
      expect(submitted.body.items.every((x: { state: string }) => x.state === 'SUBMITTED')).toBe(true);

      const none = await t.http.get(`${API}/applications?type=EXTENSION`).set(bearer(appraiser3.token));
      expect(none.body).toMatchObject({ items: [], total: 0 });

      const page = await t.http.get(`${API}/applications?page=2&pageSize=1`).set(bearer(cast.owner.token));
      expect(page.body.items).toHaveLength(1);
      expect(page.body.page).toBe(2);
      expect(page.body.total).toBeGreaterThan(2);

      for (const q of ['state=OPEN', 'type=X', 'overdue=maybe', 'assignee=you', 'pageSize=500', 'page=0', 'foo=1']) {
        expectProblem(
          await t.http.get(`${API}/applications?${q}`).set(bearer(cast.owner.token)),
          400,
          'VALIDATION_FAILED',
        );
      }
    });
  });

  describe('dossiers about an existing license', () => {
    let license: { id: string; expiresOn: string };
    beforeAll(async () => {
      const approved = await fileApplicationTo(t, cast, 'APPROVED');
      const r = await t.http.get(`${API}/licenses/${approved.licenseId as string}`).set(bearer(cast.owner.token));
      license = r.body;
    });

    it('AMENDMENT takes only the changes; EXTENSION and REISSUE take no particulars', async () => {
      const amendment = await post(cast.owner.token, {
        type: 'AMENDMENT',
        authorityId: cast.authority.id,
        licenseId: license.id,
        site: { serverLocation: 'Công ty FPT, TP Hồ Chí Minh' },
        reason: 'Chuyển máy chủ',
      });
      expect(amendment.status).toBe(201);
      expect(amendment.body.site).toEqual({ serverLocation: 'Công ty FPT, TP Hồ Chí Minh' });
      const empty = await post(cast.owner.token, {
        type: 'AMENDMENT',
        authorityId: cast.authority.id,
        licenseId: license.id,
        site: {},
      });
      expectProblem(empty, 400, 'VALIDATION_FAILED');
      const reissueWithSite = await post(cast.owner.token, {
        type: 'REISSUE',
        authorityId: cast.authority.id,
        licenseId: license.id,
        site: { name: 'x' },
      });
      expectProblem(reissueWithSite, 400, 'VALIDATION_FAILED');
      expect(fields(reissueWithSite)).toEqual(['site']);
      const reissue = await post(cast.owner.token, {
        type: 'REISSUE',
        authorityId: cast.authority.id,
        licenseId: license.id,
        reason: 'Bản gốc bị hư hỏng',
      });
      expect(reissue.status).toBe(201);
    });

    it('another organization’s license is 422 LICENSE_NOT_FOUND_FOR_ORGANIZATION; another authority 422', async () => {
      const stranger = await registerOwner(t);
      expectProblem(
        await post(stranger.token, { type: 'REISSUE', authorityId: cast.authority.id, licenseId: license.id }),
        422,
        'LICENSE_NOT_FOUND_FOR_ORGANIZATION',
      );
      const elsewhere = await createAuthority(t);
      expectProblem(
        await post(cast.owner.token, { type: 'REISSUE', authorityId: elsewhere.id, licenseId: license.id }),
        422,
        'LICENSE_OF_ANOTHER_AUTHORITY',
      );
    });

    it('EXTENSION: at most 2 years past expiry, at least 30 days before it, at most twice (422)', async () => {
      const base = { type: 'EXTENSION', authorityId: cast.authority.id, licenseId: license.id };
      const [y, m, d] = license.expiresOn.split('-').map(Number);
      const twoYears = `${y + 2}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      const ok = await post(cast.owner.token, { ...base, requestedExpiresOn: twoYears });
      expect(ok.status).toBe(201);
      const tooLong = await post(cast.owner.token, { ...base, requestedExpiresOn: `${y + 3}-01-01` });
      expectProblem(tooLong, 422, 'REQUESTED_TERM_TOO_LONG');

      await t.ds.query(`UPDATE licenses SET extension_count = 2 WHERE id = $1`, [license.id]);
      expectProblem(await post(cast.owner.token, base), 422, 'EXTENSION_LIMIT_REACHED');
      await t.ds.query(`UPDATE licenses SET extension_count = 0 WHERE id = $1`, [license.id]);

      // Move the expiry 20 days ahead of today: too late to extend, though an amendment is still possible.
      const soon = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
      const [orig] = await t.ds.query(`SELECT expires_on FROM licenses WHERE id = $1`, [license.id]);
      await t.ds.query(`UPDATE licenses SET expires_on = $2 WHERE id = $1`, [license.id, soon]);
      try {
        const late = await post(cast.owner.token, base);
        expectProblem(late, 422, 'EXTENSION_TOO_LATE');
        expect(late.body.expiresOn).toBe(soon);
        // A draft filed in time is checked again when it is submitted.
        const [row] = await t.ds.query(`SELECT state FROM applications WHERE id = $1`, [ok.body.id]);
        expect(row.state).toBe('DRAFT');
        const kinds = ['EXTENSION_REQUEST'];
        for (const kind of kinds) {
          const up = await t.http
            .post(`${API}/applications/${ok.body.id}/documents`)
            .set(bearer(cast.owner.token))
            .field('kind', kind)
            .attach('file', Buffer.from('%PDF-1.4\n%%EOF\n'), 'gia-han.pdf');
          expect(up.status).toBe(201);
        }
        const submit = await t.http
          .post(`${API}/applications/${ok.body.id}/transitions`)
          .set(bearer(cast.owner.token))
          .send({ event: 'SUBMIT' });
        expectProblem(submit, 422, 'EXTENSION_TOO_LATE');
      } finally {
        await t.ds.query(`UPDATE licenses SET expires_on = $2 WHERE id = $1`, [license.id, orig.expires_on]);
      }
    });
  });
});
