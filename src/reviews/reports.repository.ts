import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../auth/roles';
import { DEFAULT_REPORT_REMINDER_DAYS } from './report-rules';
import { Report } from './report.entity';
import type { ReportState } from './report.machine';
import { visibilityClause } from '../auth/visibility';

export interface ReportSettings {
  authorityId: string;
  annualDueMonthDay: string;
  reminderDays: number;
}

export interface ReportFilter {
  overdue?: boolean;
  period?: string;
  state?: ReportState;
  licenseId?: string;
  page: number;
  pageSize: number;
}

/** A report still owed, with what a reminder needs to say. */
export interface OwedReport {
  id: string;
  licenseId: string;
  authorityId: string;
  organizationId: string;
  period: string;
  kind: string;
  dueOn: string;
  licenseNumber: string;
  siteName: string;
}

interface OwedRow {
  id: string;
  license_id: string;
  authority_id: string;
  organization_id: string;
  period: string;
  kind: string;
  due_on: string;
  number: string;
  site_name: string;
}

const owed = (r: OwedRow): OwedReport => ({
  id: r.id,
  licenseId: r.license_id,
  authorityId: r.authority_id,
  organizationId: r.organization_id,
  period: r.period,
  kind: r.kind,
  dueOn: r.due_on,
  licenseNumber: r.number,
  siteName: r.site_name,
});

