import { randomBytes } from 'node:crypto';
import type { Role } from '../../src/auth/roles';
import { API, TestApp } from './test-app';

let seq = 0;
export function uniq(prefix = ''): string {
  seq += 1;
  return `${prefix}${Date.now().toString(36)}${seq}${randomBytes(2).toString('hex')}`;
}

export const STRONG_PASSWORD = 'Mat-khau-manh-2026';

export interface TestUser {
  id: string;
  email: string;
  role: Role;
  token: string;
  authorityId?: string;
  organizationId?: string;
}

export function bearer(token: string): Record<string, string> {
  return { Authorization: `Bearer ${token}` };
}

export async function login(t: TestApp, email: string, password = STRONG_PASSWORD): Promise<string> {
  const r = await t.http.post(`${API}/auth/login`).send({ email, password });
  if (r.status !== 200) throw new Error(`login ${email}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.accessToken as string;
}

export async function createAuthority(t: TestApp, overrides: Record<string, unknown> = {}) {
  const code = uniq('A')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .slice(0, 20);
  const r = await t.http
    .post(`${API}/authorities`)
    .set(bearer(t.adminToken))
    .send({
      code,
      name: 'Sở Thông tin và Truyền thông',
      province: 'Nghệ An',
      licenseNumberSuffix: 'GP-STTTT',
      parentBody: 'UBND TỈNH NGHỆ AN',
      signerTitle: 'GIÁM ĐỐC',
      signerName: 'Nguyễn Văn Hùng',
      ...overrides,
    });
  if (r.status !== 201) throw new Error(`authority: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as { id: string; code: string; licenseNumberSuffix: string };
}

export async function createStaff(t: TestApp, role: Role, authorityId: string | undefined): Promise<TestUser> {
  const email = `${uniq(role)}@dic.gov.vn`;
  const r = await t.http
    .post(`${API}/users`)
    .set(bearer(t.adminToken))
    .send({
      email,
      password: STRONG_PASSWORD,
      fullName: `Cán bộ ${role}`,
      role,
      ...(authorityId ? { authorityId } : {}),
    });
  if (r.status !== 201) throw new Error(`user: ${r.status} ${JSON.stringify(r.body)}`);
  return { id: r.body.id, email, role, token: await login(t, email), authorityId };
}

export function organizationInput(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Công ty Cổ phần Truyền thông Sông Lam',
    registrationNumber: uniq('29'),
    address: '12 Lê Lợi, phường Hưng Bình, thành phố Vinh, Nghệ An',
    legalRepresentative: 'Nguyễn Văn An',
    phone: '+84 238 3844 555',
    email: 'lienhe@songlam.vn',
    ...overrides,
  };
}

export async function registerOwner(t: TestApp, orgOverrides: Record<string, unknown> = {}): Promise<TestUser> {
  const email = `${uniq('owner')}@songlam.vn`;
  const r = await t.http.post(`${API}/auth/register`).send({
    email,
    password: STRONG_PASSWORD,
    fullName: 'Trần Thị Bình',
    organization: organizationInput(orgOverrides),
  });
  if (r.status === 202) return verifiedOwner(t, email);
  if (r.status !== 201) throw new Error(`register: ${r.status} ${JSON.stringify(r.body)}`);
  return {
    id: r.body.user.id,
    email,
    role: 'site_owner',
    token: await login(t, email),
    organizationId: r.body.organization.id,
  };
}

/**
 * With e-mail verification on (SMTP configured), registration answers 202: the owner proves the address with the
 * e-mailed token, and that e-mail counts as delivered so that a test of the outbox sees only its own messages.
 */
async function verifiedOwner(t: TestApp, email: string): Promise<TestUser> {
  const [user] = (await t.ds.query(`SELECT id, organization_id FROM users WHERE email = $1`, [email])) as {
    id: string;
    organization_id: string;
  }[];
  const [mail] = (await t.ds.query(
    `SELECT n.id, n.body FROM notifications n WHERE n.user_id = $1 AND n.kind = 'EMAIL_VERIFICATION'`,
    [user.id],
  )) as { id: string; body: string }[];
  const token = /Mã xác nhận: ([A-Za-z0-9_-]{43})/.exec(mail.body)?.[1];
  const verified = await t.http.post(`${API}/auth/email/verify`).send({ token });
  if (verified.status !== 204) throw new Error(`verify e-mail: ${verified.status} ${JSON.stringify(verified.body)}`);
  await t.ds.query(`UPDATE email_outbox SET state = 'SENT', sent_at = now() WHERE notification_id = $1`, [mail.id]);
  return { id: user.id, email, role: 'site_owner', token: await login(t, email), organizationId: user.organization_id };
}

