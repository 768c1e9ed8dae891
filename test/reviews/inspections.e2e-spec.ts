import { Clock, SystemClock } from '../../src/common/clock';
import {
  bearer,
  createAuthority,
  createCast,
  createStaff,
  expectProblem,
  registerOwner,
  TestUser,
} from '../support/factories';
import { API, startTestApp, TestApp } from '../support/test-app';
import { binary, issueLicenseDirectly, pdfText, tinyPng } from './fixtures';

describe('inspections: plan, carry out, close with a numbered record', () => {
  let t: TestApp;
  let cast: Awaited<ReturnType<typeof createCast>>;
  let license: { id: string; number: string };
  let clock: SystemClock;

  beforeAll(async () => {
    t = await startTestApp();
    clock = t.app.get(Clock) as SystemClock;
    cast = await createCast(t);
    license = await issueLicenseDirectly(t, cast, { decidedOn: '2026-03-05', siteName: 'Tin tức Sông Lam' });
  });
  afterEach(() => clock.reset());
  afterAll(() => t.close());

  const plan = (u: TestUser, body: Record<string, unknown> = {}) =>
    t.http
      .post(`${API}/inspections`)
      .set(bearer(u.token))
      .send({
        licenseId: license.id,
        scheduledOn: '2026-12-15',
        kind: 'PERIODIC',
        scope: 'Nguồn tin, trích dẫn nguyên văn, tên miền .vn và máy chủ tại Việt Nam, thông tin trên trang chủ',
        ...body,
      });
  const fire = (u: TestUser, id: string, body: Record<string, unknown>) =>
    t.http.post(`${API}/inspections/${id}/transitions`).set(bearer(u.token)).send(body);
  const complete = {
    event: 'COMPLETE',
    findings: ['Trang chủ không ghi số giấy phép', 'Trích dẫn 3 tin không ghi rõ nguồn'],
    conclusion: 'Tổ chức cơ bản chấp hành quy định; có 02 tồn tại cần khắc phục.',
    remedies: [{ description: 'Bổ sung số giấy phép trên trang chủ', dueOn: '2027-01-15' }],
  };
  const recordPdf = (u: TestUser, id: string) =>
    t.http.get(`${API}/inspections/${id}/record.pdf`).set(bearer(u.token)).buffer(true).parse(binary);
  const recordProblem = (u: TestUser, id: string) =>
    t.http.get(`${API}/inspections/${id}/record.pdf`).set(bearer(u.token));

  it('PLANNED → IN_PROGRESS → COMPLETED with findings, conclusion and a record number', async () => {
    clock.set(new Date('2026-12-15T02:00:00Z'));
    const r = await plan(cast.inspector, {
      team: [
        { fullName: 'Nguyễn Thị Hoa', position: 'Thanh tra viên', role: 'Trưởng đoàn' },
        { fullName: 'Phạm Đức Long', position: 'Chuyên viên' },
      ],
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ state: 'PLANNED', version: 1, kind: 'PERIODIC', recordNumber: null });
    expect(r.body.place).toContain('Lê Lợi');
    const id = r.body.id as string;

    expectProblem(await recordProblem(cast.inspector, id), 409, 'RECORD_NOT_AVAILABLE');
    expectProblem(await fire(cast.inspector, id, complete), 409, 'TRANSITION_NOT_ALLOWED');
    const started = await fire(cast.inspector, id, { event: 'START', version: 1 });
    expect(started.status).toBe(200);
    expect(started.body.state).toBe('IN_PROGRESS');

    const missing = await fire(cast.inspector, id, { event: 'COMPLETE', findings: [] });
    expectProblem(missing, 422, 'FINDINGS_REQUIRED');
    expect((missing.body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual(['conclusion', 'findings']);
    expectProblem(await fire(cast.inspector, id, { ...complete, version: 1 }), 409, 'VERSION_CONFLICT');

    const done = await fire(cast.inspector, id, complete);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({
      state: 'COMPLETED',
      recordNumber: '1/BB-STTTT',
      completedOn: '2026-12-15',
      findings: complete.findings,
      remedies: complete.remedies,
    });
    expectProblem(await fire(cast.inspector, id, { event: 'CANCEL', reason: 'x' }), 409, 'TRANSITION_NOT_ALLOWED');

    const notes = await t.http.get(`${API}/notifications`).set(bearer(cast.owner.token));
    expect((notes.body.items as { kind: string }[]).map((n) => n.kind)).toContain('INSPECTION_COMPLETED');
    const hist = await t.http.get(`${API}/inspections/${id}/history`).set(bearer(cast.owner.token));
    expect((hist.body as { event: string }[]).map((h) => h.event)).toEqual(['CREATE', 'START', 'COMPLETE']);
  });

  it('the record PDF is the biên bản in Vietnamese, the same bytes every time, for the owner too', async () => {
    const list = await t.http.get(`${API}/inspections`).query({ state: 'COMPLETED' }).set(bearer(cast.inspector.token));
    const id = list.body.items[0].id as string;
    const a = await recordPdf(cast.inspector, id);
    expect(a.status).toBe(200);
    expect(a.headers['content-type']).toBe('application/pdf');
    const b = await recordPdf(cast.owner, id);
    expect(b.status).toBe(200);
    expect(Buffer.compare(a.body as Buffer, b.body as Buffer)).toBe(0);
    const text = pdfText(a.body as Buffer).replace(/\s+/g, ' ');
    for (const s of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'BIÊN BẢN KIỂM TRA',
      '1/BB-STTTT',
      'Công ty Cổ phần Truyền thông Sông Lam',
      license.number,
      'Nguyễn Thị Hoa',
      'Phạm Đức Long',
      'Trang chủ không ghi số giấy phép',
      'Bổ sung số giấy phép trên trang chủ',
      'Tổ chức cơ bản chấp hành quy định',
    ]) {
      expect(text).toContain(s);
    }
  });

  it('numbers records per authority, consecutively', async () => {
    const r = await plan(cast.inspector, { kind: 'AD_HOC' });
    await fire(cast.inspector, r.body.id, { event: 'START' }).expect(200);
    const done = await fire(cast.inspector, r.body.id, complete);
    expect(done.body.recordNumber).toBe('2/BB-STTTT');
    expect(done.body.team).toEqual([
      { fullName: 'Cán bộ inspector', position: 'Cán bộ kiểm tra', role: 'Trưởng đoàn' },
    ]);
  });

  it('CANCEL needs a reason; a cancelled inspection takes no evidence', async () => {
    const r = await plan(cast.inspector);
    expectProblem(await fire(cast.inspector, r.body.id, { event: 'CANCEL' }), 422, 'REASON_REQUIRED');
    const c = await fire(cast.inspector, r.body.id, { event: 'CANCEL', reason: 'Tổ chức đã chấm dứt hoạt động' });
    expect(c.body.state).toBe('CANCELLED');
    expectProblem(await fire(cast.inspector, r.body.id, { event: 'START' }), 409, 'TRANSITION_NOT_ALLOWED');
    const up = await t.http
      .post(`${API}/inspections/${r.body.id}/documents`)
      .set(bearer(cast.inspector.token))
      .field('kind', 'SCREENSHOT')
      .attach('file', tinyPng(), 'anh.png');
    expectProblem(up, 409);
  });

  it('evidence: PNG/PDF judged by bytes, listed and downloadable by whoever sees the inspection', async () => {
    const r = await plan(cast.inspector);
    const up = await t.http
      .post(`${API}/inspections/${r.body.id}/documents`)
      .set(bearer(cast.inspector.token))
      .field('kind', 'SCREENSHOT')
      .attach('file', tinyPng(), 'ảnh chụp trang chủ.pdf');
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ kind: 'SCREENSHOT', contentType: 'image/png', fileName: 'ảnh chụp trang chủ.pdf' });
    const bad = await t.http
      .post(`${API}/inspections/${r.body.id}/documents`)
      .set(bearer(cast.inspector.token))
      .field('kind', 'SCREENSHOT')
      .attach('file', Buffer.from('không phải ảnh'), 'x.png');
    expectProblem(bad, 415);
    expectProblem(
      await t.http
        .post(`${API}/inspections/${r.body.id}/documents`)
        .set(bearer(cast.owner.token))
        .field('kind', 'SCREENSHOT')
        .attach('file', tinyPng(), 'a.png'),
      403,
    );
    const list = await t.http.get(`${API}/inspections/${r.body.id}/documents`).set(bearer(cast.owner.token));
    expect(list.body).toHaveLength(1);
    const content = await t.http
      .get(`${API}/inspections/${r.body.id}/documents/${up.body.id}/content`)
      .set(bearer(cast.owner.token))
      .buffer(true)
      .parse(binary);
    expect(content.status).toBe(200);
    expect(Buffer.compare(content.body as Buffer, tinyPng())).toBe(0);
  });

  it('refuses other roles (403) and hides other authorities and organizations (404)', async () => {
    for (const u of [cast.owner, cast.appraiser, cast.approver]) expectProblem(await plan(u), 403, 'FORBIDDEN');
    const r = await plan(cast.inspector);
    for (const u of [cast.owner, cast.appraiser, cast.approver]) {
      expectProblem(await fire(u, r.body.id, { event: 'START' }), 403, 'FORBIDDEN');
    }
    const other = await createAuthority(t);
    const foreign = await createStaff(t, 'inspector', other.id);
    const stranger = await registerOwner(t);
    expectProblem(await plan(foreign), 404, 'NOT_FOUND');
    expectProblem(await fire(foreign, r.body.id, { event: 'START' }), 404, 'NOT_FOUND');
    for (const u of [foreign, stranger]) {
      expectProblem(await t.http.get(`${API}/inspections/${r.body.id}`).set(bearer(u.token)), 404, 'NOT_FOUND');
      expectProblem(await recordProblem(u, r.body.id), 404, 'NOT_FOUND');
      expect((await t.http.get(`${API}/inspections`).set(bearer(u.token))).body.total).toBe(0);
    }
    const mine = await t.http.get(`${API}/inspections`).set(bearer(cast.owner.token));
    expect(mine.body.total).toBeGreaterThan(0);
  });

  it('validates input (400)', async () => {
    const r = await plan(cast.inspector, {
      kind: 'SURPRISE',
      scheduledOn: '15/12/2026',
      team: [{ position: 'x' }],
      extra: 1,
    });
    expectProblem(r, 400, 'VALIDATION_FAILED');
    expect((r.body.errors as { field: string }[]).map((e) => e.field)).toEqual(
      expect.arrayContaining(['kind', 'scheduledOn', 'team[0].fullName', 'extra']),
    );
    const p = await plan(cast.inspector);
    const bad = await fire(cast.inspector, p.body.id, {
      event: 'START',
      findings: 'nothing',
      remedies: [{ dueOn: 'soon' }],
    });
    expectProblem(bad, 400, 'VALIDATION_FAILED');
    expect((bad.body.errors as { field: string }[]).map((e) => e.field)).toEqual(
      expect.arrayContaining(['findings', 'remedies[0].description', 'remedies[0].dueOn']),
    );
    expectProblem(await fire(cast.inspector, p.body.id, { event: 'FINISH' }), 400, 'UNKNOWN_EVENT');
  });
});
