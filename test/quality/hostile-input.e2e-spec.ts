import fc from 'fast-check';
import type { Response } from 'supertest';
import { bearer, samplePdf } from '../support/factories';
import { API, TestApp } from '../support/test-app';
import { useWorldApp, reportContent, rowCounts, World } from './world';
import { openApiChecker } from '../support/openapi';

/**
 * Hostile input, generated (property-based): malformed, oversized, wrongly typed, injection-shaped and unicode-edge
 * requests at every endpoint family, each sent with a valid token of a role that may call the route so that it
 * reaches validation. Every request carries at least one defect that must make it fail, so afterwards nothing may
 * have changed: the row count of every table (bar the rate-limit, idempotency and verification-count ledgers) and the audit chain.
 *
 * Reproduce a failure with HOSTILE_SEED=<seed printed> (and HOSTILE_RUNS to change the number of requests).
 */
const SEED = Number(process.env.HOSTILE_SEED ?? 20260305);
const RUNS = Number(process.env.HOSTILE_RUNS ?? 700);

/** A JSON token written as is (NaN, Infinity, 1e400, -0: values JSON.stringify cannot produce). */
class Raw {
  constructor(readonly text: string) {}
}

function ser(v: unknown): string {
  if (v instanceof Raw) return v.text;
  if (v === undefined) return 'null';
  if (Array.isArray(v)) return `[${v.map(ser).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    return `{${Object.entries(v)
      .filter(([, x]) => x !== undefined)
      .map(([k, x]) => `${JSON.stringify(k)}:${ser(x)}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

/** Percent-encodes the UTF-8 bytes of a string (a lone surrogate becomes U+FFFD, as a browser would send it). */
function pct(s: string): string {
  return Array.from(Buffer.from(s, 'utf8'))
    .map((b) => (/[A-Za-z0-9_.~-]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16)}`))
    .join('');
}

const HOSTILE_STRINGS = [
  "' OR 1=1 --",
  "'; DROP TABLE licenses; --",
  '" OR ""="',
  '1; SELECT pg_sleep(5)',
  '$where',
  '{"$gt": ""}',
  '../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '\u0000',
  'abc\u0000def',
  '\uD800',
  '\uDFFFabc',
  '\u202Egnp.exe',
  '\u200B\u200C\u200D\uFEFF',
  '😀👨‍👩‍👧‍👦🇻🇳',
  'Z̴̡̛̮̻a̷̢̛l̶g̵o̷',
  '%00%0a%0d',
  '%s%s%n',
  '${7*7}{{7*7}}',
  '__proto__',
  'constructor',
  'null',
  'undefined',
  'NaN',
  '',
  ' ',
  '\r\n\t',
  'Ｔｅｓｔ İ ß ﬁ',
  'Nghị định 72/2013/NĐ-CP',
];
const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('x', 'é', '😀', '\u202E', '\u0000', "'"), fc.integer({ min: 4_000, max: 120_000 }))
      .map(([c, n]) => c.repeat(n)),
  },
);
const oddNumber: fc.Arbitrary<unknown> = fc.constantFrom(
  new Raw('-0'),
  new Raw('1e308'),
  new Raw('9007199254740993'),
  new Raw('123456789012345678901234567890'),
  new Raw('0.1e1'),
);

/** Values of the wrong type for a template value: each of them must fail validation. */
function wrongFor(v: unknown, required: boolean): fc.Arbitrary<unknown> {
  const nil = required ? [null] : [];
  if (typeof v === 'string') {
    return fc.oneof(
      fc.integer(),
      fc.boolean(),
      fc.constantFrom<unknown>({}, [1, 2], [v], { $gt: '' }, new Raw('1e400'), ...nil),
    );
  }
  if (typeof v === 'number') {
    return fc.oneof(
      fc.integer().map(String),
      fc.boolean(),
      fc.constantFrom<unknown>(
        {},
        [v],
        1.5,
        -7.25,
        new Raw('NaN'),
        new Raw('Infinity'),
        new Raw('-Infinity'),
        new Raw('1e400'),
        ...nil,
      ),
    );
  }
  if (typeof v === 'boolean') return fc.constantFrom<unknown>('true', 1, 0, {}, [], 'yes', ...nil);
  if (Array.isArray(v)) {
    const first: unknown = v[0];
    const elementWrong: unknown[] =
      first !== null && typeof first === 'object'
        ? [['x'], [1], [[]], [null], [[first]], [true]]
        : [[1], [{}], [[]], [null], [true]];
    return fc.constantFrom<unknown>({}, 'x', 7, true, ...elementWrong, ...nil);
  }
  return fc.constantFrom<unknown>([], [v], 'x', 5, true, new Raw('[{}]'), ...nil);
}

type Path = (string | number)[];

function leaves(v: unknown, path: Path = []): { path: Path; value: unknown }[] {
  const out: { path: Path; value: unknown }[] = path.length ? [{ path, value: v }] : [];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...leaves(x, [...path, i])));
  else if (v !== null && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) out.push(...leaves(x, [...path, k]));
  }
  return out;
}

function objectsIn(v: unknown, path: Path = []): Path[] {
  const out: Path[] = [];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...objectsIn(x, [...path, i])));
  else if (v !== null && typeof v === 'object') {
    out.push(path);
    for (const [k, x] of Object.entries(v)) out.push(...objectsIn(x, [...path, k]));
  }
  return out;
}

function clone<T>(v: T): T {
  return structuredClone(v);
}

function setAt(root: Record<string, unknown>, path: Path, value: unknown): void {
  let o = root as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) o = o[k] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  // An own, enumerable property even for "__proto__" (what JSON.parse makes of such a key).
  Object.defineProperty(o, last, { value, enumerable: true, configurable: true, writable: true });
}

function deleteAt(root: Record<string, unknown>, path: Path): void {
  let o = root as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) o = o[k] as Record<string | number, unknown>;
  delete o[path[path.length - 1]];
}

function getAt(root: unknown, path: Path): unknown {
  let o = root as Record<string | number, unknown>;
  for (const k of path) o = o[k] as Record<string | number, unknown>;
  return o;
}

const pathKey = (p: Path) => p.map(String).join('.');

type Caller = 'anonymous' | 'owner' | 'appraiser' | 'approver' | 'inspector' | 'admin';

interface Endpoint {
  family: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH';
  /** With `:name` placeholders taken from World.ids (or literal values). */
  path: string;
  caller: Caller;
  /** A valid body (JSON endpoints that take one). */
  body?: Record<string, unknown>;
  /** Required members of the body, as dotted paths (removing one must fail). */
  required?: string[];
  /** Query parameters it understands, with a valid value each. */
  query?: Record<string, string>;
  /** Multipart upload endpoint. */
  upload?: 'dto' | 'field';
  /** A transition endpoint: hostile event names must be refused. */
  transition?: boolean;
  /** Its success writes something: every request sent must fail. */
  mutating?: boolean;
  /**
   * A public page outside /api/v1: asked for JSON (Accept), so that its errors come as problem+json; the HTML
   * answers to hostile input are checked in test/web/public-pages.e2e-spec.ts.
   */
  page?: boolean;
}

