import { DataSource } from 'typeorm';
import { draftNotice, NEW_OWNER, walkNotice } from '../change-notices/fixtures';
import { issueLicenseDirectly, tinyPng } from '../reviews/fixtures';
import {
  bearer,
  Cast,
  createCast,
  createApplication,
  createStaff,
  fileApplicationToPendingDecision,
  registerOwner,
  TestUser,
  uploadDocument,
} from '../support/factories';
import { API, startTestApp, TestApp } from '../support/test-app';
import { Clock, SystemClock } from '../../src/common/clock';

/** The structured content of an annual report (Circular 09/2014, Form 03). */
export const reportContent = () => ({
  articlesPublished: 1250,
  sourcesUsed: ['Báo Nghệ An', 'Cổng thông tin điện tử tỉnh Nghệ An'],
  staff: { content: 3, technical: 1 },
  incidents: [{ date: '2026-05-04', description: 'Máy chủ ngừng hoạt động 2 giờ', actionTaken: 'Chuyển máy chủ' }],
  unamendedChanges: [],
  notes: 'Không có kiến nghị.',
});

/**
 * One of every kind of record, belonging to authority A and the organization of `cast.owner`, plus a second
 * authority's staff and a second organization's owner (who must see none of it): what the quality tests aim at.
 */
export interface World {
  cast: Cast;
  other: Cast;
  /** A site owner of another organization, filing with authority A. */
  stranger: TestUser;
  ids: {
    authority: string;
    otherAuthority: string;
    draft: string;
    pending: string;
    document: string;
    license: string;
    report: string;
    inspection: string;
    violation: string;
    notification: string;
    user: string;
    proposal: string;
    /** A document of the pending dossier (staff may read it). */
    pendingDocument: string;
    /** An evidence document of the inspection. */
    evidence: string;
    /** An APPROVED change notice of the license (it has a confirmation letter). */
    notice: string;
    /** A site operating without a license (REPORTED), an evidence item of it and a capture of that item. */
    unlicensedSite: string;
    siteEvidence: string;
    siteCapture: string;
    /** A REMOVAL request to the license (ISSUED) and an evidence document of the licensee. */
    contentRequest: string;
    requestDocument: string;
    /** A reporting unit of authority A, its ANNUAL period, a DRAFT return of the unit and an attachment of it. */
    reportingUnit: string;
    reportingPeriod: string;
    unitReport: string;
    unitReportDocument: string;
  };
}

