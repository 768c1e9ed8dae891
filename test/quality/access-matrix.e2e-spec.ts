import type { Response } from 'supertest';
import { tinyPng } from '../reviews/fixtures';
import { bearer, samplePdf } from '../support/factories';
import { openApiChecker } from '../support/openapi';
import { listRoutes } from '../support/routes';
import { API, TestApp } from '../support/test-app';
import { useWorldApp, reportContent, World } from './world';

/**
 * Every route × every kind of caller, with the expected answer. The callers, in column order:
 *
 *   A  anonymous                          P  appraiser of the record's authority
 *   O  site owner of the record           V  approver of the record's authority
 *   X  site owner of another organization I  inspector of the record's authority
 *   S  staff of another authority (the first staff role the route declares, else an appraiser)
 *   M  admin
 *
 * Expected, one letter per caller: `1` → 401, `3` → 403, `4` → 404, `y` → allowed: 2xx, or a 4xx that is not
 * 401/403/404 (a 400/409/422 from a body or state the caller may send). A route registered by the application but
 * missing from this table fails the test: a new route needs its row.
 *
 * Bodies are well-formed (so that visibility is decided before validation could answer 400) but chosen not to
 * change what later rows read: transitions the record's state refuses (409), stale versions, empty bodies where
 * only the admin may call.
 */
const CALLERS = ['A', 'O', 'X', 'P', 'V', 'I', 'S', 'M'] as const;
type CallerKey = (typeof CALLERS)[number];

interface Row {
  expect: string;
  /** JSON body, or a multipart upload. */
  body?: Record<string, unknown>;
  upload?: { kind: string; file: Buffer; name: string; type: string };
  query?: string;
}