/** Every role of one authority, plus a site owner and an admin token. */
export async function createCast(t: TestApp) {
  const authority = await createAuthority(t);
  const [appraiser, appraiser2, approver, approver2, inspector, owner] = await Promise.all([
    createStaff(t, 'appraiser', authority.id),
    createStaff(t, 'appraiser', authority.id),
    createStaff(t, 'approver', authority.id),
    createStaff(t, 'approver', authority.id),
    createStaff(t, 'inspector', authority.id),
    registerOwner(t),
  ]);
  return { authority, appraiser, appraiser2, approver, approver2, inspector, owner };
}

export function expectProblem(
  res: { status: number; headers: Record<string, string>; body: Record<string, unknown> },
  status: number,
  code?: string,
) {
  if (res.status !== status || (code && res.body.code !== code)) {
    throw new Error(`expected ${status}${code ? ` ${code}` : ''}, got ${res.status} ${JSON.stringify(res.body)}`);
  }
  if (!String(res.headers['content-type']).startsWith('application/problem+json')) {
    throw new Error(`expected problem+json, got ${res.headers['content-type']}`);
  }
  for (const k of ['type', 'title', 'status', 'detail', 'code']) {
    if (!(k in res.body)) throw new Error(`problem without ${k}: ${JSON.stringify(res.body)}`);
  }
}

// ---- applications (dossiers) -------------------------------------------------------------------------------------

