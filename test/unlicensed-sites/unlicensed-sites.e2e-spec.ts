import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { Clock, SystemClock } from '../../src/common/clock';
import {
  bearer,
  checklistFor,
  createAuthority,
  createCast,
  createStaff,
  expectProblem,
  fileApplicationTo,
  fireApplicationOk,
  TestUser,
  uniq,
  validSite,
} from '../support/factories';
import { API, startTestApp, TestApp } from '../support/test-app';
import { binary, pdfText, tinyPng } from '../reviews/fixtures';

/** Issue 15: an inspector records an unlicensed site with evidence, directs it to apply, sees it licensed or sanctions it. */
describe('unlicensed sites: register, evidence, direction letter, licensed / sanctioned / ceased', () => {
  let t: TestApp;
  let cast: Awaited<ReturnType<typeof createCast>>;
  let clock: SystemClock;
  const now = new Date('2026-12-01T03:00:00Z'); // 10:00 in Vietnam
  const today = '2026-12-01';

  beforeAll(async () => {
    t = await startTestApp();
    clock = t.app.get(Clock) as SystemClock;
    clock.set(now);
    cast = await createCast(t);
  });
  beforeEach(() => clock.set(now));
  afterAll(async () => {
    clock.reset();
    await t.close();
  });

  const register = (u: TestUser, body: Record<string, unknown> = {}) =>
    t.http
      .post(`${API}/unlicensed-sites`)
      .set(bearer(u.token))
      .send({
        domains: [`${uniq('tinnhanh')}.vn`],
        siteName: 'Tin Nhanh Miền Trung',
        foundOn: today,
        discoveryMethod: 'MONITORING',
        description: 'Trang tổng hợp tin tức thời sự từ nhiều báo, không hiển thị giấy phép',
        evidence: [{ url: 'https://example.vn/thoi-su/1', capturedAt: '2026-12-01T02:15:00Z' }],
        ...body,
      });
  const fire = (u: TestUser, id: string, body: Record<string, unknown>) =>
    t.http.post(`${API}/unlicensed-sites/${id}/transitions`).set(bearer(u.token)).send(body);
  const get = (u: TestUser, id: string) => t.http.get(`${API}/unlicensed-sites/${id}`).set(bearer(u.token));
  const operator = { kind: 'INDIVIDUAL', name: 'Trần Thị Bình', idNumber: '040190004321', address: 'TP Vinh, Nghệ An' };

  it('records a site with evidence; a capture is stored with its SHA-256 and capture time', async () => {
    const domain = `WWW.${uniq('Tin-Nhanh')}.VN`;
    const r = await register(cast.inspector, { domains: [domain] });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      state: 'REPORTED',
      version: 1,
      domains: [domain.toLowerCase().slice(4)],
      operator: null,
      foundOn: today,
      foundBy: cast.inspector.id,
      letter: null,
    });
    expect(r.body.evidence).toEqual([
      expect.objectContaining({ url: 'https://example.vn/thoi-su/1', capturedAt: '2026-12-01T02:15:00.000Z' }),
    ]);
    const evidenceId = r.body.evidence[0].id;
    const png = tinyPng();
    const up = await t.http
      .post(`${API}/unlicensed-sites/${r.body.id}/evidence/${evidenceId}/documents`)
      .set(bearer(cast.appraiser.token))
      .field('kind', 'SCREENSHOT')
      .attach('file', png, { filename: 'chup-man-hinh.png', contentType: 'image/png' });
    expect(up.status).toBe(201);
    expect(up.body.sha256).toBe(createHash('sha256').update(png).digest('hex'));
    expect(up.body.contentType).toBe('image/png');

    const more = await t.http
      .post(`${API}/unlicensed-sites/${r.body.id}/evidence`)
      .set(bearer(cast.inspector.token))
      .send({
        url: 'https://example.vn/gioi-thieu',
        capturedAt: '2026-12-01T09:00:00+07:00',
        note: 'Trang giới thiệu',
      });
    expect(more.status).toBe(201);
    const one = await get(cast.approver, r.body.id);
    expect(one.body.evidence).toHaveLength(2);
    const first = (one.body.evidence as { id: string; documents: unknown[] }[]).find((e) => e.id === evidenceId)!;
    expect(first.documents).toEqual([expect.objectContaining({ sha256: up.body.sha256 })]);
    // listed in capture order: 09:00 +07:00 (02:00Z) before 02:15Z
    expect(one.body.evidence[0].id).toBe(more.body.id);
    const content = await t.http
      .get(`${API}/unlicensed-sites/${r.body.id}/evidence/${evidenceId}/documents/${up.body.id}/content`)
      .set(bearer(cast.inspector.token))
      .buffer(true)
      .parse(binary);
    expect(content.status).toBe(200);
    expect(Buffer.compare(content.body as Buffer, png)).toBe(0);

    // the same domain again while the case is open: 409 naming the case
    const dup = await register(cast.appraiser, { domains: [domain.slice(4).toLowerCase()] });
    expectProblem(dup, 409, 'ALREADY_EXISTS');
    expect(dup.body.existingId).toBe(r.body.id);
  });

  it('directs the operator to apply in a numbered Vietnamese letter; the NEW dossier is flagged; then LICENSED', async () => {
    const site = validSite();
    const s = (await register(cast.inspector, { domains: [site.domains[0]] })).body;
    expectProblem(await fire(cast.owner, s.id, { event: 'START_REVIEW' }), 403);
    expectProblem(
      await t.http.get(`${API}/unlicensed-sites/${s.id}/letter.pdf`).set(bearer(cast.inspector.token)),
      409,
      'LETTER_NOT_AVAILABLE',
    );
    expect((await fire(cast.appraiser, s.id, { event: 'START_REVIEW' })).body.state).toBe('UNDER_REVIEW');
    expectProblem(
      await fire(cast.inspector, s.id, { event: 'DIRECT_TO_APPLY', applyBy: '2026-12-31' }),
      422,
      'OPERATOR_UNKNOWN',
    );
    const named = await t.http
      .patch(`${API}/unlicensed-sites/${s.id}`)
      .set(bearer(cast.inspector.token))
      .send({ operator, version: 2 });
    expect(named.status).toBe(200);
    expect(named.body).toMatchObject({ version: 3, operator });
    expectProblem(await fire(cast.inspector, s.id, { event: 'DIRECT_TO_APPLY' }), 422, 'APPLY_BY_REQUIRED');
    expectProblem(
      await fire(cast.inspector, s.id, { event: 'DIRECT_TO_APPLY', applyBy: today }),
      422,
      'APPLY_BY_REQUIRED',
    );
    expectProblem(await fire(cast.appraiser, s.id, { event: 'DIRECT_TO_APPLY', applyBy: '2026-12-31' }), 403);

    const d = await fire(cast.inspector, s.id, { event: 'DIRECT_TO_APPLY', applyBy: '2026-12-31', version: 3 });
    expect(d.status).toBe(200);
    expect(d.body.state).toBe('DIRECTED_TO_APPLY');
    expect(d.body.letter).toMatchObject({ signedOn: today, applyBy: '2026-12-31' });
    expect(d.body.letter.number).toMatch(/^\d{2,}\/[^/]+-TTĐT$/);

    const pdf = await t.http
      .get(`${API}/unlicensed-sites/${s.id}/letter.pdf`)
      .set(bearer(cast.approver.token))
      .buffer(true)
      .parse(binary);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const bytes = pdf.body as Buffer;
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(d.body.letter.sha256);
    const text = pdfText(bytes).replace(/\s+/g, ' ');
    expect(text).toContain(`Số: ${d.body.letter.number}`);
    expect(text).toContain('Kính gửi: Trần Thị Bình');
    expect(text).toContain('đề nghị làm thủ tục cấp giấy phép thiết lập trang thông tin điện tử tổng hợp');
    expect(text).toContain(site.domains[0]);
    expect(text).toContain('ngày 31 tháng 12 năm 2026');
    expect(text).toContain('Nghị định số 147/2024/NĐ-CP');
    const fonts = execFileSync('pdffonts', ['-'], { input: bytes }).toString();
    expect(fonts).not.toMatch(/\bno\s+no\b/); // every font embedded

    // the operator applies: the NEW dossier naming the domain is flagged to the appraisers at SUBMIT
    const app = await fileApplicationTo(t, cast, 'SUBMITTED', { site });
    expect(app.unlicensedSiteIds).toEqual([s.id]);
    const notes = await t.http.get(`${API}/notifications?pageSize=100`).set(bearer(cast.appraiser2.token));
    expect(notes.body.items).toContainEqual(
      expect.objectContaining({ kind: 'UNLICENSED_SITE_APPLIED', entityType: 'application', entityId: app.id }),
    );
    const withApp = await get(cast.inspector, s.id);
    expect(withApp.body.matchingApplications).toEqual([
      { id: app.id, state: 'SUBMITTED', sharedDomains: [site.domains[0]] },
    ]);

    // not yet approved: refused; once approved, the site is LICENSED with the license that followed
    expectProblem(
      await fire(cast.inspector, s.id, { event: 'MARK_LICENSED', applicationId: app.id }),
      422,
      'LICENSED_APPLICATION_REQUIRED',
    );
    await fireApplicationOk(t, cast.appraiser.token, app.id, { event: 'START_REVIEW' });
    await fireApplicationOk(t, cast.appraiser.token, app.id, { event: 'CONFIRM_COMPLETE' });
    await fireApplicationOk(t, cast.appraiser.token, app.id, {
      event: 'RECOMMEND',
      recommendation: 'APPROVE',
      checklist: await checklistFor(t),
    });
    const a = await fireApplicationOk(t, cast.approver.token, app.id, { event: 'APPROVE' });
    expect(a.licenseId).toBeTruthy();
    const other = await fileApplicationTo(t, cast, 'APPROVED'); // another domain
    expectProblem(
      await fire(cast.inspector, s.id, { event: 'MARK_LICENSED', applicationId: other.id }),
      422,
      'LICENSED_APPLICATION_REQUIRED',
    );
    const done = await fire(cast.appraiser, s.id, { event: 'MARK_LICENSED', applicationId: app.id });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ state: 'LICENSED', applicationId: app.id, licenseId: a.licenseId });
    expectProblem(
      await t.http
        .post(`${API}/unlicensed-sites/${s.id}/evidence`)
        .set(bearer(cast.inspector.token))
        .send({ url: 'https://example.vn/', capturedAt: '2026-12-01T02:00:00Z' }),
      409,
      'CASE_CLOSED',
    );
    const h = await t.http.get(`${API}/unlicensed-sites/${s.id}/history`).set(bearer(cast.inspector.token));
    expect((h.body as { event: string }[]).map((e) => e.event)).toEqual([
      'CREATE',
      'START_REVIEW',
      'DIRECT_TO_APPLY',
      'MARK_LICENSED',
    ]);
  });

  it('a NO_LICENSE violation against the site: its operator answers, at the individual range; then SANCTIONED, CEASED', async () => {
    const s = (await register(cast.inspector)).body;
    await fire(cast.inspector, s.id, { event: 'START_REVIEW' }).expect(200);
    const v = await t.http.post(`${API}/violations`).set(bearer(cast.inspector.token)).send({
      unlicensedSiteId: s.id,
      typeCode: 'NO_LICENSE',
      description: 'Thiết lập trang thông tin điện tử tổng hợp không có giấy phép',
      detectedOn: today,
    });
    expect(v.status).toBe(201);
    expect(v.body).toMatchObject({
      subjectKind: 'UNLICENSED_SITE',
      unlicensedSiteId: s.id,
      licenseId: null,
      offender: null,
    });
    const type = (await t.http.get(`${API}/violations/${v.body.id}`).set(bearer(cast.inspector.token))).body.type;
    const sanction = (fineAmount: number) => ({ event: 'SANCTION', decisionNumber: '30/QĐ-XPHC', fineAmount });
    // nobody to fine yet
    expectProblem(
      await t.http
        .post(`${API}/violations/${v.body.id}/transitions`)
        .set(bearer(cast.inspector.token))
        .send(sanction(type.minFine)),
      422,
      'OFFENDER_UNKNOWN',
    );
    await t.http
      .patch(`${API}/unlicensed-sites/${s.id}`)
      .set(bearer(cast.inspector.token))
      .send({ operator })
      .expect(200);
    const tooMuch = await t.http
      .post(`${API}/violations/${v.body.id}/transitions`)
      .set(bearer(cast.inspector.token))
      .send(sanction(type.maxFine));
    expectProblem(tooMuch, 422, 'FINE_OUT_OF_RANGE');
    expect(tooMuch.body).toMatchObject({ offenderKind: 'INDIVIDUAL', maxFine: Math.floor(type.maxFine / 2) });
    const ok = await t.http
      .post(`${API}/violations/${v.body.id}/transitions`)
      .set(bearer(cast.approver.token))
      .send(sanction(Math.floor(type.maxFine / 2)));
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ state: 'SANCTIONED', offender: { kind: 'INDIVIDUAL', name: 'Trần Thị Bình' } });

    expectProblem(await fire(cast.inspector, s.id, { event: 'SANCTION' }), 422, 'SANCTION_VIOLATION_REQUIRED');
    const sanctioned = await fire(cast.approver, s.id, { event: 'SANCTION', violationId: v.body.id });
    expect(sanctioned.body).toMatchObject({ state: 'SANCTIONED', violationId: v.body.id });
    expectProblem(await fire(cast.inspector, s.id, { event: 'MARK_CEASED' }), 422, 'REASON_REQUIRED');
    const ceased = await fire(cast.inspector, s.id, {
      event: 'MARK_CEASED',
      reason: 'Tên miền không còn truy cập được',
    });
    expect(ceased.body).toMatchObject({ state: 'CEASED', closingNote: 'Tên miền không còn truy cập được' });
    const list = await t.http.get(`${API}/unlicensed-sites?state=CEASED`).set(bearer(cast.approver.token));
    expect(list.body.items.map((i: { id: string }) => i.id)).toContain(s.id);
  });

  it('DISMISS needs a reason; concurrent transitions: one wins, the other 409', async () => {
    const s = (await register(cast.inspector)).body;
    expectProblem(await fire(cast.inspector, s.id, { event: 'DISMISS' }), 422, 'REASON_REQUIRED');
    const [a, b] = await Promise.all([
      fire(cast.inspector, s.id, { event: 'START_REVIEW', version: 1 }),
      fire(cast.appraiser, s.id, { event: 'START_REVIEW', version: 1 }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const d = await fire(cast.inspector, s.id, {
      event: 'DISMISS',
      reason: 'Trang của cơ quan báo chí đã có giấy phép',
    });
    expect(d.body.state).toBe('DISMISSED');
  });

  it('refuses bad input (4xx, nothing recorded), other roles and other authorities', async () => {
    const before = (await t.http.get(`${API}/unlicensed-sites`).set(bearer(cast.inspector.token))).body.total;
    expectProblem(await register(cast.inspector, { domains: [] }), 400, 'VALIDATION_FAILED');
    expectProblem(await register(cast.inspector, { domains: ['http://a.vn/x'] }), 400, 'VALIDATION_FAILED');
    expectProblem(await register(cast.inspector, { discoveryMethod: 'GUESS' }), 400, 'VALIDATION_FAILED');
    expectProblem(
      await register(cast.inspector, { evidence: [{ url: 'ftp://a.vn', capturedAt: '2026-12-01T02:00:00Z' }] }),
      400,
    );
    expectProblem(
      await register(cast.inspector, { evidence: [{ url: 'https://a.vn', capturedAt: '2026-12-01 02:00' }] }),
      400,
    );
    expectProblem(await register(cast.inspector, { operator: { kind: 'INDIVIDUAL' } }), 400);
    expectProblem(await register(cast.inspector, { foundOn: '2026-12-02' }), 422, 'FOUND_IN_FUTURE');
    expectProblem(
      await register(cast.inspector, { evidence: [{ url: 'https://a.vn', capturedAt: '2026-12-01T04:00:00Z' }] }),
      422,
      'CAPTURED_IN_FUTURE',
    );
    expectProblem(await register(cast.owner), 403);
    expectProblem(await register(cast.approver), 403);
    expect((await t.http.get(`${API}/unlicensed-sites`).set(bearer(cast.inspector.token))).body.total).toBe(before);

    const s = (await register(cast.inspector)).body;
    expectProblem(await t.http.get(`${API}/unlicensed-sites`).set(bearer(cast.owner.token)), 403);
    expectProblem(await get(cast.owner, s.id), 403);
    const stranger = await createStaff(t, 'inspector', (await createAuthority(t)).id);
    expectProblem(await get(stranger, s.id), 404);
    expectProblem(await fire(stranger, s.id, { event: 'START_REVIEW' }), 404);
    expect((await t.http.get(`${API}/unlicensed-sites`).set(bearer(stranger.token))).body.total).toBe(0);
    expectProblem(await fire(cast.inspector, s.id, { event: 'FLY' }), 400, 'UNKNOWN_EVENT');
    expectProblem(await fire(cast.inspector, s.id, { event: 'MARK_LICENSED', applicationId: 'nope' }), 400);
    expectProblem(await t.http.get(`${API}/unlicensed-sites/not-a-uuid`).set(bearer(cast.inspector.token)), 404);
    expectProblem(
      await t.http.patch(`${API}/unlicensed-sites/${s.id}`).set(bearer(cast.inspector.token)).send({}),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(
      await t.http
        .patch(`${API}/unlicensed-sites/${s.id}`)
        .set(bearer(cast.inspector.token))
        .send({ siteName: 'X', version: 9 }),
      409,
      'VERSION_CONFLICT',
    );
    const up = await t.http
      .post(`${API}/unlicensed-sites/${s.id}/evidence/${s.evidence[0].id}/documents`)
      .set(bearer(cast.inspector.token))
      .field('kind', 'SCREENSHOT')
      .attach('file', Buffer.from('not an image'), { filename: 'x.png', contentType: 'image/png' });
    expectProblem(up, 415);
  });
});