/** `:id`, `:docId`, `:name`, `:year` are filled per route family from the prepared records. */
function table(w: World): Record<string, Row> {
  const i = w.ids;
  return {
    //                                                       AOXPVISM
    'GET /health': { expect: 'yyyyyyyy' },
    'POST /auth/register': { expect: 'yyyyyyyy', body: {} },
    'POST /auth/login': { expect: 'yyyyyyyy', body: {} },
    'GET /auth/me': { expect: '1yyyyyyy' },
    'POST /auth/password': { expect: '1yyyyyyy', body: {} },
    'POST /auth/password/forgot': { expect: 'yyyyyyyy', body: {} },
    'POST /auth/password/reset': { expect: 'yyyyyyyy', body: {} },
    'POST /auth/email/verify': { expect: 'yyyyyyyy', body: {} },
    // A weak temporary password: the admin passes the access check and changes nothing (400).
    'POST /users/:id/password-reset': { expect: '1333333y', body: { temporaryPassword: 'short' } },
    'POST /organizations/:id/registration-confirmation': { expect: '1333333y' },
    'POST /auth/session': { expect: 'yyyyyyyy', body: {} },
    // Bearer callers have no cookie session to show or end (404); cookie sessions: test/foundation/session.e2e-spec.ts
    'GET /auth/session': { expect: '14444444' },
    'DELETE /auth/session': { expect: '14444444' },
    'POST /users': { expect: '1333333y', body: {} },
    'GET /users': { expect: '1333333y' },
    'GET /users/:id': { expect: '1333333y' },
    'GET /users/:id/transitions': { expect: '1333333y' },
    'POST /users/:id/transitions': { expect: '1333333y', body: { event: 'ENABLE' } },
    'POST /authorities': { expect: '1333333y', body: {} },
    'GET /authorities': { expect: '1yyyyyyy' },
    'GET /authorities/:id': { expect: '1yyyyyyy' },
    'GET /authorities/:id/staff': { expect: '133yyy4y' },
    'GET /authorities/:id/report-settings': { expect: '133yy34y' },
    'PUT /authorities/:id/report-settings': { expect: '1333333y', body: {} },
    'GET /authorities/:id/license-numbering': { expect: '1333333y' },
    'PUT /authorities/:id/license-numbering': { expect: '1333333y', body: {} },
    'GET /authorities/:id/license-settings': { expect: '1333333y' },
    'PUT /authorities/:id/license-settings': { expect: '1333333y', body: {} },
    'GET /authorities/:id/signing-settings': { expect: '1333333y' },
    'PUT /authorities/:id/signing-settings': { expect: '1333333y', body: {} },
    'GET /requirements': { expect: 'yyyyyyyy', query: 'applicationType=NEW' },
    'PUT /requirements/:applicationType/:kind/legal-basis': { expect: '1333333y', body: {} },
    'GET /violation-types': { expect: 'yyyyyyyy' },
    'POST /violation-types': { expect: '1333333y', body: {} },
    'GET /legal-parameters': { expect: 'yyyyyyyy' },
    // Public; the literal `:key` names no figure, so everyone gets the same 404 (test/legal covers a real key).
    'GET /legal-parameters/:key': { expect: '44444444' },
    'POST /legal-parameters': { expect: '1333333y', body: {} },
    'GET /legal-bases': { expect: '1333333y' },
    'POST /legal-bases': { expect: '1333333y', body: {} },
    'GET /state-machines': { expect: '1yyyyyyy' },
    'GET /state-machines/:name': { expect: '1yyyyyyy' },
    'GET /calendar/:year': { expect: '1yyyyyyy' },
    'PUT /calendar/:year': { expect: '1333333y', body: {} },
    'GET /notifications': { expect: '1yyyyyyy' },
    'POST /notifications/:id/read': { expect: '1y444444' },
    'GET /audit': { expect: '133yyyyy' },
    'GET /audit/verify': { expect: '1333333y' },
    'GET /statistics': { expect: '133yy3yy' },
    'POST /scheduler/run': { expect: '1333333y' },
    // applications (the dossier is PENDING_DECISION: WITHDRAW, PATCH and uploads are refused by its state)
    'POST /applications': { expect: '1yy33333', body: {} },
    'GET /applications': { expect: '1yyyyyyy' },
    'GET /applications/:id': { expect: '1y4yyy4y' },
    'PATCH /applications/:id': { expect: '1y433333', body: { reason: 'Bổ sung lý do' } },
    'POST /applications/:id/documents': {
      expect: '1y433333',
      upload: { kind: 'APPLICATION_FORM', file: samplePdf(), name: 'don.pdf', type: 'application/pdf' },
    },
    'GET /applications/:id/documents': { expect: '1y4yyy4y' },
    'GET /applications/:id/documents/:docId/content': { expect: '1y4yyy4y' },
    'GET /applications/:id/transitions': { expect: '1y4yyy4y' },
    'POST /applications/:id/transitions': { expect: '1y4yy343', body: { event: 'WITHDRAW' } },
    'GET /applications/:id/history': { expect: '1y4yyy4y' },
    'GET /applications/:id/appraisals': { expect: '133yyy4y' },
    'POST /applications/:id/assignee': { expect: '1333y343', body: { assigneeId: i.user, version: 1 } },
    'POST /applications/:id/violation': { expect: '13333y43' },
    'GET /applications/:id/confirmation.pdf': { expect: '1y4yyy4y' },
    // licenses and sites
    'GET /licenses': { expect: '1yyyyyyy' },
    'GET /licenses/:id': { expect: '1y4yyy4y' },
    'GET /licenses/:id/versions': { expect: '1y4yyy4y' },
    'GET /licenses/:id/pdf': { expect: '1y4yyy4y' },
    'GET /licenses/:id/transitions': { expect: '1y4yyy4y' },
    'POST /licenses/:id/transitions': { expect: '1y43y343', body: { event: 'REINSTATE', reason: 'Hết hạn đình chỉ' } },
    'GET /sites/:id/lifecycle': { expect: '1y4yyy4y' },
    'GET /public/licenses': { expect: 'yyyyyyyy' },
    'GET /public/licenses/verify': { expect: 'yyyyyyyy', query: 'number=1%2FGP-STTTT&code=ABCDEFGHJK23' },
    'GET /public/licenses/export': { expect: 'yyyyyyyy', query: 'format=ndjson' },
    'GET /public/licenses/changes': { expect: 'yyyyyyyy', query: 'limit=5' },
    // reports (the report is SUBMITTED; RETURN without a reason is refused by its guard)
    'POST /reports': {
      expect: '1y433333',
      body: { licenseId: i.license, period: '2026', content: reportContent() },
    },
    'POST /reports/requests': {
      expect: '133y3343',
      body: { licenseId: i.license, dueOn: '2026-12-31', note: 'Báo cáo đột xuất về nguồn tin' },
    },
    'GET /reports': { expect: '1yyyyyyy' },
    'GET /reports/:id': { expect: '1y4yyy4y' },
    'GET /reports/:id/history': { expect: '1y4yyy4y' },
    'GET /reports/:id/transitions': { expect: '1y4yyy4y' },
    'POST /reports/:id/transitions': { expect: '133y3343', body: { event: 'RETURN' } },
    // inspections (PLANNED: COMPLETE is refused by its state; the record PDF exists only once COMPLETED)
    'POST /inspections': {
      expect: '13333y43',
      body: { licenseId: i.license, scheduledOn: '2026-12-20', kind: 'AD_HOC', scope: 'Nguồn tin và trích dẫn' },
    },
    'GET /inspections': { expect: '1yyyyyyy' },
    'GET /inspections/:id': { expect: '1y4yyy4y' },
    'GET /inspections/:id/history': { expect: '1y4yyy4y' },
    'GET /inspections/:id/transitions': { expect: '1y4yyy4y' },
    'POST /inspections/:id/transitions': { expect: '13333y43', body: { event: 'COMPLETE' } },
    'POST /inspections/:id/documents': {
      expect: '13333y43',
      upload: { kind: 'SCREENSHOT', file: tinyPng(), name: 'anh.png', type: 'image/png' },
    },
    'GET /inspections/:id/documents': { expect: '1y4yyy4y' },
    'GET /inspections/:id/documents/:docId/content': { expect: '1y4yyy4y' },
    'GET /inspections/:id/record.pdf': { expect: '1y4yyy4y' },
    // violations (OPEN: CONFIRM_REMEDIED is refused by its state) and enforcement proposals
    'POST /violations': {
      expect: '13333y43',
      body: {
        licenseId: i.license,
        typeCode: 'HOMEPAGE_DISCLOSURE',
        description: 'Thiếu số giấy phép',
        detectedOn: '2026-11-03',
      },
    },
    'GET /violations': { expect: '1yyyyyyy' },
    'GET /violations/:id': { expect: '1y4yyy4y' },
    'GET /violations/:id/history': { expect: '1y4yyy4y' },
    'GET /violations/:id/transitions': { expect: '1y4yyy4y' },
    'POST /violations/:id/transitions': { expect: '1333yy43', body: { event: 'CONFIRM_REMEDIED' } },
    'GET /enforcement-proposals': { expect: '1333y3yy' },
    'POST /enforcement-proposals/:id/transitions': { expect: '1333y343', body: { event: 'ACT', version: 99 } },
    // the public pages, outside /api/v1 (a token changes nothing on them)
    'GET /': { expect: 'yyyyyyyy' },
    'GET /registry': { expect: 'yyyyyyyy', query: 'q=tin&status=' },
    'GET /registry/:licenseId': { expect: 'yyyyyyyy' },
    'GET /v/:code': { expect: 'yyyyyyyy' },
    'GET /static/:file': { expect: 'yyyyyyyy' },
    // sites without a license (REPORTED: MARK_LICENSED is refused by its state; no letter yet: 409)
    'POST /unlicensed-sites': { expect: '133y3yy3', body: {} },
    'GET /unlicensed-sites': { expect: '133yyyyy' },
    'GET /unlicensed-sites/:id': { expect: '133yyy4y' },
    'PATCH /unlicensed-sites/:id': { expect: '133y3y43', body: { siteName: 'Tin Nhanh', version: 99 } },
    'POST /unlicensed-sites/:id/evidence': {
      expect: '133y3y43',
      body: { url: 'https://tin-nhanh-khong-phep.vn/a', capturedAt: '2030-01-01T00:00:00Z' },
    },
    'POST /unlicensed-sites/:id/evidence/:evidenceId/documents': {
      expect: '133y3y43',
      upload: { kind: 'PAGE_CAPTURE', file: tinyPng(), name: 'trang.png', type: 'image/png' },
    },
    'GET /unlicensed-sites/:id/evidence/:evidenceId/documents/:docId/content': { expect: '133yyy4y' },
    'GET /unlicensed-sites/:id/history': { expect: '133yyy4y' },
    'GET /unlicensed-sites/:id/transitions': { expect: '133yyy4y' },
    'POST /unlicensed-sites/:id/transitions': { expect: '133yyy43', body: { event: 'MARK_LICENSED' } },
    'GET /unlicensed-sites/:id/letter.pdf': { expect: '133yyy4y' },
    // correction and removal requests (ISSUED: ACCEPT is refused by its state)
    'POST /content-requests': {
      expect: '13333y43',
      body: { licenseId: i.license, kind: 'CORRECTION', description: 'Thiếu danh sách nội dung' },
    },
    'GET /content-requests': { expect: '1yyyyyyy' },
    'GET /content-requests/:id': { expect: '1y4yyy4y' },
    'GET /content-requests/:id/history': { expect: '1y4yyy4y' },
    'GET /content-requests/:id/transitions': { expect: '1y4yyy4y' },
    'POST /content-requests/:id/transitions': { expect: '1y43yy43', body: { event: 'ACCEPT' } },
    'POST /content-requests/:id/documents': {
      expect: '1y433333',
      upload: { kind: 'PAGE_CAPTURE', file: tinyPng(), name: 'trang.png', type: 'image/png' },
    },
    'GET /content-requests/:id/documents': { expect: '1y4yyy4y' },
    'GET /content-requests/:id/documents/:docId/content': { expect: '1y4yyy4y' },
    'GET /content-requests/:id/letter.pdf': { expect: '1y4yyy4y' },
    // reporting units and their returns (no caller here has the reporting_unit role: they are refused; the unit's
    // own account is tested in test/unit-reporting; the return is DRAFT: ACCEPT is refused by its state)
    'POST /reporting-units': { expect: '1333y3yy', body: {} },
    'GET /reporting-units': { expect: '133yyyyy' },
    'POST /reporting-units/:id/members': { expect: '1333333y', body: {} },
    'POST /reporting-periods': { expect: '1333y3y3', body: {} },
    'GET /reporting-periods': { expect: '133yyyyy' },
    'GET /reporting-periods/:id/status': { expect: '133yyy4y' },
    'GET /reporting-periods/:id/synthesis': { expect: '133yyy4y' },
    'POST /unit-reports': { expect: '13333333', body: {} },
    'GET /unit-reports': { expect: '133yyyyy' },
    'GET /unit-reports/:id': { expect: '133yyy4y' },
    'PATCH /unit-reports/:id': { expect: '13333333', body: { narrative: 'x' } },
    'GET /unit-reports/:id/history': { expect: '133yyy4y' },
    'GET /unit-reports/:id/transitions': { expect: '133yyy4y' },
    'POST /unit-reports/:id/transitions': { expect: '1333yy43', body: { event: 'ACCEPT' } },
    'POST /unit-reports/:id/documents': {
      expect: '13333333',
      upload: { kind: 'ANNEX', file: tinyPng(), name: 'phu-luc.png', type: 'image/png' },
    },
    'GET /unit-reports/:id/documents': { expect: '133yyy4y' },
    'GET /unit-reports/:id/documents/:docId/content': { expect: '133yyy4y' },
  };
}

