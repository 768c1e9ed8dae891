import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../auth/roles';
import { visibilityClause } from '../auth/visibility';
import { ContentRequest } from './content-request.entity';

@Injectable()
export class ContentRequestsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private r(em?: EntityManager) {
    return (em ?? this.dataSource.manager).getRepository(ContentRequest);
  }

  findById(id: string, em?: EntityManager): Promise<ContentRequest | null> {
    return this.r(em).findOne({ where: { id } });
  }

  insert(em: EntityManager, r: Partial<ContentRequest>): Promise<ContentRequest> {
    return this.r(em).save(this.r(em).create({ state: 'ISSUED', version: 1, answerCount: 0, ...r }));
  }

  async update(em: EntityManager, id: string, changes: Partial<ContentRequest>): Promise<void> {
    await this.r(em).update({ id }, changes);
  }

  async list(
    actor: Actor,
    f: { state?: string; kind?: string; licenseId?: string; missed?: string; page: number; pageSize: number },
  ): Promise<{ items: ContentRequest[]; total: number }> {
    const params: unknown[] = [];
    const where = [visibilityClause(actor, params, 'r')];
    if (f.state) where.push(`r.state = $${params.push(f.state)}`);
    if (f.kind) where.push(`r.kind = $${params.push(f.kind)}`);
    if (f.licenseId) where.push(`r.license_id = $${params.push(f.licenseId)}`);
    if (f.missed) where.push(f.missed === 'true' ? 'r.missed_at IS NOT NULL' : 'r.missed_at IS NULL');
    const sql = where.join(' AND ').replace(/\$(\d+)/g, ':p$1');
    const named = Object.fromEntries(params.map((p, n) => [`p${n + 1}`, p]));
    const [items, total] = await this.r()
      .createQueryBuilder('r')
      .where(sql, named)
      .orderBy('r.issued_at', 'DESC')
      .addOrderBy('r.id')
      .skip((f.page - 1) * f.pageSize)
      .take(f.pageSize)
      .getManyAndCount();
    return { items, total };
  }

  /** Open requests (not answered, or returned) whose deadline passed before `now`, not yet flagged; locked in id order. */
  async dueUnflagged(em: EntityManager, now: Date): Promise<ContentRequest[]> {
    return this.r(em)
      .createQueryBuilder('r')
      .where(`r.missed_at IS NULL AND r.state IN ('ISSUED', 'RETURNED') AND r.due_at <= :now`, { now })
      .orderBy('r.id')
      .setLock('pessimistic_write')
      .getMany();
  }

  /** A violation as RECORD_VIOLATION checks it. */
  async violation(em: EntityManager, id: string): Promise<{ licenseId: string | null; state: string } | null> {
    const rows: { license_id: string | null; state: string }[] = await em.query(
      `SELECT license_id, state FROM violations WHERE id = $1`,
      [id],
    );
    return rows[0] ? { licenseId: rows[0].license_id, state: rows[0].state } : null;
  }

  /** Takes the next number of the authority's yearly series of letters (shared with the other letters). */
  async takeLetterSequence(em: EntityManager, authorityId: string, year: number): Promise<number> {
    await em.query(
      `INSERT INTO change_notice_letter_series (authority_id, year) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
      [authorityId, year],
    );
    const [rows]: [{ seq: number }[], number] = await em.query(
      `UPDATE change_notice_letter_series SET next_seq = next_seq + 1
        WHERE authority_id = $1 AND year = $2 RETURNING next_seq - 1 AS seq`,
      [authorityId, year],
    );
    return Number(rows[0].seq);
  }
}