/** The smallest file each sniffer accepts: real magic bytes, a little body. */
export function samplePdf(text = 'Hồ sơ đề nghị cấp phép'): Buffer {
  return Buffer.from(
    `%PDF-1.4\n% ${text}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
    'utf8',
  );
}
export function samplePng(): Buffer {
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(32)]);
}

/** Complete, valid site particulars of a NEW dossier (a unique .vn domain each call). */
export function validSite(overrides: Record<string, unknown> = {}) {
  const host = uniq('songlam').toLowerCase();
  return {
    name: 'Trang thông tin điện tử tổng hợp Sông Lam',
    domains: [`${host}.vn`, `${host}.com`],
    contentScope: 'Tổng hợp tin tức kinh tế, văn hóa, xã hội của tỉnh Nghệ An từ các cơ quan báo chí',
    sections: ['Kinh tế', 'Văn hóa', 'Xã hội'],
    informationSources: ['Báo Nghệ An (baonghean.vn)', 'Cổng thông tin điện tử tỉnh Nghệ An (nghean.gov.vn)'],
    serverLocation: 'Trung tâm dữ liệu Viettel IDC, Hà Nội',
    contentManager: {
      fullName: 'Nguyễn Văn An',
      position: 'Tổng biên tập',
      phone: '+84 912 345 678',
      email: 'an@songlam.vn',
    },
    ...overrides,
  };
}

export type Cast = Awaited<ReturnType<typeof createCast>>;
export type ApplicationBody = { id: string; state: string; version: number; [k: string]: unknown };

/** POST /applications as the owner; NEW with valid particulars unless overridden. Throws unless 201. */
export async function createApplication(
  t: TestApp,
  owner: TestUser,
  authorityId: string,
  overrides: Record<string, unknown> = {},
): Promise<ApplicationBody> {
  const type = (overrides.type as string | undefined) ?? 'NEW';
  const body = { type, authorityId, ...(type === 'NEW' ? { site: validSite() } : {}), ...overrides };
  const r = await t.http.post(`${API}/applications`).set(bearer(owner.token)).send(body);
  if (r.status !== 201) throw new Error(`create application: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as ApplicationBody;
}

/** The document kinds of a type's requirements (all, or only the required ones). */
export async function requirementKinds(t: TestApp, type = 'NEW', onlyRequired = true): Promise<string[]> {
  const r = await t.http.get(`${API}/requirements?applicationType=${type}`);
  if (r.status !== 200) throw new Error(`requirements: ${r.status} ${JSON.stringify(r.body)}`);
  return (r.body as { kind: string; required: boolean }[])
    .filter((x) => !onlyRequired || x.required)
    .map((x) => x.kind);
}

/** Multipart upload of one document; returns the raw response. */
export function uploadDocument(
  t: TestApp,
  token: string,
  appId: string,
  kind: string,
  file: Buffer = samplePdf(kind),
  fileName = `${kind.toLowerCase()}.pdf`,
) {
  return t.http
    .post(`${API}/applications/${appId}/documents`)
    .set(bearer(token))
    .field('kind', kind)
    .attach('file', file, { filename: fileName, contentType: 'application/pdf' });
}

/** Uploads one PDF per required kind of the type. */
export async function uploadAllRequired(t: TestApp, owner: TestUser, appId: string, type = 'NEW'): Promise<void> {
  for (const kind of await requirementKinds(t, type)) {
    const r = await uploadDocument(t, owner.token, appId, kind);
    if (r.status !== 201) throw new Error(`upload ${kind}: ${r.status} ${JSON.stringify(r.body)}`);
  }
}

/** POST /applications/{id}/transitions; returns the raw response. */
export function fireApplication(t: TestApp, token: string, appId: string, body: Record<string, unknown>) {
  return t.http.post(`${API}/applications/${appId}/transitions`).set(bearer(token)).send(body);
}

/** Fires and throws unless 200; returns the application. */
export async function fireApplicationOk(
  t: TestApp,
  token: string,
  appId: string,
  body: Record<string, unknown>,
): Promise<ApplicationBody> {
  const r = await fireApplication(t, token, appId, body);
  if (r.status !== 200) throw new Error(`${String(body.event)}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as ApplicationBody;
}

/** A checklist with one entry per requirement of the type. */
export async function checklistFor(t: TestApp, type = 'NEW', satisfied = true) {
  return (await requirementKinds(t, type, false)).map((kind) => ({ kind, satisfied, note: 'Đạt yêu cầu' }));
}

/**
 * A dossier walked from DRAFT to the given state by the cast: created and documented by the owner, submitted,
 * taken by `cast.appraiser`, confirmed complete and recommended for approval. `overrides` go to POST /applications
 * (e.g. `{ type: 'EXTENSION', licenseId }`).
 */
export async function fileApplicationTo(
  t: TestApp,
  cast: Cast,
  until: 'DRAFT' | 'SUBMITTED' | 'IN_REVIEW' | 'IN_APPRAISAL' | 'PENDING_DECISION' | 'APPROVED',
  overrides: Record<string, unknown> = {},
): Promise<ApplicationBody> {
  const type = (overrides.type as string | undefined) ?? 'NEW';
  let app = await createApplication(t, cast.owner, cast.authority.id, overrides);
  await uploadAllRequired(t, cast.owner, app.id, type);
  const steps: [string, TestUser, Record<string, unknown>][] = [
    ['SUBMITTED', cast.owner, { event: 'SUBMIT' }],
    ['IN_REVIEW', cast.appraiser, { event: 'START_REVIEW' }],
    ['IN_APPRAISAL', cast.appraiser, { event: 'CONFIRM_COMPLETE' }],
    [
      'PENDING_DECISION',
      cast.appraiser,
      { event: 'RECOMMEND', recommendation: 'APPROVE', checklist: await checklistFor(t, type) },
    ],
    ['APPROVED', cast.approver, { event: 'APPROVE' }],
  ];
  for (const [state, user, body] of steps) {
    if (app.state === until) break;
    app = await fireApplicationOk(t, user.token, app.id, body);
    if (app.state !== state) throw new Error(`expected ${state}, got ${app.state}`);
  }
  return app;
}

/** A NEW dossier recommended for approval, waiting for the approver. */
export function fileApplicationToPendingDecision(t: TestApp, cast: Cast, overrides: Record<string, unknown> = {}) {
  return fileApplicationTo(t, cast, 'PENDING_DECISION', overrides);
}
