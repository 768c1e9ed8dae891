import { bearer, createCast, expectProblem } from '../support/factories';
import { API, startTestApp, TestApp } from '../support/test-app';

interface Entry {
  code: string;
  title: string;
  titleEn: string;
  legalBasis: string;
  minFine: number;
  maxFine: number;
  individualMinFine: number;
  individualMaxFine: number;
  verified: boolean;
  effectiveFrom: string;
  additionalMeasures: string[];
  remedialMeasures: string[];
}

describe('violation types: the catalogue by date', () => {
  let t: TestApp;
  let cast: Awaited<ReturnType<typeof createCast>>;
  beforeAll(async () => {
    t = await startTestApp();
    cast = await createCast(t);
  });
  afterAll(() => t.close());

  const on = async (day: string): Promise<Entry[]> => {
    const r = await t.http.get(`${API}/violation-types`).query({ on: day });
    expect(r.status).toBe(200);
    return r.body as Entry[];
  };
  const byCode = (list: Entry[], code: string) => list.find((e) => e.code === code);

  it('is public and seeded with every row of the seeded catalogue', async () => {
    const list = await on('2026-06-01');
    // other modules may add their own codes (e.g. a late change notice); the brief's rows are all there
    expect(list.map((e) => e.code)).toEqual(
      expect.arrayContaining([
        'CITATION_NOT_VERBATIM',
        'DOMAIN_OR_SERVER',
        'FALSE_OR_ILLEGAL_LINKS',
        'GRAVE_CONTENT',
        'HOMEPAGE_DISCLOSURE',
        'NOT_STORED',
        'NO_LICENSE',
        'NO_REPORT',
        'OUT_OF_SCOPE',
        'OWN_NEWS_PRODUCTION',
        'WORKS_WITHOUT_CONSENT',
      ]),
    );
    const grave = byCode(list, 'GRAVE_CONTENT')!;
    expect(grave).toMatchObject({
      minFine: 150_000_000,
      maxFine: 200_000_000,
      individualMinFine: 75_000_000,
      individualMaxFine: 100_000_000,
      verified: true,
      additionalMeasures: ['Thu hồi giấy phép'],
    });
    expect(grave.title).toContain('xuyên tạc lịch sử');
    // "range to confirm" rows are flagged for the legal staff
    expect(byCode(list, 'NO_LICENSE')!.verified).toBe(false);
    expect(byCode(list, 'NO_REPORT')!.verified).toBe(false);
  });

  it('returns the version in force that day', async () => {
    const before2026 = byCode(await on('2025-06-01'), 'HOMEPAGE_DISCLOSURE')!;
    expect(before2026).toMatchObject({ effectiveFrom: '2020-12-01', verified: false });
    expect(before2026.legalBasis).toContain('119/2020');
    // Decree 174/2026 is in force from 1 July 2026 (secondary sources; unverified), not 1 January.
    const june2026 = byCode(await on('2026-06-30'), 'HOMEPAGE_DISCLOSURE')!;
    expect(june2026).toMatchObject({ effectiveFrom: '2020-12-01', sourceText: 'Nghị định 119/2020/NĐ-CP' });
    const in2026 = byCode(await on('2026-07-01'), 'HOMEPAGE_DISCLOSURE')!;
    expect(in2026).toMatchObject({
      effectiveFrom: '2026-07-01',
      verified: false,
      minFine: 10_000_000,
      sourceText: 'Nghị định 174/2026/NĐ-CP',
      article: 'Điều 93',
      clause: null,
      deprivationMonths: null,
    });
    expect(in2026.legalBasis).toContain('174/2026');
    const domain = byCode(await on('2026-07-01'), 'DOMAIN_OR_SERVER')!;
    expect(domain).toMatchObject({ article: 'Điều 45', clause: 'khoản 1' });
    // Each entry names its source text; the one allowing a deprivation of the license says for how long.
    const citation = byCode(await on('2026-07-01'), 'CITATION_NOT_VERBATIM')!;
    expect(citation).toMatchObject({
      sourceText: 'Nghị định 119/2020/NĐ-CP',
      article: 'Điều 20',
      clause: 'khoản 2 điểm a',
      deprivationMonths: { min: 1, max: 3 },
    });
    for (const e of await on('2026-07-01')) expect((e as unknown as { sourceText: string }).sourceText).toBeTruthy();
    expect(await on('2026-01-01')).not.toContainEqual(expect.objectContaining({ effectiveFrom: '2026-01-01' }));
    expect(await on('2020-11-30')).toEqual([]);
  });

  it('defaults to today', async () => {
    const r = await t.http.get(`${API}/violation-types`);
    expect(r.status).toBe(200);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
    expect(r.body).toEqual(await on(today));
    expect((r.body as Entry[]).length).toBeGreaterThanOrEqual(11);
  });

  it('admin adds a new version from a date; earlier days keep the old one', async () => {
    const r = await t.http
      .post(`${API}/violation-types`)
      .set(bearer(t.adminToken))
      .send({
        code: 'NO_REPORT',
        effectiveFrom: '2027-03-01',
        title: 'Không thực hiện chế độ báo cáo theo quy định',
        titleEn: 'Report not filed',
        legalBasis: 'Nghị định 174/2026/NĐ-CP, Điều 95',
        minFine: 8_000_000,
        maxFine: 12_000_000,
        remedialMeasures: ['Buộc thực hiện báo cáo'],
      });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      code: 'NO_REPORT',
      effectiveFrom: '2027-03-01',
      verified: true,
      individualMinFine: 4_000_000,
    });
    expect(byCode(await on('2027-02-28'), 'NO_REPORT')).toMatchObject({
      effectiveFrom: '2020-12-01',
      minFine: 5_000_000,
    });
    expect(byCode(await on('2027-03-01'), 'NO_REPORT')).toMatchObject({
      effectiveFrom: '2027-03-01',
      minFine: 8_000_000,
    });

    const audit = await t.http
      .get(`${API}/audit`)
      .query({ entityType: 'violation_type', entityId: 'NO_REPORT@2027-03-01' })
      .set(bearer(t.adminToken));
    expect(audit.status).toBe(200);
  });

  it('admin adds a brand-new code', async () => {
    const r = await t.http.post(`${API}/violation-types`).set(bearer(t.adminToken)).send({
      code: 'ADS_MISLEADING',
      effectiveFrom: '2026-07-01',
      title: 'Quảng cáo gây nhầm lẫn',
      titleEn: 'Misleading ads',
      legalBasis: 'Nghị định 38/2021/NĐ-CP',
      minFine: 0,
      maxFine: 5_000_000,
      verified: false,
    });
    expect(r.status).toBe(201);
    expect(byCode(await on('2026-06-30'), 'ADS_MISLEADING')).toBeUndefined();
    expect(byCode(await on('2026-07-01'), 'ADS_MISLEADING')).toMatchObject({ verified: false, maxFine: 5_000_000 });
  });

  it('an entry names its source text, article and clause, and the deprivation of the license it allows', async () => {
    const body = {
      code: 'SOURCE_NAMED',
      effectiveFrom: '2027-01-01',
      title: 'Vi phạm có nguồn',
      titleEn: 'Sourced violation',
      legalBasis: 'Nghị định 174/2026/NĐ-CP, Điều 93 khoản 3',
      sourceText: 'Nghị định 174/2026/NĐ-CP',
      article: 'Điều 93',
      clause: 'khoản 3',
      minFine: 10_000_000,
      maxFine: 20_000_000,
      deprivationMinMonths: 1,
      deprivationMaxMonths: 2,
      verified: false,
    };
    const post = (b: object) => t.http.post(`${API}/violation-types`).set(bearer(t.adminToken)).send(b);
    expectProblem(await post({ ...body, deprivationMaxMonths: undefined }), 400, 'VALIDATION_FAILED');
    expectProblem(await post({ ...body, deprivationMinMonths: 3 }), 400, 'VALIDATION_FAILED');
    expectProblem(await post({ ...body, deprivationMaxMonths: 25 }), 400, 'VALIDATION_FAILED');
    const r = await post(body);
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      sourceText: 'Nghị định 174/2026/NĐ-CP',
      article: 'Điều 93',
      clause: 'khoản 3',
      deprivationMonths: { min: 1, max: 2 },
    });
    // Without a source text, the entry's legal basis stands for it.
    const bare = await post({ ...body, code: 'SOURCE_DEFAULT', sourceText: undefined, article: undefined });
    expect(bare.body).toMatchObject({ sourceText: body.legalBasis, article: null });
  });

  it('the same (code, effectiveFrom) twice is a 409', async () => {
    const r = await t.http.post(`${API}/violation-types`).set(bearer(t.adminToken)).send({
      code: 'GRAVE_CONTENT',
      effectiveFrom: '2020-12-01',
      title: 'Trùng',
      titleEn: 'Duplicate',
      legalBasis: 'x',
      minFine: 1,
      maxFine: 2,
    });
    expectProblem(r, 409, 'ALREADY_EXISTS');
  });

  it('refuses invalid input with per-field errors', async () => {
    const r = await t.http.post(`${API}/violation-types`).set(bearer(t.adminToken)).send({
      code: 'lower case',
      effectiveFrom: '2026-02-30',
      title: '',
      titleEn: 'x',
      legalBasis: 'x',
      minFine: -1,
      maxFine: 'many',
      extra: true,
    });
    expectProblem(r, 400, 'VALIDATION_FAILED');
    const fields = (r.body.errors as { field: string }[]).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['code', 'effectiveFrom', 'title', 'minFine', 'maxFine', 'extra']));

    const inverted = await t.http.post(`${API}/violation-types`).set(bearer(t.adminToken)).send({
      code: 'INVERTED',
      effectiveFrom: '2026-01-01',
      title: 'Đảo ngược',
      titleEn: 'Inverted',
      legalBasis: 'x',
      minFine: 10,
      maxFine: 5,
    });
    expectProblem(inverted, 400, 'VALIDATION_FAILED');
    expect(inverted.body.errors).toContainEqual(expect.objectContaining({ field: 'maxFine' }));

    expectProblem(await t.http.get(`${API}/violation-types`).query({ on: '2026-13-01' }), 400, 'VALIDATION_FAILED');
  });

  it('only an admin may add entries', async () => {
    const body = {
      code: 'X_TYPE',
      effectiveFrom: '2026-01-01',
      title: 'x',
      titleEn: 'x',
      legalBasis: 'x',
      minFine: 1,
      maxFine: 2,
    };
    for (const u of [cast.approver, cast.inspector, cast.owner]) {
      expectProblem(await t.http.post(`${API}/violation-types`).set(bearer(u.token)).send(body), 403, 'FORBIDDEN');
    }
    expectProblem(await t.http.post(`${API}/violation-types`).send(body), 401, 'UNAUTHENTICATED');
  });
});
