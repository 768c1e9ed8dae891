import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { ViolationType } from './violation-type';

interface Row {
  code: string;
  effective_from: string;
  title_vi: string;
  title_en: string;
  legal_basis: string;
  min_fine: number | string;
  max_fine: number | string;
  additional_measures: string[];
  remedial_measures: string[];
  grave: boolean;
  verified: boolean;
  source_text: string;
  article: string | null;
  clause: string | null;
  deprivation_min_months: number | null;
  deprivation_max_months: number | null;
  created_at: Date;
}

function toType(r: Row): ViolationType {
  return {
    code: r.code,
    effectiveFrom: r.effective_from,
    titleVi: r.title_vi,
    titleEn: r.title_en,
    legalBasis: r.legal_basis,
    minFine: Number(r.min_fine),
    maxFine: Number(r.max_fine),
    additionalMeasures: r.additional_measures,
    remedialMeasures: r.remedial_measures,
    grave: r.grave,
    verified: r.verified,
    sourceText: r.source_text,
    article: r.article,
    clause: r.clause,
    deprivationMinMonths: r.deprivation_min_months,
    deprivationMaxMonths: r.deprivation_max_months,
    createdAt: r.created_at,
  };
}

@Injectable()
export class ViolationTypesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** For each code, the version in force on `on`: the latest effective_from ≤ on. */
  async inForce(on: string, em?: EntityManager): Promise<ViolationType[]> {
    const rows: Row[] = await (em ?? this.dataSource.manager).query(
      `SELECT DISTINCT ON (code) * FROM violation_types WHERE effective_from <= $1::date
       ORDER BY code, effective_from DESC`,
      [on],
    );
    return rows.map(toType);
  }

  async findInForce(code: string, on: string, em?: EntityManager): Promise<ViolationType | null> {
    const rows: Row[] = await (em ?? this.dataSource.manager).query(
      `SELECT * FROM violation_types WHERE code = $1 AND effective_from <= $2::date
       ORDER BY effective_from DESC LIMIT 1`,
      [code, on],
    );
    return rows.length ? toType(rows[0]) : null;
  }

  async findVersion(code: string, effectiveFrom: string, em?: EntityManager): Promise<ViolationType | null> {
    const rows: Row[] = await (em ?? this.dataSource.manager).query(
      `SELECT * FROM violation_types WHERE code = $1 AND effective_from = $2::date`,
      [code, effectiveFrom],
    );
    return rows.length ? toType(rows[0]) : null;
  }

  /** Inserts a version; false when that exact (code, effectiveFrom) exists already. */
  async insert(
    em: EntityManager,
    t: Omit<ViolationType, 'createdAt'>,
    createdBy: string | null,
  ): Promise<ViolationType | null> {
    const rows: Row[] = await em.query(
      `INSERT INTO violation_types (code, effective_from, title_vi, title_en, legal_basis, min_fine, max_fine,
         additional_measures, remedial_measures, grave, verified, created_by, source_text, article, clause,
         deprivation_min_months, deprivation_max_months)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
       ON CONFLICT (code, effective_from) DO NOTHING RETURNING *`,
      [
        t.code,
        t.effectiveFrom,
        t.titleVi,
        t.titleEn,
        t.legalBasis,
        t.minFine,
        t.maxFine,
        JSON.stringify(t.additionalMeasures),
        JSON.stringify(t.remedialMeasures),
        t.grave,
        t.verified,
        createdBy,
        t.sourceText,
        t.article,
        t.clause,
        t.deprivationMinMonths,
        t.deprivationMaxMonths,
      ],
    );
    return rows.length ? toType(rows[0]) : null;
  }
}
