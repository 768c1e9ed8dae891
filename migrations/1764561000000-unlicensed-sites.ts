import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sites found operating as general e-information sites without a license (issue 15; the provincial plan: "check,
 * review and direct units to apply for licenses"). A register with its own lifecycle, evidence items (URL, capture
 * time, captures stored as documents), the numbered letter directing the operator to apply (numbered in the
 * authority's yearly series of letters, shared with the change-notice confirmations so numbers never collide), the
 * NEW application that followed, and NO_LICENSE violations against the site. A NEW application naming a domain of a
 * registered site is flagged (`applications.unlicensed_site_ids`).
 */
export class UnlicensedSites1764561000000 implements MigrationInterface {
  name = 'UnlicensedSites1764561000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE unlicensed_sites (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        authority_id uuid NOT NULL REFERENCES authorities(id),
        site_name text,
        domains text[] NOT NULL,
        operator_kind text,
        operator_name text,
        operator_id_number text,
        operator_address text,
        found_on date NOT NULL,
        found_by uuid NOT NULL REFERENCES users(id),
        discovery_method text NOT NULL,
        description text NOT NULL,
        reported_at timestamptz NOT NULL,
        state text NOT NULL DEFAULT 'REPORTED',
        version integer NOT NULL DEFAULT 1,
        letter_number text,
        letter_year integer,
        letter_seq integer,
        letter_signed_on date,
        apply_by date,
        letter_document jsonb,
        letter_pdf_sha256 text,
        application_id uuid REFERENCES applications(id),
        license_id uuid REFERENCES licenses(id),
        violation_id uuid REFERENCES violations(id),
        closing_note text,
        closed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT unlicensed_sites_state_chk CHECK (state IN
          ('REPORTED', 'UNDER_REVIEW', 'DIRECTED_TO_APPLY', 'LICENSED', 'CEASED', 'SANCTIONED', 'DISMISSED')),
        CONSTRAINT unlicensed_sites_domains_chk CHECK (cardinality(domains) BETWEEN 1 AND 20),
        CONSTRAINT unlicensed_sites_method_chk CHECK (discovery_method IN
          ('INSPECTION', 'MONITORING', 'COMPLAINT', 'REFERRAL', 'OTHER')),
        CONSTRAINT unlicensed_sites_operator_chk CHECK (
          (operator_kind IS NULL OR operator_kind IN ('ORGANIZATION', 'INDIVIDUAL'))
          AND ((operator_kind IS NULL) = (operator_name IS NULL))),
        CONSTRAINT unlicensed_sites_description_chk CHECK (length(description) > 0),
        -- the letter: numbered, dated and with its deadline, all together
        CONSTRAINT unlicensed_sites_letter_chk CHECK (
          (letter_number IS NULL) = (letter_seq IS NULL) AND (letter_number IS NULL) = (letter_year IS NULL)
          AND (letter_number IS NULL) = (letter_signed_on IS NULL) AND (letter_number IS NULL) = (apply_by IS NULL)
          AND (letter_number IS NULL) = (letter_document IS NULL)),
        CONSTRAINT unlicensed_sites_directed_chk CHECK (state <> 'DIRECTED_TO_APPLY' OR letter_number IS NOT NULL),
        CONSTRAINT unlicensed_sites_licensed_chk CHECK (state <> 'LICENSED' OR application_id IS NOT NULL),
        CONSTRAINT unlicensed_sites_sanctioned_chk CHECK (state <> 'SANCTIONED' OR violation_id IS NOT NULL),
        CONSTRAINT unlicensed_sites_letter_uq UNIQUE (authority_id, letter_year, letter_seq),
        CONSTRAINT unlicensed_sites_version_chk CHECK (version >= 1)
      )`);
    await q.query(`CREATE INDEX unlicensed_sites_authority_idx ON unlicensed_sites (authority_id, state)`);
    await q.query(`CREATE INDEX unlicensed_sites_domains_idx ON unlicensed_sites USING gin (domains)`);

    // One evidence item: where it was seen and when; its captures are documents (owner 'unlicensed_site_evidence').
    await q.query(`
      CREATE TABLE unlicensed_site_evidence (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        site_id uuid NOT NULL REFERENCES unlicensed_sites(id),
        url text NOT NULL,
        captured_at timestamptz NOT NULL,
        note text,
        recorded_by uuid NOT NULL REFERENCES users(id),
        recorded_at timestamptz NOT NULL,
        CONSTRAINT unlicensed_site_evidence_url_chk CHECK (url ~ '^https?://' AND length(url) <= 2000)
      )`);
    await q.query(`CREATE INDEX unlicensed_site_evidence_site_idx ON unlicensed_site_evidence (site_id)`);

    await q.query(`
      ALTER TABLE violations
        ADD COLUMN unlicensed_site_id uuid REFERENCES unlicensed_sites(id),
        ADD CONSTRAINT violations_unlicensed_site_chk CHECK (
          (subject_kind = 'UNLICENSED_SITE') = (unlicensed_site_id IS NOT NULL))`);
    await q.query(
      `CREATE INDEX violations_unlicensed_site_idx ON violations (unlicensed_site_id) WHERE unlicensed_site_id IS NOT NULL`,
    );

    await q.query(`ALTER TABLE applications ADD COLUMN unlicensed_site_ids uuid[] NOT NULL DEFAULT '{}'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE applications DROP COLUMN unlicensed_site_ids`);
    await q.query(`DELETE FROM violations WHERE subject_kind = 'UNLICENSED_SITE'`);
    await q.query(`DROP INDEX violations_unlicensed_site_idx`);
    await q.query(
      `ALTER TABLE violations DROP CONSTRAINT violations_unlicensed_site_chk, DROP COLUMN unlicensed_site_id`,
    );
    await q.query(`DROP TABLE unlicensed_site_evidence`);
    await q.query(`DROP TABLE unlicensed_sites`);
  }
}
