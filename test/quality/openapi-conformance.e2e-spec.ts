import type { Response } from 'supertest';
import { API_TAGS } from '../../src/common/openapi/openapi-document';
import { bearer, fileApplicationTo, fireApplication, STRONG_PASSWORD, uploadDocument } from '../support/factories';
import { OpenApiChecker, openApiChecker, recordResponses } from '../support/openapi';
import { API, TestApp } from '../support/test-app';
import { useWorldApp, World } from './world';

/**
 * The OpenAPI document against the API's real answers. Every answer this file receives, from building the world
 * (one record of every kind, through the API) to a dossier taken from filing to license, the reads of every
 * record and the main refusals, must have a documented status, a declared content type and a body that validates
 * against the operation's schema. The access matrix checks its answers the same way (test/support/openapi.ts).
 */
const recorder = recordResponses();
const world = useWorldApp();

const METHODS = ['get', 'put', 'post', 'patch', 'delete'] as const;
type Op = {
  summary?: string;
  description?: string;
  tags?: string[];
  security?: Record<string, unknown>[];
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
};

function operations(checker: OpenApiChecker): [string, Op][] {
  const out: [string, Op][] = [];
  for (const [path, item] of Object.entries(checker.doc.paths)) {
    for (const m of METHODS) {
      const op = (item as Record<string, Op | undefined>)[m];
      if (op) out.push([`${m.toUpperCase()} ${path}`, op]);
    }
  }
  return out;
}

