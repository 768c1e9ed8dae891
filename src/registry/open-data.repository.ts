import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryRunner } from 'typeorm';
import { REGISTRY_SELECT, RegistryRow, toRegistryRow } from '../licenses/licenses.repository';
import type { FeedPosition } from './feed-cursor';

/** The registry's state as its validators (ETag, Last-Modified) need it: cheap, from the change feed's table. */
export interface RegistryState {
  changes: number;
  lastSeq: string;
  lastChangeAt: Date | null;
}

export interface FeedRow {
  position: FeedPosition;
  event: string;
  at: Date;
  licenseId: string;
  registry: RegistryRow;
}

/**
 * Only rows whose transaction is older than every transaction still running: those have all committed (or rolled
 * back) and nothing can be inserted before them any more. A row written by a transaction that is still open, or
 * that commits after a later one, waits behind the watermark instead of being skipped.
 */
const SAFE = `c.txid < pg_snapshot_xmin(pg_current_snapshot())`;

/** The SQL of the open-data endpoints: the export's cursor and the change feed. */
@Injectable()
export class OpenDataRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async state(qr?: QueryRunner): Promise<RegistryState> {
    const [r]: { changes: number; last_seq: string | number | null; last_at: Date | null }[] = await (
      qr ?? this.dataSource
    ).query(`SELECT count(*)::int AS changes, max(seq) AS last_seq, max(at) AS last_at FROM registry_changes`);
    return { changes: Number(r.changes), lastSeq: String(r.last_seq ?? 0), lastChangeAt: r.last_at };
  }

  /** The next `limit` changes after `after` (null: from the start), in feed order, up to the safe watermark. */
  async changesAfter(after: FeedPosition | null, limit: number): Promise<FeedRow[]> {
    const params: unknown[] = [limit];
    const from = after ? `AND (c.txid, c.seq) > ($2::xid8, $3::bigint)` : '';
    if (after) params.push(after.txid, after.seq);
    const rows: {
      seq: string | number;
      txid: string;
      license_id: string;
      event: string;
      at: Date;
      registry: Record<string, unknown>;
    }[] = await this.dataSource.query(
      `SELECT c.seq, c.txid::text AS txid, c.license_id, c.event, c.at, c.registry
       FROM registry_changes c WHERE ${SAFE} ${from} ORDER BY c.txid, c.seq LIMIT $1`,
      params,
    );
    return rows.map((r) => ({
      position: { txid: r.txid, seq: String(r.seq) },
      event: r.event,
      at: r.at,
      licenseId: r.license_id,
      registry: toRegistryRow(r.registry),
    }));
  }

  /**
   * A dedicated connection in a read-only REPEATABLE READ transaction: the state and every row of the export read
   * the same snapshot. The caller must call `close()` (it rolls back and releases, whatever happened).
   */
  async openSnapshot(): Promise<RegistrySnapshot> {
    const qr = this.dataSource.createQueryRunner();
    try {
      await qr.connect();
      await qr.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      return new RegistrySnapshot(qr, await this.state(qr));
    } catch (e) {
      await closeRunner(qr);
      throw e;
    }
  }
}

async function closeRunner(qr: QueryRunner): Promise<void> {
  try {
    if (!qr.isReleased) await qr.query('ROLLBACK');
  } finally {
    if (!qr.isReleased) await qr.release();
  }
}

/** The registry in one snapshot, read through a server-side cursor, `batch` rows at a time (constant memory). */
export class RegistrySnapshot {
  private declared = false;
  private closed = false;

  constructor(
    private readonly qr: QueryRunner,
    readonly state: RegistryState,
  ) {}

  async *rows(batch = 500): AsyncGenerator<RegistryRow[]> {
    if (!this.declared) {
      await this.qr.query(`DECLARE registry_export NO SCROLL CURSOR FOR ${REGISTRY_SELECT} ORDER BY l.issued_on, l.id`);
      this.declared = true;
    }
    for (;;) {
      if (this.closed) return;
      const rows: Record<string, unknown>[] = await this.qr.query(`FETCH FORWARD ${batch} FROM registry_export`);
      if (rows.length === 0) return;
      yield rows.map(toRegistryRow);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await closeRunner(this.qr);
  }
}
