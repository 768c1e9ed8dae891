import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../auth/roles';
import { Clock } from '../common/clock';

export interface HistoryEntry {
  id: number;
  at: Date;
  entityType: string;
  entityId: string;
  actorId: string | null;
  actorRole: string;
  event: string;
  from: string | null;
  to: string;
  reason: string | null;
  data: Record<string, unknown>;
}

interface HistoryRaw {
  id: number;
  at: Date;
  entity_type: string;
  entity_id: string;
  actor_id: string | null;
  actor_role: string;
  event: string;
  from_state: string | null;
  to_state: string;
  reason: string | null;
  data: Record<string, unknown>;
}

@Injectable()
export class WorkflowHistoryRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async append(
    em: EntityManager,
    e: {
      entityType: string;
      entityId: string;
      event: string;
      fromState: string | null;
      toState: string;
      actor: Actor;
      reason: string | null;
      data: Record<string, unknown>;
    },
  ): Promise<void> {
    await em.query(
      `INSERT INTO workflow_history (entity_type, entity_id, event, from_state, to_state, actor_id, actor_role, reason, data, at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        e.entityType,
        e.entityId,
        e.event,
        e.fromState,
        e.toState,
        e.actor.id,
        e.actor.role,
        e.reason,
        JSON.stringify(e.data),
        this.clock.now(),
      ],
    );
  }

  /** The history of one or more records of a type, oldest first. */
  async list(entityType: string | string[], entityIds: string[], em?: EntityManager): Promise<HistoryEntry[]> {
    if (entityIds.length === 0) return [];
    const types = Array.isArray(entityType) ? entityType : [entityType];
    const rows: HistoryRaw[] = await (em ?? this.dataSource.manager).query(
      `SELECT * FROM workflow_history WHERE entity_type = ANY($1) AND entity_id = ANY($2::uuid[]) ORDER BY id`,
      [types, entityIds],
    );
    return rows.map((r) => ({
      id: Number(r.id),
      at: r.at,
      entityType: r.entity_type,
      entityId: r.entity_id,
      actorId: r.actor_id,
      actorRole: r.actor_role,
      event: r.event,
      from: r.from_state,
      to: r.to_state,
      reason: r.reason,
      data: r.data,
    }));
  }
}

/** The contract's history item: `{ at, actorId, actorRole, event, from, to, reason }`. */
export function historyView(h: HistoryEntry) {
  return {
    at: h.at,
    actorId: h.actorId,
    actorRole: h.actorRole,
    event: h.event,
    from: h.from,
    to: h.to,
    reason: h.reason,
    ...(Object.keys(h.data).length ? { data: h.data } : {}),
  };
}
