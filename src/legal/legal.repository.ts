import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { LegalDocumentType, ParameterUnit } from './legal-catalog';

/** One version of a legal parameter, national (authorityId null) or an authority's own. */
export interface ParameterRow {
  key: string;
  authorityId: string | null;
  effectiveFrom: string;
  value: string;
  unit: ParameterUnit;
  basis: string;
  verified: boolean;
  createdAt: Date;
}

/** One version of a document type's "Căn cứ" lines, national or an authority's own. */
export interface LegalBasisRow {
  documentType: LegalDocumentType;
  authorityId: string | null;
  effectiveFrom: string;
  lines: string[];
  verified: boolean;
  createdAt: Date;
}

interface RawParameter {
  key: string;
  authority_id: string | null;
  effective_from: string;
  value: string;
  unit: ParameterUnit;
  basis: string;
  verified: boolean;
  created_at: Date;
}

interface RawBasis {
  document_type: LegalDocumentType;
  authority_id: string | null;
  effective_from: string;
  lines: string[];
  verified: boolean;
  created_at: Date;
}

const toParameter = (r: RawParameter): ParameterRow => ({
  key: r.key,
  authorityId: r.authority_id,
  effectiveFrom: r.effective_from,
  value: r.value,
  unit: r.unit,
  basis: r.basis,
  verified: r.verified,
  createdAt: r.created_at,
});

const toBasis = (r: RawBasis): LegalBasisRow => ({
  documentType: r.document_type,
  authorityId: r.authority_id,
  effectiveFrom: r.effective_from,
  lines: r.lines,
  verified: r.verified,
  createdAt: r.created_at,
});

/**
 * The effective-dated legal data. "In force on a day" is the latest version with effective_from ≤ that day; an
 * authority's own version, when one is in force, wins over the national one.
 */
@Injectable()
export class LegalRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private m(em?: EntityManager): EntityManager {
    return em ?? this.dataSource.manager;
  }

  async parameterOn(key: string, on: string, authorityId: string | null, em?: EntityManager) {
    const rows: RawParameter[] = await this.m(em).query(
      `SELECT * FROM legal_parameters
       WHERE key = $1 AND effective_from <= $2::date AND (authority_id IS NULL OR authority_id = $3::uuid)
       ORDER BY (authority_id IS NULL), effective_from DESC LIMIT 1`,
      [key, on, authorityId],
    );
    return rows.length ? toParameter(rows[0]) : null;
  }

  /** Every key's version in force on `on` (the authority's own where it has one). */
  async parametersOn(on: string, authorityId: string | null, em?: EntityManager): Promise<ParameterRow[]> {
    const rows: RawParameter[] = await this.m(em).query(
      `SELECT DISTINCT ON (key) * FROM legal_parameters
       WHERE effective_from <= $1::date AND (authority_id IS NULL OR authority_id = $2::uuid)
       ORDER BY key, (authority_id IS NULL), effective_from DESC`,
      [on, authorityId],
    );
    return rows.map(toParameter);
  }

  /** Every version of a key (national and every authority's), oldest first. */
  async parameterVersions(key: string, em?: EntityManager): Promise<ParameterRow[]> {
    const rows: RawParameter[] = await this.m(em).query(
      `SELECT * FROM legal_parameters WHERE key = $1 ORDER BY effective_from, authority_id NULLS FIRST, id`,
      [key],
    );
    return rows.map(toParameter);
  }

  /** Inserts a version; null when that exact (key, authority, effectiveFrom) exists already. */
  async insertParameter(
    em: EntityManager,
    p: Omit<ParameterRow, 'createdAt'>,
    createdBy: string | null,
  ): Promise<ParameterRow | null> {
    const rows: RawParameter[] = await em.query(
      `INSERT INTO legal_parameters (key, authority_id, effective_from, value, unit, basis, verified, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT ON CONSTRAINT legal_parameters_uq DO NOTHING RETURNING *`,
      [p.key, p.authorityId, p.effectiveFrom, p.value, p.unit, p.basis, p.verified, createdBy],
    );
    return rows.length ? toParameter(rows[0]) : null;
  }

  /** An authority's value from `effectiveFrom` (today): set again the same day, it replaces that day's value. */
  async upsertAuthorityParameter(
    em: EntityManager,
    p: Omit<ParameterRow, 'createdAt'> & { authorityId: string },
    createdBy: string | null,
  ): Promise<ParameterRow> {
    const rows: RawParameter[] = await em.query(
      `INSERT INTO legal_parameters (key, authority_id, effective_from, value, unit, basis, verified, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT ON CONSTRAINT legal_parameters_uq DO UPDATE SET value = EXCLUDED.value, basis = EXCLUDED.basis,
         verified = EXCLUDED.verified, created_by = EXCLUDED.created_by
       RETURNING *`,
      [p.key, p.authorityId, p.effectiveFrom, p.value, p.unit, p.basis, p.verified, createdBy],
    );
    return toParameter(rows[0]);
  }

  async basisOn(type: LegalDocumentType, on: string, authorityId: string | null, em?: EntityManager) {
    const rows: RawBasis[] = await this.m(em).query(
      `SELECT * FROM legal_bases
       WHERE document_type = $1 AND effective_from <= $2::date AND (authority_id IS NULL OR authority_id = $3::uuid)
       ORDER BY (authority_id IS NULL), effective_from DESC LIMIT 1`,
      [type, on, authorityId],
    );
    return rows.length ? toBasis(rows[0]) : null;
  }

  async basisVersions(type: LegalDocumentType | undefined, em?: EntityManager): Promise<LegalBasisRow[]> {
    const rows: RawBasis[] = await this.m(em).query(
      `SELECT * FROM legal_bases WHERE ($1::text IS NULL OR document_type = $1)
       ORDER BY document_type, effective_from, authority_id NULLS FIRST, id`,
      [type ?? null],
    );
    return rows.map(toBasis);
  }

  async insertBasis(
    em: EntityManager,
    b: Omit<LegalBasisRow, 'createdAt'>,
    createdBy: string | null,
  ): Promise<LegalBasisRow | null> {
    const rows: RawBasis[] = await em.query(
      `INSERT INTO legal_bases (document_type, authority_id, effective_from, lines, verified, created_by)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT ON CONSTRAINT legal_bases_uq DO NOTHING RETURNING *`,
      [b.documentType, b.authorityId, b.effectiveFrom, JSON.stringify(b.lines), b.verified, createdBy],
    );
    return rows.length ? toBasis(rows[0]) : null;
  }
}
