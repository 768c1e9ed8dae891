import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ChainRow, GENESIS_HASH } from './audit-chain';

/** Fixed key of the advisory lock that serializes appends, so that two writers never fork the chain. */
const AUDIT_CHAIN_LOCK = 727_001;

interface AuditRowRaw {
  id: number;
  at: Date;
  actor_id: string | null;
  actor_role: string;
  authority_id: string | null;
  organization_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  data: Record<string, unknown>;
  prev_hash: string;
  hash: string;
}

function toRow(r: AuditRowRaw): ChainRow {
  return {
    id: Number(r.id),
    at: r.at,
    actorId: r.actor_id,
    actorRole: r.actor_role,
    authorityId: r.authority_id,
    organizationId: r.organization_id,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    data: r.data,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  authorityId?: string;
  limit: number;
  offset: number;
}

@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Takes the chain lock for the rest of the transaction and returns the head and the next id. Held until commit,
   * so the caller should append audit events last in its transaction.
   */
  async lockHead(em: EntityManager): Promise<{ prevHash: string; nextId: number }> {
    await em.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK]);
    const last: { hash: string }[] = await em.query('SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1');
    const [{ id }]: { id: number }[] = await em.query(`SELECT nextval('audit_events_id_seq') AS id`);
    return { prevHash: last[0]?.hash ?? GENESIS_HASH, nextId: Number(id) };
  }

  async insert(em: EntityManager, row: ChainRow): Promise<void> {
    await em.query(
      `INSERT INTO audit_events (id, at, actor_id, actor_role, authority_id, organization_id, action, entity_type,
         entity_id, data, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        row.id,
        row.at,
        row.actorId,
        row.actorRole,
        row.authorityId,
        row.organizationId,
        row.action,
        row.entityType,
        row.entityId,
        JSON.stringify(row.data),
        row.prevHash,
        row.hash,
      ],
    );
  }

  async list(f: AuditFilter): Promise<{ rows: ChainRow[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (f.entityType) where.push(`entity_type = $${params.push(f.entityType)}`);
    if (f.entityId) where.push(`entity_id = $${params.push(f.entityId)}`);
    if (f.authorityId) where.push(`authority_id = $${params.push(f.authorityId)}`);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM audit_events ${clause}`,
      params,
    );
    const rows: AuditRowRaw[] = await this.dataSource.query(
      `SELECT * FROM audit_events ${clause} ORDER BY id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, f.limit, f.offset],
    );
    return { rows: rows.map(toRow), total: Number(total) };
  }

  /** Walks the chain in id order, one consistent snapshot, batch by batch. */
  async *walk(batchSize = 2000): AsyncGenerator<ChainRow[]> {
    const qr = this.dataSource.createQueryRunner();
    await qr.connect();
    try {
      await qr.startTransaction('REPEATABLE READ');
      let after = -1;
      for (;;) {
        const rows: AuditRowRaw[] = await qr.query(`SELECT * FROM audit_events WHERE id > $1 ORDER BY id LIMIT $2`, [
          after,
          batchSize,
        ]);
        if (rows.length === 0) break;
        const mapped = rows.map(toRow);
        after = mapped[mapped.length - 1].id;
        yield mapped;
      }
      await qr.commitTransaction();
    } finally {
      if (qr.isTransactionActive) await qr.rollbackTransaction();
      await qr.release();
    }
  }
}
