import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
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
import { binary, issueLicenseDirectly, pdfText, tinyPng } from '../reviews/fixtures';

/**
 * Issue 15: an authority orders a removal and sees the 3-hour clock run out into a violation proposal; a correction
 * runs in working days; the licensee answers with evidence; the authority accepts or returns.
 */
describe('content requests: correction (working days) and removal (3 hours on the clock)', () => {
  let t: TestApp;
  let cast: Awaited<ReturnType<typeof createCast>>;
  let license: { id: string; number: string };
  let clock: SystemClock;
  // Tuesday 1 December 2026, 10:00 in Vietnam
  const tuesday = new Date('2026-12-01T03:00:00Z');

  beforeAll(async () => {
    t = await startTestApp();
    clock = t.app.get(Clock) as SystemClock;
    clock.set(tuesday);
    cast = await createCast(t);
    license = await issueLicenseDirectly(t, cast, { decidedOn: '2024-03-05' });
  });
  beforeEach(() => clock.set(tuesday));
  afterAll(async () => {
    clock.reset();
    await t.close();
  });

  const issue = (u: TestUser, body: Record<string, unknown>) =>
    t.http
      .post(`${API}/content-requests`)
      .set(bearer(u.token))
      .send({ licenseId: license.id, description: 'Phát hiện qua theo dõi trên mạng', ...body });
  const correction = {
    kind: 'CORRECTION',
    items: [
      { code: 'EDITED_TITLES', description: 'Sửa tiêu đề tin trích dẫn từ Báo Nghệ An', url: 'https://x.vn/a' },
      { code: 'MISSING_SOURCE_CITATION', description: 'Không ghi nguồn tin' },
    ],
  };
  const removal = { kind: 'REMOVAL', urls: ['https://songlam.vn/tin/1', 'https://songlam.vn/tin/2'] };
  const fire = (u: TestUser, id: string, body: Record<string, unknown>) =>
    t.http.post(`${API}/content-requests/${id}/transitions`).set(bearer(u.token)).send(body);
  const runJobs = () => t.http.post(`${API}/scheduler/run`).set(bearer(t.adminToken)).expect(200);
  const kinds = async (u: TestUser) =>
    (await t.http.get(`${API}/notifications?pageSize=100`).set(bearer(u.token))).body.items as {
      kind: string;
      entityId: string;
    }[];

  it('a CORRECTION is due at the end of its 10th working day; the letter is numbered; the licensee is told', async () => {
    const r = await issue(cast.inspector, correction);
    expect(r.status).toBe(201);
    // day 1 is Wed 2 Dec; the 10th working day is Tue 15 Dec, ending at 24:00 in Vietnam
    expect(r.body).toMatchObject({
      kind: 'CORRECTION',
      state: 'ISSUED',
      deadline: { unit: 'WORKING_DAYS', amount: 10 },
      missed: false,
      licenseId: license.id,
    });
    expect(new Date(r.body.deadline.dueAt).toISOString()).toBe('2026-12-15T16:59:59.999Z');
    expect(r.body.letter.number).toMatch(/^\d{2,}\/[^/]+-TTĐT$/);
    const custom = await issue(cast.inspector, { ...correction, deadlineWorkingDays: 3 });
    expect(new Date(custom.body.deadline.dueAt).toISOString()).toBe('2026-12-04T16:59:59.999Z');
    expect(custom.body.letter.number).not.toBe(r.body.letter.number);
    expect((await kinds(cast.owner)).map((n) => n.kind)).toContain('CONTENT_REQUEST_ISSUED');

    const pdf = await t.http
      .get(`${API}/content-requests/${r.body.id}/letter.pdf`)
      .set(bearer(cast.owner.token))
      .buffer(true)
      .parse(binary);
    expect(pdf.status).toBe(200);
    const bytes = pdf.body as Buffer;
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(r.body.letter.sha256);
    const text = pdfText(bytes).replace(/\s+/g, ' ');
    expect(text).toContain(`Số: ${r.body.letter.number}`);
    expect(text).toContain('chấn chỉnh, khắc phục');
    expect(text).toContain('Tự biên tập, sửa đổi, rút gọn tiêu đề');
    expect(text).toContain('10 ngày làm việc');
    expect(text).toContain(license.number);
    expect(execFileSync('pdffonts', ['-'], { input: bytes }).toString()).not.toMatch(/\bno\s+no\b/);
  });

  it('the licensee answers with evidence; the authority returns, then accepts', async () => {
    const r = (await issue(cast.inspector, correction)).body;
    const png = tinyPng();
    const up = await t.http
      .post(`${API}/content-requests/${r.id}/documents`)
      .set(bearer(cast.owner.token))
      .field('kind', 'SCREENSHOT')
      .attach('file', png, { filename: 'da-sua.png', contentType: 'image/png' });
    expect(up.status).toBe(201);
    expect(up.body.sha256).toBe(createHash('sha256').update(png).digest('hex'));
    expectProblem(await fire(cast.owner, r.id, { event: 'ANSWER' }), 422, 'RESPONSE_REQUIRED');
    expectProblem(await fire(cast.inspector, r.id, { event: 'ANSWER', response: 'x' }), 403);
    clock.set(new Date('2026-12-03T03:00:00Z'));
    const a = await fire(cast.owner, r.id, { event: 'ANSWER', response: 'Đã sửa lại tiêu đề, bổ sung nguồn tin' });
    expect(a.status).toBe(200);
    expect(a.body).toMatchObject({ state: 'ANSWERED', answeredLate: false, missed: false });
    expect((await kinds(cast.inspector)).map((n) => n.kind)).toContain('CONTENT_REQUEST_ANSWERED');
    expectProblem(await fire(cast.inspector, r.id, { event: 'RETURN' }), 422, 'REASON_REQUIRED');
    expect((await fire(cast.inspector, r.id, { event: 'RETURN', reason: 'Còn 2 tin chưa ghi nguồn' })).body.state).toBe(
      'RETURNED',
    );
    await fire(cast.owner, r.id, { event: 'ANSWER', response: 'Đã bổ sung nguồn cho cả 2 tin' }).expect(200);
    const ok = await fire(cast.approver, r.id, { event: 'ACCEPT' });
    expect(ok.body.state).toBe('ACCEPTED');
    expectProblem(
      await t.http
        .post(`${API}/content-requests/${r.id}/documents`)
        .set(bearer(cast.owner.token))
        .field('kind', 'SCREENSHOT')
        .attach('file', png, { filename: 'x.png', contentType: 'image/png' }),
      409,
    );
    const docs = await t.http.get(`${API}/content-requests/${r.id}/documents`).set(bearer(cast.inspector.token));
    expect(docs.body).toEqual([expect.objectContaining({ sha256: up.body.sha256 })]);
    const h = await t.http.get(`${API}/content-requests/${r.id}/history`).set(bearer(cast.owner.token));
    expect((h.body as { event: string }[]).map((e) => e.event)).toEqual([
      'CREATE',
      'ANSWER',
      'RETURN',
      'ANSWER',
      'ACCEPT',
    ]);
  });

  it('a REMOVAL runs 3 hours on the clock (Friday night counts); the watch flags the miss and proposes a violation', async () => {
    // Friday 4 December 2026, 22:30 in Vietnam: due at 01:30 on Saturday
    clock.set(new Date('2026-12-04T15:30:00Z'));
    const r = (await issue(cast.inspector, removal)).body;
    expect(r.deadline).toMatchObject({ unit: 'HOURS', amount: 3 });
    expect(new Date(r.deadline.dueAt).toISOString()).toBe('2026-12-04T18:30:00.000Z');
    const letter = await t.http
      .get(`${API}/content-requests/${r.id}/letter.pdf`)
      .set(bearer(cast.inspector.token))
      .buffer(true)
      .parse(binary);
    const text = pdfText(letter.body as Buffer).replace(/\s+/g, ' ');
    expect(text).toContain('yêu cầu gỡ bỏ thông tin vi phạm pháp luật');
    expect(text).toContain('03 giờ');
    expect(text).toContain('01:30 ngày 05/12/2026');
    expect(text).toContain('https://songlam.vn/tin/2');

    // not before time: RECORD_VIOLATION refused, the watch flags nothing
    expectProblem(await fire(cast.inspector, r.id, { event: 'RECORD_VIOLATION' }), 422, 'DEADLINE_NOT_PASSED');
    clock.set(new Date('2026-12-04T18:29:00Z'));
    await runJobs();
    expect((await t.http.get(`${API}/content-requests/${r.id}`).set(bearer(cast.inspector.token))).body.missed).toBe(
      false,
    );

    clock.set(new Date('2026-12-04T18:31:00Z'));
    await runJobs();
    const missed = (await t.http.get(`${API}/content-requests/${r.id}`).set(bearer(cast.inspector.token))).body;
    expect(missed).toMatchObject({ state: 'ISSUED', missed: true, proposedViolationType: 'FALSE_OR_ILLEGAL_LINKS' });
    expect(new Date(missed.missedAt).toISOString()).toBe('2026-12-04T18:31:00.000Z');
    const notes = (await kinds(cast.inspector)).filter(
      (n) => n.kind === 'CONTENT_REQUEST_MISSED' && n.entityId === r.id,
    );
    expect(notes).toHaveLength(1);
    // nothing decided alone: no violation was logged
    const before = await t.http.get(`${API}/violations?licenseId=${license.id}`).set(bearer(cast.inspector.token));
    expect(before.body.total).toBe(0);
    // the watch is idempotent
    await runJobs();
    expect(
      (await kinds(cast.inspector)).filter((n) => n.kind === 'CONTENT_REQUEST_MISSED' && n.entityId === r.id),
    ).toHaveLength(1);
    const list = await t.http.get(`${API}/content-requests?missed=true`).set(bearer(cast.inspector.token));
    // this one, and the 3-working-day correction of the first test (due at the end of Friday 4 December)
    expect(list.body.total).toBe(2);
    expect(list.body.items.map((i: { id: string }) => i.id)).toContain(r.id);
    expect((list.body.items as { missed: boolean }[]).every((i) => i.missed)).toBe(true);

    // the inspector decides: logs the violation and records it on the request
    const v = await t.http.post(`${API}/violations`).set(bearer(cast.inspector.token)).send({
      licenseId: license.id,
      typeCode: missed.proposedViolationType,
      description: 'Không gỡ bỏ thông tin vi phạm trong 03 giờ',
      detectedOn: '2026-12-05',
    });
    expect(v.status).toBe(201);
    expectProblem(await fire(cast.inspector, r.id, { event: 'RECORD_VIOLATION' }), 422, 'VIOLATION_REQUIRED');
    const rec = await fire(cast.inspector, r.id, { event: 'RECORD_VIOLATION', violationId: v.body.id });
    expect(rec.body).toMatchObject({ state: 'VIOLATION_RECORDED', violationId: v.body.id });
  });

  it('an answer after the deadline is flagged late and missed; counted in GET /statistics', async () => {
    const r = (await issue(cast.inspector, removal)).body;
    clock.set(new Date(tuesday.getTime() + 4 * 3_600_000));
    const a = await fire(cast.owner, r.id, { event: 'ANSWER', response: 'Đã gỡ bỏ' });
    expect(a.body).toMatchObject({ state: 'ANSWERED', answeredLate: true, missed: true });
    clock.set(new Date('2026-12-20T03:00:00Z'));
    const s = await t.http.get(`${API}/statistics?from=2026-12-01&to=2026-12-31`).set(bearer(cast.approver.token));
    expect(s.status).toBe(200);
    expect(s.body.contentRequests.byKind.REMOVAL).toMatchObject({ issued: 2, missed: 2, violations: 1, answered: 1 });
    expect(s.body.contentRequests.byKind.CORRECTION).toMatchObject({ issued: 3, accepted: 1, answered: 1, missed: 1 });
    expect(s.body.contentRequests.issued).toBe(5);
  });

  it('refuses bad input (400/422, nothing issued), other roles, other licensees and authorities', async () => {
    const count = async () =>
      (await t.http.get(`${API}/content-requests`).set(bearer(cast.inspector.token))).body.total as number;
    const before = await count();
    expectProblem(await issue(cast.inspector, { kind: 'CORRECTION' }), 400, 'VALIDATION_FAILED');
    expectProblem(await issue(cast.inspector, { kind: 'REMOVAL' }), 400, 'VALIDATION_FAILED');
    expectProblem(await issue(cast.inspector, { ...removal, deadlineWorkingDays: 2 }), 400, 'VALIDATION_FAILED');
    expectProblem(await issue(cast.inspector, { ...removal, items: correction.items }), 400, 'VALIDATION_FAILED');
    expectProblem(await issue(cast.inspector, { kind: 'REMOVAL', urls: ['javascript:alert(1)'] }), 400);
    expectProblem(
      await issue(cast.inspector, { kind: 'CORRECTION', items: [{ code: 'NOPE', description: 'x' }] }),
      400,
    );
    expectProblem(await issue(cast.inspector, { ...correction, deadlineWorkingDays: 0 }), 400);
    expectProblem(await issue(cast.inspector, { kind: 'LOUDER', urls: ['https://a.vn'] }), 400);
    expectProblem(await issue(cast.owner, removal), 403);
    expectProblem(await issue(cast.appraiser, removal), 403);
    const stranger = await createStaff(t, 'inspector', (await createAuthority(t)).id);
    expectProblem(await issue(stranger, removal), 404);
    expect(await count()).toBe(before);

    const r = (await issue(cast.inspector, removal)).body;
    const otherOwner = await registerOwner(t);
    expectProblem(await t.http.get(`${API}/content-requests/${r.id}`).set(bearer(otherOwner.token)), 404);
    expectProblem(await fire(otherOwner, r.id, { event: 'ANSWER', response: 'x' }), 404);
    expectProblem(await t.http.get(`${API}/content-requests/${r.id}`).set(bearer(stranger.token)), 404);
    expectProblem(await fire(cast.inspector, r.id, { event: 'EXPLODE' }), 400, 'UNKNOWN_EVENT');
    expectProblem(await fire(cast.inspector, r.id, { event: 'ACCEPT' }), 409, 'TRANSITION_NOT_ALLOWED');
    expectProblem(
      await fire(cast.inspector, r.id, { event: 'WITHDRAW', reason: 'Nhầm', version: 5 }),
      409,
      'VERSION_CONFLICT',
    );
    expect((await fire(cast.inspector, r.id, { event: 'WITHDRAW', reason: 'Gửi nhầm trang' })).body.state).toBe(
      'WITHDRAWN',
    );
  });
});
