import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Periodic review and enforcement: report obligations (Circular 09/2014 art. 9), inspections with their record
 * numbers, violations judged by the catalogue entry in force on their day, and enforcement proposals for the
 * approver. Runs after the licenses migration (1764486000000) and the catalogue (1764488000000).
 */
export class Reviews1764489000000 implements MigrationInterface {
  name = 'Reviews1764489000000';

  async up(q: QueryRunner): Promise<void> {
    // Per-authority report settings: the annual report's due day (default 15 January, Circular 09/2014 art. 9).
    await q.query(`
      CREATE TABLE report_settings (
        authority_id uuid PRIMARY KEY REFERENCES authorities(id),
        annual_due_month_day text NOT NULL DEFAULT '01-15',
        reminder_days integer NOT NULL DEFAULT 30,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid REFERENCES users(id),
        CONSTRAINT report_settings_due_chk CHECK (
          annual_due_month_day ~ '^(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])$'),
        CONSTRAINT report_settings_reminder_chk CHECK (reminder_days BETWEEN 1 AND 120)
      )`);

    await q.query(`
      CREATE TABLE reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        license_id uuid NOT NULL REFERENCES licenses(id),
        authority_id uuid NOT NULL REFERENCES authorities(id),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        period text NOT NULL,
        kind text NOT NULL,
        due_on date NOT NULL,
        state text NOT NULL DEFAULT 'DUE',
        version integer NOT NULL DEFAULT 1,
        content jsonb,
        note text,
        submitted_at timestamptz,
        accepted_at timestamptz,
        requested_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT reports_period_uq UNIQUE (license_id, period),
        CONSTRAINT reports_kind_chk CHECK (kind IN ('ANNUAL', 'AD_HOC')),
        CONSTRAINT reports_state_chk CHECK (state IN ('DUE', 'SUBMITTED', 'ACCEPTED', 'RETURNED')),
        CONSTRAINT reports_period_chk CHECK (
          (kind = 'ANNUAL' AND period ~ '^[0-9]{4}$') OR (kind = 'AD_HOC' AND period ~ '^ADHOC-[A-Za-z0-9-]+$')),
        CONSTRAINT reports_adhoc_requested_chk CHECK (kind = 'ANNUAL' OR requested_by IS NOT NULL),
        CONSTRAINT reports_content_chk CHECK (state = 'DUE' OR (content IS NOT NULL AND submitted_at IS NOT NULL)),
        CONSTRAINT reports_accepted_chk CHECK ((state = 'ACCEPTED') = (accepted_at IS NOT NULL)),
        CONSTRAINT reports_version_chk CHECK (version >= 1)
      )`);
    await q.query(`CREATE INDEX reports_authority_idx ON reports (authority_id, state, due_on)`);
    await q.query(`CREATE INDEX reports_organization_idx ON reports (organization_id, due_on)`);

    // Record numbers of inspections: one sequence per authority, taken when the inspection is completed.
    await q.query(`
      CREATE TABLE inspection_record_series (
        authority_id uuid PRIMARY KEY REFERENCES authorities(id),
        next_seq integer NOT NULL DEFAULT 1,
        CONSTRAINT inspection_record_series_seq_chk CHECK (next_seq >= 1)
      )`);

    await q.query(`
      CREATE TABLE inspections (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        license_id uuid NOT NULL REFERENCES licenses(id),
        authority_id uuid NOT NULL REFERENCES authorities(id),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        kind text NOT NULL,
        scheduled_on date NOT NULL,
        scope text NOT NULL,
        place text NOT NULL,
        inspector_id uuid NOT NULL REFERENCES users(id),
        team jsonb NOT NULL DEFAULT '[]'::jsonb,
        findings jsonb,
        conclusion text,
        remedies jsonb NOT NULL DEFAULT '[]'::jsonb,
        record_number text,
        -- the exact input of the record's PDF, fixed on COMPLETE: the same record always renders the same bytes
        record_document jsonb,
        completed_on date,
        started_at timestamptz,
        state text NOT NULL DEFAULT 'PLANNED',
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT inspections_kind_chk CHECK (kind IN ('PERIODIC', 'AD_HOC')),
        CONSTRAINT inspections_state_chk CHECK (state IN ('PLANNED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED')),
        CONSTRAINT inspections_record_uq UNIQUE (authority_id, record_number),
        CONSTRAINT inspections_team_chk CHECK (jsonb_typeof(team) = 'array' AND jsonb_array_length(team) >= 1),
        CONSTRAINT inspections_remedies_chk CHECK (jsonb_typeof(remedies) = 'array'),
        CONSTRAINT inspections_completed_chk CHECK (
          (state = 'COMPLETED') = (record_number IS NOT NULL AND completed_on IS NOT NULL AND record_document IS NOT NULL)),
        CONSTRAINT inspections_record_content_chk CHECK (
          state <> 'COMPLETED' OR (jsonb_typeof(findings) = 'array' AND length(conclusion) > 0)),
        CONSTRAINT inspections_version_chk CHECK (version >= 1)
      )`);
    await q.query(`CREATE INDEX inspections_authority_idx ON inspections (authority_id, state, scheduled_on)`);
    await q.query(`CREATE INDEX inspections_license_idx ON inspections (license_id)`);

    await q.query(`
      CREATE TABLE violations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        license_id uuid NOT NULL REFERENCES licenses(id),
        inspection_id uuid REFERENCES inspections(id),
        authority_id uuid NOT NULL REFERENCES authorities(id),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        type_code text NOT NULL,
        type_effective_from date NOT NULL,
        description text NOT NULL,
        detected_on date NOT NULL,
        state text NOT NULL DEFAULT 'OPEN',
        version integer NOT NULL DEFAULT 1,
        fine_amount bigint,
        decision_number text,
        remedy_due_on date,
        sanctioned_at timestamptz,
        resolved_at timestamptz,
        escalated_at timestamptz,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT violations_type_fk FOREIGN KEY (type_code, type_effective_from)
          REFERENCES violation_types (code, effective_from),
        CONSTRAINT violations_state_chk CHECK (state IN ('OPEN', 'SANCTIONED', 'RESOLVED', 'DISMISSED', 'ESCALATED')),
        -- judged by the entry in force on the day it was found
        CONSTRAINT violations_type_in_force_chk CHECK (type_effective_from <= detected_on),
        CONSTRAINT violations_fine_chk CHECK (fine_amount IS NULL OR fine_amount >= 0),
        CONSTRAINT violations_sanction_chk CHECK (
          (sanctioned_at IS NULL) OR (fine_amount IS NOT NULL AND decision_number IS NOT NULL)),
        CONSTRAINT violations_sanctioned_states_chk CHECK (
          state NOT IN ('SANCTIONED', 'RESOLVED') OR sanctioned_at IS NOT NULL),
        CONSTRAINT violations_description_chk CHECK (length(description) > 0),
        CONSTRAINT violations_version_chk CHECK (version >= 1)
      )`);
    await q.query(`CREATE INDEX violations_authority_idx ON violations (authority_id, state)`);
    await q.query(`CREATE INDEX violations_license_idx ON violations (license_id)`);
    await q.query(`CREATE INDEX violations_remedy_due_idx ON violations (remedy_due_on) WHERE state = 'SANCTIONED'`);

    // An escalated violation proposes a suspension or a revocation to the approver; it never acts alone.
    await q.query(`
      CREATE TABLE enforcement_proposals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        license_id uuid NOT NULL REFERENCES licenses(id),
        violation_id uuid NOT NULL REFERENCES violations(id),
        authority_id uuid NOT NULL REFERENCES authorities(id),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        kind text NOT NULL,
        state text NOT NULL DEFAULT 'OPEN',
        version integer NOT NULL DEFAULT 1,
        reason text NOT NULL,
        closed_by uuid REFERENCES users(id),
        closed_at timestamptz,
        close_note text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT enforcement_proposals_violation_uq UNIQUE (violation_id),
        CONSTRAINT enforcement_proposals_kind_chk CHECK (kind IN ('SUSPEND', 'REVOKE')),
        CONSTRAINT enforcement_proposals_state_chk CHECK (state IN ('OPEN', 'ACTED', 'DISMISSED')),
        CONSTRAINT enforcement_proposals_closed_chk CHECK ((state = 'OPEN') = (closed_at IS NULL))
      )`);
    await q.query(`CREATE INDEX enforcement_proposals_authority_idx ON enforcement_proposals (authority_id, state)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE enforcement_proposals`);
    await q.query(`DROP TABLE violations`);
    await q.query(`DROP TABLE inspections`);
    await q.query(`DROP TABLE inspection_record_series`);
    await q.query(`DROP TABLE reports`);
    await q.query(`DROP TABLE report_settings`);
  }
}