function endpoints(w: World): Endpoint[] {
  const site = {
    name: 'Trang thông tin điện tử tổng hợp Sông Lam',
    domains: ['songlam-hostile.vn'],
    contentScope: 'Tổng hợp tin tức kinh tế, văn hóa, xã hội',
    sections: ['Kinh tế'],
    informationSources: ['Báo Nghệ An (baonghean.vn)'],
    serverLocation: 'Viettel IDC, Hà Nội',
    contentManager: { fullName: 'Nguyễn Văn An', position: 'Tổng biên tập', phone: '+84 912 345 678', email: 'a@b.vn' },
  };
  const page = { page: '1', pageSize: '20' };
  return [
    // auth
    {
      family: 'auth',
      method: 'POST',
      path: '/auth/register',
      caller: 'anonymous',
      mutating: true,
      body: {
        email: 'new-owner@songlam.vn',
        password: 'Mat-khau-manh-2026',
        fullName: 'Trần Thị Bình',
        organization: {
          name: 'Công ty Sông Lam',
          registrationNumber: '2901234567',
          address: '12 Lê Lợi, Vinh',
          legalRepresentative: 'Nguyễn Văn An',
          phone: '+84 238 3844 555',
          email: 'lienhe@songlam.vn',
        },
      },
      required: [
        'email',
        'password',
        'fullName',
        'organization',
        'organization.name',
        'organization.registrationNumber',
        'organization.address',
        'organization.legalRepresentative',
        'organization.phone',
        'organization.email',
      ],
    },
    {
      family: 'auth',
      method: 'POST',
      path: '/auth/login',
      caller: 'anonymous',
      mutating: true,
      body: { email: w.cast.owner.email, password: 'Mat-khau-manh-2026' },
      required: ['email', 'password'],
    },
    { family: 'auth', method: 'GET', path: '/auth/me', caller: 'owner' },
    {
      family: 'auth',
      method: 'POST',
      path: '/auth/password',
      caller: 'owner',
      mutating: true,
      body: { currentPassword: 'Mat-khau-manh-2026', newPassword: 'Sông Hồng chảy mãi 2027' },
      required: ['currentPassword', 'newPassword'],
    },
    {
      family: 'auth',
      method: 'POST',
      path: '/auth/password/forgot',
      caller: 'anonymous',
      mutating: true,
      body: { email: w.cast.owner.email },
      required: ['email'],
    },
    {
      family: 'auth',
      method: 'POST',
      path: '/auth/password/reset',
      caller: 'anonymous',
      mutating: true,
      body: { token: 'A'.repeat(43), newPassword: 'Sông Hồng chảy mãi 2027' },
      required: ['token', 'newPassword'],
    },
    {
      family: 'auth',
      method: 'POST',
      path: '/auth/email/verify',
      caller: 'anonymous',
      mutating: true,
      body: { token: 'A'.repeat(43) },
      required: ['token'],
    },
    {
      family: 'auth',
      method: 'POST',
      path: '/auth/session',
      caller: 'anonymous',
      mutating: true,
      body: { email: w.cast.appraiser.email, password: 'Mat-khau-manh-2026' },
      required: ['email', 'password'],
    },
    // users
    {
      family: 'users',
      method: 'POST',
      path: '/users',
      caller: 'admin',
      mutating: true,
      body: {
        email: 'can-bo@dic.gov.vn',
        password: 'Mat-khau-manh-2026',
        fullName: 'Cán bộ',
        role: 'appraiser',
        authorityId: w.ids.authority,
      },
      required: ['email', 'password', 'fullName', 'role'],
    },
    { family: 'users', method: 'GET', path: '/users', caller: 'admin', query: { ...page, role: 'appraiser' } },
    { family: 'users', method: 'GET', path: '/users/:user', caller: 'admin' },
    {
      family: 'users',
      method: 'POST',
      path: '/users/:user/password-reset',
      caller: 'admin',
      mutating: true,
      body: { temporaryPassword: 'Sông Hồng chảy mãi 2027' },
      required: [],
    },
    {
      family: 'users',
      method: 'POST',
      path: '/users/:user/transitions',
      caller: 'admin',
      mutating: true,
      transition: true,
      body: { event: 'DISABLE', reason: 'Nghỉ việc' },
      required: ['event'],
    },
    // authorities and their settings
    {
      family: 'authorities',
      method: 'GET',
      path: '/authorities/:authority/staff',
      caller: 'approver',
      query: { role: 'appraiser' },
    },
    {
      family: 'authorities',
      method: 'POST',
      path: '/authorities',
      caller: 'admin',
      mutating: true,
      body: { code: 'STTTT-HT', name: 'Sở TT&TT', province: 'Hà Tĩnh', licenseNumberSuffix: 'GP-STTTT' },
      required: ['code', 'name', 'province', 'licenseNumberSuffix'],
    },
    { family: 'authorities', method: 'GET', path: '/authorities/:authority', caller: 'appraiser' },
    {
      family: 'authorities',
      method: 'PUT',
      path: '/authorities/:authority/license-numbering',
      caller: 'admin',
      mutating: true,
      body: { nextSeq: 100, format: '{seq}/{suffix}', pad: 0 },
      required: ['nextSeq', 'format', 'pad'],
    },
    {
      family: 'authorities',
      method: 'PUT',
      path: '/authorities/:authority/license-settings',
      caller: 'admin',
      mutating: true,
      body: { suspensionMaxMonths: 3 },
      required: ['suspensionMaxMonths'],
    },
    {
      family: 'authorities',
      method: 'PUT',
      path: '/authorities/:authority/signing-settings',
      caller: 'admin',
      mutating: true,
      body: { certificateFile: null },
      required: ['certificateFile'],
    },
    {
      family: 'authorities',
      method: 'PUT',
      path: '/authorities/:authority/report-settings',
      caller: 'admin',
      mutating: true,
      body: { annualDueMonthDay: '01-15' },
      required: ['annualDueMonthDay'],
    },
    // applications
    {
      family: 'applications',
      method: 'POST',
      path: '/applications',
      caller: 'owner',
      mutating: true,
      body: { type: 'NEW', authorityId: w.ids.authority, site, requestedExpiresOn: '2036-03-05', reason: 'Cấp mới' },
      required: ['type', 'authorityId'],
    },
    {
      family: 'applications',
      method: 'PATCH',
      path: '/applications/:draft',
      caller: 'owner',
      mutating: true,
      body: { version: 2, site, reason: 'Sửa' },
      required: [],
    },
    {
      family: 'applications',
      method: 'POST',
      path: '/applications/:draft/transitions',
      caller: 'owner',
      mutating: true,
      transition: true,
      body: { event: 'WITHDRAW', reason: 'Rút hồ sơ' },
      required: ['event'],
    },
    {
      family: 'applications',
      method: 'POST',
      path: '/applications/:pending/transitions',
      caller: 'approver',
      mutating: true,
      transition: true,
      body: {
        event: 'APPROVE',
        version: 5,
        note: 'Đồng ý',
        items: ['Bản sao'],
        recommendation: 'APPROVE',
        checklist: [{ kind: 'APPLICATION_FORM', satisfied: true, note: 'Đạt' }],
      },
      required: ['event'],
    },
    {
      family: 'applications',
      method: 'POST',
      path: '/applications/:pending/assignee',
      caller: 'approver',
      mutating: true,
      body: { assigneeId: w.cast.appraiser2.id, version: 5 },
      required: ['assigneeId'],
    },
    {
      family: 'applications',
      method: 'GET',
      path: '/applications',
      caller: 'appraiser',
      query: { ...page, state: 'IN_REVIEW', type: 'NEW', overdue: 'true', assignee: 'me', sort: 'deadline' },
    },
    { family: 'applications', method: 'GET', path: '/applications/:pending', caller: 'approver' },
    { family: 'applications', method: 'GET', path: '/applications/:pending/history', caller: 'owner' },
    {
      family: 'requirements',
      method: 'GET',
      path: '/requirements',
      caller: 'anonymous',
      query: { applicationType: 'NEW' },
    },
    // documents
    {
      family: 'documents',
      method: 'POST',
      path: '/applications/:draft/documents',
      caller: 'owner',
      upload: 'dto',
      mutating: true,
    },
    {
      family: 'documents',
      method: 'GET',
      path: '/applications/:draft/documents',
      caller: 'owner',
      query: { all: 'true' },
    },
    { family: 'documents', method: 'GET', path: '/applications/:draft/documents/:document/content', caller: 'owner' },
    {
      family: 'documents',
      method: 'POST',
      path: '/inspections/:inspection/documents',
      caller: 'inspector',
      upload: 'field',
      mutating: true,
    },
    // licenses
    {
      family: 'licenses',
      method: 'GET',
      path: '/licenses',
      caller: 'approver',
      query: { ...page, status: 'ACTIVE', q: 'Sông Lam' },
    },
    { family: 'licenses', method: 'GET', path: '/licenses/:license', caller: 'owner', query: { version: '1' } },
    { family: 'licenses', method: 'GET', path: '/licenses/:license/pdf', caller: 'owner', query: { version: '1' } },
    { family: 'licenses', method: 'GET', path: '/sites/:license/lifecycle', caller: 'inspector' },
    {
      family: 'licenses',
      method: 'POST',
      path: '/licenses/:license/transitions',
      caller: 'approver',
      mutating: true,
      transition: true,
      body: { event: 'SUSPEND', version: 1, reason: 'Vi phạm', decisionNumber: '5/QĐ-STTTT', until: '2027-01-31' },
      required: ['event'],
    },
    // the public registry
    {
      family: 'registry',
      method: 'GET',
      path: '/public/licenses',
      caller: 'anonymous',
      query: { ...page, q: 'Sông Lam', status: 'ACTIVE' },
    },
    {
      family: 'registry',
      method: 'GET',
      path: '/public/licenses/verify',
      caller: 'anonymous',
      query: { number: '1/GP-STTTT', code: 'ABCDEFGHJK23' },
    },
    {
      family: 'registry',
      method: 'GET',
      path: '/public/licenses/export',
      caller: 'anonymous',
      query: { format: 'ndjson' },
    },
    {
      family: 'registry',
      method: 'GET',
      path: '/public/licenses/changes',
      caller: 'anonymous',
      query: { since: '', limit: '10' },
    },
    // the public pages (outside /api/v1)
    {
      family: 'public pages',
      method: 'GET',
      path: '/registry',
      caller: 'anonymous',
      page: true,
      query: { ...page, q: 'Sông Lam', status: 'ACTIVE' },
    },
    { family: 'public pages', method: 'GET', path: '/registry/:license', caller: 'anonymous', page: true },
    {
      family: 'public pages',
      method: 'GET',
      path: '/v/ABCDEFGHJKMNPQRSTVWXYZ0123',
      caller: 'anonymous',
      page: true,
    },
    { family: 'public pages', method: 'GET', path: '/static/public.css', caller: 'anonymous', page: true },
    // reports
    {
      family: 'reports',
      method: 'POST',
      path: '/reports',
      caller: 'owner',
      mutating: true,
      body: { licenseId: w.ids.license, period: '2027', content: reportContent() },
      required: [
        'licenseId',
        'period',
        'content',
        'content.articlesPublished',
        'content.sourcesUsed',
        'content.staff',
        'content.staff.content',
        'content.staff.technical',
        'content.incidents',
        'content.incidents.0.date',
        'content.incidents.0.description',
        'content.incidents.0.actionTaken',
        'content.unamendedChanges',
      ],
    },
    {
      family: 'reports',
      method: 'POST',
      path: '/reports/requests',
      caller: 'appraiser',
      mutating: true,
      body: { licenseId: w.ids.license, dueOn: '2026-12-31', note: 'Báo cáo đột xuất' },
      required: ['licenseId', 'dueOn', 'note'],
    },
    {
      family: 'reports',
      method: 'GET',
      path: '/reports',
      caller: 'appraiser',
      query: { ...page, overdue: 'true', period: '2026', state: 'SUBMITTED', licenseId: w.ids.license },
    },
    {
      family: 'reports',
      method: 'POST',
      path: '/reports/:report/transitions',
      caller: 'appraiser',
      mutating: true,
      transition: true,
      body: { event: 'ACCEPT', version: 2 },
      required: ['event'],
    },
    // inspections
    {
      family: 'inspections',
      method: 'POST',
      path: '/inspections',
      caller: 'inspector',
      mutating: true,
      body: {
        licenseId: w.ids.license,
        scheduledOn: '2026-12-20',
        kind: 'AD_HOC',
        scope: 'Nguồn tin',
        place: 'Trụ sở',
        team: [{ fullName: 'Nguyễn Thị Hoa', position: 'Thanh tra viên', role: 'Trưởng đoàn' }],
      },
      required: ['licenseId', 'scheduledOn', 'kind', 'scope', 'team.0.fullName', 'team.0.position'],
    },
    {
      family: 'inspections',
      method: 'POST',
      path: '/inspections/:inspection/transitions',
      caller: 'inspector',
      mutating: true,
      transition: true,
      body: {
        event: 'COMPLETE',
        findings: ['Trang chủ thiếu số giấy phép'],
        conclusion: 'Có vi phạm',
        remedies: [{ description: 'Bổ sung', dueOn: '2027-01-15' }],
      },
      required: ['event', 'remedies.0.description'],
    },
    {
      family: 'inspections',
      method: 'GET',
      path: '/inspections',
      caller: 'inspector',
      query: { ...page, state: 'PLANNED', kind: 'PERIODIC', licenseId: w.ids.license },
    },
    { family: 'inspections', method: 'GET', path: '/inspections/:inspection/record.pdf', caller: 'inspector' },
    // violations and their catalogue
    {
      family: 'violations',
      method: 'POST',
      path: '/violations',
      caller: 'inspector',
      mutating: true,
      body: {
        licenseId: w.ids.license,
        inspectionId: w.ids.inspection,
        typeCode: 'HOMEPAGE_DISCLOSURE',
        description: 'Thiếu thông tin',
        detectedOn: '2026-11-02',
      },
      required: ['licenseId', 'typeCode', 'description', 'detectedOn'],
    },
    {
      family: 'violations',
      method: 'POST',
      path: '/violations',
      caller: 'inspector',
      mutating: true,
      body: {
        offender: { kind: 'INDIVIDUAL', name: 'Nguyễn Văn An', idNumber: '038090001234', address: 'Vinh' },
        typeCode: 'NO_LICENSE',
        description: 'Thiết lập trang tổng hợp không phép',
        detectedOn: '2026-11-02',
      },
      required: ['offender', 'offender.kind', 'offender.name', 'typeCode', 'description', 'detectedOn'],
    },
    {
      family: 'violations',
      method: 'POST',
      path: '/violations/:violation/transitions',
      caller: 'inspector',
      mutating: true,
      transition: true,
      body: {
        event: 'SANCTION',
        fineAmount: 15_000_000,
        decisionNumber: '15/QĐ-XPHC',
        remedyDueOn: '2027-01-15',
        reason: 'x',
      },
      required: ['event'],
    },
    {
      family: 'violations',
      method: 'GET',
      path: '/violations',
      caller: 'approver',
      query: { ...page, licenseId: w.ids.license, state: 'OPEN', typeCode: 'HOMEPAGE_DISCLOSURE' },
    },
    {
      family: 'violations',
      method: 'GET',
      path: '/enforcement-proposals',
      caller: 'approver',
      query: { ...page, state: 'OPEN' },
    },
    {
      family: 'violations',
      method: 'POST',
      path: '/enforcement-proposals/:proposal/transitions',
      caller: 'approver',
      mutating: true,
      transition: true,
      body: { event: 'DISMISS', reason: 'Đã khắc phục' },
      required: ['event'],
    },
    // sites without a license (the world's site is REPORTED; its domain is taken, so a body that slipped through
    // would still be refused with 409)
    {
      family: 'unlicensed-sites',
      method: 'POST',
      path: '/unlicensed-sites',
      caller: 'inspector',
      mutating: true,
      body: {
        domains: ['tin-nhanh-khong-phep.vn'],
        siteName: 'Tin Nhanh',
        operator: { kind: 'ORGANIZATION', name: 'Công ty TNHH Tin Nhanh', idNumber: '2901234567', address: 'Vinh' },
        foundOn: '2026-11-30',
        discoveryMethod: 'COMPLAINT',
        description: 'Trang tổng hợp tin tức không phép',
        evidence: [{ url: 'https://tin-nhanh-khong-phep.vn/a', capturedAt: '2026-11-30T02:00:00Z', note: 'Trang chủ' }],
      },
      required: [
        'domains',
        'foundOn',
        'discoveryMethod',
        'description',
        'operator.kind',
        'operator.name',
        'evidence.0.url',
        'evidence.0.capturedAt',
      ],
    },
    {
      family: 'unlicensed-sites',
      method: 'GET',
      path: '/unlicensed-sites',
      caller: 'appraiser',
      query: { ...page, state: 'REPORTED', domain: 'tin-nhanh-khong-phep.vn' },
    },
    { family: 'unlicensed-sites', method: 'GET', path: '/unlicensed-sites/:unlicensedSite', caller: 'inspector' },
    {
      family: 'unlicensed-sites',
      method: 'PATCH',
      path: '/unlicensed-sites/:unlicensedSite',
      caller: 'inspector',
      mutating: true,
      body: { siteName: 'Tin Nhanh', operator: { kind: 'INDIVIDUAL', name: 'Trần Bình' }, version: 99 },
      required: ['operator.kind', 'operator.name'],
    },
    {
      family: 'unlicensed-sites',
      method: 'POST',
      path: '/unlicensed-sites/:unlicensedSite/evidence',
      caller: 'inspector',
      mutating: true,
      body: { url: 'https://tin-nhanh-khong-phep.vn/b', capturedAt: '2030-01-01T00:00:00Z', note: 'Trang tin' },
      required: ['url', 'capturedAt'],
    },
    {
      family: 'unlicensed-sites',
      method: 'POST',
      path: '/unlicensed-sites/:unlicensedSite/evidence/:siteEvidence/documents',
      caller: 'inspector',
      upload: 'field',
      mutating: true,
    },
    {
      family: 'unlicensed-sites',
      method: 'POST',
      path: '/unlicensed-sites/:unlicensedSite/transitions',
      caller: 'inspector',
      mutating: true,
      transition: true,
      body: { event: 'MARK_LICENSED', applicationId: w.ids.pending, version: 1, reason: 'Đã cấp phép' },
      required: ['event'],
    },
    {
      family: 'unlicensed-sites',
      method: 'GET',
      path: '/unlicensed-sites/:unlicensedSite/letter.pdf',
      caller: 'approver',
    },
    // correction and removal requests (the world's request is ISSUED: ACCEPT is refused by its state)
    {
      family: 'content-requests',
      method: 'POST',
      path: '/content-requests',
      caller: 'inspector',
      mutating: true,
      body: {
        licenseId: w.ids.license,
        kind: 'CORRECTION',
        items: [{ code: 'EDITED_TITLES', description: 'Sửa tiêu đề', url: 'https://songlam.vn/a' }],
        description: 'Theo dõi trên mạng',
        deadlineWorkingDays: 5,
      },
      required: ['licenseId', 'kind', 'description', 'items', 'items.0.code', 'items.0.description'],
    },
    {
      family: 'content-requests',
      method: 'GET',
      path: '/content-requests',
      caller: 'owner',
      query: { ...page, state: 'ISSUED', kind: 'REMOVAL', licenseId: w.ids.license, missed: 'false' },
    },
    {
      family: 'content-requests',
      method: 'POST',
      path: '/content-requests/:contentRequest/transitions',
      caller: 'inspector',
      mutating: true,
      transition: true,
      body: { event: 'ACCEPT', version: 1, response: 'Đã gỡ', violationId: w.ids.violation },
      required: ['event'],
    },
    {
      family: 'content-requests',
      method: 'POST',
      path: '/content-requests/:contentRequest/documents',
      caller: 'owner',
      upload: 'field',
      mutating: true,
    },
    {
      family: 'content-requests',
      method: 'GET',
      path: '/content-requests/:contentRequest/letter.pdf',
      caller: 'owner',
    },
    // reporting units and periods (the world's unit code and ANNUAL 2026 period exist: a body that slipped through
    // would still be refused with 409)
    {
      family: 'unit-reporting',
      method: 'POST',
      path: '/reporting-units',
      caller: 'approver',
      mutating: true,
      body: { code: 'UBND-TP-VINH', name: 'Ủy ban nhân dân thành phố Vinh', kind: 'DISTRICT_PEOPLES_COMMITTEE' },
      required: ['code', 'name', 'kind'],
    },
    {
      family: 'unit-reporting',
      method: 'POST',
      path: '/reporting-periods',
      caller: 'approver',
      mutating: true,
      body: { kind: 'ANNUAL', year: 2026, dueOn: '2026-11-30' },
      required: ['kind', 'year'],
    },
    {
      family: 'unit-reporting',
      method: 'GET',
      path: '/unit-reports',
      caller: 'inspector',
      query: { ...page, periodId: w.ids.reportingPeriod, state: 'DRAFT' },
    },
    {
      family: 'unit-reporting',
      method: 'GET',
      path: '/reporting-periods/:reportingPeriod/synthesis',
      caller: 'approver',
      query: { format: 'json' },
    },
    {
      family: 'unit-reporting',
      method: 'POST',
      path: '/unit-reports/:unitReport/transitions',
      caller: 'approver',
      mutating: true,
      transition: true,
      body: { event: 'ACCEPT', version: 1, reason: 'Đủ' },
      required: ['event'],
    },
    {
      family: 'violation-types',
      method: 'GET',
      path: '/violation-types',
      caller: 'anonymous',
      query: { on: '2026-03-05' },
    },
    {
      family: 'violation-types',
      method: 'POST',
      path: '/violation-types',
      caller: 'admin',
      mutating: true,
      body: {
        code: 'NEW_TYPE',
        effectiveFrom: '2027-01-01',
        title: 'Loại mới',
        titleEn: 'New type',
        legalBasis: 'Nghị định 174/2026/NĐ-CP, Điều 93',
        minFine: 1_000_000,
        maxFine: 2_000_000,
        additionalMeasures: ['Tước giấy phép'],
        remedialMeasures: ['Gỡ bỏ'],
        grave: false,
        verified: true,
      },
      required: ['code', 'effectiveFrom', 'title', 'titleEn', 'legalBasis', 'minFine', 'maxFine'],
    },
    // the law as data
    {
      family: 'legal',
      method: 'GET',
      path: '/legal-parameters',
      caller: 'anonymous',
      query: { on: '2026-03-05' },
    },
    {
      family: 'legal',
      method: 'POST',
      path: '/legal-parameters',
      caller: 'admin',
      mutating: true,
      body: {
        key: 'PROCESSING_WORKING_DAYS_NEW',
        value: 15,
        effectiveFrom: '2030-01-01',
        basis: 'Nghị định 147/2024/NĐ-CP',
        verified: false,
      },
      required: ['key', 'value', 'effectiveFrom', 'basis'],
    },
    {
      family: 'legal',
      method: 'POST',
      path: '/legal-bases',
      caller: 'admin',
      mutating: true,
      body: {
        documentType: 'LICENSE',
        effectiveFrom: '2030-01-01',
        lines: ['Căn cứ Luật Báo chí ngày 05 tháng 4 năm 2016;'],
      },
      required: ['documentType', 'effectiveFrom', 'lines'],
    },
    {
      family: 'legal',
      method: 'PUT',
      path: '/requirements/NEW/APPLICATION_FORM/legal-basis',
      caller: 'admin',
      mutating: true,
      body: { legalBasis: 'Nghị định 147/2024/NĐ-CP', verified: true },
      required: ['legalBasis', 'verified'],
    },
    // calendar
    { family: 'calendar', method: 'GET', path: '/calendar/2026', caller: 'appraiser' },
    {
      family: 'calendar',
      method: 'PUT',
      path: '/calendar/2027',
      caller: 'admin',
      mutating: true,
      body: {
        year: 2027,
        nonWorkingDays: [{ date: '2027-01-01', name: 'Tết Dương lịch' }],
        workingWeekends: ['2027-01-09'],
      },
      required: ['nonWorkingDays', 'workingWeekends', 'nonWorkingDays.0.date', 'nonWorkingDays.0.name'],
    },
    // notifications
    {
      family: 'notifications',
      method: 'GET',
      path: '/notifications',
      caller: 'owner',
      query: { ...page, unread: 'true' },
    },
    { family: 'notifications', method: 'POST', path: '/notifications/:notification/read', caller: 'owner' },
    // audit
    {
      family: 'audit',
      method: 'GET',
      path: '/audit',
      caller: 'admin',
      query: { ...page, entityType: 'license', entityId: w.ids.license },
    },
    { family: 'audit', method: 'GET', path: '/audit', caller: 'appraiser', query: { entityType: 'application' } },
    // catalogues of lifecycles, health
    {
      family: 'state-machines',
      method: 'GET',
      path: '/state-machines/application',
      caller: 'owner',
      query: { format: 'mermaid' },
    },
    { family: 'health', method: 'GET', path: '/health', caller: 'anonymous' },
  ];
}

