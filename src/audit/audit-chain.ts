import { createHash } from 'node:crypto';
import { canonicalJson } from '../common/canonical-json';

export const GENESIS_HASH = '0'.repeat(64);

/** The part of an audit event its hash covers: everything but the hash itself. */
export interface AuditContent {
  id: number;
  at: Date;
  actorId: string | null;
  actorRole: string;
  authorityId: string | null;
  organizationId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  data: Record<string, unknown>;
}

/** hash = SHA-256(prevHash ‖ canonical JSON of the content). Changing any event breaks every later link. */
export function chainHash(prevHash: string, content: AuditContent): string {
  const body = canonicalJson({
    id: content.id,
    at: content.at.toISOString(),
    actorId: content.actorId,
    actorRole: content.actorRole,
    authorityId: content.authorityId,
    organizationId: content.organizationId,
    action: content.action,
    entityType: content.entityType,
    entityId: content.entityId,
    data: content.data,
  });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

export interface ChainRow extends AuditContent {
  prevHash: string;
  hash: string;
}

export interface ChainCheck {
  valid: boolean;
  checked: number;
  firstBrokenId?: number;
  /** The hash of the last row checked: the next batch continues from it. */
  lastHash: string;
}

/** Checks a run of rows (ordered by id) that follows `prevHash`. Pure: the service feeds it batches. */
export function verifyChainSegment(rows: ChainRow[], prevHash: string, checkedSoFar = 0): ChainCheck {
  let expectedPrev = prevHash;
  let checked = checkedSoFar;
  for (const row of rows) {
    if (row.prevHash !== expectedPrev || chainHash(row.prevHash, row) !== row.hash) {
      return { valid: false, checked, firstBrokenId: row.id, lastHash: expectedPrev };
    }
    expectedPrev = row.hash;
    checked++;
  }
  return { valid: true, checked, lastHash: expectedPrev };
}
