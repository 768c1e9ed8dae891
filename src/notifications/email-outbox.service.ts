import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createTransport, type Transporter } from 'nodemailer';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../config/config';

/** After this many failed attempts a message is marked FAILED and no longer retried. */
export const EMAIL_MAX_ATTEMPTS = 8;
/** How often the poller looks for due messages. */
export const EMAIL_POLL_INTERVAL_MS = 5_000;
const BATCH_SIZE = 20;

/** Delay before attempt n+1 after n failures: 30 s, 1 min, 2 min, … capped at 1 h. */
export function retryDelayMs(failedAttempts: number): number {
  const base = 30_000 * 2 ** Math.max(0, failedAttempts - 1);
  return Math.min(base, 3_600_000);
}

export interface OutboxDelivery {
  /** Messages handed to the SMTP server. */
  sent: number;
  /** Messages that failed this time (retried later, or FAILED after the last attempt). */
  failed: number;
  /** Messages with no recipient address (nothing to send; closed as SENT). */
  skipped: number;
}

interface DueRow {
  id: number;
  attempts: number;
  title: string;
  body: string;
  kind: string;
  user_id: string | null;
  organization_id: string | null;
  authority_id: string | null;
  roles: string[] | null;
}

/**
 * Delivers the notifications outbox by e-mail when SMTP is configured (SMTP_HOST …). Every notification row has an
 * `email_outbox` row written in the same transaction; this service sends the due PENDING rows to the audience's
 * active accounts, with retries and backoff. Rows are claimed with `FOR UPDATE SKIP LOCKED`, so several replicas
 * never send the same message twice, and nothing is lost when the mail server is down: the row stays PENDING.
 */
@Injectable()
export class EmailOutboxService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(EmailOutboxService.name);
  private transporter: Transporter | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<OutboxDelivery> | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  get enabled(): boolean {
    return Boolean(this.config.smtp);
  }

  onApplicationBootstrap(): void {
    if (!this.config.smtp || !this.config.schedulerEnabled) return;
    this.timer = setInterval(() => {
      void this.deliverPending().catch((err: unknown) => this.logger.error(`E-mail outbox run failed: ${String(err)}`));
    }, EMAIL_POLL_INTERVAL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.transporter?.close();
    this.transporter = null;
  }

  /** Sends every due PENDING message (one run at a time per process). Without SMTP it does nothing. */
  deliverPending(): Promise<OutboxDelivery> {
    if (!this.config.smtp) return Promise.resolve({ sent: 0, failed: 0, skipped: 0 });
    this.running ??= this.run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async run(): Promise<OutboxDelivery> {
    const total: OutboxDelivery = { sent: 0, failed: 0, skipped: 0 };
    for (;;) {
      const batch = await this.dataSource.transaction((em) => this.deliverBatch(em));
      total.sent += batch.sent;
      total.failed += batch.failed;
      total.skipped += batch.skipped;
      if (batch.sent + batch.failed + batch.skipped < BATCH_SIZE) return total;
    }
  }

  private async deliverBatch(em: EntityManager): Promise<OutboxDelivery> {
    const now = this.clock.now();
    const due: DueRow[] = await em.query(
      `SELECT o.id, o.attempts, n.title, n.body, n.kind, n.user_id, n.organization_id, n.authority_id, n.roles
       FROM email_outbox o JOIN notifications n ON n.id = o.notification_id
       WHERE o.state = 'PENDING' AND o.next_attempt_at <= $1
       ORDER BY o.next_attempt_at, o.id
       LIMIT ${BATCH_SIZE}
       FOR UPDATE OF o SKIP LOCKED`,
      [now],
    );
    const result: OutboxDelivery = { sent: 0, failed: 0, skipped: 0 };
    for (const row of due) {
      const to = await this.recipients(em, row);
      if (to.length === 0) {
        await em.query(
          `UPDATE email_outbox SET state = 'SENT', sent_at = $2, last_error = 'no recipient address' WHERE id = $1`,
          [row.id, now],
        );
        result.skipped += 1;
        continue;
      }
      try {
        await this.send(row, to);
        await em.query(
          `UPDATE email_outbox SET state = 'SENT', attempts = attempts + 1, sent_at = $2, last_error = NULL WHERE id = $1`,
          [row.id, now],
        );
        result.sent += 1;
      } catch (err) {
        const attempts = row.attempts + 1;
        const finalState = attempts >= EMAIL_MAX_ATTEMPTS ? 'FAILED' : 'PENDING';
        await em.query(
          `UPDATE email_outbox SET state = $2, attempts = $3, next_attempt_at = $4, last_error = $5 WHERE id = $1`,
          [row.id, finalState, attempts, new Date(now.getTime() + retryDelayMs(attempts)), errorText(err)],
        );
        this.logger.warn(`E-mail ${row.id} (${row.kind}) attempt ${attempts} failed: ${errorText(err)}`);
        result.failed += 1;
      }
    }
    return result;
  }

  /** The active accounts the notification is for: a user, an organization's site owners, or staff by role. */
  private async recipients(em: EntityManager, row: DueRow): Promise<string[]> {
    let rows: { email: string }[];
    if (row.user_id) {
      rows = await em.query(`SELECT email FROM users WHERE id = $1 AND state = 'ACTIVE'`, [row.user_id]);
    } else if (row.organization_id) {
      rows = await em.query(
        `SELECT email FROM users WHERE organization_id = $1 AND role = 'site_owner' AND state = 'ACTIVE' ORDER BY email`,
        [row.organization_id],
      );
    } else {
      rows = await em.query(
        `SELECT email FROM users WHERE authority_id = $1 AND role = ANY($2) AND state = 'ACTIVE' ORDER BY email`,
        [row.authority_id, row.roles ?? []],
      );
    }
    return rows.map((r) => r.email);
  }

  private async send(row: DueRow, to: string[]): Promise<void> {
    const smtp = this.config.smtp!;
    this.transporter ??= createTransport({
      host: smtp.host,
      port: smtp.port,
      secure: smtp.secure,
      auth: smtp.user ? { user: smtp.user, pass: smtp.password ?? '' } : undefined,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    });
    // One recipient: To. Several (an organization's accounts, an authority's staff): Bcc, addresses not disclosed.
    await this.transporter.sendMail({
      from: smtp.from,
      ...(to.length === 1 ? { to: to[0] } : { bcc: to }),
      subject: row.title,
      text: row.body,
      headers: { 'X-Notification-Kind': row.kind },
    });
  }
}

function errorText(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.slice(0, 1000);
}
