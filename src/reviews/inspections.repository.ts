import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../auth/roles';
import type { InspectionRecordPdfData } from '../pdf/pdf.types';
import { Inspection } from './inspection.entity';
import type { InspectionState } from './inspection.machine';
import { visibilityClause } from '../auth/visibility';

export interface InspectionFilter {
  state?: InspectionState;
  kind?: string;
  licenseId?: string;
  page: number;
  pageSize: number;
}

@Injectable()
export class InspectionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private r(em?: EntityManager) {
    return (em ?? this.dataSource.manager).getRepository(Inspection);
  }

  findById(id: string, em?: EntityManager): Promise<Inspection | null> {
    return this.r(em).findOne({ where: { id } });
  }

  async recordDocument(id: string): Promise<InspectionRecordPdfData | null> {
    const rows: { record_document: InspectionRecordPdfData | null }[] = await this.dataSource.query(
      `SELECT record_document FROM inspections WHERE id = $1`,
      [id],
    );
    return rows[0]?.record_document ?? null;
  }

  insert(em: EntityManager, i: Partial<Inspection>): Promise<Inspection> {
    return this.r(em).save(this.r(em).create({ state: 'PLANNED', version: 1, remedies: [], ...i }));
  }

  /**
   * The next record number of the authority, inside the COMPLETE transaction: the row lock serializes completions
   * of one authority and a rollback gives the number back, so record numbers have no gaps and never repeat.
   */
  async takeRecordSeq(em: EntityManager, authorityId: string): Promise<number> {
    await em.query(
      `INSERT INTO inspection_record_series (authority_id) VALUES ($1) ON CONFLICT (authority_id) DO NOTHING`,
      [authorityId],
    );
    // TypeORM answers an UPDATE … RETURNING with [rows, affected].
    const [rows]: [{ seq: number }[], number] = await em.query(
      `UPDATE inspection_record_series SET next_seq = next_seq + 1 WHERE authority_id = $1 RETURNING next_seq - 1 AS seq`,
      [authorityId],
    );
    return Number(rows[0].seq);
  }

  /** Violations recorded against the inspection (not dismissed), with their catalogue title, for the record. */
  violationsOf(
    em: EntityManager,
    inspectionId: string,
  ): Promise<{ code: string; title: string; description: string }[]> {
    return em.query(
      `SELECT v.type_code AS code, t.title_vi AS title, v.description
       FROM violations v JOIN violation_types t ON t.code = v.type_code AND t.effective_from = v.type_effective_from
       WHERE v.inspection_id = $1 AND v.state <> 'DISMISSED'
       ORDER BY v.detected_on, v.created_at, v.id`,
      [inspectionId],
    );
  }

  async list(actor: Actor, f: InspectionFilter): Promise<{ items: Inspection[]; total: number }> {
    const params: unknown[] = [];
    const where = [visibilityClause(actor, params, 'i')];
    if (f.state) where.push(`i.state = $${params.push(f.state)}`);
    if (f.kind) where.push(`i.kind = $${params.push(f.kind)}`);
    if (f.licenseId) where.push(`i.license_id = $${params.push(f.licenseId)}`);
    const qb = this.r()
      .createQueryBuilder('i')
      .where(
        where.join(' AND ').replace(/\$(\d+)/g, ':p$1'),
        Object.fromEntries(params.map((p, n) => [`p${n + 1}`, p])),
      )
      .orderBy('i.scheduled_on', 'DESC')
      .addOrderBy('i.created_at', 'DESC')
      .addOrderBy('i.id')
      .skip((f.page - 1) * f.pageSize)
      .take(f.pageSize);
    const [items, total] = await qb.getManyAndCount();
    return { items, total };
  }
}
