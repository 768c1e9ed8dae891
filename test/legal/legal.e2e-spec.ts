import { createHash } from 'node:crypto';
import { Clock, SystemClock } from '../../src/common/clock';
import {
  bearer,
  Cast,
  createApplication,
  createCast,
  expectProblem,
  fileApplicationTo,
  fireApplication,
  fireApplicationOk,
  uploadAllRequired,
  uploadDocument,
  validSite,
} from '../support/factories';
import { API, startTestApp, TestApp } from '../support/test-app';
import { draftNotice, getPdf, pdfText, walkNotice } from '../change-notices/fixtures';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const REPEALED = /72\/2013|27\/2018/;

/** The law as data: legal parameters, legal bases on documents, the name change as an amendment. */
describe('legal data', () => {
  let t: TestApp;
  let cast: Cast;
  let clock: SystemClock;
  beforeAll(async () => {
    t = await startTestApp();
    cast = await createCast(t);
    clock = t.app.get(Clock) as SystemClock;
  });
  afterEach(() => clock.reset());
  afterAll(() => t.close());
  const at = (iso: string) => clock.set(new Date(iso));
  const post = (path: string, body: unknown, token = t.adminToken) =>
    t.http
      .post(`${API}${path}`)
      .set(bearer(token))
      .send(body as object);

  describe('GET /legal-parameters', () => {
    it('anyone reads the figures in force with their basis and verified flag', async () => {
      at('2026-03-02T02:00:00Z');
      const r = await t.http.get(`${API}/legal-parameters`);
      expect(r.status).toBe(200);
      const byKey = new Map((r.body as { key: string }[]).map((p) => [p.key, p]));
      expect(byKey.get('CONTENT_REMOVAL_HOURS')).toMatchObject({ value: 3, unit: 'hours', verified: false });
      expect(byKey.get('PROCESSING_WORKING_DAYS_NEW')).toMatchObject({
        value: 10,
        unit: 'working_days',
        effectiveFrom: '2024-12-25',
        authorityId: null,
        verified: false,
      });
      expect(byKey.get('ANNUAL_REPORT_DUE_MONTH_DAY')).toMatchObject({ value: '01-15', unit: 'month_day' });
      expect(byKey.get('LICENSE_SUSPENSION_MONTHS')).toMatchObject({ value: 3 });
      expect(byKey.get('CONTENT_CORRECTION_WORKING_DAYS')).toMatchObject({ value: 10, unit: 'working_days' });
      expect(byKey.size).toBe(15);
      // Before Decree 147: the Decree 72 row, read in the text.
      const old = await t.http.get(`${API}/legal-parameters?on=2020-01-01`);
      const maxTerm = (old.body as { key: string; basis: string; verified: boolean }[]).find(
        (p) => p.key === 'LICENSE_MAX_TERM_YEARS',
      );
      expect(maxTerm).toMatchObject({ verified: true, effectiveFrom: '2013-09-01' });
      expect(maxTerm?.basis).toContain('72/2013');
    });

    it('refuses a malformed day or authority, and names no unknown key', async () => {
      expectProblem(await t.http.get(`${API}/legal-parameters?on=2026-02-30`), 400, 'VALIDATION_FAILED');
      expectProblem(await t.http.get(`${API}/legal-parameters?authorityId=x`), 400, 'VALIDATION_FAILED');
      expectProblem(
        await t.http.get(`${API}/legal-parameters?authorityId=00000000-0000-4000-8000-000000000000`),
        404,
        'NOT_FOUND',
      );
      expectProblem(await t.http.get(`${API}/legal-parameters/NO_SUCH_KEY`), 404, 'NOT_FOUND');
      const versions = await t.http.get(`${API}/legal-parameters/MAX_EXTENSIONS`);
      expect(versions.status).toBe(200);
      expect(versions.body.map((v: { effectiveFrom: string }) => v.effectiveFrom)).toEqual([
        '2013-09-01',
        '2024-12-25',
      ]);
    });
  });

  describe('POST /legal-parameters', () => {
    it('an admin changes a figure from a date on; the rule reads it from that day, the past is kept', async () => {
      at('2026-05-04T02:00:00Z');
      const body = {
        key: 'LICENSE_MAX_TERM_YEARS',
        value: 5,
        effectiveFrom: '2026-06-01',
        basis: 'Nghị định 147/2024/NĐ-CP (đã xác nhận)',
        verified: true,
      };
      // Refusals first: roles, past, shape, per-authority.
      expectProblem(await t.http.post(`${API}/legal-parameters`).send(body), 401, 'UNAUTHENTICATED');
      expectProblem(await post('/legal-parameters', body, cast.approver.token), 403, 'FORBIDDEN');
      expectProblem(await post('/legal-parameters', body, cast.owner.token), 403, 'FORBIDDEN');
      const past = await post('/legal-parameters', { ...body, effectiveFrom: '2026-05-03' });
      expectProblem(past, 422, 'EFFECTIVE_DATE_IN_PAST');
      expectProblem(await post('/legal-parameters', { ...body, key: 'NO_SUCH_KEY' }), 400, 'VALIDATION_FAILED');
      expectProblem(await post('/legal-parameters', { ...body, value: 0 }), 400, 'VALIDATION_FAILED');
      expectProblem(await post('/legal-parameters', { ...body, value: '5' }), 400, 'VALIDATION_FAILED');
      expectProblem(await post('/legal-parameters', { ...body, value: 2.5 }), 400, 'VALIDATION_FAILED');
      expectProblem(
        await post('/legal-parameters', { ...body, key: 'ANNUAL_REPORT_DUE_MONTH_DAY', value: '02-30' }),
        400,
        'VALIDATION_FAILED',
      );
      expectProblem(
        await post('/legal-parameters', { ...body, authorityId: cast.authority.id }),
        422,
        'PARAMETER_NOT_PER_AUTHORITY',
      );
      expectProblem(await post('/legal-parameters', { ...body, extra: 1 }), 400, 'VALIDATION_FAILED');

      const created = await post('/legal-parameters', body);
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ key: 'LICENSE_MAX_TERM_YEARS', value: 5, unit: 'years', verified: true });
      expectProblem(await post('/legal-parameters', body), 409, 'ALREADY_EXISTS');

      // Today the law still allows 10 years; from 1 June, 5.
      const eightYears = { requestedExpiresOn: '2034-05-01' };
      expect((await createApplication(t, cast.owner, cast.authority.id, eightYears)).state).toBe('DRAFT');
      at('2026-06-01T02:00:00Z');
      const refused = await post(
        '/applications',
        { type: 'NEW', authorityId: cast.authority.id, ...eightYears, site: validSite() },
        cast.owner.token,
      );
      expectProblem(refused, 422, 'REQUESTED_TERM_TOO_LONG');
      const now = (await t.http.get(`${API}/legal-parameters`)).body.find(
        (p: { key: string }) => p.key === 'LICENSE_MAX_TERM_YEARS',
      );
      expect(now).toMatchObject({ value: 5, effectiveFrom: '2026-06-01' });
      const before = (await t.http.get(`${API}/legal-parameters?on=2026-05-31`)).body.find(
        (p: { key: string }) => p.key === 'LICENSE_MAX_TERM_YEARS',
      );
      expect(before).toMatchObject({ value: 10 });
    });
  });

  describe('legal bases on documents', () => {
    it('every document type cites Decree 147/2024 and no repealed decree', async () => {
      at('2026-03-02T02:00:00Z');
      const licenseId = (await fileApplicationTo(t, cast, 'APPROVED')).licenseId as string;
      const license = pdfText((await getPdf(t, `/licenses/${licenseId}/pdf`, cast.owner.token)).body as Buffer);
      expect(license).toContain('Căn cứ Nghị định số 147/2024/NĐ-CP');
      expect(license).toContain('Căn cứ Luật Báo chí ngày 05 tháng 4 năm 2016');
      expect(license).not.toMatch(REPEALED);

      at('2026-03-10T02:00:00Z');
      const notice = await walkNotice(
        t,
        cast,
        await draftNotice(t, cast, licenseId, { changedOn: '2026-01-05', newOwner: 'Công ty Mẹ' }),
        'APPROVED',
      );
      const letter = pdfText(
        (await getPdf(t, `/applications/${notice.id}/confirmation.pdf`, cast.owner.token)).body as Buffer,
      );
      expect(letter).toContain('147/2024/NĐ-CP');
      expect(letter).toContain('quá thời hạn 10 ngày làm việc');
      expect(letter).not.toMatch(REPEALED);

      const planned = await post(
        '/inspections',
        {
          licenseId,
          scheduledOn: '2026-03-12',
          kind: 'PERIODIC',
          scope: 'Kiểm tra định kỳ',
          place: 'Trụ sở',
          team: [{ fullName: 'Trần Văn B', position: 'Thanh tra viên' }],
        },
        cast.inspector.token,
      );
      if (planned.status === 201) {
        const id = planned.body.id as string;
        await post(`/inspections/${id}/transitions`, { event: 'START' }, cast.inspector.token);
        const done = await post(
          `/inspections/${id}/transitions`,
          { event: 'COMPLETE', findings: ['Không phát hiện vi phạm'], conclusion: 'Chấp hành đúng quy định' },
          cast.inspector.token,
        );
        expect(done.status).toBe(200);
        const record = pdfText((await getPdf(t, `/inspections/${id}/record.pdf`, cast.inspector.token)).body as Buffer);
        expect(record).toContain('Căn cứ Nghị định số 147/2024/NĐ-CP');
        expect(record).not.toMatch(REPEALED);
      } else {
        throw new Error(`inspection: ${planned.status} ${JSON.stringify(planned.body)}`);
      }
    });

    it('new lines apply to versions signed from their date; an earlier version keeps its bytes', async () => {
      at('2026-04-01T02:00:00Z');
      const licenseId = (await fileApplicationTo(t, cast, 'APPROVED')).licenseId as string;
      const v1 = (await getPdf(t, `/licenses/${licenseId}/pdf?version=1`, cast.owner.token)).body as Buffer;

      const lines = [
        'Căn cứ Luật Báo chí ngày 05 tháng 4 năm 2016;',
        'Căn cứ Nghị định số 147/2024/NĐ-CP ngày 09 tháng 11 năm 2024 của Chính phủ;',
        'Căn cứ Quyết định số 99/QĐ-UBND ngày 01 tháng 4 năm 2026 về chức năng của Sở;',
      ];
      const body = { documentType: 'LICENSE', effectiveFrom: '2026-04-02', lines, authorityId: cast.authority.id };
      expectProblem(await post('/legal-bases', body, cast.approver.token), 403, 'FORBIDDEN');
      expectProblem(
        await post('/legal-bases', { ...body, effectiveFrom: '2026-03-31' }),
        422,
        'EFFECTIVE_DATE_IN_PAST',
      );
      const repealed = await post('/legal-bases', {
        ...body,
        lines: ['Căn cứ Nghị định số 72/2013/NĐ-CP ngày 15 tháng 7 năm 2013;'],
      });
      expectProblem(repealed, 422, 'LEGAL_BASIS_INVALID');
      expectProblem(await post('/legal-bases', { ...body, lines: ['Xét đề nghị'] }), 422, 'LEGAL_BASIS_INVALID');
      expectProblem(await post('/legal-bases', { ...body, documentType: 'MEMO' }), 400, 'VALIDATION_FAILED');
      expectProblem(await post('/legal-bases', { ...body, lines: [] }), 400, 'VALIDATION_FAILED');
      const created = await post('/legal-bases', body);
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ documentType: 'LICENSE', effectiveFrom: '2026-04-02', lines });
      expectProblem(await post('/legal-bases', body), 409, 'ALREADY_EXISTS');
      const listed = await t.http.get(`${API}/legal-bases?documentType=LICENSE`).set(bearer(t.adminToken));
      expect(listed.status).toBe(200);
      expect(listed.body.length).toBeGreaterThanOrEqual(2);
      expectProblem(await t.http.get(`${API}/legal-bases`).set(bearer(cast.appraiser.token)), 403, 'FORBIDDEN');

      at('2026-04-02T02:00:00Z');
      await fileApplicationTo(t, cast, 'APPROVED', { type: 'REISSUE', licenseId, reason: 'Bản gốc bị hư hỏng' });
      const v2 = pdfText((await getPdf(t, `/licenses/${licenseId}/pdf?version=2`, cast.owner.token)).body as Buffer);
      expect(v2).toContain('Quyết định số 99/QĐ-UBND');
      const again = (await getPdf(t, `/licenses/${licenseId}/pdf?version=1`, cast.owner.token)).body as Buffer;
      expect(sha256(again)).toBe(sha256(v1));
      expect(pdfText(again)).not.toContain('99/QĐ-UBND');
    });
  });

  describe('a change of the organization’s name is an AMENDMENT', () => {
    it('names the licensee by the new name on the new version, with its proof document', async () => {
      at('2026-05-04T02:00:00Z');
      const own = await createCast(t);
      const licenseId = (await fileApplicationTo(t, own, 'APPROVED')).licenseId as string;
      const newName = 'Công ty Cổ phần Truyền thông Sông Lam Mới';
      expectProblem(
        await post(
          '/applications',
          { type: 'REISSUE', authorityId: own.authority.id, licenseId, organizationName: newName },
          own.owner.token,
        ),
        400,
        'VALIDATION_FAILED',
      );
      const app = await createApplication(t, own.owner, own.authority.id, {
        type: 'AMENDMENT',
        licenseId,
        organizationName: newName,
        reason: 'Đổi tên doanh nghiệp',
      });
      expect(app.organizationName).toBe(newName);
      await uploadAllRequired(t, own.owner, app.id, 'AMENDMENT');
      const missing = await fireApplication(t, own.owner.token, app.id, { event: 'SUBMIT' });
      expectProblem(missing, 422, 'MISSING_DOCUMENTS');
      expect(missing.body.missing).toEqual(['NAME_CHANGE_PROOF']);
      expect((await uploadDocument(t, own.owner.token, app.id, 'NAME_CHANGE_PROOF')).status).toBe(201);
      await fireApplicationOk(t, own.owner.token, app.id, { event: 'SUBMIT' });
      await fireApplicationOk(t, own.appraiser.token, app.id, { event: 'START_REVIEW' });
      await fireApplicationOk(t, own.appraiser.token, app.id, { event: 'CONFIRM_COMPLETE' });
      const checklist = (await t.http.get(`${API}/requirements?applicationType=AMENDMENT`)).body.map(
        (r: { kind: string }) => ({ kind: r.kind, satisfied: true }),
      );
      await fireApplicationOk(t, own.appraiser.token, app.id, {
        event: 'RECOMMEND',
        recommendation: 'APPROVE',
        checklist,
      });
      await fireApplicationOk(t, own.approver.token, app.id, { event: 'APPROVE' });
      const license = (await t.http.get(`${API}/licenses/${licenseId}`).set(bearer(own.owner.token))).body;
      expect(license.version).toBe(2);
      const pdf = pdfText((await getPdf(t, `/licenses/${licenseId}/pdf?version=2`, own.owner.token)).body as Buffer);
      expect(pdf).toContain(newName);
      const v1 = pdfText((await getPdf(t, `/licenses/${licenseId}/pdf?version=1`, own.owner.token)).body as Buffer);
      expect(v1).not.toContain(newName);
    });
  });
});
