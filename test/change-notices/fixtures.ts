import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Response } from 'supertest';
import {
  ApplicationBody,
  bearer,
  Cast,
  checklistFor,
  createApplication,
  fireApplicationOk,
  TestUser,
  uploadAllRequired,
} from '../support/factories';
import { API, TestApp } from '../support/test-app';

export const NEW_OWNER = 'Tổng công ty Truyền thông Miền Trung';
export const NEW_ADDRESS = '25 Lê Hồng Phong, phường Hưng Bình, thành phố Vinh, Nghệ An';
export const OLD_ADDRESS = '12 Lê Lợi, phường Hưng Bình, thành phố Vinh, Nghệ An';

/** Collects a binary body (PDF) into a Buffer. */
export function binary(res: Response, cb: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
}

/** The text of a PDF as pdftotext reads it, whitespace collapsed (lines wrap anywhere). */
export function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'change-notice-pdf-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function getPdf(t: TestApp, path: string, token: string) {
  return t.http.get(`${API}${path}`).set(bearer(token)).buffer(true).parse(binary);
}

/** A CHANGE_NOTICE dossier in DRAFT, with its documents uploaded. */
export async function draftNotice(
  t: TestApp,
  cast: Cast,
  licenseId: string,
  changeNotice: Record<string, unknown>,
  owner: TestUser = cast.owner,
): Promise<ApplicationBody> {
  const app = await createApplication(t, owner, cast.authority.id, { type: 'CHANGE_NOTICE', licenseId, changeNotice });
  await uploadAllRequired(t, owner, app.id, 'CHANGE_NOTICE');
  return app;
}

/** Walks a notice from DRAFT up to `until` (SUBMITTED … APPROVED) with the cast. */
export async function walkNotice(
  t: TestApp,
  cast: Cast,
  app: ApplicationBody,
  until: 'SUBMITTED' | 'IN_REVIEW' | 'IN_APPRAISAL' | 'PENDING_DECISION' | 'APPROVED',
): Promise<ApplicationBody> {
  const steps: [string, TestUser, Record<string, unknown>][] = [
    ['SUBMITTED', cast.owner, { event: 'SUBMIT' }],
    ['IN_REVIEW', cast.appraiser, { event: 'START_REVIEW' }],
    ['IN_APPRAISAL', cast.appraiser, { event: 'CONFIRM_COMPLETE' }],
    [
      'PENDING_DECISION',
      cast.appraiser,
      { event: 'RECOMMEND', recommendation: 'APPROVE', checklist: await checklistFor(t, 'CHANGE_NOTICE') },
    ],
    ['APPROVED', cast.approver, { event: 'APPROVE' }],
  ];
  let current = app;
  const from = steps.findIndex(([state]) => state === current.state) + 1;
  for (const [state, user, body] of steps.slice(from)) {
    if (current.state === until) break;
    current = await fireApplicationOk(t, user.token, current.id, body);
    if (current.state !== state) throw new Error(`expected ${state}, got ${current.state}`);
  }
  return current;
}
