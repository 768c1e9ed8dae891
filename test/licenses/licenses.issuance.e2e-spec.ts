import { PdfService } from '../../src/pdf/pdf.service';
import { bearer, createCast, createStaff, expectProblem, registerOwner } from '../support/factories';
import { API, startTestApp, TestApp } from '../support/test-app';
import { approve, siteParticulars } from './license-fixtures';

describe('licenses: issuance on approval, versions, numbering', () => {
  let t: TestApp;
  let cast: Awaited<ReturnType<typeof createCast>>;
  beforeAll(async () => {
    t = await startTestApp();
    cast = await createCast(t);
  });
  afterAll(() => t.close());

  const get = (path: string, token: string) => t.http.get(`${API}${path}`).set(bearer(token));

  it('NEW → an ACTIVE license, version 1, numbered from the authority series, capped at 10 years', async () => {
    const { licenseId, applicationId } = await approve(t, {
      authorityId: cast.authority.id,
      owner: cast.owner,
      approver: cast.approver,
      requestedExpiresOn: '2040-01-01',
      decidedOn: '2026-03-05',
    });
    const r = await get(`/licenses/${licenseId}`, cast.owner.token);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      id: licenseId,
      siteId: licenseId,
      number: '1/GP-STTTT',
      status: 'ACTIVE',
      version: 1,
      organizationId: cast.owner.organizationId,
      authorityId: cast.authority.id,
      applicationId,
      domains: ['xunghe.vn', 'xứnghệ.vn'],
      contentScope: siteParticulars().contentScope,
      informationSources: siteParticulars().informationSources,
      issuedOn: '2026-03-05',
      expiresOn: '2036-03-04',
      extensionCount: 0,
      suspensionCount: 0,
      licensee: { name: 'Công ty Cổ phần Truyền thông Sông Lam' },
    });
    expect(r.body.suspendedUntil).toBeUndefined();
    expect(r.body.verificationCode).toMatch(/^[A-Z0-9]{26}$/);

    const versions = await get(`/licenses/${licenseId}/versions`, cast.approver.token);
    expect(versions.status).toBe(200);
    expect(versions.body).toEqual([
      expect.objectContaining({
        version: 1,
        edition: 1,
        kind: 'NEW',
        applicationId,
        pdfSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      }),
    ]);

    const notes = await get('/notifications', cast.owner.token);
    expect(notes.body.items.map((n: { kind: string }) => n.kind)).toContain('LICENSE_ISSUED');

    const audit = await get(`/audit?entityType=license&entityId=${licenseId}`, t.adminToken);
    expect(audit.status).toBe(200);
    const actions = (audit.body.items as { action: string }[]).map((a) => a.action);
    expect(actions).toContain('license.CREATE');
  });

  it('a requested term shorter than 10 years is kept', async () => {
    const { licenseId } = await approve(t, {
      authorityId: cast.authority.id,
      owner: cast.owner,
      approver: cast.approver,
      requestedExpiresOn: '2031-03-04',
    });
    const r = await get(`/licenses/${licenseId}`, cast.approver.token);
    expect(r.body.expiresOn).toBe('2031-03-04');
  });

  it('AMENDMENT, EXTENSION (twice at most), REISSUE and CHANGE_NOTICE raise the version; every version stays readable', async () => {
    const { licenseId } = await approve(t, {
      authorityId: cast.authority.id,
      owner: cast.owner,
      approver: cast.approver,
      requestedExpiresOn: '2031-03-04',
      decidedOn: '2026-03-05',
    });
    const before = (await get(`/licenses/${licenseId}`, cast.owner.token)).body;

    await approve(t, {
      type: 'AMENDMENT',
      licenseId,
      authorityId: cast.authority.id,
      owner: cast.owner,
      approver: cast.approver,
      site: siteParticulars({ name: 'Xứ Nghệ Online mới', domains: ['xunghe.vn', 'xunghe.com.vn'] }),
      decidedOn: '2026-06-01',
    });
    let now = (await get(`/licenses/${licenseId}`, cast.owner.token)).body;
    expect(now).toMatchObject({
      number: before.number,
      status: 'ACTIVE',
      version: 2,
      domains: ['xunghe.vn', 'xunghe.com.vn'],
    });
    expect(now.site.name).toBe('Xứ Nghệ Online mới');
    expect(now.verificationCode).toBe(before.verificationCode);

    const v1 = await get(`/licenses/${licenseId}?version=1`, cast.owner.token);
    expect(v1.status).toBe(200);
    expect(v1.body).toMatchObject({ version: 1, currentVersion: 2, kind: 'NEW', domains: ['xunghe.vn', 'xứnghệ.vn'] });

    // Extension: 2 years past the current expiry at most (capped), at most twice.
    await approve(t, {
      type: 'EXTENSION',
      licenseId,
      authorityId: cast.authority.id,
      owner: cast.owner,
      approver: cast.approver,
      requestedExpiresOn: '2040-01-01',
      decidedOn: '2031-01-10',
    });
    now = (await get(`/licenses/${licenseId}`, cast.owner.token)).body;
    expect(now).toMatchObject({ version: 3, expiresOn: '2033-03-04', extensionCount: 1, issuedOn: '2026-03-05' });

    await approve(t, {
      type: 'EXTENSION',
      licenseId,
      authorityId: cast.authority.id,
      owner: cast.owner,
      approver: cast.approver,
      requestedExpiresOn: '2034-03-04',
      decidedOn: '2033-01-10',
    });
    now = (await get(`/licenses/${licenseId}`, cast.owner.token)).body;
    expect(now).toMatchObject({ version: 4, expiresOn: '2034-03-04', extensionCount: 2 });

    await expect(
      approve(t, {
        type: 'EXTENSION',
        licenseId,
        authorityId: cast.authority.id,
        owner: cast.owner,
        approver: cast.approver,
        decidedOn: '2034-01-10',
      }),
    ).rejects.toMatchObject({ code: 'EXTENSION_LIMIT_REACHED', status: 422 });
    // Nothing of the refused extension was written.
    expect((await get(`/licenses/${licenseId}`, cast.owner.token)).body).toMatchObject({
      version: 4,
      extensionCount: 2,
    });

    await approve(t, {
      type: 'REISSUE',
      licenseId,
      authorityId: cast.authority.id,
      owner: cast.owner,
      approver: cast.approver,
      reason: 'Bản gốc bị hư hỏng',
      decidedOn: '2033-05-01',
    });
    await approve(t, {
      type: 'CHANGE_NOTICE',
      licenseId,
      authorityId: cast.authority.id,
      owner: cast.owner,
      approver: cast.approver,
      changeNotice: { changedOn: '2033-05-20', newHeadOfficeAddress: '25 Lê Hồng Phong, Vinh, Nghệ An' },
      decidedOn: '2033-06-01',
    });
    now = (await get(`/licenses/${licenseId}`, cast.owner.token)).body;
    expect(now).toMatchObject({ version: 6, number: before.number, status: 'ACTIVE' });
    expect(now.licensee.headOffice).toBe('25 Lê Hồng Phong, Vinh, Nghệ An');

    const versions = (await get(`/licenses/${licenseId}/versions`, cast.owner.token)).body as {
      version: number;
      edition: number;
      kind: string;
      pdfSha256: string;
    }[];
    expect(versions.map((v) => [v.version, v.edition, v.kind])).toEqual([
      [1, 1, 'NEW'],
      [2, 2, 'AMENDMENT'],
      [3, 3, 'EXTENSION'],
      [4, 4, 'EXTENSION'],
      [5, 5, 'REISSUE'],
      [6, 6, 'CHANGE_NOTICE'],
    ]);
    expect(new Set(versions.map((v) => v.pdfSha256)).size).toBe(6);

    const reissue = await get(`/licenses/${licenseId}?version=5`, cast.owner.token);
    expect(reissue.body).toMatchObject({ kind: 'REISSUE', signedOn: '2033-05-01', expiresOn: '2034-03-04' });

    const lifecycle = await get(`/sites/${licenseId}/lifecycle`, cast.owner.token);
    const events = (lifecycle.body.history as { event: string }[]).map((h) => h.event);
    expect(events).toEqual(['CREATE', 'AMEND', 'EXTEND', 'EXTEND', 'REISSUE', 'CHANGE_NOTICE']);

    const audit = await get(`/audit?entityType=license&entityId=${licenseId}`, t.adminToken);
    const actions = (audit.body.items as { action: string }[]).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'license.CREATE',
        'license.AMEND',
        'license.EXTEND',
        'license.REISSUE',
        'license.CHANGE_NOTICE',
      ]),
    );
    expect((await get(`/licenses/${licenseId}?version=7`, cast.owner.token)).status).toBe(404);
  });

  it('an amendment of a license of another organization is refused', async () => {
    const { licenseId } = await approve(t, {
      authorityId: cast.authority.id,
      owner: cast.owner,
      approver: cast.approver,
    });
    const other = await registerOwner(t);
    await expect(
      approve(t, { type: 'REISSUE', licenseId, authorityId: cast.authority.id, owner: other, approver: cast.approver }),
    ).rejects.toMatchObject({ code: 'LICENSE_MISMATCH', status: 422 });
  });

  describe('numbering', () => {
    it('12 racing approvals of one authority get 1..12, unique and consecutive', async () => {
      const c = await createCast(t);
      const owners = await Promise.all(Array.from({ length: 12 }, () => registerOwner(t)));
      const results = await Promise.all(
        owners.map((owner) => approve(t, { authorityId: c.authority.id, owner, approver: c.approver })),
      );
      const rows: { number: string }[] = await t.ds.query(`SELECT number FROM licenses WHERE authority_id = $1`, [
        c.authority.id,
      ]);
      expect(results).toHaveLength(12);
      expect(rows.map((r) => r.number).sort((a, b) => parseInt(a) - parseInt(b))).toEqual(
        Array.from({ length: 12 }, (_, i) => `${i + 1}/GP-STTTT`),
      );
    });

    it('a failure after the number is taken rolls the number back: no gap', async () => {
      const c = await createCast(t);
      const first = await approve(t, { authorityId: c.authority.id, owner: c.owner, approver: c.approver });
      const spy = jest.spyOn(t.app.get(PdfService), 'renderLicense').mockRejectedValueOnce(new Error('renderer down'));
      await expect(approve(t, { authorityId: c.authority.id, owner: c.owner, approver: c.approver })).rejects.toThrow(
        'renderer down',
      );
      spy.mockRestore();
      const next = await approve(t, { authorityId: c.authority.id, owner: c.owner, approver: c.approver });
      expect((await get(`/licenses/${first.licenseId}`, t.adminToken)).body.number).toBe('1/GP-STTTT');
      expect((await get(`/licenses/${next.licenseId}`, t.adminToken)).body.number).toBe('2/GP-STTTT');
      const count: { n: number }[] = await t.ds.query(
        `SELECT count(*)::int AS n FROM licenses WHERE authority_id = $1`,
        [c.authority.id],
      );
      expect(count[0].n).toBe(2);
    });

    it('the database refuses a duplicate number of one authority', async () => {
      const c = await createCast(t);
      await approve(t, { authorityId: c.authority.id, owner: c.owner, approver: c.approver });
      const second = await approve(t, { authorityId: c.authority.id, owner: c.owner, approver: c.approver });
      await expect(
        t.ds.query(`UPDATE licenses SET number = '1/GP-STTTT' WHERE id = $1`, [second.licenseId]),
      ).rejects.toThrow(/licenses_number_uq/);
    });

    it('an authority continues its paper series with its own format; the sequence only moves forward', async () => {
      const c = await createCast(t);
      const path = `/authorities/${c.authority.id}/license-numbering`;
      const set = await t.http
        .put(`${API}${path}`)
        .set(bearer(t.adminToken))
        .send({ nextSeq: 44, format: '{seq}/{suffix}', pad: 3 });
      expect(set.status).toBe(200);
      expect(set.body).toMatchObject({ nextSeq: 44, format: '{seq}/{suffix}', pad: 3, nextNumber: '044/GP-STTTT' });

      const { licenseId } = await approve(t, { authorityId: c.authority.id, owner: c.owner, approver: c.approver });
      expect((await get(`/licenses/${licenseId}`, t.adminToken)).body.number).toBe('044/GP-STTTT');

      const back = await t.http
        .put(`${API}${path}`)
        .set(bearer(t.adminToken))
        .send({ nextSeq: 44, format: '{seq}/{suffix}', pad: 0 });
      expectProblem(back, 422, 'NUMBER_SEQUENCE_BACKWARDS');
      expect(back.body.errors).toEqual([{ field: 'nextSeq', message: 'must be at least 45' }]);

      const badFormat = await t.http
        .put(`${API}${path}`)
        .set(bearer(t.adminToken))
        .send({ nextSeq: 50, format: 'GP-{x}', pad: 0 });
      expectProblem(badFormat, 400, 'VALIDATION_FAILED');
      expect(badFormat.body.errors[0].field).toBe('format');

      const extra = await t.http
        .put(`${API}${path}`)
        .set(bearer(t.adminToken))
        .send({ nextSeq: 50, format: '{seq}/{suffix}', pad: 0, reset: true });
      expectProblem(extra, 400, 'VALIDATION_FAILED');

      const byApprover = await t.http
        .put(`${API}${path}`)
        .set(bearer(c.approver.token))
        .send({ nextSeq: 50, format: '{seq}/{suffix}', pad: 0 });
      expectProblem(byApprover, 403, 'FORBIDDEN');

      const unknown = await t.http
        .put(`${API}/authorities/00000000-0000-4000-8000-000000000000/license-numbering`)
        .set(bearer(t.adminToken))
        .send({ nextSeq: 50, format: '{seq}/{suffix}', pad: 0 });
      expectProblem(unknown, 404, 'NOT_FOUND');

      const yearly = await t.http
        .put(`${API}${path}`)
        .set(bearer(t.adminToken))
        .send({ nextSeq: 60, format: '{seq}/{year}/{suffix}', pad: 0 });
      expect(yearly.status).toBe(200);
      const second = await approve(t, {
        authorityId: c.authority.id,
        owner: c.owner,
        approver: c.approver,
        decidedOn: '2027-01-04',
      });
      expect((await get(`/licenses/${second.licenseId}`, t.adminToken)).body.number).toBe('60/2027/GP-STTTT');
    });
  });

  describe('visibility and listing', () => {
    it('owners see their own licenses, staff their authority’s; others get 404', async () => {
      const { licenseId } = await approve(t, {
        authorityId: cast.authority.id,
        owner: cast.owner,
        approver: cast.approver,
      });
      const stranger = await registerOwner(t);
      const otherAuthority = await createCast(t);
      const other = await createStaff(t, 'inspector', otherAuthority.authority.id);
      for (const token of [stranger.token, otherAuthority.approver.token, other.token]) {
        expectProblem(await get(`/licenses/${licenseId}`, token), 404, 'NOT_FOUND');
        expectProblem(await get(`/licenses/${licenseId}/pdf`, token), 404, 'NOT_FOUND');
        expectProblem(await get(`/licenses/${licenseId}/versions`, token), 404, 'NOT_FOUND');
        expectProblem(await get(`/sites/${licenseId}/lifecycle`, token), 404, 'NOT_FOUND');
      }
      expect((await get(`/licenses/${licenseId}`, cast.inspector.token)).status).toBe(200);
      expect((await get(`/licenses/${licenseId}`, t.adminToken)).status).toBe(200);
      expectProblem(await get('/licenses/not-a-uuid', cast.owner.token), 404, 'NOT_FOUND');

      const mine = await get('/licenses?pageSize=100', cast.owner.token);
      expect(mine.status).toBe(200);
      expect(
        mine.body.items.every((l: { organizationId: string }) => l.organizationId === cast.owner.organizationId),
      ).toBe(true);
      expect(mine.body.items.map((l: { id: string }) => l.id)).toContain(licenseId);
      expect((await get('/licenses', stranger.token)).body).toMatchObject({
        items: [],
        total: 0,
        page: 1,
        pageSize: 20,
      });
      const staffList = await get('/licenses?pageSize=100', otherAuthority.approver.token);
      expect(staffList.body.items.map((l: { id: string }) => l.id)).not.toContain(licenseId);
    });

    it('filters by status and by a diacritic-insensitive query; bad filters are 400', async () => {
      const c = await createCast(t);
      await approve(t, {
        authorityId: c.authority.id,
        owner: c.owner,
        approver: c.approver,
        site: siteParticulars({ name: 'Đà Nẵng Ngày Nay', domains: ['danangngaynay.vn'] }),
      });
      await approve(t, { authorityId: c.authority.id, owner: c.owner, approver: c.approver });
      const found = await get('/licenses?q=da%20nang', c.approver.token);
      expect(found.body.total).toBe(1);
      expect(found.body.items[0].domains).toEqual(['danangngaynay.vn']);
      expect((await get('/licenses?status=ACTIVE', c.approver.token)).body.total).toBe(2);
      expect((await get('/licenses?status=REVOKED', c.approver.token)).body.total).toBe(0);
      expectProblem(await get('/licenses?status=LOST', c.approver.token), 400, 'VALIDATION_FAILED');
      expectProblem(await get('/licenses?pageSize=500', c.approver.token), 400, 'VALIDATION_FAILED');
    });

    it('anonymous callers get 401', async () => {
      expectProblem(await t.http.get(`${API}/licenses`), 401, 'UNAUTHENTICATED');
    });
  });
});
