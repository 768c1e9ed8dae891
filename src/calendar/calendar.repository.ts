import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { YearTable } from './holidays';

/** One row of `calendar_years`: the admin's table for a year. */
export interface CalendarYearRow extends YearTable {
  updatedAt: Date;
  updatedBy: string | null;
}

interface RawRow {
  year: number;
  non_working_days: { date: string; name: string }[];
  working_weekends: string[];
  updated_at: Date;
  updated_by: string | null;
}

function toRow(r: RawRow): CalendarYearRow {
  return {
    year: Number(r.year),
    nonWorkingDays: r.non_working_days.map((d) => ({ date: d.date, name: d.name })),
    workingWeekends: [...r.working_weekends],
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
  };
}

/** The only code that reads or writes `calendar_years`. Inside a transaction, pass its EntityManager. */
@Injectable()
export class CalendarRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private q(em?: EntityManager): EntityManager {
    return em ?? this.dataSource.manager;
  }

  async findAll(em?: EntityManager): Promise<CalendarYearRow[]> {
    const rows: RawRow[] = await this.q(em).query(
      `SELECT year, non_working_days, working_weekends, updated_at, updated_by FROM calendar_years ORDER BY year`,
    );
    return rows.map(toRow);
  }

  async find(year: number, em?: EntityManager): Promise<CalendarYearRow | null> {
    const rows: RawRow[] = await this.q(em).query(
      `SELECT year, non_working_days, working_weekends, updated_at, updated_by FROM calendar_years WHERE year = $1`,
      [year],
    );
    return rows[0] ? toRow(rows[0]) : null;
  }

  /** Replaces (or creates) the table of `table.year`. */
  async replace(em: EntityManager, table: YearTable, updatedBy: string | null): Promise<CalendarYearRow> {
    const rows: RawRow[] = await em.query(
      `INSERT INTO calendar_years (year, non_working_days, working_weekends, updated_at, updated_by)
       VALUES ($1, $2, $3, now(), $4)
       ON CONFLICT (year) DO UPDATE SET non_working_days = EXCLUDED.non_working_days,
         working_weekends = EXCLUDED.working_weekends, updated_at = EXCLUDED.updated_at,
         updated_by = EXCLUDED.updated_by
       RETURNING year, non_working_days, working_weekends, updated_at, updated_by`,
      [
        table.year,
        JSON.stringify(table.nonWorkingDays.map((d) => ({ date: d.date, name: d.name }))),
        JSON.stringify(table.workingWeekends),
        updatedBy,
      ],
    );
    return toRow(rows[0]);
  }
}
