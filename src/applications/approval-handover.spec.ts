import type { EntityManager } from 'typeorm';
import type { Application } from './application.entity';
import { ApplicationsService } from './applications.service';
import type { ApprovalHandler, ApprovedApplication, LicenseFacts, LicenseLookup } from './approval.port';

type HandOver = (
  ctx: { em: EntityManager; record: Application; actor: { id: string; role: 'approver' } },
  decidedOn: string,
) => Promise<string | null>;

function service(handler?: ApprovalHandler, lookup?: LicenseLookup): { handOver: HandOver } {
  const none = undefined as never;
  const s = new ApplicationsService(
    none,
    none,
    none,
    none,
    none,
    none,
    none,
    none,
    none,
    none,
    none,
    none,
    none,
    none,
    handler,
    lookup,
  );
  return s as unknown as { handOver: HandOver };
}

const site = {
  name: 'Tin tức Sông Lam',
  domains: ['songlam.vn'],
  contentScope: 'Tin tổng hợp',
  informationSources: ['Báo Nghệ An'],
  serverLocation: 'Viettel IDC, Hà Nội',
  contentManager: { fullName: 'Nguyễn Văn An', position: 'Giám đốc', phone: '0912345678', email: 'an@songlam.vn' },
};
const app = (over: Partial<Application>): Application =>
  ({
    id: 'app-1',
    type: 'NEW',
    authorityId: 'auth-1',
    organizationId: 'org-1',
    licenseId: null,
    site,
    requestedExpiresOn: null,
    reason: null,
    ...over,
  }) as Application;
const ctx = (record: Application) => ({
  em: {} as EntityManager,
  record,
  actor: { id: 'u-1', role: 'approver' as const },
});

describe('APPROVE hand-over to the license module', () => {
  it('without a license module the approval stands alone: no license id', async () => {
    await expect(service().handOver(ctx(app({})), '2026-03-05')).resolves.toBeNull();
  });

  it('hands a NEW dossier over with every particular and the decision date, returning the license id', async () => {
    const seen: ApprovedApplication[] = [];
    const handler: ApprovalHandler = {
      onApproved: (_em, a) => {
        seen.push(a);
        return Promise.resolve({ licenseId: 'lic-1' });
      },
    };
    await expect(service(handler).handOver(ctx(app({})), '2026-03-05')).resolves.toBe('lic-1');
    expect(seen[0]).toMatchObject({ id: 'app-1', type: 'NEW', site, decidedOn: '2026-03-05', licenseId: null });
  });

  it('lays an AMENDMENT’s changes over the license’s current particulars', async () => {
    const facts = { id: 'lic-1', site } as LicenseFacts;
    const lookup: LicenseLookup = { find: () => Promise.resolve(facts) };
    const seen: ApprovedApplication[] = [];
    const handler: ApprovalHandler = {
      onApproved: (_em, a) => {
        seen.push(a);
        return Promise.resolve({ licenseId: 'lic-1' });
      },
    };
    const amendment = app({ type: 'AMENDMENT', licenseId: 'lic-1', site: { serverLocation: 'FPT, TP Hồ Chí Minh' } });
    await service(handler, lookup).handOver(ctx(amendment), '2026-03-05');
    expect(seen[0].site).toEqual({ ...site, serverLocation: 'FPT, TP Hồ Chí Minh' });
    expect(seen[0].licenseId).toBe('lic-1');
  });
});