describe('quality: the OpenAPI document describes the real answers', () => {
  let t: TestApp;
  let w: World;
  let checker: OpenApiChecker;
  beforeAll(() => {
    ({ t, w } = world());
    checker = openApiChecker(t.app);
  });
  afterAll(() => recorder.stop());

  it('describes every operation: summary, description, declared tag, security, success schema, errors', () => {
    const gaps: string[] = [];
    for (const [key, op] of operations(checker)) {
      const missing: string[] = [];
      if (!op.summary) missing.push('summary');
      if (!op.description) missing.push('description');
      if (!op.tags?.length || op.tags.some((tag) => !(tag in API_TAGS))) missing.push('a tag declared in API_TAGS');
      if (!op.security?.length) missing.push('security');
      const success = Object.entries(op.responses).filter(([s]) => /^2/.test(s));
      if (success.length === 0) missing.push('a 2xx response');
      for (const [status, r] of success) {
        const schemas = Object.values(r.content ?? {}).filter((m) => m.schema);
        if (status !== '204' && schemas.length === 0) missing.push(`a schema for ${status}`);
      }
      const secured = op.security?.some((s) => Object.keys(s).length > 0);
      for (const status of ['400', '429', '500', ...(secured ? ['401', '403'] : [])]) {
        const problem = op.responses[status]?.content?.['application/problem+json']?.schema;
        if (!problem) missing.push(`${status} problem+json`);
      }
      if (missing.length) gaps.push(`${key}: ${missing.join(', ')}`);
    }
    expect(gaps).toEqual([]);
  });

  it('a dossier from filing to license, every record read, and the main refusals conform', async () => {
    const { cast } = w;
    const i = w.ids;
    const owner = bearer(cast.owner.token);
    const appraiser = bearer(cast.appraiser.token);
    const approver = bearer(cast.approver.token);
    const inspector = bearer(cast.inspector.token);
    const admin = bearer(t.adminToken);

    // Filing to license, through the API (create, upload, submit, review, appraise, recommend, approve).
    const approved = await fileApplicationTo(t, cast, 'APPROVED');
    const licenseId = approved.licenseId as string;
    const license = await t.http.get(`${API}/licenses/${licenseId}`).set(owner);
    expect(license.status).toBe(200);
    const { number, verificationCode } = license.body as { number: string; verificationCode: string };

    const gets: [string, Record<string, string>][] = [
      ['/auth/me', owner],
      ['/users?pageSize=5', admin],
      [`/users/${i.user}`, admin],
      [`/users/${i.user}/transitions`, admin],
      ['/authorities', owner],
      [`/authorities/${i.authority}`, owner],
      [`/authorities/${i.authority}/report-settings`, admin],
      [`/authorities/${i.authority}/license-numbering`, admin],
      [`/authorities/${i.authority}/license-settings`, admin],
      [`/authorities/${i.authority}/signing-settings`, admin],
      ['/requirements?applicationType=NEW', {}],
      ['/violation-types', {}],
      ['/state-machines', owner],
      ['/state-machines/application', owner],
      ['/state-machines/license?format=mermaid', owner],
      ['/calendar/2026', owner],
      ['/notifications', owner],
      ['/audit?pageSize=50', admin],
      ['/audit/verify', admin],
      ['/statistics?from=2026-07-01&to=2026-12-31', approver],
      ['/applications', owner],
      ['/applications?assignee=me', appraiser],
      [`/applications/${approved.id}`, owner],
      [`/applications/${i.pending}`, approver],
      [`/applications/${i.draft}`, owner],
      [`/applications/${approved.id}/documents?all=true`, appraiser],
      [`/applications/${i.pending}/documents/${i.pendingDocument}/content`, owner],
      [`/applications/${approved.id}/transitions`, owner],
      [`/applications/${approved.id}/history`, owner],
      [`/applications/${approved.id}/appraisals`, approver],
      [`/applications/${i.notice}`, owner],
      [`/applications/${i.notice}/confirmation.pdf`, owner],
      ['/licenses', owner],
      ['/licenses?q=s%C3%B4ng', approver],
      [`/licenses/${licenseId}/versions`, owner],
      [`/licenses/${licenseId}?version=1`, owner],
      [`/licenses/${licenseId}/pdf`, owner],
      [`/licenses/${licenseId}/transitions`, approver],
      [`/sites/${licenseId}/lifecycle`, owner],
      ['/public/licenses', {}],
      [`/public/licenses?q=${encodeURIComponent(number)}`, {}],
      [`/public/licenses/verify?number=${encodeURIComponent(number)}&code=${verificationCode}`, {}],
      [`/public/licenses/verify?number=${encodeURIComponent(number)}&code=AAAAAAAAAAAA`, {}],
      ['/reports', owner],
      [`/reports/${i.report}`, owner],
      [`/reports/${i.report}/history`, owner],
      [`/reports/${i.report}/transitions`, appraiser],
      ['/inspections', inspector],
      [`/inspections/${i.inspection}`, owner],
      [`/inspections/${i.inspection}/history`, inspector],
      [`/inspections/${i.inspection}/transitions`, inspector],
      [`/inspections/${i.inspection}/documents`, inspector],
      [`/inspections/${i.inspection}/documents/${i.evidence}/content`, inspector],
      [`/inspections/${i.inspection}/record.pdf`, inspector],
      ['/violations', owner],
      [`/violations?licenseId=${i.license}`, inspector],
      [`/violations/${i.violation}`, owner],
      [`/violations/${i.violation}/history`, owner],
      [`/violations/${i.violation}/transitions`, inspector],
      ['/enforcement-proposals', approver],
      ['/health', {}],
      // legal figures and bases, staff, open data
      ['/legal-parameters', {}],
      ['/legal-parameters/PROCESSING_WORKING_DAYS_NEW', {}],
      ['/legal-bases', admin],
      [`/authorities/${i.authority}/staff`, approver],
      ['/public/licenses/export?format=json', {}],
      ['/public/licenses/changes?limit=5', {}],
      ['/auth/session', owner],
      // sites without a license, content requests, unit reporting
      ['/unlicensed-sites', inspector],
      [`/unlicensed-sites/${i.unlicensedSite}`, inspector],
      [`/unlicensed-sites/${i.unlicensedSite}/history`, inspector],
      [`/unlicensed-sites/${i.unlicensedSite}/transitions`, inspector],
      [`/unlicensed-sites/${i.unlicensedSite}/letter.pdf`, inspector],
      [
        `/unlicensed-sites/${i.unlicensedSite}/evidence/${i.siteEvidence}/documents/${i.siteCapture}/content`,
        inspector,
      ],
      ['/content-requests', owner],
      [`/content-requests/${i.contentRequest}`, owner],
      [`/content-requests/${i.contentRequest}/history`, owner],
      [`/content-requests/${i.contentRequest}/transitions`, owner],
      [`/content-requests/${i.contentRequest}/documents`, inspector],
      [`/content-requests/${i.contentRequest}/documents/${i.requestDocument}/content`, inspector],
      [`/content-requests/${i.contentRequest}/letter.pdf`, owner],
      ['/reporting-units', approver],
      ['/reporting-periods', approver],
      [`/reporting-periods/${i.reportingPeriod}/status`, approver],
      [`/reporting-periods/${i.reportingPeriod}/synthesis`, approver],
      [`/reporting-periods/${i.reportingPeriod}/synthesis?format=csv`, approver],
      [`/reporting-periods/${i.reportingPeriod}/synthesis?format=pdf`, approver],
      ['/unit-reports', approver],
      [`/unit-reports/${i.unitReport}`, approver],
      [`/unit-reports/${i.unitReport}/history`, approver],
      [`/unit-reports/${i.unitReport}/transitions`, approver],
      [`/unit-reports/${i.unitReport}/documents`, approver],
      [`/unit-reports/${i.unitReport}/documents/${i.unitReportDocument}/content`, approver],
    ];
    for (const [path, auth] of gets) await t.http.get(`${API}${path}`).set(auth);

    // Refusals: 400, 401, 403, 404, 409, 413/415-free uploads, 422.
    await t.http.post(`${API}/applications`).set(owner).send({ type: 'NOPE' });
    await t.http.post(`${API}/applications`).set(owner).send('{"type":').type('application/json');
    await t.http.get(`${API}/applications`);
    await t.http.get(`${API}/users`).set(owner);
    await t.http.get(`${API}/applications/${i.pending}`).set(bearer(w.stranger.token));
    await t.http.get(`${API}/applications/not-a-uuid`).set(owner);
    await fireApplication(t, cast.owner.token, approved.id, { event: 'SUBMIT' });
    await fireApplication(t, cast.owner.token, approved.id, { event: 'NO_SUCH_EVENT' });
    await fireApplication(t, cast.owner.token, i.draft, { event: 'SUBMIT', version: 99 });
    await fireApplication(t, cast.owner.token, i.draft, { event: 'SUBMIT' });
    await uploadDocument(t, cast.owner.token, i.draft, 'APPLICATION_FORM', Buffer.from('not a pdf'), 'x.pdf');
    await t.http.post(`${API}/auth/login`).send({ email: 'nobody@example.vn', password: 'wrong-password-1' });
    await t.http.get(`${API}/public/licenses/verify?number=1`);
    await t.http.get(`${API}/calendar/1800`).set(owner);
    await t.http.get(`${API}/state-machines/nope`).set(owner);

    // The remaining writes, refused by their state or their body (their success answers are covered by the world).
    const writes: [string, string, Record<string, string>, Record<string, unknown>][] = [
      ['patch', `/applications/${i.pending}`, owner, { reason: 'Bổ sung lý do' }],
      ['post', `/applications/${i.pending}/assignee`, approver, { assigneeId: i.user, version: 99 }],
      ['post', `/applications/${i.pending}/violation`, inspector, {}],
      ['post', `/enforcement-proposals/${i.proposal}/transitions`, approver, { event: 'ACT', version: 99 }],
      ['post', `/inspections/${i.inspection}/transitions`, inspector, { event: 'COMPLETE' }],
      ['post', `/licenses/${licenseId}/transitions`, approver, { event: 'REINSTATE', reason: 'Không đình chỉ' }],
      ['post', `/notifications/${i.notification}/read`, owner, {}],
      ['post', '/reports/requests', appraiser, { licenseId, dueOn: '2026-12-31', note: 'Báo cáo đột xuất' }],
      ['post', `/reports/${i.report}/transitions`, appraiser, { event: 'RETURN' }],
      ['post', '/scheduler/run', admin, {}],
      ['post', `/users/${i.user}/transitions`, admin, { event: 'ENABLE' }],
      ['post', '/violation-types', admin, {}],
      ['put', `/authorities/${i.authority}/license-numbering`, admin, {}],
      ['put', `/authorities/${i.authority}/license-settings`, admin, { suspensionMaxMonths: 3 }],
      ['put', `/authorities/${i.authority}/report-settings`, admin, {}],
      ['put', `/authorities/${i.authority}/signing-settings`, admin, { certificateFile: 'relative.p12' }],
      ['put', '/calendar/2026', admin, {}],
      ['put', '/requirements/NEW/APPLICATION_FORM/legal-basis', admin, {}],
      ['post', '/legal-parameters', admin, {}],
      ['post', '/legal-bases', admin, {}],
      ['post', '/auth/password', owner, {}],
      ['post', '/auth/password/forgot', {}, { email: 'nobody@example.vn' }],
      ['post', '/auth/password/reset', {}, { token: 'x', password: 'weak' }],
      ['post', '/auth/email/verify', {}, { token: 'not-a-token' }],
      ['post', '/auth/session', {}, { email: 'nobody@example.vn', password: 'wrong-password-1' }],
      ['post', `/organizations/${w.stranger.organizationId}/registration-confirmation`, admin, {}],
      ['post', `/users/${i.user}/password-reset`, admin, {}],
      ['patch', `/unlicensed-sites/${i.unlicensedSite}`, inspector, { siteName: 'Tin Nhanh', version: 99 }],
      ['post', `/unlicensed-sites/${i.unlicensedSite}/evidence`, inspector, {}],
      ['post', `/unlicensed-sites/${i.unlicensedSite}/transitions`, inspector, { event: 'NO_SUCH_EVENT' }],
      ['post', `/content-requests/${i.contentRequest}/transitions`, owner, { event: 'ACCEPT', version: 99 }],
      ['patch', `/unit-reports/${i.unitReport}`, approver, { narrative: 'Báo cáo' }],
      ['post', `/unit-reports/${i.unitReport}/transitions`, approver, { event: 'ACCEPT', version: 99 }],
    ];
    for (const [method, path, auth, body] of writes) {
      await t.http[method as 'post' | 'put' | 'patch'](`${API}${path}`).set(auth).send(body);
    }
    // A cookie session: signed-in, read, signed out (DELETE needs the cookie and its CSRF token).
    const signIn = await t.http
      .post(`${API}/auth/session`)
      .send({ email: cast.owner.email, password: STRONG_PASSWORD });
    const cookie = signIn.headers['set-cookie'] as unknown as string[] | undefined;
    const csrf = (signIn.body as { csrfToken?: string }).csrfToken ?? '';
    await t.http
      .delete(`${API}/auth/session`)
      .set('Cookie', cookie ?? [])
      .set('X-CSRF-Token', csrf);

    recorder.stop();
    const answers: Response[] = recorder.responses;
    const mismatches = answers.flatMap((r) => checker.mismatches(r));
    expect(mismatches).toEqual([]);

    // Each operation answered at least once with success or a refusal: the run covered the API, not a corner.
    const covered = new Set(
      answers.map((r) => {
        const req = (r as unknown as { request: { method: string; url: string } }).request;
        const op = checker.find(req.method.toUpperCase(), new URL(req.url).pathname);
        return op ? `${op.method} ${op.template}` : '';
      }),
    );
    const notCovered = checker.operationKeys().filter((k) => !covered.has(k));
    expect(notCovered).toEqual([]);
    expect(answers.length).toBeGreaterThan(150);
  }, 240_000);
});
