import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reporting from units and localities (issue 15; the provincial plan: "every 6 months and 1 year, report on the
 * implementation results to the Department … annual reports … before December 1"). Reporting units are data, with
 * accounts of a new role `reporting_unit` that can only file their unit's returns; reporting periods carry their
 * due date (defaults per kind as data in `reporting_period_defaults`); the returns (structured figures, text,
 * attachments) follow their own lifecycle.
 */
export class UnitReporting1764563000000 implements MigrationInterface {
  name = 'UnitReporting1764563000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users DROP CONSTRAINT users_role_chk`);
    await q.query(`
      ALTER TABLE users ADD CONSTRAINT users_role_chk
        CHECK (role IN ('site_owner', 'appraiser', 'approver', 'inspector', 'admin', 'reporting_unit'))`);

    await q.query(`
      CREATE TABLE reporting_units (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        authority_id uuid NOT NULL REFERENCES authorities(id),
        code text NOT NULL,
        name text NOT NULL,
        kind text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT reporting_units_code_uq UNIQUE (authority_id, code),
        CONSTRAINT reporting_units_code_chk CHECK (code ~ '^[A-Z0-9][A-Z0-9_-]{0,31}$'),
        CONSTRAINT reporting_units_name_chk CHECK (length(name) > 0),
        CONSTRAINT reporting_units_kind_chk CHECK (kind IN
          ('PROVINCIAL_DEPARTMENT', 'DISTRICT_PEOPLES_COMMITTEE', 'MASS_ORGANIZATION', 'OTHER'))
      )`);
    // An account of role reporting_unit files for exactly one unit.
    await q.query(`
      CREATE TABLE reporting_unit_members (
        user_id uuid PRIMARY KEY REFERENCES users(id),
        unit_id uuid NOT NULL REFERENCES reporting_units(id),
        added_at timestamptz NOT NULL DEFAULT now()
      )`);

    // The default window and due day of each kind of period (annual: before 1 December), editable as data.
    await q.query(`
      CREATE TABLE reporting_period_defaults (
        kind text PRIMARY KEY,
        covers_from_month_day text NOT NULL,
        covers_to_month_day text NOT NULL,
        due_month_day text NOT NULL,
        basis text NOT NULL,
        CONSTRAINT reporting_period_defaults_kind_chk CHECK (kind IN ('HALF_YEAR', 'ANNUAL')),
        CONSTRAINT reporting_period_defaults_md_chk CHECK (
          covers_from_month_day ~ '^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$'
          AND covers_to_month_day ~ '^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$'
          AND due_month_day ~ '^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$')
      )`);
    await q.query(`
      INSERT INTO reporting_period_defaults (kind, covers_from_month_day, covers_to_month_day, due_month_day, basis)
      VALUES
        ('HALF_YEAR', '01-01', '06-30', '07-10', 'Kế hoạch của UBND tỉnh: báo cáo định kỳ 6 tháng'),
        ('ANNUAL', '01-01', '12-31', '11-30', 'Kế hoạch của UBND tỉnh: báo cáo năm gửi trước ngày 01 tháng 12')`);

    await q.query(`
      CREATE TABLE reporting_periods (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        authority_id uuid NOT NULL REFERENCES authorities(id),
        kind text NOT NULL,
        year integer NOT NULL,
        covers_from date NOT NULL,
        covers_to date NOT NULL,
        due_on date NOT NULL,
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT reporting_periods_uq UNIQUE (authority_id, kind, year),
        CONSTRAINT reporting_periods_kind_chk CHECK (kind IN ('HALF_YEAR', 'ANNUAL')),
        CONSTRAINT reporting_periods_year_chk CHECK (year BETWEEN 2000 AND 2200),
        CONSTRAINT reporting_periods_window_chk CHECK (covers_from <= covers_to)
      )`);

    await q.query(`
      CREATE TABLE unit_reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        period_id uuid NOT NULL REFERENCES reporting_periods(id),
        unit_id uuid NOT NULL REFERENCES reporting_units(id),
        authority_id uuid NOT NULL REFERENCES authorities(id),
        state text NOT NULL DEFAULT 'DRAFT',
        version integer NOT NULL DEFAULT 1,
        figures jsonb NOT NULL,
        narrative text NOT NULL,
        submitted_at timestamptz,
        submitted_on date,
        late boolean,
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT unit_reports_uq UNIQUE (period_id, unit_id),
        CONSTRAINT unit_reports_state_chk CHECK (state IN ('DRAFT', 'SUBMITTED', 'RETURNED', 'ACCEPTED')),
        CONSTRAINT unit_reports_submitted_chk CHECK (
          state = 'DRAFT' OR (submitted_at IS NOT NULL AND submitted_on IS NOT NULL AND late IS NOT NULL)),
        CONSTRAINT unit_reports_figures_chk CHECK (jsonb_typeof(figures) = 'object'),
        CONSTRAINT unit_reports_version_chk CHECK (version >= 1)
      )`);
    await q.query(`CREATE INDEX unit_reports_authority_idx ON unit_reports (authority_id, period_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE unit_reports`);
    await q.query(`DROP TABLE reporting_periods`);
    await q.query(`DROP TABLE reporting_period_defaults`);
    await q.query(`DROP TABLE reporting_unit_members`);
    await q.query(`DROP TABLE reporting_units`);
    await q.query(`DELETE FROM users WHERE role = 'reporting_unit'`);
    await q.query(`ALTER TABLE users DROP CONSTRAINT users_role_chk`);
    await q.query(`
      ALTER TABLE users ADD CONSTRAINT users_role_chk
        CHECK (role IN ('site_owner', 'appraiser', 'approver', 'inspector', 'admin'))`);
  }
}
