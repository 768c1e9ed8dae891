import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Correction and removal requests to a licensee (issue 15). A CORRECTION lists what to correct (own news
 * production, edited titles, content outside the licensed scope, missing source citation…) with a deadline in
 * working days; a REMOVAL lists URLs to take down within hours (3 by law: Decree 147/2024, the license's own
 * obligations), counted on the clock. The licensee answers; the authority accepts or returns; a missed deadline is a
 * flag (`missed_at`) with a proposed violation type for the inspector, who decides. The request letter is numbered
 * in the authority's yearly series of letters (shared with the other letters).
 */
export class ContentRequests1764562000000 implements MigrationInterface {
  name = 'ContentRequests1764562000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE content_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        authority_id uuid NOT NULL REFERENCES authorities(id),
        license_id uuid NOT NULL REFERENCES licenses(id),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        kind text NOT NULL,
        items jsonb NOT NULL DEFAULT '[]',
        urls text[] NOT NULL DEFAULT '{}',
        description text NOT NULL,
        issued_at timestamptz NOT NULL,
        issued_on date NOT NULL,
        deadline_working_days integer,
        deadline_hours integer,
        due_at timestamptz NOT NULL,
        state text NOT NULL DEFAULT 'ISSUED',
        version integer NOT NULL DEFAULT 1,
        letter_number text NOT NULL,
        letter_year integer NOT NULL,
        letter_seq integer NOT NULL,
        letter_document jsonb NOT NULL,
        letter_pdf_sha256 text NOT NULL,
        response text,
        answered_at timestamptz,
        answered_late boolean,
        answer_count integer NOT NULL DEFAULT 0,
        missed_at timestamptz,
        proposed_violation_type text,
        violation_id uuid REFERENCES violations(id),
        closing_note text,
        closed_at timestamptz,
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT content_requests_kind_chk CHECK (kind IN ('CORRECTION', 'REMOVAL')),
        CONSTRAINT content_requests_state_chk CHECK (state IN
          ('ISSUED', 'ANSWERED', 'RETURNED', 'ACCEPTED', 'VIOLATION_RECORDED', 'WITHDRAWN')),
        -- a correction lists items and counts working days; a removal lists URLs and counts hours
        CONSTRAINT content_requests_shape_chk CHECK (
          (kind = 'CORRECTION' AND jsonb_array_length(items) > 0 AND deadline_working_days > 0
             AND deadline_hours IS NULL)
          OR (kind = 'REMOVAL' AND cardinality(urls) > 0 AND deadline_hours > 0 AND deadline_working_days IS NULL)),
        CONSTRAINT content_requests_due_chk CHECK (due_at > issued_at),
        CONSTRAINT content_requests_answered_chk CHECK (
          state NOT IN ('ANSWERED', 'ACCEPTED') OR (response IS NOT NULL AND answered_at IS NOT NULL)),
        CONSTRAINT content_requests_violation_chk CHECK (state <> 'VIOLATION_RECORDED' OR violation_id IS NOT NULL),
        CONSTRAINT content_requests_missed_chk CHECK ((missed_at IS NULL) = (proposed_violation_type IS NULL)),
        CONSTRAINT content_requests_letter_uq UNIQUE (authority_id, letter_year, letter_seq),
        CONSTRAINT content_requests_description_chk CHECK (length(description) > 0),
        CONSTRAINT content_requests_version_chk CHECK (version >= 1)
      )`);
    await q.query(`CREATE INDEX content_requests_authority_idx ON content_requests (authority_id, state)`);
    await q.query(`CREATE INDEX content_requests_license_idx ON content_requests (license_id)`);
    // the deadline watch: open requests not yet flagged, by due time
    await q.query(
      `CREATE INDEX content_requests_due_idx ON content_requests (due_at)
        WHERE missed_at IS NULL AND state IN ('ISSUED', 'RETURNED')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE content_requests`);
  }
}