/** The record each route family's `:id` names, and the sub-record of `:docId`. */
function idsFor(path: string, w: World): Record<string, string> {
  const i = w.ids;
  if (path.endsWith('/confirmation.pdf')) return { id: i.notice };
  const family = path.split('/')[3];
  const byFamily: Record<string, Record<string, string>> = {
    users: { id: i.user },
    organizations: { id: w.stranger.organizationId! },
    authorities: { id: i.authority },
    'state-machines': { name: 'application' },
    calendar: { year: '2026' },
    notifications: { id: i.notification },
    applications: { id: i.pending, docId: i.pendingDocument },
    licenses: { id: i.license },
    sites: { id: i.license },
    reports: { id: i.report },
    inspections: { id: i.inspection, docId: i.evidence },
    violations: { id: i.violation },
    'enforcement-proposals': { id: i.proposal },
    registry: { licenseId: i.license },
    v: { code: 'ABCDEFGHJKMNPQRSTVWXYZ0123' },
    static: { file: 'public.css' },
    'unlicensed-sites': { id: i.unlicensedSite, evidenceId: i.siteEvidence, docId: i.siteCapture },
    'content-requests': { id: i.contentRequest, docId: i.requestDocument },
    'reporting-units': { id: i.reportingUnit },
    'reporting-periods': { id: i.reportingPeriod },
    'unit-reports': { id: i.unitReport, docId: i.unitReportDocument },
  };
  return byFamily[family] ?? {};
}