type BodyPart = Pick<HostileRequest, 'raw' | 'form' | 'defects' | 'mustFail'>;

interface HostileRequest {
  endpoint: Endpoint;
  path: string;
  query: string;
  /** Raw request body and its content type, or a multipart form. */
  raw?: { text: string | Buffer; contentType: string };
  form?: { fields: [string, string][]; files: { field: string; bytes: Buffer; name: string; type: string }[] };
  headers: Record<string, string>;
  /** What was done to it (shown on failure). */
  defects: string[];
  /** At least one defect must make the request fail. */
  mustFail: boolean;
}

const HOSTILE_IDS = [
  '..%2F..%2Fetc%2Fpasswd',
  '%00',
  "'%20OR%201=1%20--",
  '%24where',
  '%3Cscript%3E',
  '00000000-0000-0000-0000-000000000000',
  '7d1c3c55-2a43-4c1e-9a51-8b0e0f7a2d12',
  '7d1c3c55-2a43-4c1e-9a51-8b0e0f7a2d1',
  '7d1c3c55-2a43-4c1e-9a51-8b0e0f7a2d12%00',
  '%ED%A0%80',
  '%FF%FE',
  '%F0%9F%98%80',
  'x'.repeat(3000),
  '__proto__',
  'constructor',
  '-1',
  '1e400',
  'NaN',
  'null',
];

