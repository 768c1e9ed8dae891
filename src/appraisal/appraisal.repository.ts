import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { ChecklistEntry, Recommendation } from './checklist';

/** The appraisal record: what the appraiser found and recommended, one row per RECOMMEND. */
export interface Appraisal {
  id: string;
  applicationId: string;
  recommendation: Recommendation;
  checklist: ChecklistEntry[];
  note: string | null;
  appraiserId: string;
  createdAt: Date;
}

interface AppraisalRow {
  id: string;
  application_id: string;
  recommendation: Recommendation;
  checklist: ChecklistEntry[];
  note: string | null;
  appraiser_id: string;
  created_at: Date;
}

@Injectable()
export class AppraisalRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(
    em: EntityManager,
    a: {
      applicationId: string;
      recommendation: Recommendation;
      checklist: ChecklistEntry[];
      note: string | null;
      appraiserId: string;
    },
  ): Promise<string> {
    const [row]: { id: string }[] = await em.query(
      `INSERT INTO appraisals (application_id, recommendation, checklist, note, appraiser_id)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [a.applicationId, a.recommendation, JSON.stringify(a.checklist), a.note, a.appraiserId],
    );
    return row.id;
  }

  /** Every appraisal of the application, oldest first. */
  async list(applicationId: string, em?: EntityManager): Promise<Appraisal[]> {
    const rows: AppraisalRow[] = await (em ?? this.dataSource.manager).query(
      `SELECT * FROM appraisals WHERE application_id = $1 ORDER BY created_at, id`,
      [applicationId],
    );
    return rows.map((r) => ({
      id: r.id,
      applicationId: r.application_id,
      recommendation: r.recommendation,
      checklist: r.checklist,
      note: r.note,
      appraiserId: r.appraiser_id,
      createdAt: r.created_at,
    }));
  }
}
