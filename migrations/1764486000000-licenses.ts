import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Licenses and their versions, per-authority numbering and license settings, and the scheduler's run ledger.
 * Runs after the applications migration (1764484000000), whose `applications.license_id` gets its FK here.
 */
export class Licenses1764486000000 implements MigrationInterface {
  name = 'Licenses1764486000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE licenses (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number text NOT NULL,
        authority_id uuid NOT NULL REFERENCES authorities(id),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        application_id uuid NOT NULL REFERENCES applications(id),
        status text NOT NULL DEFAULT 'ACTIVE',
        version integer NOT NULL DEFAULT 1,
        issued_on date NOT NULL,
        expires_on date NOT NULL,
        suspended_until date,
        suspension_count integer NOT NULL DEFAULT 0,
        extension_count integer NOT NULL DEFAULT 0,
        verification_code text NOT NULL,
        site jsonb NOT NULL,
        licensee jsonb NOT NULL,
        search_text text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT licenses_status_chk CHECK (status IN ('ACTIVE', 'SUSPENDED', 'REVOKED', 'EXPIRED', 'TERMINATED')),
        CONSTRAINT licenses_number_uq UNIQUE (authority_id, number),
        CONSTRAINT licenses_verification_code_uq UNIQUE (verification_code),
        CONSTRAINT licenses_application_uq UNIQUE (application_id),
        CONSTRAINT licenses_term_chk CHECK (expires_on > issued_on),
        CONSTRAINT licenses_suspended_until_chk CHECK (status <> 'SUSPENDED' OR suspended_until IS NOT NULL),
        CONSTRAINT licenses_extension_count_chk CHECK (extension_count BETWEEN 0 AND 2),
        CONSTRAINT licenses_suspension_count_chk CHECK (suspension_count >= 0),
        CONSTRAINT licenses_version_chk CHECK (version >= 1),
        CONSTRAINT licenses_number_chk CHECK (length(number) BETWEEN 1 AND 80),
        CONSTRAINT licenses_code_chk CHECK (length(verification_code) >= 20)
      )`);
    // The public registry searches search_text with LIKE '%…%': a trigram index keeps it fast at 100 000 rows.
    await q.query(`CREATE INDEX licenses_search_trgm_idx ON licenses USING gin (search_text gin_trgm_ops)`);
    await q.query(`CREATE INDEX licenses_status_idx ON licenses (status)`);
    await q.query(`CREATE INDEX licenses_authority_idx ON licenses (authority_id, status)`);
    await q.query(`CREATE INDEX licenses_organization_idx ON licenses (organization_id)`);
    await q.query(`CREATE INDEX licenses_expires_idx ON licenses (expires_on) WHERE status IN ('ACTIVE', 'SUSPENDED')`);
    await q.query(`CREATE INDEX licenses_issued_idx ON licenses (issued_on DESC, id)`);

    // Every version of a license stays readable; `document` is the exact input of its PDF (re-rendered on demand).
    await q.query(`
      CREATE TABLE license_versions (
        license_id uuid NOT NULL REFERENCES licenses(id),
        version integer NOT NULL,
        edition integer NOT NULL,
        kind text NOT NULL,
        application_id uuid NOT NULL REFERENCES applications(id),
        signed_on date NOT NULL,
        issued_on date NOT NULL,
        expires_on date NOT NULL,
        site jsonb NOT NULL,
        licensee jsonb NOT NULL,
        signer_title text NOT NULL,
        signer_name text NOT NULL,
        document jsonb NOT NULL,
        pdf_sha256 char(64) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (license_id, version),
        CONSTRAINT license_versions_edition_uq UNIQUE (license_id, edition),
        CONSTRAINT license_versions_application_uq UNIQUE (application_id),
        CONSTRAINT license_versions_kind_chk CHECK (kind IN ('NEW', 'AMENDMENT', 'EXTENSION', 'REISSUE', 'CHANGE_NOTICE')),
        CONSTRAINT license_versions_first_chk CHECK ((kind = 'NEW') = (edition = 1)),
        CONSTRAINT license_versions_term_chk CHECK (expires_on > issued_on),
        CONSTRAINT license_versions_sha_chk CHECK (pdf_sha256 ~ '^[0-9a-f]{64}$')
      )`);

    // Numbering per authority: never reused (next_seq only moves forward), no gaps (taken inside the approval).
    await q.query(`
      CREATE TABLE license_number_series (
        authority_id uuid PRIMARY KEY REFERENCES authorities(id),
        next_seq integer NOT NULL DEFAULT 1,
        format text NOT NULL DEFAULT '{seq}/{suffix}',
        pad integer NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT license_number_series_seq_chk CHECK (next_seq >= 1),
        CONSTRAINT license_number_series_pad_chk CHECK (pad BETWEEN 0 AND 10),
        CONSTRAINT license_number_series_format_chk CHECK (format LIKE '%{seq}%' AND length(format) <= 60)
      )`);

    // Per-authority license rules the law leaves open or that may change (kept as data).
    await q.query(`
      CREATE TABLE authority_license_settings (
        authority_id uuid PRIMARY KEY REFERENCES authorities(id),
        suspension_max_months integer NOT NULL DEFAULT 3,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT authority_license_settings_months_chk CHECK (suspension_max_months BETWEEN 1 AND 12)
      )`);

    await q.query(
      `ALTER TABLE applications ADD CONSTRAINT applications_license_fk FOREIGN KEY (license_id) REFERENCES licenses(id)`,
    );

    // One row per job and day: the daily jobs run once however many server processes share the database.
    await q.query(`
      CREATE TABLE scheduled_job_runs (
        job text NOT NULL,
        run_on date NOT NULL,
        started_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        result jsonb NOT NULL DEFAULT '{}'::jsonb,
        PRIMARY KEY (job, run_on)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE scheduled_job_runs`);
    await q.query(`ALTER TABLE applications DROP CONSTRAINT applications_license_fk`);
    await q.query(`DROP TABLE authority_license_settings`);
    await q.query(`DROP TABLE license_number_series`);
    await q.query(`DROP TABLE license_versions`);
    await q.query(`DROP TABLE licenses`);
  }
}
