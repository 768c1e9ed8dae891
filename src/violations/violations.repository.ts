import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../auth/roles';
import { visibilityClause } from '../auth/visibility';
import { EnforcementProposal, Violation } from './violation.entity';

export interface ViolationFilter {
  licenseId?: string;
  inspectionId?: string;
  unlicensedSiteId?: string;
  subjectKind?: string;
  state?: string;
  typeCode?: string;
  page: number;
  pageSize: number;
}

function paramsOf(sql: string, params: unknown[]): [string, Record<string, unknown>] {
  return [sql.replace(/\$(\d+)/g, ':p$1'), Object.fromEntries(params.map((p, n) => [`p${n + 1}`, p]))];
}

@Injectable()
export class ViolationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private v(em?: EntityManager) {
    return (em ?? this.dataSource.manager).getRepository(Violation);
  }

  private p(em?: EntityManager) {
    return (em ?? this.dataSource.manager).getRepository(EnforcementProposal);
  }

  findById(id: string, em?: EntityManager): Promise<Violation | null> {
    return this.v(em).findOne({ where: { id } });
  }

  insert(em: EntityManager, v: Partial<Violation>): Promise<Violation> {
    return this.v(em).save(this.v(em).create({ state: 'OPEN', version: 1, ...v }));
  }

  /** The inspection a violation is linked to: its license and state (null when there is none). */
  async inspection(em: EntityManager, id: string): Promise<{ licenseId: string; state: string } | null> {
    const rows: { license_id: string; state: string }[] = await em.query(
      `SELECT license_id, state FROM inspections WHERE id = $1`,
      [id],
    );
    return rows.length ? { licenseId: rows[0].license_id, state: rows[0].state } : null;
  }

  /** A site of the unlicensed-sites register: its authority, state and operator. */
  async unlicensedSite(
    em: EntityManager,
    id: string,
  ): Promise<{
    id: string;
    authorityId: string;
    state: string;
    domains: string[];
    operator: { kind: 'ORGANIZATION' | 'INDIVIDUAL'; name: string; idNumber?: string; address?: string } | null;
  } | null> {
    const rows: {
      id: string;
      authority_id: string;
      state: string;
      domains: string[];
      operator_kind: 'ORGANIZATION' | 'INDIVIDUAL' | null;
      operator_name: string | null;
      operator_id_number: string | null;
      operator_address: string | null;
    }[] = await em.query(
      `SELECT id, authority_id, state, domains, operator_kind, operator_name, operator_id_number, operator_address
         FROM unlicensed_sites WHERE id = $1`,
      [id],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      id: r.id,
      authorityId: r.authority_id,
      state: r.state,
      domains: r.domains,
      operator:
        r.operator_kind && r.operator_name
          ? {
              kind: r.operator_kind,
              name: r.operator_name,
              idNumber: r.operator_id_number ?? undefined,
              address: r.operator_address ?? undefined,
            }
          : null,
    };
  }

  async list(actor: Actor, f: ViolationFilter): Promise<{ items: Violation[]; total: number }> {
    const params: unknown[] = [];
    const where = [visibilityClause(actor, params, 'v')];
    if (f.licenseId) where.push(`v.license_id = $${params.push(f.licenseId)}`);
    if (f.inspectionId) where.push(`v.inspection_id = $${params.push(f.inspectionId)}`);
    if (f.unlicensedSiteId) where.push(`v.unlicensed_site_id = $${params.push(f.unlicensedSiteId)}`);
    if (f.subjectKind) where.push(`v.subject_kind = $${params.push(f.subjectKind)}`);
    if (f.state) where.push(`v.state = $${params.push(f.state)}`);
    if (f.typeCode) where.push(`v.type_code = $${params.push(f.typeCode)}`);
    const [sql, named] = paramsOf(where.join(' AND '), params);
    const [items, total] = await this.v()
      .createQueryBuilder('v')
      .where(sql, named)
      .orderBy('v.detected_on', 'DESC')
      .addOrderBy('v.created_at', 'DESC')
      .addOrderBy('v.id')
      .skip((f.page - 1) * f.pageSize)
      .take(f.pageSize)
      .getManyAndCount();
    return { items, total };
  }

  /** SANCTIONED violations whose remedy date passed before `today`, oldest first. */
  /** Locked up front, in id order, before the job fires its transitions (see LicensesRepository.due). */
  async overdueRemedies(em: EntityManager, today: string): Promise<string[]> {
    const rows: { id: string }[] = await em.query(
      // only a license's violation escalates (to a suspension or revocation proposal)
      `SELECT id FROM violations
        WHERE state = 'SANCTIONED' AND remedy_due_on < $1::date AND license_id IS NOT NULL
        ORDER BY id FOR UPDATE`,
      [today],
    );
    return rows.map((r) => r.id);
  }

  insertProposal(em: EntityManager, p: Partial<EnforcementProposal>): Promise<EnforcementProposal> {
    return this.p(em).save(this.p(em).create({ state: 'OPEN', version: 1, ...p }));
  }

  findProposal(id: string, em?: EntityManager): Promise<EnforcementProposal | null> {
    return this.p(em).findOne({ where: { id } });
  }

  async proposals(
    actor: Actor,
    f: { state?: string; page: number; pageSize: number },
  ): Promise<{ items: EnforcementProposal[]; total: number }> {
    const params: unknown[] = [];
    const where = [visibilityClause(actor, params, 'p')];
    if (f.state) where.push(`p.state = $${params.push(f.state)}`);
    const [sql, named] = paramsOf(where.join(' AND '), params);
    const [items, total] = await this.p()
      .createQueryBuilder('p')
      .where(sql, named)
      .orderBy('p.created_at', 'DESC')
      .addOrderBy('p.id')
      .skip((f.page - 1) * f.pageSize)
      .take(f.pageSize)
      .getManyAndCount();
    return { items, total };
  }
}
