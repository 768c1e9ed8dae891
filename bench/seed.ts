/**
 * Seeding through the same code paths as production: every licensed site is a dossier walked through the HTTP API
 * (create, upload every required document, submit, start review, confirm complete, recommend, approve), then its
 * license and the license's PDF are read. The rate of these whole lifecycles is itself a figure.
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { log } from './harness';

export const API = '/api/v1';
export const BENCH_PASSWORD = 'Mat-khau-do-tai-2026!';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
    what: string,
  ) {
    super(`${what}: ${status} ${body.slice(0, 500)}`);
  }
}

export class Api {
  constructor(readonly baseUrl: string) {}

  async json<T>(
    method: string,
    path: string,
    opts: { token?: string; body?: unknown; expect?: number } = {},
  ): Promise<T> {
    const headers: Record<string, string> = {};
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    const r = await fetch(`${this.baseUrl}${API}${path}`, {
      method,
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    });
    const text = await r.text();
    if (r.status !== (opts.expect ?? (method === 'POST' ? 201 : 200)))
      throw new HttpError(r.status, text, `${method} ${path}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  async upload(path: string, token: string, kind: string, file: Buffer, fileName: string): Promise<void> {
    const form = new FormData();
    form.append('kind', kind);
    form.append('file', new Blob([file], { type: 'application/pdf' }), fileName);
    const r = await fetch(`${this.baseUrl}${API}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    const text = await r.text();
    if (r.status !== 201) throw new HttpError(r.status, text, `upload ${kind}`);
  }

  async bytes(path: string, token: string): Promise<Buffer> {
    const r = await fetch(`${this.baseUrl}${API}${path}`, { headers: { authorization: `Bearer ${token}` } });
    const buf = Buffer.from(await r.arrayBuffer());
    if (r.status !== 200) throw new HttpError(r.status, buf.toString('utf8'), `GET ${path}`);
    return buf;
  }

  async login(email: string, password: string): Promise<string> {
    const r = await this.json<{ accessToken: string }>('POST', '/auth/login', {
      body: { email, password },
      expect: 200,
    });
    return r.accessToken;
  }
}

const PROVINCES = ['Nghệ An', 'Hà Tĩnh', 'Thanh Hóa', 'Quảng Bình', 'Huế', 'Đà Nẵng', 'Cần Thơ', 'Lâm Đồng'];
const TOPICS = ['Tin tức', 'Kinh tế', 'Văn hóa', 'Du lịch', 'Nông nghiệp', 'Giáo dục', 'Thể thao', 'Sức khỏe'];
const BRANDS = ['Sông Lam', 'Hồng Lĩnh', 'Trường Sơn', 'Bến Thủy', 'Cửa Lò', 'Phượng Hoàng', 'Lam Hồng', 'Thiên Cầm'];

/** Words the registry search is queried with (organization, site and domain fragments). */
export const SEARCH_TERMS = [
  ...BRANDS,
  ...TOPICS,
  'song lam',
  'truong son',
  'tin tuc',
  'du lich',
  'GP-STTTT',
  'site1',
  'cong ty',
  '.vn',
];

export interface Staff {
  id: string;
  email: string;
  token: string;
}

export interface AuthorityCast {
  id: string;
  appraiser: Staff;
  approver: Staff;
}

export interface Owner {
  email: string;
  token: string;
  organizationId: string;
}

export interface Cast {
  authorities: AuthorityCast[];
  owners: Owner[];
  requiredKinds: string[];
  allKinds: string[];
  registrationMs: number;
}

function pick<T>(xs: readonly T[], i: number): T {
  return xs[i % xs.length];
}

async function pool<T>(n: number, concurrency: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array<T>(n);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, n) }, async () => {
      for (;;) {
        const i = next;
        next += 1;
        if (i >= n) return;
        out[i] = await task(i);
      }
    }),
  );
  return out;
}

