import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import type { StaffRole } from '../auth/roles';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { offsetOf, Page, PageQuery, pageOf } from '../common/pagination';

/** Who receives a notification. */
export type NotificationAudience =
  | { userId: string }
  /** Every account of the organization (its site owners). */
  | { organizationId: string }
  /** Staff of the authority with one of these roles. */
  | { authorityId: string; roles: StaffRole[] };

export interface NotificationInput {
  audience: NotificationAudience;
  /** Stable machine kind, e.g. SUPPLEMENT_REQUESTED, DECISION_MADE, LICENSE_EXPIRING, VIOLATION_LOGGED. */
  kind: string;
  /** What a person reads (Vietnamese). */
  title: string;
  body: string;
  entityType: string;
  entityId: string;
  data?: Record<string, unknown>;
  /** A notification with the same key is written once only (scheduled reminders run idempotently). */
  dedupeKey?: string;
}

export interface NotificationView {
  id: string;
  kind: string;
  title: string;
  body: string;
  entityType: string;
  entityId: string;
  data: Record<string, unknown>;
  createdAt: Date;
  read: boolean;
  readAt: Date | null;
}

/**
 * Notifications are written inside the transaction of the event that causes them, so no event loses its
 * notification and no notification tells of an event that rolled back. E-mail delivery, when configured, reads
 * the same rows through the outbox.
 */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async notify(em: EntityManager, input: NotificationInput | NotificationInput[]): Promise<void> {
    // Business time: the outbox delivers rows whose next attempt is due on the application's clock.
    const now = this.clock.now();
    for (const n of Array.isArray(input) ? input : [input]) {
      const a = n.audience;
      const rows: { id: string }[] = await em.query(
        `INSERT INTO notifications (user_id, organization_id, authority_id, roles, kind, title, body, entity_type,
           entity_id, data, dedupe_key)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
         ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
        [
          'userId' in a ? a.userId : null,
          'organizationId' in a ? a.organizationId : null,
          'authorityId' in a ? a.authorityId : null,
          'roles' in a ? a.roles : null,
          n.kind,
          n.title,
          n.body,
          n.entityType,
          n.entityId,
          JSON.stringify(n.data ?? {}),
          n.dedupeKey ?? null,
        ],
      );
      if (rows.length === 1) {
        await em.query(`INSERT INTO email_outbox (notification_id, next_attempt_at) VALUES ($1, $2)`, [
          rows[0].id,
          now,
        ]);
      }
    }
  }

  private audienceClause(user: AuthenticatedUser, params: unknown[]): string {
    const parts = [`n.user_id = $${params.push(user.id)}`];
    if (user.organizationId) parts.push(`n.organization_id = $${params.push(user.organizationId)}`);
    if (user.authorityId) {
      parts.push(`(n.authority_id = $${params.push(user.authorityId)} AND $${params.push(user.role)} = ANY(n.roles))`);
    }
    return `(${parts.join(' OR ')})`;
  }

  async listFor(user: AuthenticatedUser, q: PageQuery & { unread?: boolean }): Promise<Page<NotificationView>> {
    const params: unknown[] = [];
    const audience = this.audienceClause(user, params);
    const me = params.push(user.id);
    const unread = q.unread ? 'AND r.read_at IS NULL' : '';
    // Account e-mails (reset and verification links) travel by e-mail only: a session must not read a reset link.
    const from = `FROM notifications n LEFT JOIN notification_reads r ON r.notification_id = n.id AND r.user_id = $${me}
                  WHERE ${audience} ${unread} AND n.kind NOT IN ('PASSWORD_RESET', 'EMAIL_VERIFICATION', 'REGISTRATION_ATTEMPT')`;
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS total ${from}`,
      params,
    );
    const rows: {
      id: string;
      kind: string;
      title: string;
      body: string;
      entity_type: string;
      entity_id: string;
      data: Record<string, unknown>;
      created_at: Date;
      read_at: Date | null;
    }[] = await this.dataSource.query(
      `SELECT n.id, n.kind, n.title, n.body, n.entity_type, n.entity_id, n.data, n.created_at, r.read_at ${from}
       ORDER BY n.created_at DESC, n.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, q.pageSize, offsetOf(q)],
    );
    return pageOf(
      rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        title: r.title,
        body: r.body,
        entityType: r.entity_type,
        entityId: r.entity_id,
        data: r.data,
        createdAt: r.created_at,
        read: r.read_at !== null,
        readAt: r.read_at,
      })),
      total,
      q,
    );
  }

  /** Marks one of the caller's notifications read (idempotent); another's notification is a 404. */
  async markRead(user: AuthenticatedUser, id: string): Promise<{ id: string; read: true; readAt: Date }> {
    const params: unknown[] = [id];
    const audience = this.audienceClause(user, params);
    const found: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM notifications n WHERE n.id = $1 AND ${audience}`,
      params,
    );
    if (found.length === 0) throw DomainError.notFound('Notification');
    const [row]: { read_at: Date }[] = await this.dataSource.query(
      `INSERT INTO notification_reads (notification_id, user_id, read_at) VALUES ($1, $2, $3)
       ON CONFLICT (notification_id, user_id) DO UPDATE SET read_at = notification_reads.read_at
       RETURNING read_at`,
      [id, user.id, this.clock.now()],
    );
    return { id, read: true, readAt: row.read_at };
  }
}
