import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { offsetOf, PageQuery } from '../common/pagination';
import { Application } from './application.entity';
import { ApplicationState, CLOCK_STATES } from './application.machine';
import type { ApplicationType } from './approval.port';

/** One document of a dossier type's requirements catalogue. */
export interface Requirement {
  kind: string;
  titleVi: string;
  titleEn: string;
  required: boolean;
  legalBasis: string;
  legalBasisVerified: boolean;
}

export interface ApplicationFilter {
  state?: ApplicationState;
  type?: ApplicationType;
  overdue?: boolean;
  /** Only dossiers assigned to this user, or (`null`) to nobody. */
  assigneeId?: string | null;
  /** `deadline`: due date first, then those without a clock by filing date (a work queue); default newest first. */
  sort?: 'newest' | 'deadline';
  /** `now` for the overdue filter (the injectable clock). */
  now: Date;
}

export interface OpenSupplementRequest {
  id: string;
  items: string[];
  reason: string;
  requestedBy: string;
  requestedAt: Date;
}

/** The only code that reads and writes applications, their catalogue and their supplement requests. */
@Injectable()
export class ApplicationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private m(em?: EntityManager): EntityManager {
    return em ?? this.dataSource.manager;
  }

  findById(id: string, em?: EntityManager): Promise<Application | null> {
    return this.m(em).getRepository(Application).findOne({ where: { id } });
  }

  /** The row, locked until the transaction ends. */
  /** Bytes of documents stored for the organization's dossiers (counted per row: the storage quota). */
  async storedBytes(organizationId: string, em?: EntityManager): Promise<number> {
    const [row]: { bytes: string | number }[] = await this.m(em).query(
      `SELECT coalesce(sum(d.size), 0) AS bytes FROM documents d
         JOIN applications a ON d.owner_type = 'application' AND d.owner_id = a.id
        WHERE a.organization_id = $1`,
      [organizationId],
    );
    return Number(row.bytes);
  }

  /** Serializes the organization's uploads while one checks the quota and attaches its file. */
  async lockOrganizationUploads(em: EntityManager, organizationId: string): Promise<void> {
    await em.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`uploads:${organizationId}`]);
  }

  lock(em: EntityManager, id: string): Promise<Application | null> {
    return em.getRepository(Application).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async insert(em: EntityManager, a: Partial<Application>): Promise<Application> {
    const repo = em.getRepository(Application);
    const saved = await repo.save(repo.create({ state: 'DRAFT', version: 1, clockPaused: false, ...a }));
    return (await repo.findOneOrFail({ where: { id: saved.id } })) as Application;
  }

  async update(em: EntityManager, id: string, changes: Partial<Application>): Promise<void> {
    await em.getRepository(Application).update({ id }, changes as never);
  }

  /** A page of the applications the user may see, newest first or (a work queue) by statutory deadline. */
  async list(user: AuthenticatedUser, f: ApplicationFilter, page: PageQuery): Promise<[Application[], number]> {
    const qb = this.m().getRepository(Application).createQueryBuilder('a');
    if (user.role === 'site_owner') qb.andWhere('a.organization_id = :org', { org: user.organizationId });
    else if (user.role !== 'admin') {
      // Staff see their authority's filed dossiers; a draft is the applicant's own until it is submitted.
      qb.andWhere('a.authority_id = :auth AND a.submitted_at IS NOT NULL', { auth: user.authorityId });
    }
    if (f.state) qb.andWhere('a.state = :state', { state: f.state });
    if (f.type) qb.andWhere('a.type = :type', { type: f.type });
    if (f.assigneeId) qb.andWhere('a.assignee_id = :assignee', { assignee: f.assigneeId });
    else if (f.assigneeId === null) qb.andWhere('a.assignee_id IS NULL');
    if (f.overdue) {
      qb.andWhere('a.state IN (:...clockStates) AND NOT a.clock_paused AND a.due_at < :now', {
        clockStates: CLOCK_STATES,
        now: f.now,
      });
    }
    if (f.sort === 'deadline') {
      qb.orderBy('a.due_at', 'ASC', 'NULLS LAST').addOrderBy('a.submitted_at', 'ASC', 'NULLS LAST');
    } else qb.orderBy('a.created_at', 'DESC');
    return qb.addOrderBy('a.id').skip(offsetOf(page)).take(page.pageSize).getManyAndCount();
  }

  async requirements(type: ApplicationType, em?: EntityManager): Promise<Requirement[]> {
    const rows: {
      kind: string;
      title_vi: string;
      title_en: string;
      required: boolean;
      legal_basis: string;
      legal_basis_verified: boolean;
    }[] = await this.m(em).query(
      `SELECT kind, title_vi, title_en, required, legal_basis, legal_basis_verified FROM requirements
         WHERE application_type = $1 ORDER BY position`,
      [type],
    );
    return rows.map((r) => ({
      kind: r.kind,
      titleVi: r.title_vi,
      titleEn: r.title_en,
      required: r.required,
      legalBasis: r.legal_basis,
      legalBasisVerified: r.legal_basis_verified,
    }));
  }

  /** Sets a requirement's reference; returns the previous one, or null when there is no such requirement. */
  async setRequirementLegalBasis(
    em: EntityManager,
    type: ApplicationType,
    kind: string,
    legalBasis: string,
    verified: boolean,
  ): Promise<string | null> {
    const rows: { legal_basis: string }[] = await em.query(
      `SELECT legal_basis FROM requirements WHERE application_type = $1 AND kind = $2 FOR UPDATE`,
      [type, kind],
    );
    if (!rows.length) return null;
    await em.query(
      `UPDATE requirements SET legal_basis = $3, legal_basis_verified = $4 WHERE application_type = $1 AND kind = $2`,
      [type, kind, legalBasis, verified],
    );
    return rows[0].legal_basis;
  }

  async authorityTimeZone(authorityId: string, em?: EntityManager): Promise<string | null> {
    const [row]: { time_zone: string }[] = await this.m(em).query(`SELECT time_zone FROM authorities WHERE id = $1`, [
      authorityId,
    ]);
    return row?.time_zone ?? null;
  }

  /** Time zones of several authorities at once (list views). */
  async authorityTimeZones(ids: string[], em?: EntityManager): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows: { id: string; time_zone: string }[] = await this.m(em).query(
      `SELECT id, time_zone FROM authorities WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.time_zone]));
  }

  /** True when the user is an active appraiser of the authority. */
  async isActiveAppraiser(em: EntityManager, userId: string, authorityId: string): Promise<boolean> {
    const rows: unknown[] = await em.query(
      `SELECT 1 FROM users WHERE id = $1 AND role = 'appraiser' AND authority_id = $2 AND state = 'ACTIVE'`,
      [userId, authorityId],
    );
    return rows.length > 0;
  }

  async insertSupplementRequest(
    em: EntityManager,
    r: { applicationId: string; items: string[]; reason: string; requestedBy: string; requestedAt: Date },
  ): Promise<string> {
    const [row]: { id: string }[] = await em.query(
      `INSERT INTO supplement_requests (application_id, items, reason, requested_by, requested_at)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [r.applicationId, JSON.stringify(r.items), r.reason, r.requestedBy, r.requestedAt],
    );
    return row.id;
  }

  /** Closes the open supplement request, if any (the supplement arrived, or the dossier was withdrawn). */
  async resolveSupplementRequest(em: EntityManager, applicationId: string, at: Date): Promise<string | null> {
    const rows: { id: string }[] = await em.query(
      `UPDATE supplement_requests SET resolved_at = $2 WHERE application_id = $1 AND resolved_at IS NULL RETURNING id`,
      [applicationId, at],
    );
    return rows[0]?.id ?? null;
  }

  async openSupplementRequest(applicationId: string, em?: EntityManager): Promise<OpenSupplementRequest | null> {
    const [row]: { id: string; items: string[]; reason: string; requested_by: string; requested_at: Date }[] =
      await this.m(em).query(
        `SELECT id, items, reason, requested_by, requested_at FROM supplement_requests
         WHERE application_id = $1 AND resolved_at IS NULL`,
        [applicationId],
      );
    return row
      ? {
          id: row.id,
          items: row.items,
          reason: row.reason,
          requestedBy: row.requested_by,
          requestedAt: row.requested_at,
        }
      : null;
  }
}
