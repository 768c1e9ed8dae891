import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../auth/roles';
import { UnlicensedSite, UnlicensedSiteEvidence } from './unlicensed-site.entity';

/** The states in which a site is still a case (a new application naming its domain is flagged). */
export const OPEN_SITE_STATES = ['REPORTED', 'UNDER_REVIEW', 'DIRECTED_TO_APPLY', 'SANCTIONED'] as const;

/** An application as the register needs it to link or flag. */
export interface ApplicationFacts {
  id: string;
  type: string;
  state: string;
  authorityId: string;
  domains: string[];
  licenseId: string | null;
}

/** A violation as the SANCTION guard needs it. */
export interface SiteViolationFacts {
  id: string;
  unlicensedSiteId: string | null;
  typeCode: string;
  state: string;
}

@Injectable()
export class UnlicensedSitesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private s(em?: EntityManager) {
    return (em ?? this.dataSource.manager).getRepository(UnlicensedSite);
  }

  private e(em?: EntityManager) {
    return (em ?? this.dataSource.manager).getRepository(UnlicensedSiteEvidence);
  }

  findById(id: string, em?: EntityManager): Promise<UnlicensedSite | null> {
    return this.s(em).findOne({ where: { id } });
  }

  lockById(em: EntityManager, id: string): Promise<UnlicensedSite | null> {
    return this.s(em).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  insert(em: EntityManager, site: Partial<UnlicensedSite>): Promise<UnlicensedSite> {
    return this.s(em).save(this.s(em).create({ state: 'REPORTED', version: 1, ...site }));
  }

  async update(em: EntityManager, id: string, changes: Partial<UnlicensedSite>): Promise<void> {
    await this.s(em).update({ id }, changes);
  }

  insertEvidence(em: EntityManager, e: Partial<UnlicensedSiteEvidence>): Promise<UnlicensedSiteEvidence> {
    return this.e(em).save(this.e(em).create(e));
  }

  evidenceOf(siteId: string, em?: EntityManager): Promise<UnlicensedSiteEvidence[]> {
    return this.e(em).find({ where: { siteId }, order: { capturedAt: 'ASC', id: 'ASC' } });
  }

  findEvidence(siteId: string, id: string, em?: EntityManager): Promise<UnlicensedSiteEvidence | null> {
    return this.e(em).findOne({ where: { id, siteId } });
  }

  /** The actor's authority's sites (admins: all), newest first. */
  async list(
    actor: Actor,
    f: { state?: string; domain?: string; page: number; pageSize: number },
  ): Promise<{ items: UnlicensedSite[]; total: number }> {
    const qb = this.s().createQueryBuilder('s');
    if (actor.role !== 'admin') qb.andWhere('s.authority_id = :authority', { authority: actor.authorityId ?? null });
    if (f.state) qb.andWhere('s.state = :state', { state: f.state });
    if (f.domain) qb.andWhere(':domain = ANY(s.domains)', { domain: f.domain });
    const [items, total] = await qb
      .orderBy('s.reported_at', 'DESC')
      .addOrderBy('s.id')
      .skip((f.page - 1) * f.pageSize)
      .take(f.pageSize)
      .getManyAndCount();
    return { items, total };
  }

  /** Open cases of the authority sharing a domain with `domains` (normalized), locked in id order. */
  async openWithDomains(em: EntityManager, authorityId: string, domains: string[]): Promise<UnlicensedSite[]> {
    if (domains.length === 0) return [];
    return this.s(em)
      .createQueryBuilder('s')
      .where('s.authority_id = :authorityId', { authorityId })
      .andWhere('s.domains && :domains::text[]', { domains })
      .andWhere('s.state IN (:...states)', { states: OPEN_SITE_STATES })
      .orderBy('s.id')
      .getMany();
  }

  /** NEW applications of the authority, filed (not DRAFT), naming one of `domains` (normalized, case-blind). */
  async applicationsNaming(authorityId: string, domains: string[], em?: EntityManager): Promise<ApplicationFacts[]> {
    const rows: {
      id: string;
      type: string;
      state: string;
      authority_id: string;
      domains: string[] | null;
      license_id: string | null;
    }[] = await (em ?? this.dataSource.manager).query(
      `SELECT a.id, a.type, a.state, a.authority_id, a.license_id,
                ARRAY(SELECT lower(d) FROM jsonb_array_elements_text(a.site->'domains') d) AS domains
           FROM applications a
          WHERE a.authority_id = $1 AND a.type = 'NEW' AND a.state <> 'DRAFT'
            AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(a.site->'domains') d
                         WHERE regexp_replace(lower(d), '^www\\.', '') = ANY($2::text[]))
          ORDER BY a.submitted_at NULLS LAST, a.id`,
      [authorityId, domains],
    );
    return rows.map((r) => ({
      id: r.id,
      type: r.type,
      state: r.state,
      authorityId: r.authority_id,
      domains: r.domains ?? [],
      licenseId: r.license_id,
    }));
  }

  async application(em: EntityManager, id: string): Promise<ApplicationFacts | null> {
    const rows: {
      id: string;
      type: string;
      state: string;
      authority_id: string;
      domains: string[] | null;
      license_id: string | null;
    }[] = await em.query(
      `SELECT a.id, a.type, a.state, a.authority_id, a.license_id,
                ARRAY(SELECT d FROM jsonb_array_elements_text(a.site->'domains') d) AS domains
           FROM applications a WHERE a.id = $1`,
      [id],
    );
    const r = rows[0];
    return r
      ? {
          id: r.id,
          type: r.type,
          state: r.state,
          authorityId: r.authority_id,
          domains: r.domains ?? [],
          licenseId: r.license_id,
        }
      : null;
  }

  async violation(em: EntityManager, id: string): Promise<SiteViolationFacts | null> {
    const rows: { id: string; unlicensed_site_id: string | null; type_code: string; state: string }[] = await em.query(
      `SELECT id, unlicensed_site_id, type_code, state FROM violations WHERE id = $1`,
      [id],
    );
    const r = rows[0];
    return r ? { id: r.id, unlicensedSiteId: r.unlicensed_site_id, typeCode: r.type_code, state: r.state } : null;
  }

  /** Takes the next number of the authority's yearly series of letters (shared with change-notice confirmations). */
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
