import type { EntityManager } from 'typeorm';
import {
  APPROVAL_HANDLER,
  ApprovalHandler,
  ApplicationType,
  SiteParticulars,
} from '../../src/applications/approval.port';
import type { TestUser } from '../support/factories';
import type { TestApp } from '../support/test-app';

/** Particulars of a site in Nghệ An, with Vietnamese text and an IDN domain. */
export function siteParticulars(overrides: Partial<SiteParticulars> = {}): SiteParticulars {
  return {
    name: 'Xứ Nghệ Online',
    domains: ['xunghe.vn', 'xứnghệ.vn'],
    contentScope: 'Tổng hợp thông tin về kinh tế, văn hóa, xã hội của tỉnh Nghệ An từ các nguồn tin chính thức.',
    sections: ['Thời sự', 'Văn hóa - Du lịch'],
    informationSources: ['Báo Nhân Dân điện tử (nhandan.vn)', 'Báo Nghệ An điện tử (baonghean.vn)'],
    serverLocation: 'Trung tâm dữ liệu Viettel IDC, Hà Nội',
    contentManager: {
      fullName: 'Nguyễn Thị Thu Hà',
      position: 'Phó Giám đốc',
      phone: '0912345678',
      email: 'ha@xunghe.vn',
    },
    ...overrides,
  };
}

export interface ApprovalInput {
  type?: ApplicationType;
  authorityId: string;
  owner: TestUser;
  approver: TestUser;
  licenseId?: string | null;
  site?: SiteParticulars | null;
  requestedExpiresOn?: string | null;
  decidedOn?: string;
  reason?: string | null;
  changeNotice?: { changedOn: string; newOwner?: string; newHeadOfficeAddress?: string } | null;
}

/** An application row as the applications module leaves it once APPROVE has run (the dossier itself aside). */
async function insertApprovedApplication(em: EntityManager, i: ApprovalInput): Promise<string> {
  const type = i.type ?? 'NEW';
  const rows: { id: string }[] = await em.query(
    `INSERT INTO applications (type, state, authority_id, organization_id, license_id, site, requested_expires_on,
       reason, created_by, submitted_at, decided_at, change_notice)
     VALUES ($1, 'APPROVED', $2, $3, $4, $5, $6, $7, $8, now(), now(), $9) RETURNING id`,
    [
      type,
      i.authorityId,
      i.owner.organizationId,
      type === 'NEW' ? null : i.licenseId,
      i.site === null ? null : JSON.stringify(i.site ?? siteParticulars()),
      i.requestedExpiresOn ?? null,
      i.reason ?? null,
      i.owner.id,
      type === 'CHANGE_NOTICE' ? JSON.stringify(i.changeNotice ?? null) : null,
    ],
  );
  return rows[0].id;
}

/**
 * Runs the license module's approval handler the way the APPROVE transition does: in one transaction with the
 * application's own writes. Used where a test needs many licenses quickly; the HTTP flow is tested separately.
 */
export async function approve(t: TestApp, i: ApprovalInput): Promise<{ licenseId: string; applicationId: string }> {
  const handler = t.app.get<ApprovalHandler>(APPROVAL_HANDLER);
  return t.ds.transaction(async (em) => {
    const applicationId = await insertApprovedApplication(em, i);
    const type = i.type ?? 'NEW';
    const { licenseId } = await handler.onApproved(
      em,
      {
        id: applicationId,
        type,
        authorityId: i.authorityId,
        organizationId: i.owner.organizationId as string,
        licenseId: type === 'NEW' ? null : (i.licenseId ?? null),
        site: i.site === undefined ? siteParticulars() : i.site,
        requestedExpiresOn: i.requestedExpiresOn ?? null,
        reason: i.reason ?? null,
        changeNotice: i.changeNotice ?? null,
        decidedOn: i.decidedOn ?? '2026-03-05',
      },
      { id: i.approver.id, role: 'approver', authorityId: i.authorityId },
    );
    if (type === 'NEW')
      await em.query(`UPDATE applications SET license_id = $1 WHERE id = $2`, [licenseId, applicationId]);
    return { licenseId, applicationId };
  });
}