@Injectable()
export class ReportsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private r(em?: EntityManager) {
    return (em ?? this.dataSource.manager).getRepository(Report);
  }

  findById(id: string, em?: EntityManager): Promise<Report | null> {
    return this.r(em).findOne({ where: { id } });
  }

  findByPeriod(em: EntityManager, licenseId: string, period: string): Promise<Report | null> {
    return this.r(em).findOne({ where: { licenseId, period } });
  }

  /** Inserts a report unless one exists for (license, period); returns the row for that period either way. */
  async insertOrGet(em: EntityManager, report: Partial<Report>): Promise<{ report: Report; created: boolean }> {
    const rows: { id: string }[] = await em.query(
      `INSERT INTO reports (license_id, authority_id, organization_id, period, kind, due_on, note, requested_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (license_id, period) DO NOTHING RETURNING id`,
      [
        report.licenseId,
        report.authorityId,
        report.organizationId,
        report.period,
        report.kind,
        report.dueOn,
        report.note ?? null,
        report.requestedBy ?? null,
      ],
    );
    const found = await this.findByPeriod(em, report.licenseId!, report.period!);
    return { report: found!, created: rows.length === 1 };
  }

  /** The authority's settings; `defaultDueMonthDay` (the legal parameter in force) when it set no due day. */
  async settings(authorityId: string, defaultDueMonthDay: string, em?: EntityManager): Promise<ReportSettings> {
    const rows: { annual_due_month_day: string; reminder_days: number }[] = await (em ?? this.dataSource.manager).query(
      `SELECT annual_due_month_day, reminder_days FROM report_settings WHERE authority_id = $1`,
      [authorityId],
    );
    return {
      authorityId,
      annualDueMonthDay: rows[0]?.annual_due_month_day ?? defaultDueMonthDay,
      reminderDays: rows[0]?.reminder_days ?? DEFAULT_REPORT_REMINDER_DAYS,
    };
  }

  async saveSettings(em: EntityManager, s: ReportSettings, userId: string | null): Promise<void> {
    await em.query(
      `INSERT INTO report_settings (authority_id, annual_due_month_day, reminder_days, updated_by, updated_at)
       VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (authority_id) DO UPDATE SET annual_due_month_day = EXCLUDED.annual_due_month_day,
         reminder_days = EXCLUDED.reminder_days, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [s.authorityId, s.annualDueMonthDay, s.reminderDays, userId],
    );
  }

  async list(actor: Actor, f: ReportFilter, today: string): Promise<{ items: Report[]; total: number }> {
    const params: unknown[] = [];
    const where = [visibilityClause(actor, params, 'r')];
    if (f.overdue !== undefined) {
      const cond = `(r.state IN ('DUE', 'RETURNED') AND r.due_on < $${params.push(today)})`;
      where.push(f.overdue ? cond : `NOT ${cond}`);
    }
    if (f.period) where.push(`r.period = $${params.push(f.period)}`);
    if (f.state) where.push(`r.state = $${params.push(f.state)}`);
    if (f.licenseId) where.push(`r.license_id = $${params.push(f.licenseId)}`);
    const whereSql = where.join(' AND ');
    const m = this.dataSource.manager;
    const [{ total }]: { total: number }[] = await m.query(
      `SELECT count(*)::int AS total FROM reports r WHERE ${whereSql}`,
      params,
    );
    const ids: { id: string }[] = await m.query(
      `SELECT r.id FROM reports r WHERE ${whereSql} ORDER BY r.due_on, r.created_at, r.id
       LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, f.pageSize, (f.page - 1) * f.pageSize],
    );
    if (ids.length === 0) return { items: [], total };
    const rows = await this.r()
      .createQueryBuilder('r')
      .whereInIds(ids.map((i) => i.id))
      .getMany();
    const order = new Map(ids.map((i, n) => [i.id, n]));
    return { items: rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!), total };
  }

  /**
   * Creates the DUE annual report for `year` of every license in force at some time that year (idempotent:
   * UNIQUE (license_id, period)). A revoked or surrendered license counts until the day it last changed.
   */
  async createAnnualObligations(
    em: EntityManager,
    year: number,
    defaultDueMonthDay: string,
  ): Promise<{ id: string; authorityId: string; organizationId: string }[]> {
    const rows: { id: string; authority_id: string; organization_id: string }[] = await em.query(
      `INSERT INTO reports (license_id, authority_id, organization_id, period, kind, due_on)
       SELECT l.id, l.authority_id, l.organization_id, $1::text, 'ANNUAL',
              (($2::int + 1)::text || '-' || coalesce(s.annual_due_month_day, $3::text))::date
       FROM licenses l LEFT JOIN report_settings s ON s.authority_id = l.authority_id
       WHERE l.issued_on <= make_date($2::int, 12, 31)
         AND l.expires_on >= make_date($2::int, 1, 1)
         AND (l.status IN ('ACTIVE', 'SUSPENDED', 'EXPIRED') OR l.updated_at >= make_date($2::int, 1, 1))
       ORDER BY l.id
       ON CONFLICT (license_id, period) DO NOTHING
       RETURNING id, authority_id, organization_id`,
      [String(year), year, defaultDueMonthDay],
    );
    return rows.map((r) => ({ id: r.id, authorityId: r.authority_id, organizationId: r.organization_id }));
  }

  /** Reports still owed whose reminder window (reminder_days before the due date) has begun. */
  async dueSoon(em: EntityManager, today: string): Promise<OwedReport[]> {
    const rows: OwedRow[] = await em.query(
      `SELECT r.id, r.license_id, r.authority_id, r.organization_id, r.period, r.kind, r.due_on, l.number,
              l.site->>'name' AS site_name
       FROM reports r JOIN licenses l ON l.id = r.license_id
       LEFT JOIN report_settings s ON s.authority_id = r.authority_id
       WHERE r.state IN ('DUE', 'RETURNED') AND r.due_on >= $1::date
         AND r.due_on - coalesce(s.reminder_days, ${DEFAULT_REPORT_REMINDER_DAYS}) <= $1::date
       ORDER BY r.due_on, r.id`,
      [today],
    );
    return rows.map(owed);
  }

  async overdue(em: EntityManager, today: string): Promise<OwedReport[]> {
    const rows: OwedRow[] = await em.query(
      `SELECT r.id, r.license_id, r.authority_id, r.organization_id, r.period, r.kind, r.due_on, l.number,
              l.site->>'name' AS site_name
       FROM reports r JOIN licenses l ON l.id = r.license_id
       WHERE r.state IN ('DUE', 'RETURNED') AND r.due_on < $1::date
       ORDER BY r.due_on, r.id`,
      [today],
    );
    return rows.map(owed);
  }
}
