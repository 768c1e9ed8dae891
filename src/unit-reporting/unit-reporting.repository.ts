import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ReportingPeriod, ReportingUnit, ReportingUnitMember, UnitReport } from './unit-reporting.entity';

@Injectable()
export class UnitReportingRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private m(em?: EntityManager) {
    return em ?? this.dataSource.manager;
  }

  insertUnit(em: EntityManager, u: Partial<ReportingUnit>): Promise<ReportingUnit> {
    const repo = em.getRepository(ReportingUnit);
    return repo.save(repo.create({ active: true, ...u }));
  }

  units(authorityId: string | null, em?: EntityManager): Promise<ReportingUnit[]> {
    return this.m(em)
      .getRepository(ReportingUnit)
      .find({ where: authorityId ? { authorityId } : {}, order: { code: 'ASC' } });
  }

  unit(id: string, em?: EntityManager): Promise<ReportingUnit | null> {
    return this.m(em).getRepository(ReportingUnit).findOne({ where: { id } });
  }

  async unitOfUser(userId: string, em?: EntityManager): Promise<ReportingUnit | null> {
    const m = await this.m(em).getRepository(ReportingUnitMember).findOne({ where: { userId } });
    return m ? this.unit(m.unitId, em) : null;
  }

  async addMember(em: EntityManager, unitId: string, userId: string): Promise<void> {
    await em.query(
      `INSERT INTO reporting_unit_members (user_id, unit_id) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET unit_id = EXCLUDED.unit_id`,
      [userId, unitId],
    );
  }

  async memberIds(unitId: string, em?: EntityManager): Promise<string[]> {
    const rows: { user_id: string }[] = await this.m(em).query(
      `SELECT user_id FROM reporting_unit_members WHERE unit_id = $1 ORDER BY user_id`,
      [unitId],
    );
    return rows.map((r) => r.user_id);
  }

  async periodDefaults(
    kind: string,
    em?: EntityManager,
  ): Promise<{ coversFrom: string; coversTo: string; due: string } | null> {
    const rows: { f: string; t: string; d: string }[] = await this.m(em).query(
      `SELECT covers_from_month_day AS f, covers_to_month_day AS t, due_month_day AS d
         FROM reporting_period_defaults WHERE kind = $1`,
      [kind],
    );
    return rows[0] ? { coversFrom: rows[0].f, coversTo: rows[0].t, due: rows[0].d } : null;
  }

  insertPeriod(em: EntityManager, p: Partial<ReportingPeriod>): Promise<ReportingPeriod> {
    const repo = em.getRepository(ReportingPeriod);
    return repo.save(repo.create(p));
  }

  period(id: string, em?: EntityManager): Promise<ReportingPeriod | null> {
    return this.m(em).getRepository(ReportingPeriod).findOne({ where: { id } });
  }

  periods(authorityId: string | null): Promise<ReportingPeriod[]> {
    return this.m()
      .getRepository(ReportingPeriod)
      .find({ where: authorityId ? { authorityId } : {}, order: { year: 'DESC', kind: 'ASC' } });
  }

  /** Periods whose due day is on or before `until` (reminders and overdue notices), oldest first. */
  periodsDueBy(em: EntityManager, until: string): Promise<ReportingPeriod[]> {
    return em
      .getRepository(ReportingPeriod)
      .createQueryBuilder('p')
      .where('p.due_on <= :until', { until })
      .orderBy('p.due_on')
      .addOrderBy('p.id')
      .getMany();
  }

  insertReport(em: EntityManager, r: Partial<UnitReport>): Promise<UnitReport> {
    const repo = em.getRepository(UnitReport);
    return repo.save(repo.create({ state: 'DRAFT', version: 1, ...r }));
  }

  report(id: string, em?: EntityManager): Promise<UnitReport | null> {
    return this.m(em).getRepository(UnitReport).findOne({ where: { id } });
  }

  lockReport(em: EntityManager, id: string): Promise<UnitReport | null> {
    return em.getRepository(UnitReport).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async updateReport(em: EntityManager, id: string, changes: Partial<UnitReport>): Promise<void> {
    await em.getRepository(UnitReport).update({ id }, changes);
  }

  reportsOfPeriod(periodId: string, em?: EntityManager): Promise<UnitReport[]> {
    return this.m(em).getRepository(UnitReport).find({ where: { periodId } });
  }

  async reports(f: {
    authorityId?: string | null;
    unitId?: string;
    periodId?: string;
    state?: string;
    page: number;
    pageSize: number;
  }): Promise<{ items: UnitReport[]; total: number }> {
    const qb = this.m().getRepository(UnitReport).createQueryBuilder('r');
    if (f.authorityId) qb.andWhere('r.authority_id = :a', { a: f.authorityId });
    if (f.unitId) qb.andWhere('r.unit_id = :u', { u: f.unitId });
    if (f.periodId) qb.andWhere('r.period_id = :p', { p: f.periodId });
    if (f.state) qb.andWhere('r.state = :s', { s: f.state });
    const [items, total] = await qb
      .orderBy('r.created_at', 'DESC')
      .addOrderBy('r.id')
      .skip((f.page - 1) * f.pageSize)
      .take(f.pageSize)
      .getManyAndCount();
    return { items, total };
  }

  /** License documents signed in the window by kind (NEW, AMENDMENT, EXTENSION, REISSUE, CHANGE_NOTICE). */
  async licenseVersionsSigned(authorityId: string, from: string, to: string): Promise<Record<string, number>> {
    const rows: { kind: string; n: number }[] = await this.m().query(
      `SELECT v.kind, count(*)::int AS n FROM license_versions v JOIN licenses l ON l.id = v.license_id
        WHERE l.authority_id = $1 AND v.signed_on BETWEEN $2::date AND $3::date GROUP BY v.kind`,
      [authorityId, from, to],
    );
    return Object.fromEntries(rows.map((r) => [r.kind, Number(r.n)]));
  }

  /** Licenses that expired in the window (by their expiry date) and licenses revoked in it (by the decision's day). */
  async licensesEnded(
    authorityId: string,
    from: string,
    to: string,
    timeZone: string,
  ): Promise<{ expired: number; revoked: number }> {
    const [row]: { expired: number; revoked: number }[] = await this.m().query(
      `SELECT
         (SELECT count(*)::int FROM licenses WHERE authority_id = $1 AND status = 'EXPIRED'
             AND expires_on BETWEEN $2::date AND $3::date) AS expired,
         (SELECT count(*)::int FROM workflow_history h JOIN licenses l ON l.id = h.entity_id
           WHERE h.entity_type = 'license' AND h.event = 'REVOKE' AND l.authority_id = $1
             AND (h.at AT TIME ZONE $4)::date BETWEEN $2::date AND $3::date) AS revoked`,
      [authorityId, from, to, timeZone],
    );
    return { expired: Number(row.expired), revoked: Number(row.revoked) };
  }
}
