import { Clock, SystemClock } from '../../src/common/clock';
import { bearer, createCast, expectProblem, registerOwner } from '../support/factories';
import { API, startTestApp, TestApp } from '../support/test-app';
import { approve, siteParticulars } from './license-fixtures';

describe('public registry and verification', () => {
  let t: TestApp;
  let cast: Awaited<ReturnType<typeof createCast>>;
  let nghean: { id: string; number: string; verificationCode: string };
  let danang: { id: string; number: string; verificationCode: string };
  beforeAll(async () => {
    t = await startTestApp();
    (t.app.get(Clock) as SystemClock).set(new Date('2026-04-01T03:00:00Z'));
    cast = await createCast(t);
    const owner2 = await registerOwner(t, { name: 'Công ty TNHH Truyền thông Đà Nẵng Xanh' });
    const a = await approve(t, {
      authorityId: cast.authority.id,
      owner: cast.owner,
      approver: cast.approver,
      site: siteParticulars({ name: 'Tin tức Nghệ An', domains: ['tintucnghean.vn'] }),
    });
    const b = await approve(t, {
      authorityId: cast.authority.id,
      owner: owner2,
      approver: cast.approver,
      site: siteParticulars({ name: 'Đà Nẵng 24h', domains: ['danang24h.vn'] }),
    });
    const view = async (id: string) => (await t.http.get(`${API}/licenses/${id}`).set(bearer(t.adminToken))).body;
    nghean = await view(a.licenseId);
    danang = await view(b.licenseId);
  });
  afterAll(async () => {
    (t.app.get(Clock) as SystemClock).reset();
    await t.close();
  });

  const search = (query: string) => t.http.get(`${API}/public/licenses${query}`);

  it('anyone searches without a token, case- and diacritic-insensitively, with no personal data', async () => {
    const r = await search('?q=nghe%20an');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ total: 1, page: 1, pageSize: 20 });
    expect(r.body.items[0]).toEqual({
      id: nghean.id,
      number: nghean.number,
      organizationName: 'Công ty Cổ phần Truyền thông Sông Lam',
      headOffice: '12 Lê Lợi, phường Hưng Bình, thành phố Vinh, Nghệ An',
      siteName: 'Tin tức Nghệ An',
      domains: ['tintucnghean.vn'],
      status: 'ACTIVE',
      issuedOn: '2026-03-05',
      expiresOn: '2036-03-04',
      edition: 1,
      authority: { code: cast.authority.code, name: 'Sở Thông tin và Truyền thông', province: 'Nghệ An' },
    });
    const raw = JSON.stringify(r.body);
    for (const secret of [
      'Nguyễn Thị Thu Hà',
      '0912345678',
      'ha@xunghe.vn',
      nghean.verificationCode,
      'lienhe@songlam.vn',
    ]) {
      expect(raw).not.toContain(secret);
    }

    for (const q of ['NGHỆ AN', 'Nghệ', 'tintucnghean.vn', 'SÔNG LAM']) {
      const found = await search(`?q=${encodeURIComponent(q)}`);
      expect(found.body.items.map((i: { number: string }) => i.number)).toEqual([nghean.number]);
    }
    for (const q of ['ĐÀ NẴNG', 'da nang', 'danang24h']) {
      const found = await search(`?q=${encodeURIComponent(q)}`);
      expect(found.body.items.map((i: { number: string }) => i.number)).toEqual([danang.number]);
    }
    const byNumber = await search(`?q=${encodeURIComponent(danang.number)}`);
    expect(byNumber.body.items.map((i: { number: string }) => i.number)).toContain(danang.number);
    expect((await search('?q=h%C3%A0%20n%E1%BB%99i')).body.total).toBe(0);
    expect((await search('?q=%25')).body.total).toBe(0);
  });

  it('paginates and filters by status; bad parameters are 400', async () => {
    const page = await search('?pageSize=1&page=2');
    expect(page.body).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(page.body.items).toHaveLength(1);
    expectProblem(await search('?status=GONE'), 400, 'VALIDATION_FAILED');
    expectProblem(await search('?pageSize=101'), 400, 'VALIDATION_FAILED');
    expectProblem(await search('?secret=1'), 400, 'VALIDATION_FAILED');
  });

  it('verifies a license from its QR code, and counts each verification in the audit', async () => {
    const ok = await t.http
      .get(`${API}/public/licenses/verify`)
      .query({ number: nghean.number, code: nghean.verificationCode });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      valid: true,
      status: 'ACTIVE',
      number: nghean.number,
      organizationName: 'Công ty Cổ phần Truyền thông Sông Lam',
      siteName: 'Tin tức Nghệ An',
      domains: ['tintucnghean.vn'],
      issuedOn: '2026-03-05',
      expiresOn: '2036-03-04',
      authority: { code: cast.authority.code },
    });

    const wrongCode = await t.http
      .get(`${API}/public/licenses/verify`)
      .query({ number: nghean.number, code: danang.verificationCode });
    expect(wrongCode.status).toBe(200);
    expect(wrongCode.body).toEqual({ valid: false });
    const unknown = await t.http
      .get(`${API}/public/licenses/verify`)
      .query({ number: nghean.number, code: 'ABCDEFGHJKMNPQRSTVWXYZ0123' });
    expect(unknown.body).toEqual({ valid: false });

    expectProblem(
      await t.http.get(`${API}/public/licenses/verify`).query({ number: nghean.number }),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(
      await t.http.get(`${API}/public/licenses/verify`).query({ code: nghean.verificationCode }),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(
      await t.http.get(`${API}/public/licenses/verify`).query({ number: 'x', code: 'no!' }),
      400,
      'VALIDATION_FAILED',
    );

    // Anonymous checks write no audit event (issue 12); a check of a real license is counted for its day.
    const audit = await t.http.get(`${API}/audit?entityType=license&entityId=${nghean.id}`).set(bearer(t.adminToken));
    expect(audit.body.items.filter((e: { action: string }) => e.action === 'license.verified')).toEqual([]);
    const counts = await t.ds.query(`SELECT license_id, count FROM license_verification_counts`);
    expect(counts).toEqual([{ license_id: nghean.id, count: 1 }]);
  });

  it('a suspended or revoked license shows so at once, and no longer verifies as valid', async () => {
    const s = await t.http
      .post(`${API}/licenses/${danang.id}/transitions`)
      .set(bearer(cast.approver.token))
      .send({ event: 'SUSPEND', until: '2026-05-31', reason: 'Vi phạm', decisionNumber: '9/QĐ-STTTT' });
    expect(s.status).toBe(200);
    const found = await search('?q=da%20nang');
    expect(found.body.items[0].status).toBe('SUSPENDED');
    expect((await search('?status=SUSPENDED')).body.items.map((i: { number: string }) => i.number)).toEqual([
      danang.number,
    ]);
    const v = await t.http
      .get(`${API}/public/licenses/verify`)
      .query({ number: danang.number, code: danang.verificationCode });
    expect(v.body).toMatchObject({
      valid: false,
      status: 'SUSPENDED',
      number: danang.number,
      suspendedUntil: '2026-05-31',
    });

    await t.http
      .post(`${API}/licenses/${danang.id}/transitions`)
      .set(bearer(cast.approver.token))
      .send({ event: 'REVOKE', reason: 'Vi phạm nghiêm trọng' });
    expect((await search('?q=danang24h')).body.items[0].status).toBe('REVOKED');
  });

  it('the registry uses the trigram index', async () => {
    const plan: { 'QUERY PLAN': string }[] = await t.ds.transaction(async (em) => {
      await em.query('SET LOCAL enable_seqscan = off');
      return em.query(`EXPLAIN SELECT id FROM licenses WHERE search_text LIKE '%nghe an%'`);
    });
    expect(plan.map((p) => p['QUERY PLAN']).join('\n')).toContain('licenses_search_trgm_idx');
  });
});