/** Authorities with an appraiser and an approver each, and registered site-owner organizations. */
export async function createCast(api: Api, adminToken: string, authorities: number, owners: number): Promise<Cast> {
  const tag = randomBytes(3).toString('hex');
  const auths = await pool(authorities, 4, async (i) => {
    const province = pick(PROVINCES, i);
    const a = await api.json<{ id: string }>('POST', '/authorities', {
      token: adminToken,
      body: {
        code: `B${tag}${i}`.toUpperCase(),
        name: 'SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH',
        province,
        licenseNumberSuffix: 'GP-STTTT',
        parentBody: `UBND TỈNH ${province.toLocaleUpperCase('vi-VN')}`,
        signerTitle: 'GIÁM ĐỐC',
        signerName: 'Nguyễn Văn Hùng',
      },
    });
    const staff = async (role: 'appraiser' | 'approver'): Promise<Staff> => {
      const email = `${role}-${tag}-${i}@bench.gov.vn`;
      const u = await api.json<{ id: string }>('POST', '/users', {
        token: adminToken,
        body: { email, password: BENCH_PASSWORD, fullName: `Cán bộ ${role} ${i}`, role, authorityId: a.id },
      });
      return { id: u.id, email, token: await api.login(email, BENCH_PASSWORD) };
    };
    return { id: a.id, appraiser: await staff('appraiser'), approver: await staff('approver') };
  });

  const started = performance.now();
  const registered = await pool(owners, 8, async (i) => {
    const email = `owner-${tag}-${i}@bench.vn`;
    const brand = pick(BRANDS, i);
    const r = await api.json<{ organization: { id: string } }>('POST', '/auth/register', {
      body: {
        email,
        password: BENCH_PASSWORD,
        fullName: 'Trần Thị Bình',
        organization: {
          name: `Công ty Cổ phần Truyền thông ${brand} ${i}`,
          registrationNumber: `29${tag}${String(i).padStart(5, '0')}`,
          address: `${i + 1} Lê Lợi, thành phố Vinh, ${pick(PROVINCES, i)}`,
          legalRepresentative: 'Nguyễn Văn An',
          phone: '+84 238 3844 555',
          email: `lienhe-${i}@bench.vn`,
        },
      },
    });
    return { email, token: await api.login(email, BENCH_PASSWORD), organizationId: r.organization.id };
  });
  const registrationMs = performance.now() - started;

  const reqs = await api.json<{ kind: string; required: boolean }[]>('GET', '/requirements?applicationType=NEW');
  return {
    authorities: auths,
    owners: registered,
    requiredKinds: reqs.filter((r) => r.required).map((r) => r.kind),
    allKinds: reqs.map((r) => r.kind),
    registrationMs,
  };
}

