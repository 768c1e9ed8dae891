import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { Clock, SystemClock } from '../../src/common/clock';
import { EMAIL_MAX_ATTEMPTS, EmailOutboxService } from '../../src/notifications/email-outbox.service';
import { NotificationInput, NotificationsService } from '../../src/notifications/notifications.service';
import { createCast, createStaff } from '../support/factories';
import { startTestApp, TestApp } from '../support/test-app';

interface Received {
  from: string;
  to: string[];
  data: string;
}

/** A real SMTP server on a local port; `mode` decides whether it accepts, rejects, or is down. */
class LocalSmtp {
  readonly received: Received[] = [];
  mode: 'accept' | 'reject' = 'accept';
  port = 0;
  private server: SMTPServer | null = null;

  async start(port = 0): Promise<void> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo: (_address, _session, cb) => {
        if (this.mode === 'reject') cb(Object.assign(new Error('Mailbox busy, try later'), { responseCode: 451 }));
        else cb();
      },
      onData: (stream, session, cb) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          this.received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            data: Buffer.concat(chunks).toString('utf8'),
          });
          cb();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(port, '127.0.0.1', () => resolve());
    });
    this.port = (this.server.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    const s = this.server;
    this.server = null;
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
  }
}

describe('notifications: e-mail delivery from the outbox through SMTP', () => {
  let t: TestApp;
  let smtp: LocalSmtp;
  let outbox: EmailOutboxService;
  let clock: SystemClock;
  let cast: Awaited<ReturnType<typeof createCast>>;

  beforeAll(async () => {
    smtp = new LocalSmtp();
    await smtp.start();
    t = await startTestApp({
      env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), SMTP_FROM: 'no-reply@stttt.gov.vn' },
    });
    outbox = t.app.get(EmailOutboxService);
    clock = t.app.get(Clock) as SystemClock;
    cast = await createCast(t);
  });
  afterAll(async () => {
    clock.reset();
    await t.close();
    await smtp.stop();
  });

  const notify = (input: NotificationInput | NotificationInput[]) =>
    t.ds.transaction((em) => t.app.get(NotificationsService).notify(em, input));

  const outboxRows = async () =>
    (await t.ds.query(
      `SELECT o.id, o.state, o.attempts, o.last_error, o.next_attempt_at, n.kind FROM email_outbox o
       JOIN notifications n ON n.id = o.notification_id ORDER BY o.id`,
    )) as {
      id: number;
      state: string;
      attempts: number;
      last_error: string | null;
      next_attempt_at: Date;
      kind: string;
    }[];

  it('delivers a pending notification to the user, the organization and the staff by role', async () => {
    await notify([
      {
        audience: { organizationId: cast.owner.organizationId! },
        kind: 'VIOLATION_LOGGED',
        title: 'Ghi nhận vi phạm',
        body: 'Đoàn kiểm tra đã ghi nhận một vi phạm đối với trang thông tin điện tử của tổ chức.',
        entityType: 'violation',
        entityId: cast.owner.organizationId!,
      },
      {
        audience: { authorityId: cast.authority.id, roles: ['approver'] },
        kind: 'ESCALATION',
        title: 'Đề xuất đình chỉ giấy phép',
        body: 'Một vi phạm đã chuyển lên lãnh đạo.',
        entityType: 'violation',
        entityId: cast.owner.organizationId!,
      },
    ]);
    const r = await outbox.deliverPending();
    expect(r).toEqual({ sent: 2, failed: 0, skipped: 0 });
    expect(smtp.received).toHaveLength(2);
    const toOwner = smtp.received.find(
      (m) => m.to.includes(cast.owner.email.toLowerCase()) || m.to.includes(cast.owner.email),
    )!;
    expect(toOwner).toBeDefined();
    expect(toOwner.from).toBe('no-reply@stttt.gov.vn');
    expect(toOwner.data).toContain('X-Notification-Kind: VIOLATION_LOGGED');
    const toApprovers = smtp.received.find((m) => m.data.includes('ESCALATION'))!;
    expect(toApprovers.to.sort()).toEqual([cast.approver.email, cast.approver2.email].sort());
    expect((await outboxRows()).every((o) => o.state === 'SENT')).toBe(true);
    // nothing is sent twice
    expect(await outbox.deliverPending()).toEqual({ sent: 0, failed: 0, skipped: 0 });
    expect(smtp.received).toHaveLength(2);
  });

  it('a rejecting server loses nothing: retried with backoff, delivered when it accepts again', async () => {
    const before = smtp.received.length;
    smtp.mode = 'reject';
    clock.set(new Date('2026-12-01T02:00:00Z'));
    await notify({
      audience: { userId: cast.inspector.id },
      kind: 'REPORT_OVERDUE',
      title: 'Báo cáo quá hạn',
      body: 'Báo cáo định kỳ năm 2026 chưa được nộp.',
      entityType: 'report',
      entityId: cast.inspector.id,
    });
    expect(await outbox.deliverPending()).toEqual({ sent: 0, failed: 1, skipped: 0 });
    let row = (await outboxRows()).find((o) => o.kind === 'REPORT_OVERDUE')!;
    expect(row).toMatchObject({ state: 'PENDING', attempts: 1 });
    expect(row.last_error).toContain('451');
    expect(new Date(row.next_attempt_at).getTime()).toBeGreaterThan(clock.now().getTime());

    // not due yet: nothing is attempted
    smtp.mode = 'accept';
    expect(await outbox.deliverPending()).toEqual({ sent: 0, failed: 0, skipped: 0 });
    clock.advance(31_000);
    expect(await outbox.deliverPending()).toEqual({ sent: 1, failed: 0, skipped: 0 });
    row = (await outboxRows()).find((o) => o.kind === 'REPORT_OVERDUE')!;
    expect(row).toMatchObject({ state: 'SENT', attempts: 2, last_error: null });
    expect(smtp.received.slice(before).map((m) => m.to)).toEqual([[cast.inspector.email]]);
  });

  it('a server that is down loses nothing; once it is back the message goes out', async () => {
    const port = smtp.port;
    await smtp.stop();
    await notify({
      audience: { userId: cast.appraiser.id },
      kind: 'DEADLINE_NEAR',
      title: 'Sắp đến hạn xử lý hồ sơ',
      body: 'Hồ sơ còn 2 ngày làm việc.',
      entityType: 'application',
      entityId: cast.appraiser.id,
    });
    expect(await outbox.deliverPending()).toMatchObject({ sent: 0, failed: 1 });
    expect((await outboxRows()).find((o) => o.kind === 'DEADLINE_NEAR')).toMatchObject({
      state: 'PENDING',
      attempts: 1,
    });

    await smtp.start(port);
    clock.advance(60_000);
    expect(await outbox.deliverPending()).toMatchObject({ sent: 1, failed: 0 });
    expect(smtp.received.at(-1)!.to).toEqual([cast.appraiser.email]);
  });

  it(`gives up after ${EMAIL_MAX_ATTEMPTS} attempts (FAILED), keeping the last error`, async () => {
    smtp.mode = 'reject';
    await notify({
      audience: { userId: cast.approver.id },
      kind: 'HOPELESS',
      title: 'Thử nghiệm',
      body: 'Thư không thể gửi.',
      entityType: 'application',
      entityId: cast.approver.id,
    });
    for (let i = 0; i < EMAIL_MAX_ATTEMPTS; i++) {
      expect(await outbox.deliverPending()).toMatchObject({ failed: 1 });
      clock.advance(3_600_000);
    }
    const row = (await outboxRows()).find((o) => o.kind === 'HOPELESS')!;
    expect(row).toMatchObject({ state: 'FAILED', attempts: EMAIL_MAX_ATTEMPTS });
    expect(await outbox.deliverPending()).toEqual({ sent: 0, failed: 0, skipped: 0 });
    smtp.mode = 'accept';
  });

  it('two replicas delivering at once send each message once (SKIP LOCKED)', async () => {
    const t2 = await startTestApp({
      databaseName: t.database,
      env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), SMTP_FROM: 'no-reply@stttt.gov.vn' },
    });
    try {
      (t2.app.get(Clock) as SystemClock).set(clock.now());
      const staff = await createStaff(t, 'inspector', cast.authority.id);
      const before = smtp.received.length;
      for (let i = 0; i < 30; i++) {
        await notify({
          audience: { userId: staff.id },
          kind: 'BULK',
          title: `Thông báo ${i}`,
          body: 'Nội dung',
          entityType: 'application',
          entityId: staff.id,
        });
      }
      const [a, b] = await Promise.all([outbox.deliverPending(), t2.app.get(EmailOutboxService).deliverPending()]);
      expect(a.sent + b.sent).toBe(30);
      expect(smtp.received.length - before).toBe(30);
      const subjects = smtp.received.slice(before).map((m) => /Subject: (.*)/.exec(m.data)?.[1]);
      expect(new Set(subjects).size).toBe(30);
    } finally {
      await t2.close();
    }
  });
});

describe('notifications: without SMTP nothing is sent and the outbox keeps its rows', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('deliverPending is a no-op', async () => {
    const outbox = t.app.get(EmailOutboxService);
    expect(outbox.enabled).toBe(false);
    expect(await outbox.deliverPending()).toEqual({ sent: 0, failed: 0, skipped: 0 });
  });
});
