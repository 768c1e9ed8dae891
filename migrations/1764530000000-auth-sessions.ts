import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Browser sessions of the back office (issue 11): the browser holds an httpOnly cookie with a random secret and
 * never a bearer token. The row keeps only the secret's SHA-256, the synchronizer CSRF token the page sends back on
 * unsafe requests, and when the session ends (expiry or sign-out), so signing out ends it on the server too.
 */
export class AuthSessions1764530000000 implements MigrationInterface {
  name = 'AuthSessions1764530000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE auth_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        token_hash bytea NOT NULL UNIQUE CHECK (octet_length(token_hash) = 32),
        csrf_token text NOT NULL CHECK (length(csrf_token) >= 32),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        -- The account's token version when the session opened: a password change or a disable ends the session.
        token_version integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        ended_at timestamptz,
        CONSTRAINT auth_sessions_expiry_chk CHECK (expires_at > created_at),
        CONSTRAINT auth_sessions_ended_chk CHECK (ended_at IS NULL OR ended_at >= created_at)
      )`);
    await q.query(`CREATE INDEX auth_sessions_user_idx ON auth_sessions (user_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE auth_sessions`);
  }
}