/** A small, valid PDF, unique per dossier and kind (so that the store really writes each file). */
function documentPdf(site: number, kind: string): Buffer {
  return Buffer.from(
    `%PDF-1.4\n% Hồ sơ ${kind} của trang ${site} ${randomBytes(8).toString('hex')}\n` +
      `1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
    'utf8',
  );
}

export interface SeededLicense {
  id: string;
  authorityIndex: number;
  ownerIndex: number;
}

export interface SeedResult {
  licenses: SeededLicense[];
  elapsedMs: number;
  failures: number;
  firstFailure?: string;
  /** Per-step mean latency (ms) over the lifecycles. */
  stepMeans: Record<string, number>;
  /** Per-step server CPU time (ms per lifecycle), when measured. */
  stepCpu: Record<string, number>;
}

/**
 * Walks `count` NEW dossiers to a license, `concurrency` at a time. Site i belongs to owner i mod owners and is
 * filed with authority i mod authorities.
 */
export async function seedLicensedSites(
  api: Api,
  cast: Cast,
  count: number,
  concurrency: number,
  deadlineMs: number,
  /** With concurrency 1: the server's CPU time (ms) so far, to attribute it to each step (`stepCpu`). */
  serverCpuMs?: () => number,
): Promise<SeedResult> {
  const tag = randomBytes(3).toString('hex');
  const licenses: SeededLicense[] = [];
  const stepTotals: Record<string, number> = {};
  const cpuTotals: Record<string, number> = {};
  let failures = 0;
  let firstFailure: string | undefined;
  let done = 0;
  const started = performance.now();
  let lastReport = started;

  const timed = async <T>(step: string, fn: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const c0 = serverCpuMs?.() ?? 0;
    try {
      return await fn();
    } finally {
      stepTotals[step] = (stepTotals[step] ?? 0) + (performance.now() - t0);
      if (serverCpuMs) {
        // Let the server finish the request's tail (response logging, pool release) before reading its CPU time.
        await new Promise((resolve) => setTimeout(resolve, 5));
        cpuTotals[step] = (cpuTotals[step] ?? 0) + (serverCpuMs() - c0);
      }
    }
  };

  const lifecycle = async (i: number): Promise<void> => {
    const ai = i % cast.authorities.length;
    const oi = i % cast.owners.length;
    const authority = cast.authorities[ai];
    const owner = cast.owners[oi];
    const brand = pick(BRANDS, i);
    const topic = pick(TOPICS, Math.floor(i / BRANDS.length));
    const host = `site${i}-${tag}`;
    const app = await timed('create', () =>
      api.json<{ id: string }>('POST', '/applications', {
        token: owner.token,
        body: {
          type: 'NEW',
          authorityId: authority.id,
          site: {
            name: `Trang thông tin điện tử tổng hợp ${topic} ${brand} ${i}`,
            domains: [`${host}.vn`, `${host}.com.vn`],
            contentScope: `Tổng hợp tin tức ${topic.toLocaleLowerCase('vi-VN')} của tỉnh ${pick(PROVINCES, ai)}`,
            sections: [topic, 'Xã hội'],
            informationSources: ['Báo Nghệ An (baonghean.vn)', 'Cổng thông tin điện tử tỉnh (nghean.gov.vn)'],
            serverLocation: 'Trung tâm dữ liệu Viettel IDC, Hà Nội',
            contentManager: {
              fullName: 'Nguyễn Văn An',
              position: 'Tổng biên tập',
              phone: '+84 912 345 678',
              email: `bientap-${i}@bench.vn`,
            },
          },
        },
      }),
    );
    await timed('upload', async () => {
      for (const kind of cast.requiredKinds) {
        await api.upload(`/applications/${app.id}/documents`, owner.token, kind, documentPdf(i, kind), `${kind}.pdf`);
      }
    });
    const fire = (step: string, token: string, body: Record<string, unknown>) =>
      timed(step, () =>
        api.json<{ state: string; licenseId?: string }>('POST', `/applications/${app.id}/transitions`, {
          token,
          body,
          expect: 200,
        }),
      );
    await fire('submit', owner.token, { event: 'SUBMIT' });
    await fire('startReview', authority.appraiser.token, { event: 'START_REVIEW' });
    await fire('confirm', authority.appraiser.token, { event: 'CONFIRM_COMPLETE' });
    await fire('recommend', authority.appraiser.token, {
      event: 'RECOMMEND',
      recommendation: 'APPROVE',
      checklist: cast.allKinds.map((kind) => ({ kind, satisfied: true })),
    });
    const approved = await fire('approve', authority.approver.token, { event: 'APPROVE' });
    const licenseId =
      approved.licenseId ??
      (await api.json<{ licenseId?: string }>('GET', `/applications/${app.id}`, { token: owner.token })).licenseId;
    if (!licenseId) throw new Error(`application ${app.id} approved without a licenseId`);
    await timed('licenseRead', () => api.json('GET', `/licenses/${licenseId}`, { token: owner.token }));
    await timed('licensePdf', () => api.bytes(`/licenses/${licenseId}/pdf`, owner.token));
    licenses.push({ id: licenseId, authorityIndex: ai, ownerIndex: oi });
  };

  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (;;) {
        if (performance.now() - started > deadlineMs) return;
        const i = next;
        next += 1;
        if (i >= count) return;
        try {
          await lifecycle(i);
        } catch (e) {
          failures += 1;
          firstFailure ??= e instanceof Error ? e.message : String(e);
          if (failures > 20 && failures > done / 10) {
            throw new Error(`seeding keeps failing: ${firstFailure}`, { cause: e });
          }
        }
        done += 1;
        const now = performance.now();
        if (now - lastReport > 10_000) {
          lastReport = now;
          const rate = (licenses.length * 1000) / (now - started);
          log(`  seeded ${licenses.length}/${count} licensed sites (${rate.toFixed(1)}/s, ${failures} failed)`);
        }
      }
    }),
  );
  const elapsedMs = performance.now() - started;
  const n = Math.max(1, licenses.length + failures);
  const stepMeans: Record<string, number> = {};
  for (const [k, v] of Object.entries(stepTotals)) stepMeans[k] = v / n;
  const stepCpu: Record<string, number> = {};
  for (const [k, v] of Object.entries(cpuTotals)) stepCpu[k] = v / n;
  return { licenses, elapsedMs, failures, firstFailure, stepMeans, stepCpu };
}