function buildArbitrary(
  w: World,
  eps: Endpoint[],
  tokens: Record<Caller, string | null>,
): fc.Arbitrary<HostileRequest> {
  const resolvePath = (p: string) =>
    p.replace(/:(\w+)/g, (_, name: string) => (w.ids as unknown as Record<string, string>)[name] ?? name);

  return fc.integer({ min: 0, max: eps.length - 1 }).chain((i) => {
    const ep = eps[i];
    const ids = [...ep.path.matchAll(/:(\w+)/g)].map((m) => m[1]);
    const hostileHeader = fc.option(
      fc.oneof(
        fc
          .constantFrom('', 'x'.repeat(201), 'clé-é', 'a b', "' OR 1=1 --", '../../etc/passwd')
          .map((k) => ['Idempotency-Key', k]),
        fc.uuid().map((k) => ['Idempotency-Key', k]),
        fc
          .constantFrom('Bearer', 'Bearer x.y.z', `Bearer ${'a'.repeat(5000)}`, 'Basic YWRtaW46YWRtaW4=')
          .map((v) => ['Authorization', v]),
        fc
          .constantFrom('eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiJ4Iiwicm9sZSI6ImFkbWluIn0.')
          .map((v) => ['Authorization', `Bearer ${v}`]),
      ),
      { freq: 4 },
    );

    // A hostile path id (→ 404, never more).
    const pathArb =
      ids.length > 0
        ? fc.option(fc.tuple(fc.constantFrom(...ids), fc.constantFrom(...HOSTILE_IDS)), { freq: 5 })
        : fc.constant(null);

    // Query: hostile values, duplicates, unknown names.
    const queryKeys = Object.keys(ep.query ?? {});
    const queryArb = fc.array(
      fc.oneof(
        fc.tuple(
          fc.constantFrom(...(queryKeys.length ? queryKeys : ['q'])),
          hostileString.map((s) => pct(s.slice(0, 10_000)).slice(0, 6_000)),
        ),
        fc.tuple(
          fc.constantFrom(...(queryKeys.length ? queryKeys : ['page'])),
          fc.constantFrom('%ED%A0%80', '%FF', '%00', '%', '%zz'),
        ),
        fc.tuple(
          fc.constantFrom('__proto__', 'constructor', '$where', 'q[$ne]', 'page[]', 'x'),
          hostileString.map((s) => pct(s.slice(0, 200))),
        ),
        fc.tuple(
          fc.constantFrom('page', 'pageSize', 'version'),
          fc.constantFrom('-1', '0', '1e400', 'NaN', '1.5', '99999999999999999999', '0x10', ''),
        ),
      ),
      { minLength: ep.method === 'GET' ? 1 : 0, maxLength: 3 },
    );

    const bodyArb: fc.Arbitrary<Pick<HostileRequest, 'raw' | 'form' | 'defects' | 'mustFail'>> = ep.upload
      ? uploadArbitrary(ep)
      : ep.body
        ? jsonBodyArbitrary(ep)
        : ep.method === 'GET'
          ? fc.constant<BodyPart>({ defects: [], mustFail: false })
          : fc.oneof(
              fc.constant<BodyPart>({ defects: [], mustFail: false }),
              fc.constantFrom('{"__proto__":{"admin":true}}', '[1,2]', '{"read":false}', 'null').map((text) => ({
                raw: { text, contentType: 'application/json' },
                defects: [`body ${text}`],
                mustFail: false,
              })),
            );

    return fc.record({ header: hostileHeader, hostileId: pathArb, query: queryArb, body: bodyArb }).map((g) => {
      let path = resolvePath(ep.path);
      const defects = [...g.body.defects];
      let mustFail = g.body.mustFail;
      if (g.hostileId) {
        const [name, bad] = g.hostileId;
        path = path.replace((w.ids as unknown as Record<string, string>)[name], bad);
        defects.push(`path :${name} = ${bad.slice(0, 60)}`);
        mustFail = true;
      }
      const valid = Object.entries(ep.query ?? {}).map(([k, v]) => `${k}=${pct(v)}`);
      const hostileQuery = g.query.map(([k, v]) => `${pct(k).replace(/%5b/gi, '[').replace(/%5d/gi, ']')}=${v}`);
      if (hostileQuery.length) defects.push(`query ${hostileQuery.join('&').slice(0, 200)}`);
      const headers: Record<string, string> = {};
      const token = tokens[ep.caller];
      if (token) Object.assign(headers, bearer(token));
      if (g.header) {
        headers[g.header[0]] = g.header[1];
        defects.push(`header ${g.header[0]}: ${g.header[1].slice(0, 60)}`);
      }
      const request: HostileRequest = {
        endpoint: ep,
        path,
        query: [...valid, ...hostileQuery].join('&'),
        raw: g.body.raw,
        form: g.body.form,
        headers,
        defects,
        mustFail,
      };
      // fast-check prints a counterexample with this (the raw request may be megabytes long).
      return Object.assign(request, { [fc.toStringMethod]: () => describeRequest(request) });
    });
  });
}