function classOf(status: number): string {
  if (status === 401) return '1';
  if (status === 403) return '3';
  if (status === 404) return '4';
  if (status >= 500) return '5';
  return 'y';
}

describe('quality: access-control matrix (every route × every caller)', () => {
  const world = useWorldApp();
  let t: TestApp;
  let w: World;
  beforeAll(() => ({ t, w } = world()));

  it('has a row for every registered route, and no row for a route that does not exist', () => {
    const rows = table(w);
    const registered = listRoutes(t.app).map((r) => `${r.method} ${r.path.replace(/^\/api\/v1/, '')}`);
    expect(registered.filter((r) => !(r in rows))).toEqual([]);
    expect(Object.keys(rows).filter((r) => !registered.includes(r))).toEqual([]);
    for (const [route, row] of Object.entries(rows)) expect(`${route} ${row.expect}`).toMatch(/ [1345y]{8}$/);
  });

  it('answers every caller as the table says', async () => {
    const rows = table(w);
    const routes = listRoutes(t.app);
    const staffOf = (roles: string[] | undefined) => {
      const role = (roles ?? []).find((r) => r === 'appraiser' || r === 'approver' || r === 'inspector') ?? 'appraiser';
      return w.other[role as 'appraiser' | 'approver' | 'inspector'].token;
    };
    const mismatches: string[] = [];
    // Every answer must also be one the OpenAPI document describes (status, content type, body schema).
    const undocumented: string[] = [];
    const openApi = openApiChecker(t.app);
    for (const [route, row] of Object.entries(rows)) {
      const [method, pattern] = route.split(' ');
      const info = routes.find((r) => r.method === method && [`/api/v1${pattern}`, pattern].includes(r.path));
      const ids = idsFor(`/api/v1${pattern}`, w);
      const path = pattern.replace(/:(\w+)/g, (_, name: string) => ids[name] ?? `:${name}`);
      const base = info && !info.path.startsWith(`${API}/`) ? '' : API;
      const tokens: Record<CallerKey, string | null> = {
        A: null,
        O: w.cast.owner.token,
        X: w.stranger.token,
        P: w.cast.appraiser.token,
        V: w.cast.approver.token,
        I: w.cast.inspector.token,
        S: staffOf(info?.roles),
        M: t.adminToken,
      };
      const got: string[] = [];
      const details: string[] = [];
      for (const caller of CALLERS) {
        const m = method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
        let req = t.http[m](`${base}${path}${row.query ? `?${row.query}` : ''}`);
        const token = tokens[caller];
        if (token) req = req.set(bearer(token));
        let res: Response;
        if (row.upload) {
          res = await req
            .field('kind', row.upload.kind)
            .attach('file', row.upload.file, { filename: row.upload.name, contentType: row.upload.type });
        } else if (row.body) res = await req.send(row.body);
        else res = await req;
        // The document describes the API (/api/v1); the HTML pages and static files are not in it (docs/api.md).
        if (`${base}${path}`.startsWith(`${API}/`))
          undocumented.push(...openApi.mismatches(res).map((m) => `${caller}: ${m}`));
        got.push(classOf(res.status));
        details.push(`${caller}=${res.status}${res.status >= 400 ? `(${String(res.body?.code)})` : ''}`);
      }
      if (got.join('') !== row.expect) {
        mismatches.push(`${route}: expected ${row.expect}, got ${got.join('')} — ${details.join(' ')}`);
      }
    }
    expect(mismatches).toEqual([]);
    expect(undocumented).toEqual([]);
  }, 180_000);
});
