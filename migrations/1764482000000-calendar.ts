import { MigrationInterface, QueryRunner } from 'typeorm';
import { seedYearTable } from '../src/calendar/holidays';

/** Years the product ships with; the admin edits them (and adds later years) through PUT /calendar/{year}. */
const SEEDED_YEARS = [2025, 2026, 2027];

/**
 * The yearly working-day tables (public holidays, substitute days, swapped working weekends), pre-filled from the
 * official notices (Labor Code 2019 art. 112; the government's yearly swap notices).
 */
export class Calendar1764482000000 implements MigrationInterface {
  name = 'Calendar1764482000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE calendar_years (
        year integer PRIMARY KEY,
        non_working_days jsonb NOT NULL,
        working_weekends jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid REFERENCES users(id),
        CONSTRAINT calendar_years_year_chk CHECK (year BETWEEN 2000 AND 2200),
        CONSTRAINT calendar_years_non_working_chk CHECK (jsonb_typeof(non_working_days) = 'array'),
        CONSTRAINT calendar_years_working_weekends_chk CHECK (jsonb_typeof(working_weekends) = 'array')
      )`);
    for (const year of SEEDED_YEARS) {
      const table = seedYearTable(year);
      await q.query(`INSERT INTO calendar_years (year, non_working_days, working_weekends) VALUES ($1, $2, $3)`, [
        year,
        JSON.stringify(table.nonWorkingDays.map((d) => ({ date: d.date, name: d.name }))),
        JSON.stringify(table.workingWeekends),
      ]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE calendar_years`);
  }
}
