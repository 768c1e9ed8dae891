import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface Period {
  /** null: every authority (admin). */
  authorityId: string | null;
  from: string;
  to: string;
  timeZone: string;
}

export interface DecidedApplication {
  type: string;
  state: string;
  clockStartedOn: string | null;
  decidedOn: string;
  late: boolean;
}

type KeyCount = { key: string; n: number };

/** Read-only figures for the statistics; every query is limited to one authority unless `authorityId` is null. */
@Injectable()
export class StatisticsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private q<T>(sql: string, params: unknown[]): Promise<T[]> {
    return this.dataSource.query(sql, params);
  }

  received(p: Period): Promise<KeyCount[]> {
    return this.q(
      `SELECT type AS key, count(*)::int AS n FROM applications
       WHERE ($1::uuid IS NULL OR authority_id = $1) AND submitted_at IS NOT NULL
         AND (submitted_at AT TIME ZONE $4)::date BETWEEN $2::date AND $3::date
       GROUP BY type`,
      [p.authorityId, p.from, p.to, p.timeZone],
    );
  }

  async decided(p: Period): Promise<DecidedApplication[]> {
    const rows: { type: string; state: string; clock_started_on: string | null; decided_on: string; late: boolean }[] =
      await this.q(
        `SELECT type, state, clock_started_on, (decided_at AT TIME ZONE $4)::date::text AS decided_on,
                (due_at IS NOT NULL AND decided_at > due_at) AS late
         FROM applications
         WHERE ($1::uuid IS NULL OR authority_id = $1) AND state IN ('APPROVED', 'REJECTED') AND decided_at IS NOT NULL
           AND (decided_at AT TIME ZONE $4)::date BETWEEN $2::date AND $3::date`,
        [p.authorityId, p.from, p.to, p.timeZone],
      );
    return rows.map((r) => ({
      type: r.type,
      state: r.state,
      clockStartedOn: r.clock_started_on,
      decidedOn: r.decided_on,
      late: r.late,
    }));
  }

  /** Dossiers still being processed whose statutory deadline has passed (the clock not paused). */
  async pendingOverdue(authorityId: string | null, now: Date): Promise<number> {
    const [row] = await this.q<{ n: number }>(
      `SELECT count(*)::int AS n FROM applications
       WHERE ($1::uuid IS NULL OR authority_id = $1)
         AND state IN ('SUBMITTED', 'IN_REVIEW', 'IN_APPRAISAL', 'PENDING_DECISION')
         AND due_at IS NOT NULL AND due_at < $2 AND NOT clock_paused`,
      [authorityId, now],
    );
    return Number(row.n);
  }

  licensesByStatus(authorityId: string | null): Promise<KeyCount[]> {
    return this.q(
      `SELECT status AS key, count(*)::int AS n FROM licenses WHERE ($1::uuid IS NULL OR authority_id = $1) GROUP BY status`,
      [authorityId],
    );
  }

  async licensesIssued(p: Period): Promise<number> {
    const [row] = await this.q<{ n: number }>(
      `SELECT count(*)::int AS n FROM licenses
       WHERE ($1::uuid IS NULL OR authority_id = $1) AND issued_on BETWEEN $2::date AND $3::date`,
      [p.authorityId, p.from, p.to],
    );
    return Number(row.n);
  }

  /** Reports due in the period: filed by the due date, filed late, not filed. */
  async reports(p: Period): Promise<{ due: number; onTime: number; late: number; notFiled: number }> {
    const [row] = await this.q<{ due: number; on_time: number; late: number; not_filed: number }>(
      `SELECT count(*)::int AS due,
              count(*) FILTER (WHERE submitted_at IS NOT NULL AND (submitted_at AT TIME ZONE $4)::date <= due_on)::int AS on_time,
              count(*) FILTER (WHERE submitted_at IS NOT NULL AND (submitted_at AT TIME ZONE $4)::date > due_on)::int AS late,
              count(*) FILTER (WHERE submitted_at IS NULL)::int AS not_filed
       FROM reports WHERE ($1::uuid IS NULL OR authority_id = $1) AND due_on BETWEEN $2::date AND $3::date`,
      [p.authorityId, p.from, p.to, p.timeZone],
    );
    return { due: row.due, onTime: row.on_time, late: row.late, notFiled: row.not_filed };
  }

  /** Change notices filed in the period, and those filed late (Decree 72/2013 art. 23h: within 10 working days). */
  async changeNotices(p: Period): Promise<{ received: number; late: number }> {
    const [row] = await this.q<{ received: number; late: number }>(
      `SELECT count(*)::int AS received, count(*) FILTER (WHERE late)::int AS late FROM applications
       WHERE ($1::uuid IS NULL OR authority_id = $1) AND type = 'CHANGE_NOTICE' AND submitted_at IS NOT NULL
         AND (submitted_at AT TIME ZONE $4)::date BETWEEN $2::date AND $3::date`,
      [p.authorityId, p.from, p.to, p.timeZone],
    );
    return { received: Number(row.received), late: Number(row.late) };
  }

  inspectionsByState(p: Period): Promise<KeyCount[]> {
    return this.q(
      `SELECT state AS key, count(*)::int AS n FROM inspections
       WHERE ($1::uuid IS NULL OR authority_id = $1) AND scheduled_on BETWEEN $2::date AND $3::date GROUP BY state`,
      [p.authorityId, p.from, p.to],
    );
  }

  violationsByType(
    p: Period,
  ): Promise<{ code: string; title: string; count: number; sanctioned: number; fines: number }[]> {
    return this.q(
      `SELECT v.type_code AS code, min(t.title_vi) AS title, count(*)::int AS count,
              count(*) FILTER (WHERE v.sanctioned_at IS NOT NULL)::int AS sanctioned,
              coalesce(sum(v.fine_amount), 0)::bigint AS fines
       FROM violations v
       LEFT JOIN LATERAL (
         SELECT title_vi FROM violation_types WHERE code = v.type_code ORDER BY effective_from DESC LIMIT 1
       ) t ON TRUE
       WHERE ($1::uuid IS NULL OR v.authority_id = $1) AND v.detected_on BETWEEN $2::date AND $3::date
       GROUP BY v.type_code ORDER BY v.type_code`,
      [p.authorityId, p.from, p.to],
    );
  }

  /**
   * Correction and removal requests issued in the period (issue 15), by kind: how many were answered, accepted,
   * missed their deadline, and ended in a violation.
   */
  contentRequests(
    p: Period,
  ): Promise<
    { kind: string; issued: number; answered: number; accepted: number; missed: number; violations: number }[]
  > {
    return this.q(
      `SELECT kind, count(*)::int AS issued,
              count(*) FILTER (WHERE answered_at IS NOT NULL)::int AS answered,
              count(*) FILTER (WHERE state = 'ACCEPTED')::int AS accepted,
              count(*) FILTER (WHERE missed_at IS NOT NULL)::int AS missed,
              count(*) FILTER (WHERE state = 'VIOLATION_RECORDED')::int AS violations
         FROM content_requests
        WHERE ($1::uuid IS NULL OR authority_id = $1) AND issued_on BETWEEN $2::date AND $3::date
        GROUP BY kind ORDER BY kind`,
      [p.authorityId, p.from, p.to],
    );
  }

  /** Sites without a license found in the period, and those resolved (licensed, ceased, sanctioned) by its end. */
  async unlicensedSites(p: Period): Promise<{ found: number; byState: KeyCount[] }> {
    const rows = await this.q<KeyCount>(
      `SELECT state AS key, count(*)::int AS n FROM unlicensed_sites
        WHERE ($1::uuid IS NULL OR authority_id = $1) AND found_on BETWEEN $2::date AND $3::date
        GROUP BY state`,
      [p.authorityId, p.from, p.to],
    );
    return { found: rows.reduce((s, r) => s + Number(r.n), 0), byState: rows };
  }
}
