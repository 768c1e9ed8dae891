import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Abuse resistance (issue 12): shared fixed-window rate-limit counters (replacing the per-failure login rows),
 * verification counts per license and day (instead of an audit event per anonymous lookup), a token version per
 * account (every token ends when the password changes or the account is disabled), single-use account tokens
 * (password reset, e-mail verification) stored as SHA-256, and registration numbers that belong to whoever proves
 * them (confirmed ones unique, unconfirmed duplicates allowed).
 */
export class AbuseResistance1764540000000 implements MigrationInterface {
  name = 'AbuseResistance1764540000000';

  async up(q: QueryRunner): Promise<void> {
    // One row per key and window: `INSERT … ON CONFLICT … DO UPDATE … RETURNING count` counts atomically.
    await q.query(`
      CREATE TABLE rate_limits (
        key text NOT NULL,
        window_start timestamptz NOT NULL,
        count integer NOT NULL,
        PRIMARY KEY (key, window_start),
        CONSTRAINT rate_limits_count_chk CHECK (count >= 0)
      )`);
    await q.query(`CREATE INDEX rate_limits_window_idx ON rate_limits (window_start)`);
    await q.query(`DROP TABLE login_failures`);

    await q.query(`
      CREATE TABLE license_verification_counts (
        license_id uuid NOT NULL REFERENCES licenses(id),
        day date NOT NULL,
        count integer NOT NULL,
        PRIMARY KEY (license_id, day),
        CONSTRAINT license_verification_counts_count_chk CHECK (count > 0)
      )`);

    await q.query(`ALTER TABLE users ADD COLUMN token_version integer NOT NULL DEFAULT 0`);
    // Accounts that exist already count as verified: they were created by an admin or before verification existed.
    await q.query(`ALTER TABLE users ADD COLUMN email_verified_at timestamptz`);
    await q.query(`UPDATE users SET email_verified_at = created_at`);

    await q.query(`
      CREATE TABLE account_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id),
        purpose text NOT NULL,
        token_hash char(64) NOT NULL,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        CONSTRAINT account_tokens_purpose_chk CHECK (purpose IN ('PASSWORD_RESET', 'EMAIL_VERIFICATION')),
        CONSTRAINT account_tokens_hash_chk CHECK (token_hash ~ '^[0-9a-f]{64}$'),
        CONSTRAINT account_tokens_expiry_chk CHECK (expires_at > created_at)
      )`);
    await q.query(`CREATE UNIQUE INDEX account_tokens_hash_uq ON account_tokens (token_hash)`);
    await q.query(`CREATE INDEX account_tokens_user_idx ON account_tokens (user_id, purpose)`);

    // A registration number is not owned by whoever typed it first: it is confirmed (from the enterprise
    // registration document at appraisal, or by an admin); only confirmed numbers are unique.
    await q.query(`ALTER TABLE organizations DROP CONSTRAINT organizations_registration_number_uq`);
    await q.query(`
      ALTER TABLE organizations
        ADD COLUMN registration_confirmed_at timestamptz,
        ADD COLUMN registration_confirmed_by uuid REFERENCES users(id)`);
    await q.query(`UPDATE organizations SET registration_confirmed_at = created_at`);
    await q.query(`
      CREATE UNIQUE INDEX organizations_confirmed_registration_number_uq ON organizations (registration_number)
        WHERE registration_confirmed_at IS NOT NULL`);
    await q.query(`CREATE INDEX organizations_registration_number_idx ON organizations (registration_number)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX organizations_registration_number_idx`);
    await q.query(`DROP INDEX organizations_confirmed_registration_number_uq`);
    await q.query(
      `ALTER TABLE organizations DROP COLUMN registration_confirmed_by, DROP COLUMN registration_confirmed_at`,
    );
    await q.query(
      `ALTER TABLE organizations ADD CONSTRAINT organizations_registration_number_uq UNIQUE (registration_number)`,
    );
    await q.query(`DROP TABLE account_tokens`);
    await q.query(`ALTER TABLE users DROP COLUMN email_verified_at, DROP COLUMN token_version`);
    await q.query(`DROP TABLE license_verification_counts`);
    await q.query(`
      CREATE TABLE login_failures (id bigserial PRIMARY KEY, key text NOT NULL, at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX login_failures_key_at_idx ON login_failures (key, at)`);
    await q.query(`DROP TABLE rate_limits`);
  }
}
