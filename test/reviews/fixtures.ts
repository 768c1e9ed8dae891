import { execFileSync } from 'node:child_process';
import type { Response } from 'supertest';
import { APPROVAL_HANDLER, type ApprovalHandler } from '../../src/applications/approval.port';
import { TestUser, uniq } from '../support/factories';
import { TestApp } from '../support/test-app';

/**
 * A license issued by the real issuer (APPROVAL_HANDLER: number, PDF hash, history, notifications) for an APPROVED
 * NEW dossier written straight into the database — for tests of what happens after issue (reviews, violations)
 * that do not need to walk the dossier through its lifecycle.
 */
export async function issueLicenseDirectly(
  t: TestApp,
  cast: { authority: { id: string }; owner: TestUser; approver: TestUser },
  opts: { decidedOn?: string; siteName?: string } = {},
): Promise<{ id: string; number: string }> {
  const handler = t.app.get<ApprovalHandler>(APPROVAL_HANDLER);
  const site = {
    name: opts.siteName ?? 'Tin tức Sông Lam',
    domains: [`${uniq('songlam').toLowerCase()}.vn`],
    contentScope: 'Tổng hợp tin tức kinh tế, xã hội của tỉnh Nghệ An từ các cơ quan báo chí',
    informationSources: ['Báo Nghệ An', 'Cổng thông tin điện tử tỉnh Nghệ An'],
    serverLocation: 'Công ty Cổ phần Viễn thông FPT, 48 Vạn Bảo, Ba Đình, Hà Nội',
    contentManager: {
      fullName: 'Lê Văn Cường',
      position: 'Tổng biên tập',
      phone: '+84 912 345 678',
      email: 'cuong@songlam.vn',
    },
  };
  const decidedOn = opts.decidedOn ?? '2026-03-05';
  return t.ds.transaction(async (em) => {
    const [app] = (await em.query(
      `INSERT INTO applications (type, state, authority_id, organization_id, site, created_by, submitted_at, decided_at)
       VALUES ('NEW', 'APPROVED', $1, $2, $3, $4, now(), now()) RETURNING id`,
      [cast.authority.id, cast.owner.organizationId, JSON.stringify(site), cast.owner.id],
    )) as { id: string }[];
    const { licenseId } = await handler.onApproved(
      em,
      {
        id: app.id,
        type: 'NEW',
        authorityId: cast.authority.id,
        organizationId: cast.owner.organizationId!,
        licenseId: null,
        site,
        requestedExpiresOn: null,
        reason: null,
        decidedOn,
      },
      { id: cast.approver.id, role: 'approver', authorityId: cast.authority.id },
    );
    await em.query(`UPDATE applications SET license_id = $1 WHERE id = $2`, [licenseId, app.id]);
    const [row] = (await em.query(`SELECT number FROM licenses WHERE id = $1`, [licenseId])) as { number: string }[];
    return { id: licenseId, number: row.number };
  });
}

/** A tiny valid PNG (1×1), for evidence uploads. */
export function tinyPng(): Buffer {
  return Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  );
}

/** The text of a PDF, through poppler's pdftotext. */
export function pdfText(pdf: Buffer): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf }).toString('utf8');
}

/** supertest: collect a binary body as a Buffer. */
export function binary(res: Response, cb: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
}
