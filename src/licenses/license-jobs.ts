import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { daysBetween } from '../calendar/iso-date';
import { NotificationsService } from '../notifications/notifications.service';
import { formatVietnameseDate } from '../pdf/vietnamese-format';
import { SchedulerService } from '../scheduler/scheduler.service';
import { EXPIRY_REMINDER_DAYS, reminderThreshold } from './license-term';
import { DueLicense, LicensesRepository } from './licenses.repository';
import { LicensesService } from './licenses.service';

/**
 * The license's daily jobs: expiry the day after `expiresOn` (no grace period, Decree 72/2013 art. 23(6)), the end
 * of suspensions the day after `until`, and reminders 90/30/7 days before expiry. "Today" is the date in each
 * license's authority's time zone. All three are idempotent.
 */
@Injectable()
export class LicenseJobs implements OnModuleInit {
  private readonly logger = new Logger(LicenseJobs.name);

  constructor(
    private readonly scheduler: SchedulerService,
    private readonly licenses: LicensesRepository,
    private readonly service: LicensesService,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit(): void {
    this.scheduler.registerJob({ name: 'license.expire', run: (em, _today, now) => this.expire(em, now) });
    this.scheduler.registerJob({ name: 'license.reinstate', run: (em, _today, now) => this.reinstate(em, now) });
    this.scheduler.registerJob({ name: 'license.expiry-reminders', run: (em, _today, now) => this.remind(em, now) });
  }

  async expire(em: EntityManager, now: Date) {
    const due = await this.licenses.dueForExpiry(em, now);
    const done = await this.each(em, due, (l) =>
      this.service.fireAsSystem(em, l.id, 'EXPIRE', `Hết thời hạn hiệu lực (${l.expiresOn})`),
    );
    return { expired: done };
  }

  async reinstate(em: EntityManager, now: Date) {
    const due = await this.licenses.dueForReinstatement(em, now);
    const done = await this.each(em, due, (l) =>
      this.service.fireAsSystem(em, l.id, 'REINSTATE', 'Hết thời hạn đình chỉ'),
    );
    return { reinstated: done };
  }

  /** One reminder per threshold and expiry date: the notification's dedupe key makes a re-run send nothing. */
  async remind(em: EntityManager, now: Date) {
    const due = await this.licenses.expiringWithin(em, now, Math.max(...EXPIRY_REMINDER_DAYS));
    let sent = 0;
    for (const l of due) {
      const daysLeft = daysBetween(l.today, l.expiresOn);
      const threshold = reminderThreshold(daysLeft);
      if (threshold === null) continue;
      await this.notifications.notify(em, {
        audience: { organizationId: l.organizationId },
        kind: 'LICENSE_EXPIRING',
        title: `Giấy phép số ${l.number} sắp hết hạn`,
        body:
          `Giấy phép số ${l.number} hết hạn ${formatVietnameseDate(l.expiresOn)} (còn ${daysLeft} ngày). Hồ sơ đề ` +
          'nghị gia hạn phải nộp chậm nhất 30 ngày trước ngày hết hạn.',
        entityType: 'license',
        entityId: l.id,
        data: { number: l.number, expiresOn: l.expiresOn, daysLeft, threshold },
        dedupeKey: `expiry:${l.id}:${l.expiresOn}:${threshold}`,
      });
      sent += 1;
    }
    return { due: sent };
  }

  /** Each license under a savepoint: one that fails is logged and left for tomorrow; the others go through. */
  private async each(em: EntityManager, due: DueLicense[], act: (l: DueLicense) => Promise<void>): Promise<number> {
    let done = 0;
    for (const l of due) {
      await em.query('SAVEPOINT license_job');
      try {
        await act(l);
        await em.query('RELEASE SAVEPOINT license_job');
        done += 1;
      } catch (err) {
        await em.query('ROLLBACK TO SAVEPOINT license_job');
        // A deadlock is not this license's fault: let the scheduler run the whole job again.
        const code = (err as { driverError?: { code?: string } }).driverError?.code;
        if (code === '40P01' || code === '40001') throw err;
        this.logger.error(`License ${l.id}: ${(err as Error).message}`);
      }
    }
    return done;
  }
}
