import { MigrationInterface, QueryRunner } from 'typeorm';

/** Notifications, written in the same transaction as the event that causes them (the outbox). */
export class Notifications1764481000000 implements MigrationInterface {
  name = 'Notifications1764481000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid REFERENCES users(id),
        organization_id uuid REFERENCES organizations(id),
        authority_id uuid REFERENCES authorities(id),
        roles text[],
        kind text NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        entity_type text NOT NULL,
        entity_id uuid NOT NULL,
        data jsonb NOT NULL DEFAULT '{}'::jsonb,
        dedupe_key text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT notifications_audience_chk CHECK (
          (user_id IS NOT NULL)::int + (organization_id IS NOT NULL)::int + (authority_id IS NOT NULL)::int = 1),
        CONSTRAINT notifications_staff_roles_chk CHECK ((authority_id IS NULL) OR (roles IS NOT NULL)),
        CONSTRAINT notifications_dedupe_uq UNIQUE (dedupe_key)
      )`);
    await q.query(
      `CREATE INDEX notifications_user_idx ON notifications (user_id, created_at) WHERE user_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX notifications_org_idx ON notifications (organization_id, created_at) WHERE organization_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX notifications_authority_idx ON notifications (authority_id, created_at) WHERE authority_id IS NOT NULL`,
    );
    await q.query(`
      CREATE TABLE notification_reads (
        notification_id uuid NOT NULL REFERENCES notifications(id),
        user_id uuid NOT NULL REFERENCES users(id),
        read_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (notification_id, user_id)
      )`);
    // E-mail outbox: one row per notification to deliver when SMTP is configured (delivered with retries).
    await q.query(`
      CREATE TABLE email_outbox (
        id bigserial PRIMARY KEY,
        notification_id uuid NOT NULL REFERENCES notifications(id),
        state text NOT NULL DEFAULT 'PENDING',
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        last_error text,
        sent_at timestamptz,
        CONSTRAINT email_outbox_state_chk CHECK (state IN ('PENDING', 'SENT', 'FAILED'))
      )`);
    await q.query(`CREATE INDEX email_outbox_pending_idx ON email_outbox (next_attempt_at) WHERE state = 'PENDING'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE email_outbox`);
    await q.query(`DROP TABLE notification_reads`);
    await q.query(`DROP TABLE notifications`);
  }
}