function ok<T>(r: { status: number; body: T }, status: number, what: string): T {
  if (r.status !== status) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

export async function buildWorld(t: TestApp): Promise<World> {
  const [cast, other] = await Promise.all([createCast(t), createCast(t)]);
  const stranger = await registerOwner(t);
  const draft = await createApplication(t, cast.owner, cast.authority.id);
  const doc = ok(await uploadDocument(t, cast.owner.token, draft.id, 'APPLICATION_FORM'), 201, 'upload') as {
    id: string;
  };
  const pending = await fileApplicationToPendingDecision(t, cast);
  const license = await issueLicenseDirectly(t, cast, { decidedOn: '2026-03-05' });
  const report = ok(
    await t.http
      .post(`${API}/reports`)
      .set(bearer(cast.owner.token))
      .send({ licenseId: license.id, period: '2026', content: reportContent() }),
    201,
    'report',
  ) as { id: string };
  const inspection = ok(
    await t.http.post(`${API}/inspections`).set(bearer(cast.inspector.token)).send({
      licenseId: license.id,
      scheduledOn: '2026-12-15',
      kind: 'PERIODIC',
      scope: 'Nguồn tin, trích dẫn nguyên văn, tên miền .vn và máy chủ tại Việt Nam',
    }),
    201,
    'inspection',
  ) as { id: string };
  const violation = ok(
    await t.http.post(`${API}/violations`).set(bearer(cast.inspector.token)).send({
      licenseId: license.id,
      typeCode: 'HOMEPAGE_DISCLOSURE',
      description: 'Trang chủ không ghi số giấy phép',
      detectedOn: '2026-11-01',
    }),
    201,
    'violation',
  ) as { id: string };
  const notes = ok(
    await t.http.get(`${API}/notifications?pageSize=100`).set(bearer(cast.owner.token)),
    200,
    'notifications',
  ) as { items: { id: string }[] };
  if (!notes.items.length) throw new Error('the owner has no notification');
  // A grave violation escalated straight from OPEN: an enforcement proposal for the approver.
  const grave = ok(
    await t.http.post(`${API}/violations`).set(bearer(cast.inspector.token)).send({
      licenseId: license.id,
      typeCode: 'GRAVE_CONTENT',
      description: 'Đăng tin xuyên tạc lịch sử',
      detectedOn: '2026-11-02',
    }),
    201,
    'grave violation',
  ) as { id: string };
  ok(
    await t.http
      .post(`${API}/violations/${grave.id}/transitions`)
      .set(bearer(cast.inspector.token))
      .send({ event: 'ESCALATE', reason: 'Vi phạm nghiêm trọng' }),
    200,
    'escalate',
  );
  const proposal = await anyProposalId(t.ds);
  const notice = await walkNotice(
    t,
    cast,
    await draftNotice(t, cast, license.id, { changedOn: '2026-11-25', newOwner: NEW_OWNER }),
    'APPROVED',
  );
  const pendingDocs = ok(
    await t.http.get(`${API}/applications/${pending.id}/documents`).set(bearer(cast.owner.token)),
    200,
    'documents',
  ) as { id: string }[];
  const evidence = ok(
    await t.http
      .post(`${API}/inspections/${inspection.id}/documents`)
      .set(bearer(cast.inspector.token))
      .field('kind', 'SCREENSHOT')
      .attach('file', tinyPng(), { filename: 'trang-chu.png', contentType: 'image/png' }),
    201,
    'evidence',
  ) as { id: string };
  const site = ok(
    await t.http
      .post(`${API}/unlicensed-sites`)
      .set(bearer(cast.inspector.token))
      .send({
        domains: ['tin-nhanh-khong-phep.vn'],
        foundOn: '2026-11-30',
        discoveryMethod: 'MONITORING',
        description: 'Trang tổng hợp tin tức không có giấy phép',
        evidence: [{ url: 'https://tin-nhanh-khong-phep.vn/', capturedAt: '2026-11-30T02:00:00Z' }],
      }),
    201,
    'unlicensed site',
  ) as { id: string; evidence: { id: string }[] };
  const capture = ok(
    await t.http
      .post(`${API}/unlicensed-sites/${site.id}/evidence/${site.evidence[0].id}/documents`)
      .set(bearer(cast.inspector.token))
      .field('kind', 'SCREENSHOT')
      .attach('file', tinyPng(), { filename: 'trang-chu.png', contentType: 'image/png' }),
    201,
    'capture',
  ) as { id: string };
  const request = ok(
    await t.http
      .post(`${API}/content-requests`)
      .set(bearer(cast.inspector.token))
      .send({
        licenseId: license.id,
        kind: 'REMOVAL',
        urls: ['https://songlam.vn/tin/1'],
        description: 'Tin sai sự thật',
      }),
    201,
    'content request',
  ) as { id: string };
  const requestDocument = ok(
    await t.http
      .post(`${API}/content-requests/${request.id}/documents`)
      .set(bearer(cast.owner.token))
      .field('kind', 'SCREENSHOT')
      .attach('file', tinyPng(), { filename: 'da-go.png', contentType: 'image/png' }),
    201,
    'request document',
  ) as { id: string };
  const unit = ok(
    await t.http
      .post(`${API}/reporting-units`)
      .set(bearer(cast.approver.token))
      .send({ code: 'UBND-TP-VINH', name: 'Ủy ban nhân dân thành phố Vinh', kind: 'DISTRICT_PEOPLES_COMMITTEE' }),
    201,
    'reporting unit',
  ) as { id: string };
  const reporter = await createStaff(t, 'reporting_unit', undefined);
  ok(
    await t.http
      .post(`${API}/reporting-units/${unit.id}/members`)
      .set(bearer(t.adminToken))
      .send({ userId: reporter.id }),
    200,
    'member',
  );
  const period = ok(
    await t.http.post(`${API}/reporting-periods`).set(bearer(cast.approver.token)).send({ kind: 'ANNUAL', year: 2026 }),
    201,
    'period',
  ) as { id: string };
  const unitReport = ok(
    await t.http
      .post(`${API}/unit-reports`)
      .set(bearer(reporter.token))
      .send({
        periodId: period.id,
        figures: {
          sitesReviewed: 3,
          unlicensedSitesFound: 1,
          unitsDirectedToApply: 1,
          violationsHandled: 0,
          finesVnd: 0,
          contentRemovals: 0,
        },
        narrative: 'Báo cáo năm của thành phố Vinh',
      }),
    201,
    'unit report',
  ) as { id: string };
  const unitReportDocument = ok(
    await t.http
      .post(`${API}/unit-reports/${unitReport.id}/documents`)
      .set(bearer(reporter.token))
      .field('kind', 'ANNEX')
      .attach('file', tinyPng(), { filename: 'phu-luc.png', contentType: 'image/png' }),
    201,
    'unit report document',
  ) as { id: string };
  return {
    cast,
    other,
    stranger,
    ids: {
      authority: cast.authority.id,
      otherAuthority: other.authority.id,
      draft: draft.id,
      pending: pending.id,
      document: doc.id,
      license: license.id,
      report: report.id,
      inspection: inspection.id,
      violation: violation.id,
      notification: notes.items[0].id,
      user: cast.appraiser.id,
      proposal,
      pendingDocument: pendingDocs[0].id,
      evidence: evidence.id,
      notice: notice.id,
      unlicensedSite: site.id,
      siteEvidence: site.evidence[0].id,
      siteCapture: capture.id,
      contentRequest: request.id,
      requestDocument: requestDocument.id,
      reportingUnit: unit.id,
      reportingPeriod: period.id,
      unitReport: unitReport.id,
      unitReportDocument: unitReportDocument.id,
    },
  };
}

/** An enforcement proposal of authority A if one exists; otherwise an id that names nothing. */
async function anyProposalId(ds: DataSource): Promise<string> {
  const rows = (await ds.query(`SELECT id FROM enforcement_proposals ORDER BY created_at LIMIT 1`)) as { id: string }[];
  return rows[0]?.id ?? '7d1c3c55-2a43-4c1e-9a51-8b0e0f7a2d11';
}

/** Row counts of every table of the public schema (minus the given ones), to prove that nothing was written. */
export async function rowCounts(ds: DataSource, except: string[] = []): Promise<Record<string, number>> {
  const tables = (await ds.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`)) as {
    tablename: string;
  }[];
  const out: Record<string, number> = {};
  for (const { tablename } of tables) {
    if (except.includes(tablename)) continue;
    const [row] = (await ds.query(`SELECT count(*)::int AS n FROM "${tablename}"`)) as { n: number }[];
    out[tablename] = row.n;
  }
  return out;
}

/**
 * A test file's app and world, with the clock frozen on 2026-12-01 (10:00 in Hà Nội) so that dated records stay in
 * force; registers the beforeAll/afterAll hooks and returns an accessor for them.
 */
export function useWorldApp(): () => { t: TestApp; w: World } {
  let t: TestApp;
  let w: World;
  let clock: SystemClock;
  beforeAll(async () => {
    t = await startTestApp();
    clock = t.app.get(Clock) as SystemClock;
    clock.set(new Date('2026-12-01T03:00:00Z'));
    w = await buildWorld(t);
  }, 120_000);
  afterAll(async () => {
    clock.reset();
    await t.close();
  });
  return () => ({ t, w });
}