/** A JSON body with at least one defect that must make it fail, plus hostile but well-formed decorations. */
function jsonBodyArbitrary(ep: Endpoint): fc.Arbitrary<Pick<HostileRequest, 'raw' | 'defects' | 'mustFail'>> {
  const template = ep.body as Record<string, unknown>;
  const allLeaves = leaves(template);
  const stringLeaves = allLeaves.filter((l) => typeof l.value === 'string');
  const numberLeaves = allLeaves.filter((l) => typeof l.value === 'number');
  const required = new Set(ep.required ?? []);
  const requiredPaths = allLeaves.filter((l) => required.has(pathKey(l.path))).map((l) => l.path);
  const objects = objectsIn(template);

  const decoration = fc.oneof(
    stringLeaves.length
      ? fc
          .tuple(fc.constantFrom(...stringLeaves), hostileString)
          .map(([l, s]) => ({ path: l.path, value: s as unknown }))
      : fc.constant(null),
    numberLeaves.length
      ? fc.tuple(fc.constantFrom(...numberLeaves), oddNumber).map(([l, n]) => ({ path: l.path, value: n }))
      : fc.constant(null),
  );

  type Defect = { apply: (b: Record<string, unknown>) => Record<string, unknown> | Raw; label: string };
  const defects: fc.Arbitrary<Defect>[] = [
    fc.constantFrom(...allLeaves).chain((l) =>
      wrongFor(l.value, required.has(pathKey(l.path))).map((bad) => ({
        label: `${pathKey(l.path)} := ${ser(bad).slice(0, 60)}`,
        apply: (b: Record<string, unknown>) => {
          setAt(b, l.path, bad);
          return b;
        },
      })),
    ),
    fc
      .tuple(
        fc.constantFrom(...objects),
        fc.constantFrom('__proto__', 'constructor', 'prototype', '$where', '$gt', 'toString', 'isAdmin', 'x-extra'),
        fc.oneof(fc.constant<unknown>({ admin: true, polluted: 1 }), hostileString, fc.integer()),
      )
      .map(([obj, key, value]) => ({
        label: `unknown ${[...obj, key].join('.')}`,
        apply: (b: Record<string, unknown>) => {
          setAt(b, [...obj, key], value);
          return b;
        },
      })),
    fc
      .constantFrom(
        'null',
        '[]',
        '"text"',
        '42',
        'true',
        '{',
        '{"event":',
        "{'event':'x'}",
        '{"a":1,}',
        '{"version": NaN}',
        '{"version": Infinity}',
        '{"version": -0}',
        '\uFEFF{}',
        `[${ser(template)}]`,
        `[${ser(template)},${ser(template)}]`,
        `{"a":${'['.repeat(5000)}${']'.repeat(5000)}}`,
      )
      .map((text) => ({ label: `body ${text.slice(0, 60)}`, apply: () => new Raw(text) })),
    fc.constantFrom(100, 2_000, 20_000, 120_000).map((depth) => ({
      label: `nested ${depth} deep`,
      apply: () => new Raw(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`),
    })),
    fc.constant({
      label: 'body larger than the limit',
      apply: () => new Raw(JSON.stringify({ ...template, pad: 'x'.repeat(1_200_000) })),
    }),
  ];
  if (requiredPaths.length) {
    defects.push(
      fc.constantFrom(...requiredPaths).map((p) => ({
        label: `without ${pathKey(p)}`,
        apply: (b: Record<string, unknown>) => {
          deleteAt(b, p);
          return b;
        },
      })),
    );
  }
  if (ep.transition) {
    defects.push(
      fc
        .oneof(
          fc.constantFrom(
            'constructor',
            '__proto__',
            'toString',
            'hasOwnProperty',
            'valueOf',
            'approve',
            'APPROVE ',
            ' SUSPEND',
            'WITHDRAW\u0000',
            'DISABLE\n',
            "' OR 1=1 --",
            'Ａpprove',
            '',
          ),
          hostileString.filter((s) => s.length <= 64 && !/^[A-Z_]+$/.test(s)),
        )
        .map((e) => ({
          label: `event ${JSON.stringify(e).slice(0, 60)}`,
          apply: (b: Record<string, unknown>) => ({ ...b, event: e }),
        })),
    );
  }

  return fc
    .record({
      decorations: fc.array(decoration, { maxLength: 3 }),
      defect: fc.oneof(...defects),
      contentType: fc.constantFrom(
        'application/json',
        'application/json',
        'application/json',
        'application/json; charset=utf-8',
        'application/merge-patch+json',
        'application/json; charset=latin1',
        'text/plain',
        'application/x-www-form-urlencoded',
      ),
    })
    .map(({ decorations, defect, contentType }) => {
      const body = clone(template);
      const labels: string[] = [];
      for (const d of decorations) {
        if (!d) continue;
        const parent = getAt(body, d.path.slice(0, -1));
        if (parent === undefined || parent === null) continue;
        setAt(body, d.path, d.value);
        labels.push(`${pathKey(d.path)} ~ ${ser(d.value).slice(0, 40)}`);
      }
      const out = defect.apply(body);
      labels.push(defect.label);
      if (contentType !== 'application/json') labels.push(`content-type ${contentType}`);
      return { raw: { text: ser(out), contentType }, defects: labels, mustFail: true };
    });
}

/** Multipart uploads that must be refused: bytes that are no PDF/PNG/JPEG, bad kinds, missing or extra parts. */
function uploadArbitrary(ep: Endpoint): fc.Arbitrary<Pick<HostileRequest, 'form' | 'raw' | 'defects' | 'mustFail'>> {
  const kind = ep.upload === 'dto' ? 'APPLICATION_FORM' : 'SCREENSHOT';
  const badKind = fc.oneof(
    fc.constantFrom(
      'application_form',
      ' APPLICATION_FORM',
      'APPLICATION-FORM',
      '',
      "' OR 1=1 --",
      '__proto__',
      '../x',
    ),
    hostileString.map((s) => `x${s}`),
  );
  const fileName = fc.oneof(
    fc.constantFrom(
      '../../etc/passwd',
      '..\\..\\win.ini',
      '<script>.pdf',
      `${'a'.repeat(1000)}.pdf`,
      'é😀.pdf',
      '\u202Efdp.exe',
      'con.pdf',
      '.pdf',
    ),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
  );
  const junk = fc.uint8Array({ minLength: 0, maxLength: 65_536 }).map((a) => Buffer.from(a));
  const variants: fc.Arbitrary<Pick<HostileRequest, 'form' | 'raw' | 'defects' | 'mustFail'>>[] = [
    fc.tuple(junk, fileName).map(([bytes, name]) => ({
      form: { fields: [['kind', kind]], files: [{ field: 'file', bytes, name, type: 'application/pdf' }] },
      defects: [`random ${bytes.length} bytes named ${name.slice(0, 40)}`],
      mustFail: true,
    })),
    fc.tuple(badKind, fileName).map(([k, name]) => ({
      form: { fields: [['kind', k]], files: [{ field: 'file', bytes: samplePdf(), name, type: 'application/pdf' }] },
      defects: [`kind ${JSON.stringify(k).slice(0, 60)}`],
      mustFail: true,
    })),
    fc.constant({ form: { fields: [['kind', kind]], files: [] }, defects: ['no file'], mustFail: true }),
    fc.constant({
      form: {
        fields: [['kind', kind]],
        files: [
          { field: 'file', bytes: Buffer.from('GIF89a junk'), name: 'a.pdf', type: 'application/pdf' },
          { field: 'file', bytes: Buffer.from('MZ junk'), name: 'b.pdf', type: 'application/pdf' },
        ],
      },
      defects: ['two files, neither a document'],
      mustFail: true,
    }),
    fc.constant({
      form: {
        fields: [['kind', kind]],
        files: [{ field: 'attachment', bytes: samplePdf(), name: 'a.pdf', type: 'application/pdf' }],
      },
      defects: ['file in another field'],
      mustFail: true,
    }),
    fc.constantFrom('__proto__', 'constructor', 'kind[]', '$where').map((f) => ({
      form: {
        fields: [
          ['kind', kind],
          [f, 'x'],
        ],
        files: [
          {
            field: 'file',
            bytes: Buffer.from('<html><script>alert(1)</script>'),
            name: 'a.pdf',
            type: 'application/pdf',
          },
        ],
      },
      defects: [`extra field ${f} and an HTML file`],
      mustFail: true,
    })),
    fc
      .constantFrom(
        '--xyz\r\nContent-Disposition: form-data; name="kind"\r\n\r\nAPPLICATION_FORM\r\n',
        'not multipart at all',
        '--xyz--',
      )
      .map((text) => ({
        raw: { text, contentType: 'multipart/form-data; boundary=xyz' },
        defects: [`broken multipart ${JSON.stringify(text).slice(0, 40)}`],
        mustFail: true,
      })),
  ];
  return fc.oneof(...variants);
}

async function send(t: TestApp, r: HostileRequest): Promise<Response> {
  const url = `${r.endpoint.page ? '' : API}${r.path}${r.query ? `?${r.query}` : ''}`;
  const m = r.endpoint.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch';
  let req = t.http[m](url).set(r.headers);
  if (r.endpoint.page) req = req.set('Accept', 'application/json');
  if (r.form) {
    for (const [k, v] of r.form.fields) req = req.field(k, v);
    for (const f of r.form.files) req = req.attach(f.field, f.bytes, { filename: f.name, contentType: f.type });
    return req;
  }
  if (r.raw) return req.set('Content-Type', r.raw.contentType).send(r.raw.text);
  return req;
}

function describeRequest(r: HostileRequest): string {
  return `${r.endpoint.method} ${r.path.slice(0, 200)}${r.query ? `?${r.query.slice(0, 200)}` : ''} as ${
    r.endpoint.caller
  } — ${r.defects.join('; ')}`;
}

describe('quality: hostile input at every endpoint family', () => {
  const world = useWorldApp();
  let t: TestApp;
  let w: World;
  beforeAll(() => ({ t, w } = world()));

  it(`survives ${RUNS} generated hostile requests (seed ${SEED}): no 5xx, problem+json errors, nothing written`, async () => {
    const eps = endpoints(w);
    const tokens: Record<Caller, string | null> = {
      anonymous: null,
      owner: w.cast.owner.token,
      appraiser: w.cast.appraiser.token,
      approver: w.cast.approver.token,
      inspector: w.cast.inspector.token,
      admin: t.adminToken,
    };
    // Render once what GET requests may cache, and read the notification, so that only the hostile requests are compared.
    await t.http.get(`${API}/licenses/${w.ids.license}/pdf`).set(bearer(w.cast.owner.token));
    await t.http.post(`${API}/notifications/${w.ids.notification}/read`).set(bearer(w.cast.owner.token));
    const ledgers = ['rate_limits', 'idempotency_keys', 'license_verification_counts'];
    const before = await rowCounts(t.ds, ledgers);
    const [{ last }] = (await t.ds.query(`SELECT coalesce(max(id), 0)::int AS last FROM audit_events`)) as {
      last: number;
    }[];
    const verifyBefore = await t.http.get(`${API}/audit/verify`).set(bearer(t.adminToken));
    expect(verifyBefore.body.valid).toBe(true);

    const openApi = openApiChecker(t.app);
    const seen = new Map<string, number>();
    const statuses = new Map<number, number>();
    try {
      await fc.assert(
        fc.asyncProperty(buildArbitrary(w, eps, tokens), async (r) => {
          const res = await send(t, r);
          seen.set(r.endpoint.family, (seen.get(r.endpoint.family) ?? 0) + 1);
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          const where = `${describeRequest(r)} → ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`;
          if (res.status >= 500) throw new Error(`5xx: ${where}`);
          // The HTML pages for people are outside the API document (docs/api.md); every API answer must conform.
          const undocumented = r.endpoint.page ? [] : openApi.mismatches(res);
          if (undocumented.length) throw new Error(`not as the OpenAPI document says: ${undocumented.join('; ')}`);
          if (r.mustFail && res.status < 400) throw new Error(`accepted a defective request: ${where}`);
          if (res.status >= 400) {
            const ct = String(res.headers['content-type']);
            if (!ct.startsWith('application/problem+json')) throw new Error(`not problem+json (${ct}): ${where}`);
            const body = res.body as Record<string, unknown>;
            for (const k of ['type', 'title', 'status', 'detail', 'code']) {
              if (!(k in body)) throw new Error(`problem without ${k}: ${where}`);
            }
            if (body.status !== res.status) throw new Error(`problem status ${String(body.status)}: ${where}`);
            if (!/^[A-Z][A-Z0-9_]+$/.test(String(body.code))) throw new Error(`problem code: ${where}`);
          }
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
    } catch (e) {
      // The seed reproduces the whole sequence: HOSTILE_SEED=<seed> npx jest test/quality/hostile-input…
      process.stderr.write(`hostile-input failed with HOSTILE_SEED=${SEED} HOSTILE_RUNS=${RUNS}\n`);
      throw e;
    }

    const total = [...seen.values()].reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThanOrEqual(Math.min(RUNS, 500));
    const families = new Set(eps.map((e) => e.family));
    expect([...families].filter((f) => !seen.has(f))).toEqual([]);
    expect([...statuses.keys()].filter((s) => s >= 500)).toEqual([]);

    // A refused or read-only request leaves no audit event (public verifications are counted per license and day
    // in a ledger, not in the chain: issue 12).
    const newEvents = (await t.ds.query(`SELECT action, entity_type, data FROM audit_events WHERE id > $1`, [
      last,
    ])) as { action: string }[];
    expect(newEvents).toEqual([]);
    const after = await rowCounts(t.ds, ledgers);
    expect(after).toEqual(before);
    const verifyAfter = await t.http.get(`${API}/audit/verify`).set(bearer(t.adminToken));
    expect(verifyAfter.body).toMatchObject({ valid: true, checked: verifyBefore.body.checked });
  }, 600_000);

  it('refuses a missing, null or mis-shaped nested object with 400 (ValidateNested lets undefined through)', async () => {
    const report = { licenseId: w.ids.license, period: '2027', content: reportContent() };
    const cases: [string, string, Caller, unknown][] = [
      ['POST', '/reports', 'owner', { ...report, content: undefined }],
      ['POST', '/reports', 'owner', { ...report, content: null }],
      ['POST', '/reports', 'owner', { ...report, content: [] }],
      ['POST', '/reports', 'owner', { ...report, content: { ...reportContent(), staff: undefined } }],
      ['POST', '/reports', 'owner', { ...report, content: { ...reportContent(), staff: null } }],
      ['POST', '/reports', 'owner', { ...report, content: { ...reportContent(), staff: [] } }],
      ['POST', '/reports', 'owner', { ...report, content: { ...reportContent(), incidents: [[]] } }],
      ['POST', '/reports', 'owner', { ...report, content: { ...reportContent(), incidents: [null] } }],
      ['POST', '/applications', 'owner', { type: 'NEW', authorityId: w.ids.authority, site: [] }],
      ['POST', '/applications', 'owner', { type: 'NEW', authorityId: w.ids.authority, site: [{}] }],
      ['PATCH', `/applications/${w.ids.draft}`, 'owner', { site: [] }],
      ['PATCH', `/applications/${w.ids.draft}`, 'owner', { site: { contentManager: [] } }],
      ['POST', `/applications/${w.ids.pending}/transitions`, 'approver', { event: 'APPROVE', checklist: [[]] }],
      ['POST', `/applications/${w.ids.pending}/transitions`, 'approver', { event: 'APPROVE', checklist: [null] }],
      ['PUT', '/calendar/2027', 'admin', { nonWorkingDays: [[]], workingWeekends: [] }],
      ['PUT', '/calendar/2027', 'admin', { nonWorkingDays: [null], workingWeekends: [] }],
      ['POST', `/inspections/${w.ids.inspection}/transitions`, 'inspector', { event: 'CANCEL', remedies: [[]] }],
      ['POST', '/auth/register', 'anonymous', { email: 'a@b.vn', password: 'Mat-khau-manh-2026', fullName: 'A' }],
    ];
    const tokens: Record<Caller, string | null> = {
      anonymous: null,
      owner: w.cast.owner.token,
      appraiser: w.cast.appraiser.token,
      approver: w.cast.approver.token,
      inspector: w.cast.inspector.token,
      admin: t.adminToken,
    };
    const wrong: string[] = [];
    for (const [method, path, caller, body] of cases) {
      const m = method.toLowerCase() as 'post' | 'put' | 'patch';
      const token = tokens[caller];
      const res = await t.http[m](`${API}${path}`)
        .set(token ? bearer(token) : {})
        .send(body as object);
      if (res.status !== 400 || res.body.code !== 'VALIDATION_FAILED') {
        wrong.push(`${method} ${path} ${JSON.stringify(body).slice(0, 120)} → ${res.status} ${String(res.body.code)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('stores hostile but well-formed text as given, or refuses it with 400 — never a 500', async () => {
    const wrong: string[] = [];
    for (const text of HOSTILE_STRINGS.filter((x) => x.trim().length > 0)) {
      const cur = await t.http.get(`${API}/applications/${w.ids.draft}`).set(bearer(w.cast.owner.token));
      const res = await t.http
        .patch(`${API}/applications/${w.ids.draft}`)
        .set(bearer(w.cast.owner.token))
        .send({ version: cur.body.version, reason: text, site: { ...cur.body.site, name: `Sông Lam ${text}` } });
      if (res.status === 200) {
        // Leading and trailing white space (U+FEFF included) may be trimmed.
        if (res.body.reason !== text.trim() || res.body.site.name.trim() !== `Sông Lam ${text}`.trim()) {
          wrong.push(`${JSON.stringify(text)} stored as ${JSON.stringify(res.body.reason)}`);
        }
      } else if (res.status !== 400) {
        wrong.push(`${JSON.stringify(text)} → ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
      }
      const search = await t.http.get(`${API}/public/licenses?q=${pct(text)}`);
      if (search.status >= 500) wrong.push(`registry q=${JSON.stringify(text)} → ${search.status}`);
    }
    expect(wrong).toEqual([]);
  });
});
