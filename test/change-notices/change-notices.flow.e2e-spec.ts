import { Clock, SystemClock } from '../../src/common/clock';
import {
  bearer,
  Cast,
  createCast,
  createStaff,
  expectProblem,
  fileApplicationTo,
  fireApplication,
  fireApplicationOk,
  registerOwner,
  requirementKinds,
} from '../support/factories';
import { API, startTestApp, TestApp } from '../support/test-app';
import { draftNotice, getPdf, NEW_ADDRESS, NEW_OWNER, OLD_ADDRESS, pdfText, walkNotice } from './fixtures';

/**
 * Decree 72/2013 art. 23h: a change of owner or head-office address is notified and the authority confirms it within
 * 7 working days; the license gets a new version with the same number, and a confirmation letter is issued.
 */
describe('change notices: filing, confirmation, license version, registry and letter', () => {
  let t: TestApp;
  let cast: Cast;
  let clock: SystemClock;
  let licenseId: string;
  let license: { number: string; version: number; issuedOn: string };
  beforeAll(async () => {
    t = await startTestApp();
    cast = await createCast(t);
    clock = t.app.get(Clock) as SystemClock;
    clock.set(new Date('2026-03-02T02:00:00Z')); // Monday 2 March, 09:00 in Hà Nội
    licenseId = (await fileApplicationTo(t, cast, 'APPROVED')).licenseId as string;
    license = (await t.http.get(`${API}/licenses/${licenseId}`).set(bearer(cast.owner.token))).body;
  });
  afterAll(async () => {
    clock.reset();
    await t.close();
  });
  const at = (iso: string) => clock.set(new Date(iso));

  it('the requirements of a CHANGE_NOTICE are the written notice and the proof of the change', async () => {
    expect(await requirementKinds(t, 'CHANGE_NOTICE', false)).toEqual(['CHANGE_NOTICE_LETTER', 'CHANGE_PROOF']);
  });

  it('file → confirm within 7 working days → license version + 1, same number; PDF, registry and letter', async () => {
    at('2026-03-09T02:00:00Z'); // Monday 9 March
    const draft = await draftNotice(t, cast, licenseId, {
      changedOn: '2026-03-04',
      newOwner: ` ${NEW_OWNER} `,
      newHeadOfficeAddress: NEW_ADDRESS,
    });
    expect(draft).toMatchObject({
      type: 'CHANGE_NOTICE',
      state: 'DRAFT',
      licenseId,
      site: null,
      changeNotice: { changedOn: '2026-03-04', newOwner: NEW_OWNER, newHeadOfficeAddress: NEW_ADDRESS },
      late: null,
      lateByWorkingDays: null,
      violationId: null,
    });

    const submitted = await walkNotice(t, cast, draft, 'SUBMITTED');
    expect(submitted).toMatchObject({ late: false, lateByWorkingDays: 0 });

    // The confirmation clock: 7 working days from the complete notice (application_type_settings CHANGE_NOTICE).
    const complete = await walkNotice(t, cast, submitted, 'IN_APPRAISAL');
    expect(complete.deadline).toEqual({
      dueAt: '2026-03-18T16:59:59.999Z', // 10, 11, 12, 13, 16, 17, 18 March
      workingDaysLeft: 8,
      overdue: false,
      paused: false,
    });
    const history = await t.http.get(`${API}/applications/${draft.id}/history`).set(bearer(cast.appraiser.token));
    expect(history.body.at(-1).data).toMatchObject({ workingDays: 7, dueOn: '2026-03-18' });

    // No letter before the confirmation.
    expectProblem(
      await t.http.get(`${API}/applications/${draft.id}/confirmation.pdf`).set(bearer(cast.owner.token)),
      409,
      'CONFIRMATION_NOT_ISSUED',
    );

    at('2026-03-11T03:00:00Z'); // Wednesday 11 March
    const pending = await walkNotice(t, cast, complete, 'PENDING_DECISION');
    const approved = await fireApplicationOk(t, cast.approver.token, pending.id, {
      event: 'APPROVE',
      version: pending.version,
    });
    expect(approved).toMatchObject({ state: 'APPROVED', licenseId });
    expect(approved.deadline).toMatchObject({ overdue: false });
    const decided = await t.http.get(`${API}/applications/${draft.id}/history`).set(bearer(cast.owner.token));
    expect(decided.body.at(-1)).toMatchObject({ event: 'APPROVE', data: { letterNumber: '01/STTTT-TTĐT' } });

    // The license: one more version, same number, the new owner and head office.
    const now = (await t.http.get(`${API}/licenses/${licenseId}`).set(bearer(cast.owner.token))).body;
    expect(now).toMatchObject({ number: license.number, version: license.version + 1, status: 'ACTIVE' });
    expect(now.licensee).toMatchObject({ owner: NEW_OWNER, headOffice: NEW_ADDRESS });
    const versions = (await t.http.get(`${API}/licenses/${licenseId}/versions`).set(bearer(cast.owner.token))).body as {
      kind: string;
      edition: number;
    }[];
    expect(versions.map((v) => [v.kind, v.edition])).toEqual([
      ['NEW', 1],
      ['CHANGE_NOTICE', 2],
    ]);
    const [org] = await t.ds.query(`SELECT address FROM organizations WHERE id = $1`, [cast.owner.organizationId]);
    expect(org.address).toBe(NEW_ADDRESS);

    // Its PDF shows the current particulars; the first version still shows the old ones.
    const pdf = await getPdf(t, `/licenses/${licenseId}/pdf`, cast.owner.token);
    expect(pdf.status).toBe(200);
    const text = pdfText(pdf.body as Buffer);
    expect(text).toContain(`Số: ${license.number}`);
    expect(text).toContain(NEW_ADDRESS);
    expect(text).toContain(`Chủ sở hữu: ${NEW_OWNER}`);
    expect(text).not.toContain(OLD_ADDRESS);
    const first = pdfText((await getPdf(t, `/licenses/${licenseId}/pdf?version=1`, cast.owner.token)).body as Buffer);
    expect(first).toContain(OLD_ADDRESS);

    // The public registry shows the new head office at once.
    const registry = await t.http.get(`${API}/public/licenses`).query({ q: license.number });
    expect(registry.status).toBe(200);
    expect(registry.body.items).toEqual([expect.objectContaining({ number: license.number, headOffice: NEW_ADDRESS })]);

    // The confirmation letter: Vietnamese, the changes before and after, the same bytes every time.
    const letter = await getPdf(t, `/applications/${draft.id}/confirmation.pdf`, cast.owner.token);
    expect(letter.status).toBe(200);
    expect(letter.headers['content-type']).toMatch(/^application\/pdf/);
    const letterText = pdfText(letter.body as Buffer);
    for (const s of [
      'Số: 01/STTTT-TTĐT',
      'V/v xác nhận thông báo thay đổi thông tin',
      'Kính gửi: Công ty Cổ phần Truyền thông Sông Lam',
      `Giấy phép số ${license.number}`,
      'Chủ sở hữu',
      'Thông tin trước khi thay đổi: Chưa ghi nhận trong Giấy phép',
      `Thông tin sau khi thay đổi: ${NEW_OWNER}`,
      'Địa chỉ trụ sở chính',
      `Thông tin trước khi thay đổi: ${OLD_ADDRESS}`,
      `Thông tin sau khi thay đổi: ${NEW_ADDRESS}`,
      'Thời điểm thay đổi: ngày 04 tháng 3 năm 2026',
      'trong thời hạn 10 ngày làm việc',
      'Nghệ An, ngày 11 tháng 3 năm 2026',
    ]) {
      expect(letterText).toContain(s);
    }
    const again = await getPdf(t, `/applications/${draft.id}/confirmation.pdf`, cast.appraiser.token);
    expect(Buffer.compare(again.body as Buffer, letter.body as Buffer)).toBe(0);
    expect(again.headers.etag).toBe(letter.headers.etag);

    // Who may read it: the organization and the authority's staff; nobody else learns it exists.
    const stranger = await registerOwner(t);
    const otherCast = await createCast(t);
    for (const token of [stranger.token, otherCast.inspector.token]) {
      expectProblem(
        await t.http.get(`${API}/applications/${draft.id}/confirmation.pdf`).set(bearer(token)),
        404,
        'NOT_FOUND',
      );
    }
    expect((await getPdf(t, `/applications/${draft.id}/confirmation.pdf`, cast.inspector.token)).status).toBe(200);
    expect((await getPdf(t, `/applications/${draft.id}/confirmation.pdf`, t.adminToken)).status).toBe(200);
  });

  it('letters are numbered per authority and year; a second notice gets 02', async () => {
    at('2026-03-16T03:00:00Z');
    const draft = await draftNotice(t, cast, licenseId, {
      changedOn: '2026-03-13',
      newOwner: 'Công ty TNHH Đầu tư Lam Hồng',
    });
    const approved = await walkNotice(t, cast, draft, 'APPROVED');
    const letter = pdfText((await getPdf(t, `/applications/${approved.id}/confirmation.pdf`, cast.owner.token)).body);
    expect(letter).toContain('Số: 02/STTTT-TTĐT');
    // The owner named by the first notice is now the "before".
    expect(letter).toContain(`Thông tin trước khi thay đổi: ${NEW_OWNER}`);
    expect(letter).not.toContain('Địa chỉ trụ sở chính');
    const rows = await t.ds.query(
      `SELECT letter_number, year, seq FROM change_notice_confirmations WHERE authority_id = $1 ORDER BY seq`,
      [cast.authority.id],
    );
    expect(rows).toEqual([
      { letter_number: '01/STTTT-TTĐT', year: 2026, seq: 1 },
      { letter_number: '02/STTTT-TTĐT', year: 2026, seq: 2 },
    ]);
  });

  it('the confirmation period is data: an authority override of the CHANGE_NOTICE period moves the deadline', async () => {
    const own = await createCast(t);
    at('2026-03-02T02:00:00Z');
    const lic = (await fileApplicationTo(t, own, 'APPROVED')).licenseId as string;
    const set = await t.http.post(`${API}/legal-parameters`).set(bearer(t.adminToken)).send({
      key: 'CHANGE_NOTICE_CONFIRMATION_WORKING_DAYS',
      value: 3,
      effectiveFrom: '2026-03-02',
      basis: 'Quyết định của Ủy ban nhân dân tỉnh',
      authorityId: own.authority.id,
    });
    expect(set.status).toBe(201);
    at('2026-03-09T02:00:00Z');
    const app = await walkNotice(
      t,
      own,
      await draftNotice(t, own, lic, { changedOn: '2026-03-06', newOwner: 'X' }),
      'IN_APPRAISAL',
    );
    expect(app.deadline).toMatchObject({ dueAt: '2026-03-12T16:59:59.999Z', workingDaysLeft: 4 });
  });

  it('REJECT (refusal) needs a written reason; the license stays as it was and no letter is issued', async () => {
    at('2026-03-23T03:00:00Z');
    const before = (await t.http.get(`${API}/licenses/${licenseId}`).set(bearer(cast.owner.token))).body;
    const draft = await draftNotice(t, cast, licenseId, {
      changedOn: '2026-03-20',
      newHeadOfficeAddress: '1 Trường Thi, thành phố Vinh, Nghệ An',
    });
    const pending = await walkNotice(t, cast, draft, 'PENDING_DECISION');
    expectProblem(
      await fireApplication(t, cast.approver.token, pending.id, { event: 'REJECT' }),
      422,
      'REASON_REQUIRED',
    );
    expectProblem(
      await fireApplication(t, cast.approver.token, pending.id, { event: 'REJECT', reason: '   ' }),
      422,
      'REASON_REQUIRED',
    );
    // Roles and four eyes on the decision.
    expectProblem(await fireApplication(t, cast.appraiser.token, pending.id, { event: 'APPROVE' }), 403);
    expectProblem(
      await fireApplication(t, cast.approver.token, pending.id, { event: 'APPROVE', version: pending.version - 1 }),
      409,
      'VERSION_CONFLICT',
    );
    const rejected = await fireApplicationOk(t, cast.approver.token, pending.id, {
      event: 'REJECT',
      reason: 'Tài liệu chứng minh việc thay đổi địa chỉ không hợp lệ',
    });
    expect(rejected).toMatchObject({
      state: 'REJECTED',
      decisionReason: 'Tài liệu chứng minh việc thay đổi địa chỉ không hợp lệ',
    });
    expectProblem(
      await fireApplication(t, cast.approver.token, pending.id, { event: 'APPROVE' }),
      409,
      'TRANSITION_NOT_ALLOWED',
    );
    const after = (await t.http.get(`${API}/licenses/${licenseId}`).set(bearer(cast.owner.token))).body;
    expect(after).toMatchObject({ version: before.version, licensee: before.licensee });
    expectProblem(
      await t.http.get(`${API}/applications/${draft.id}/confirmation.pdf`).set(bearer(cast.owner.token)),
      409,
      'CONFIRMATION_NOT_ISSUED',
    );
  });

  it('a supplement request pauses the confirmation clock like any dossier', async () => {
    at('2026-03-23T03:00:00Z');
    const draft = await draftNotice(t, cast, licenseId, { changedOn: '2026-03-20', newOwner: 'Công ty Y' });
    const inReview = await walkNotice(t, cast, draft, 'IN_REVIEW');
    const paused = await fireApplicationOk(t, cast.appraiser.token, inReview.id, {
      event: 'REQUEST_SUPPLEMENT',
      items: ['Giấy chứng nhận đăng ký doanh nghiệp có thông tin chủ sở hữu mới'],
      reason: 'Thiếu tài liệu chứng minh',
    });
    expect(paused.state).toBe('SUPPLEMENT_REQUESTED');
    // The owner corrects the notice while the supplement is awaited.
    const patched = await t.http
      .patch(`${API}/applications/${draft.id}`)
      .set(bearer(cast.owner.token))
      .send({ changeNotice: { changedOn: '2026-03-19', newOwner: 'Công ty Y' }, version: paused.version });
    expect(patched.status).toBe(200);
    expect(patched.body.changeNotice).toEqual({ changedOn: '2026-03-19', newOwner: 'Công ty Y' });
  });

  it('another organization’s owner and another authority’s staff see 404', async () => {
    const stranger = await registerOwner(t);
    const appraiserElsewhere = await createStaff(t, 'appraiser', (await createCast(t)).authority.id);
    at('2026-03-24T03:00:00Z');
    const draft = await draftNotice(t, cast, licenseId, { changedOn: '2026-03-23', newOwner: 'Công ty Z' });
    await walkNotice(t, cast, draft, 'SUBMITTED');
    for (const token of [stranger.token, appraiserElsewhere.token]) {
      expectProblem(await t.http.get(`${API}/applications/${draft.id}`).set(bearer(token)), 404, 'NOT_FOUND');
    }
  });
});
