import { MigrationInterface, QueryRunner } from 'typeorm';

/** Foundation: authorities, organizations, users, workflow history, the audit chain, idempotency, login throttle. */
export class Foundation1764480000000 implements MigrationInterface {
  name = 'Foundation1764480000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);

    await q.query(`
      CREATE TABLE authorities (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL,
        name text NOT NULL,
        province text NOT NULL,
        parent_body text NOT NULL DEFAULT '',
        license_number_suffix text NOT NULL,
        signer_title text NOT NULL DEFAULT 'GIÁM ĐỐC',
        signer_name text NOT NULL DEFAULT '',
        time_zone text NOT NULL DEFAULT 'Asia/Ho_Chi_Minh',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT authorities_code_uq UNIQUE (code),
        CONSTRAINT authorities_code_chk CHECK (code ~ '^[A-Z0-9_-]{2,32}$'),
        CONSTRAINT authorities_suffix_chk CHECK (length(license_number_suffix) BETWEEN 1 AND 40)
      )`);

    await q.query(`
      CREATE TABLE organizations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        registration_number text NOT NULL,
        address text NOT NULL,
        legal_representative text NOT NULL,
        phone text NOT NULL,
        email text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT organizations_registration_number_uq UNIQUE (registration_number)
      )`);

    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        password_hash text NOT NULL,
        full_name text NOT NULL,
        role text NOT NULL,
        authority_id uuid REFERENCES authorities(id),
        organization_id uuid REFERENCES organizations(id),
        state text NOT NULL DEFAULT 'ACTIVE',
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT users_role_chk CHECK (role IN ('site_owner', 'appraiser', 'approver', 'inspector', 'admin')),
        CONSTRAINT users_state_chk CHECK (state IN ('ACTIVE', 'DISABLED')),
        CONSTRAINT users_staff_authority_chk CHECK (
          (role IN ('appraiser', 'approver', 'inspector')) = (authority_id IS NOT NULL)),
        CONSTRAINT users_owner_org_chk CHECK ((role = 'site_owner') = (organization_id IS NOT NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX users_email_uq ON users (lower(email))`);
    await q.query(`CREATE INDEX users_authority_idx ON users (authority_id)`);
    await q.query(`CREATE INDEX users_organization_idx ON users (organization_id)`);

    // One history table for every lifecycle: what happened, who did it, from which state to which.
    await q.query(`
      CREATE TABLE workflow_history (
        id bigserial PRIMARY KEY,
        entity_type text NOT NULL,
        entity_id uuid NOT NULL,
        event text NOT NULL,
        from_state text,
        to_state text NOT NULL,
        actor_id uuid,
        actor_role text NOT NULL,
        reason text,
        data jsonb NOT NULL DEFAULT '{}'::jsonb,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX workflow_history_entity_idx ON workflow_history (entity_type, entity_id, id)`);

    // The audit chain: append-only; each row's hash covers the previous row's hash and its own content.
    await q.query(`
      CREATE TABLE audit_events (
        id bigint PRIMARY KEY,
        at timestamptz NOT NULL,
        actor_id uuid,
        actor_role text NOT NULL,
        authority_id uuid,
        organization_id uuid,
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id text NOT NULL,
        data jsonb NOT NULL DEFAULT '{}'::jsonb,
        prev_hash char(64) NOT NULL,
        hash char(64) NOT NULL,
        CONSTRAINT audit_events_hash_uq UNIQUE (hash),
        CONSTRAINT audit_events_prev_uq UNIQUE (prev_hash)
      )`);
    await q.query(`CREATE SEQUENCE audit_events_id_seq OWNED BY audit_events.id`);
    await q.query(`CREATE INDEX audit_events_entity_idx ON audit_events (entity_type, entity_id, id)`);
    await q.query(`CREATE INDEX audit_events_authority_idx ON audit_events (authority_id, id)`);
    await q.query(`
      CREATE FUNCTION audit_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
      FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change()`);
    await q.query(`
      CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
      FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change()`);

    await q.query(`
      CREATE TABLE idempotency_keys (
        scope text NOT NULL,
        key text NOT NULL,
        request_hash char(64) NOT NULL,
        state text NOT NULL DEFAULT 'IN_PROGRESS',
        response_status integer,
        response_body jsonb,
        response_headers jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (scope, key),
        CONSTRAINT idempotency_state_chk CHECK (state IN ('IN_PROGRESS', 'COMPLETED'))
      )`);
    await q.query(`CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at)`);

    await q.query(`
      CREATE TABLE login_failures (
        id bigserial PRIMARY KEY,
        key text NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX login_failures_key_at_idx ON login_failures (key, at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE login_failures`);
    await q.query(`DROP TABLE idempotency_keys`);
    await q.query(`DROP TABLE audit_events`);
    await q.query(`DROP FUNCTION audit_events_refuse_change()`);
    await q.query(`DROP TABLE workflow_history`);
    await q.query(`DROP TABLE users`);
    await q.query(`DROP TABLE organizations`);
    await q.query(`DROP TABLE authorities`);
  }
}
