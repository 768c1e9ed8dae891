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
  const code = uniq('A').toUpperCase().replace(/[^A-Z0-9]/g, '').slice(0, 20);
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
    .send({ email, password: STRONG_PASSWORD, fullName: `Cán bộ ${role}`, role, ...(authorityId ? { authorityId } : {}) });
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
  const r = await t.http
    .post(`${API}/auth/register`)
    .send({ email, password: STRONG_PASSWORD, fullName: 'Trần Thị Bình', organization: organizationInput(orgOverrides) });
  if (r.status !== 201) throw new Error(`register: ${r.status} ${JSON.stringify(r.body)}`);
  return {
    id: r.body.user.id,
    email,
    role: 'site_owner',
    token: await login(t, email),
    organizationId: r.body.organization.id,
  };
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

export function expectProblem(res: { status: number; headers: Record<string, string>; body: Record<string, unknown> }, status: number, code?: string) {
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
