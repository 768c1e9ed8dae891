import { execFileSync } from 'node:child_process';
import { Clock, SystemClock } from '../../src/common/clock';
import { bearer, createCast, createStaff, expectProblem, TestUser } from '../support/factories';
import { listRoutes } from '../support/routes';
import { API, startTestApp, TestApp } from '../support/test-app';
import { binary, issueLicenseDirectly, pdfText, tinyPng } from '../reviews/fixtures';

/** Issue 15: units file their returns; the authority tracks the overdue ones and downloads the synthesis report. */
describe('unit reporting: units, periods with due dates, returns, reminders, the synthesis report', () => {
  let t: TestApp;
  let cast: Awaited<ReturnType<typeof createCast>>;
  let clock: SystemClock;
  let vinh: { id: string };
  let school: { id: string };
  let vinhUser: TestUser;
  let schoolUser: TestUser;
  let annual: { id: string; dueOn: string };
  const figures = {
    sitesReviewed: 12,
    unlicensedSitesFound: 2,
    unitsDirectedToApply: 1,
    violationsHandled: 1,
    finesVnd: 15_000_000,
    contentRemovals: 4,
  };

  beforeAll(async () => {
    t = await startTestApp();
    clock = t.app.get(Clock) as SystemClock;
    clock.set(new Date('2026-11-20T03:00:00Z'));
    cast = await createCast(t);
    await issueLicenseDirectly(t, cast, { decidedOn: '2026-03-05' });
    vinhUser = await createStaff(t, 'reporting_unit', undefined);
    schoolUser = await createStaff(t, 'reporting_unit', undefined);
  });
  afterAll(async () => {
    clock.reset();
    await t.close();
  });

  const as = (u: TestUser) => bearer(u.token);

  it('units are data; accounts of the new role are attached to one unit', async () => {
    const v = await t.http
      .post(`${API}/reporting-units`)
      .set(as(cast.approver))
      .send({ code: 'UBND-TP-VINH', name: 'Ủy ban nhân dân thành phố Vinh', kind: 'DISTRICT_PEOPLES_COMMITTEE' });
    expect(v.status).toBe(201);
    expect(v.body).toMatchObject({ authorityId: cast.authority.id, code: 'UBND-TP-VINH', active: true });
    vinh = v.body;
    school = (
      await t.http.post(`${API}/reporting-units`).set(bearer(t.adminToken)).send({
        authorityId: cast.authority.id,
        code: 'SO-GDDT',
        name: 'Sở Giáo dục và Đào tạo',
        kind: 'PROVINCIAL_DEPARTMENT',
      })
    ).body;
    expectProblem(
      await t.http
        .post(`${API}/reporting-units`)
        .set(as(cast.approver))
        .send({ code: 'SO-GDDT', name: 'x', kind: 'OTHER' }),
      409,
      'ALREADY_EXISTS',
    );
    expectProblem(await t.http.post(`${API}/reporting-units`).set(as(cast.inspector)).send({}), 403);
    expectProblem(
      await t.http
        .post(`${API}/reporting-units`)
        .set(as(cast.approver))
        .send({ code: 'bad code', name: 'x', kind: 'OTHER' }),
      400,
    );
    for (const [unit, user] of [
      [vinh, vinhUser],
      [school, schoolUser],
    ] as const) {
      await t.http
        .post(`${API}/reporting-units/${unit.id}/members`)
        .set(bearer(t.adminToken))
        .send({ userId: user.id })
        .expect(200);
    }
    expectProblem(
      await t.http
        .post(`${API}/reporting-units/${vinh.id}/members`)
        .set(bearer(t.adminToken))
        .send({ userId: cast.inspector.id }),
      422,
      'NOT_A_REPORTING_ACCOUNT',
    );
    const mine = await t.http.get(`${API}/reporting-units`).set(as(vinhUser));
    expect(mine.body).toEqual([expect.objectContaining({ id: vinh.id })]);
  });

  it('periods take their due date from the defaults (annual: before 1 December)', async () => {
    const a = await t.http.post(`${API}/reporting-periods`).set(as(cast.approver)).send({ kind: 'ANNUAL', year: 2026 });
    expect(a.status).toBe(201);
    expect(a.body).toMatchObject({
      kind: 'ANNUAL',
      year: 2026,
      coversFrom: '2026-01-01',
      coversTo: '2026-12-31',
      dueOn: '2026-11-30',
    });
    annual = a.body;
    const h = await t.http
      .post(`${API}/reporting-periods`)
      .set(as(cast.approver))
      .send({ kind: 'HALF_YEAR', year: 2026 });
    expect(h.body).toMatchObject({ coversTo: '2026-06-30', dueOn: '2026-07-10' });
    expectProblem(
      await t.http.post(`${API}/reporting-periods`).set(as(cast.approver)).send({ kind: 'ANNUAL', year: 2026 }),
      409,
      'ALREADY_EXISTS',
    );
    expectProblem(
      await t.http.post(`${API}/reporting-periods`).set(as(cast.approver)).send({ kind: 'QUARTER', year: 2026 }),
      400,
    );
    expectProblem(
      await t.http.post(`${API}/reporting-periods`).set(as(vinhUser)).send({ kind: 'ANNUAL', year: 2027 }),
      403,
    );
  });

  it('a unit files its return (figures, text, attachment); returned, corrected, accepted; only its own', async () => {
    const r = await t.http.post(`${API}/unit-reports`).set(as(vinhUser)).send({
      periodId: annual.id,
      figures,
      narrative: 'Đã rà soát 12 trang, hướng dẫn 01 đơn vị làm thủ tục cấp phép.',
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ state: 'DRAFT', unitId: vinh.id, figures });
    expectProblem(
      await t.http.post(`${API}/unit-reports`).set(as(vinhUser)).send({ periodId: annual.id, figures, narrative: 'x' }),
      409,
      'ALREADY_EXISTS',
    );
    expectProblem(
      await t.http
        .post(`${API}/unit-reports`)
        .set(as(vinhUser))
        .send({ periodId: annual.id, figures: { ...figures, finesVnd: -1 }, narrative: 'x' }),
      400,
    );
    expectProblem(
      await t.http
        .post(`${API}/unit-reports`)
        .set(as(cast.approver))
        .send({ periodId: annual.id, figures, narrative: 'x' }),
      403,
    );
    const att = await t.http
      .post(`${API}/unit-reports/${r.body.id}/documents`)
      .set(as(vinhUser))
      .field('kind', 'ANNEX')
      .attach('file', tinyPng(), { filename: 'phu-luc.png', contentType: 'image/png' });
    expect(att.status).toBe(201);
    // another unit sees nothing of it
    expectProblem(await t.http.get(`${API}/unit-reports/${r.body.id}`).set(as(schoolUser)), 404);
    expectProblem(
      await t.http.post(`${API}/unit-reports/${r.body.id}/transitions`).set(as(schoolUser)).send({ event: 'SUBMIT' }),
      404,
    );
    expect((await t.http.get(`${API}/unit-reports`).set(as(schoolUser))).body.total).toBe(0);
    // nor anything else of the product
    expectProblem(await t.http.get(`${API}/reporting-periods/${annual.id}/status`).set(as(vinhUser)), 403);
    expectProblem(await t.http.post(`${API}/violations`).set(as(vinhUser)).send({}), 403);

    const s = await t.http
      .post(`${API}/unit-reports/${r.body.id}/transitions`)
      .set(as(vinhUser))
      .send({ event: 'SUBMIT' });
    expect(s.body).toMatchObject({ state: 'SUBMITTED', late: false, submittedOn: '2026-11-20' });
    expectProblem(
      await t.http
        .post(`${API}/unit-reports/${r.body.id}/transitions`)
        .set(as(cast.approver))
        .send({ event: 'RETURN' }),
      422,
      'REASON_REQUIRED',
    );
    await t.http
      .post(`${API}/unit-reports/${r.body.id}/transitions`)
      .set(as(cast.approver))
      .send({ event: 'RETURN', reason: 'Bổ sung số liệu xử phạt' })
      .expect(200);
    const patched = await t.http
      .patch(`${API}/unit-reports/${r.body.id}`)
      .set(as(vinhUser))
      .send({ figures: { ...figures, finesVnd: 20_000_000 }, version: 3 });
    expect(patched.status).toBe(200);
    await t.http
      .post(`${API}/unit-reports/${r.body.id}/transitions`)
      .set(as(vinhUser))
      .send({ event: 'SUBMIT' })
      .expect(200);
    const ok = await t.http
      .post(`${API}/unit-reports/${r.body.id}/transitions`)
      .set(as(cast.inspector))
      .send({ event: 'ACCEPT' });
    expect(ok.body).toMatchObject({ state: 'ACCEPTED', late: false });
    expectProblem(
      await t.http.patch(`${API}/unit-reports/${r.body.id}`).set(as(vinhUser)).send({ narrative: 'x' }),
      409,
    );
  });

  it('reminds the units that have not filed before the due day, and tells them and the approvers once it passed', async () => {
    // of the annual period (the half-year period, due on 10 July, is overdue for both units too)
    const kinds = async (u: TestUser) =>
      (
        (await t.http.get(`${API}/notifications?pageSize=100`).set(as(u))).body.items as {
          kind: string;
          entityId: string;
        }[]
      )
        .filter((n) => n.entityId === annual.id)
        .map((n) => n.kind);
    clock.set(new Date('2026-11-25T03:00:00Z'));
    await t.http.post(`${API}/scheduler/run`).set(bearer(t.adminToken)).expect(200);
    expect(await kinds(schoolUser)).toContain('UNIT_REPORT_DUE');
    expect(await kinds(vinhUser)).not.toContain('UNIT_REPORT_DUE');
    clock.set(new Date('2026-12-01T03:00:00Z'));
    await t.http.post(`${API}/scheduler/run`).set(bearer(t.adminToken)).expect(200);
    await t.http.post(`${API}/scheduler/run`).set(bearer(t.adminToken)).expect(200);
    expect((await kinds(schoolUser)).filter((k) => k === 'UNIT_REPORT_OVERDUE')).toHaveLength(1);
    expect((await kinds(cast.approver)).filter((k) => k === 'UNIT_REPORT_OVERDUE')).toHaveLength(1);
    const st = await t.http.get(`${API}/reporting-periods/${annual.id}/status`).set(as(cast.appraiser));
    expect(st.status).toBe(200);
    const byId = Object.fromEntries((st.body.units as { unit: { id: string } }[]).map((u) => [u.unit.id, u]));
    expect(byId[school.id]).toMatchObject({ state: 'MISSING', overdue: true, reportId: null });
    expect(byId[vinh.id]).toMatchObject({ state: 'ACCEPTED', overdue: false, late: false });

    // filed after the due day: late
    const late = await t.http
      .post(`${API}/unit-reports`)
      .set(as(schoolUser))
      .send({ periodId: annual.id, figures: { ...figures, finesVnd: 0 }, narrative: 'Báo cáo muộn' });
    const s = await t.http
      .post(`${API}/unit-reports/${late.body.id}/transitions`)
      .set(as(schoolUser))
      .send({ event: 'SUBMIT' });
    expect(s.body).toMatchObject({ state: 'SUBMITTED', late: true });
  });

  it("the synthesis report for the Provincial People's Committee: JSON, CSV and a Vietnamese PDF", async () => {
    const unlicensed = await t.http
      .post(`${API}/unlicensed-sites`)
      .set(as(cast.inspector))
      .send({
        domains: ['tin-lau.vn'],
        foundOn: '2026-11-30',
        discoveryMethod: 'REFERRAL',
        description: 'Trang tổng hợp tin tức không phép do UBND thành phố Vinh phát hiện',
      });
    expect(unlicensed.status).toBe(201);
    const j = await t.http.get(`${API}/reporting-periods/${annual.id}/synthesis`).set(as(cast.approver));
    expect(j.status).toBe(200);
    expect(j.body.units).toMatchObject({ expected: 2, filed: 2, overdue: 0, late: 1 });
    expect(j.body.units.totals).toMatchObject({ sitesReviewed: 24, finesVnd: 20_000_000, contentRemovals: 8 });
    expect(j.body.licensing).toMatchObject({ issued: 1, amended: 0, extended: 0, inForce: 1 });
    expect(j.body.unlicensedSites).toMatchObject({ found: 1, resolved: 0 });
    expect(j.body.contentRequests).toMatchObject({ issued: 0 });

    const csv = await t.http.get(`${API}/reporting-periods/${annual.id}/synthesis?format=csv`).set(as(cast.inspector));
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.text).toContain('section,metric,value\r\n');
    expect(csv.text).toContain('licensing,issued,1\r\n');
    expect(csv.text).toContain('unitTotals,finesVnd,20000000\r\n');
    expect(csv.text).toContain('unit:SO-GDDT,state,SUBMITTED\r\n');

    const pdf = await t.http
      .get(`${API}/reporting-periods/${annual.id}/synthesis?format=pdf`)
      .set(as(cast.approver))
      .buffer(true)
      .parse(binary);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const bytes = pdf.body as Buffer;
    const text = pdfText(bytes).replace(/\s+/g, ' ');
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain('Kết quả quản lý trang thông tin điện tử tổng hợp năm 2026');
    expect(text).toContain('Kính gửi: Ủy ban nhân dân tỉnh Nghệ An');
    expect(text).toContain('Số giấy phép cấp mới: 1');
    expect(text).toContain('Số trang phát hiện: 1');
    expect(text).toContain('Sở Giáo dục và Đào tạo: đã gửi báo cáo (gửi muộn)');
    expect(text).toContain('20.000.000');
    expect(execFileSync('pdffonts', ['-'], { input: bytes }).toString()).not.toMatch(/\bno\s+no\b/);

    expectProblem(
      await t.http.get(`${API}/reporting-periods/${annual.id}/synthesis?format=doc`).set(as(cast.approver)),
      400,
    );
    expectProblem(await t.http.get(`${API}/reporting-periods/${annual.id}/synthesis`).set(as(vinhUser)), 403);
    expectProblem(await t.http.get(`${API}/reporting-periods/${annual.id}/synthesis`).set(as(cast.owner)), 403);
    const other = await createCast(t);
    expectProblem(await t.http.get(`${API}/reporting-periods/${annual.id}/synthesis`).set(as(other.approver)), 404);
  });

  it('the reporting_unit role reaches nothing else: every GET route without a parameter answers it 2xx (empty), 403 or 404, never more', async () => {
    const wrong: string[] = [];
    for (const r of listRoutes(t.app)) {
      if (r.method !== 'GET' || r.path.includes(':') || r.public) continue;
      const res = await t.http.get(r.path).set(as(vinhUser));
      if (res.status >= 500) wrong.push(`${r.path} ${res.status}`);
      if (
        res.status === 200 &&
        Array.isArray(res.body?.items) &&
        !r.path.includes('unit-reports') &&
        !r.path.includes('notifications')
      ) {
        if (res.body.items.length > 0) wrong.push(`${r.path} shows ${res.body.items.length} items`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
