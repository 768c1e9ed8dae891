import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Actor } from '../auth/roles';
import { Clock } from '../common/clock';
import { chainHash, ChainCheck, ChainRow, GENESIS_HASH, verifyChainSegment } from './audit-chain';
import { AuditFilter, AuditRepository } from './audit.repository';

export interface AuditEntry {
  actor: Actor;
  /** What happened, e.g. `application.SUBMIT`, `document.uploaded`, `user.password_changed`. */
  action: string;
  entityType: string;
  entityId: string;
  /** The authority whose staff may read this event (staff see only their authority's events). */
  authorityId?: string | null;
  organizationId?: string | null;
  data?: Record<string, unknown>;
}

@Injectable()
export class AuditService {
  constructor(
    private readonly repo: AuditRepository,
    private readonly clock: Clock,
  ) {}

  /**
   * Appends one event to the chain inside the caller's transaction. Append audit events last: the chain lock is
   * held until the transaction commits.
   */
  async record(em: EntityManager, entry: AuditEntry): Promise<ChainRow> {
    const { prevHash, nextId } = await this.repo.lockHead(em);
    const at = this.clock.now();
    const content = {
      id: nextId,
      at,
      actorId: entry.actor.id,
      actorRole: entry.actor.role,
      authorityId: entry.authorityId ?? null,
      organizationId: entry.organizationId ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      data: JSON.parse(JSON.stringify(entry.data ?? {})) as Record<string, unknown>,
    };
    const row: ChainRow = { ...content, prevHash, hash: chainHash(prevHash, content) };
    await this.repo.insert(em, row);
    return row;
  }

  list(filter: AuditFilter): Promise<{ rows: ChainRow[]; total: number }> {
    return this.repo.list(filter);
  }

  async verify(): Promise<Omit<ChainCheck, 'lastHash'>> {
    let prev = GENESIS_HASH;
    let checked = 0;
    for await (const batch of this.repo.walk()) {
      const r = verifyChainSegment(batch, prev, checked);
      if (!r.valid) return { valid: false, checked: r.checked, firstBrokenId: r.firstBrokenId };
      prev = r.lastHash;
      checked = r.checked;
    }
    return { valid: true, checked };
  }
}
