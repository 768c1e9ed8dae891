import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { endOfDayInZone, IsoDate, zonedIsoDate } from '../calendar/iso-date';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../config/config';

/** A daily job. `run` works in the job's own transaction and must be idempotent (it may be run again by hand). */
export interface ScheduledJob {
  /** Unique, e.g. `license.expire`; also the advisory-lock key and the run ledger's key. */
  name: string;
  /** `today` is the date in the default time zone; `now` is the clock's instant (for per-authority dates). */
  run(em: EntityManager, today: IsoDate, now: Date): Promise<Record<string, unknown> | void>;
}

export type JobRunStatus = 'RAN' | 'ALREADY_RAN' | 'LOCKED_ELSEWHERE' | 'FAILED';

export interface JobRunResult {
  job: string;
  status: JobRunStatus;
  result?: Record<string, unknown>;
  error?: string;
}

/** Namespace of the advisory locks taken by jobs (first key of pg_try_advisory_xact_lock(int, int)). */
const JOB_LOCK_NAMESPACE = 0x4a4f42; // 'JOB'
/** The daily run starts five minutes after midnight in the default time zone. */
const DAILY_OFFSET_MS = 5 * 60_000;

/**
 * Runs the registered daily jobs. Each job runs in its own transaction under a transaction-level advisory lock
 * and records (job, day) in `scheduled_job_runs`: with several server processes on one database, a job runs
 * once per day — one process takes the lock and writes the ledger row, the others skip. The jobs themselves are
 * idempotent too, so a forced re-run (POST /scheduler/run) does no harm.
 */
@Injectable()
export class SchedulerService implements OnApplicationBootstrap {
  private readonly logger = new Logger(SchedulerService.name);
  private readonly jobs: ScheduledJob[] = [];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly registry: SchedulerRegistry,
  ) {}

  /** Adds a job; jobs run in the order they were registered (e.g. expire before reinstating). */
  registerJob(job: ScheduledJob): void {
    if (this.jobs.some((j) => j.name === job.name)) throw new Error(`Scheduled job ${job.name} is registered twice`);
    this.jobs.push(job);
  }

  jobNames(): string[] {
    return this.jobs.map((j) => j.name);
  }

  /** Runs every job for the day of `now` (default: the clock). `force` re-runs jobs that already ran that day. */
  async runDaily(
    now: Date = this.clock.now(),
    opts: { force?: boolean } = {},
  ): Promise<{ today: IsoDate; jobs: JobRunResult[] }> {
    const today = zonedIsoDate(now, this.config.defaultTimeZone);
    const jobs: JobRunResult[] = [];
    for (const job of this.jobs) jobs.push(await this.runJob(job, today, now, opts.force ?? false));
    return { today, jobs };
  }

  private async runJob(job: ScheduledJob, today: IsoDate, now: Date, force: boolean): Promise<JobRunResult> {
    // A job fires many transitions in one transaction; under concurrent requests PostgreSQL may pick it as the
    // victim of a deadlock (the audit chain's lock is held until commit). Nothing of it was kept: run it again.
    for (let attempt = 1; ; attempt++) {
      const { retryable, ...result } = await this.attemptJob(job, today, now, force);
      if (!retryable || attempt === 3) return result;
      this.logger.warn(`Scheduled job ${job.name} for ${today}: ${result.error}; retrying (${attempt})`);
    }
  }

  private async attemptJob(
    job: ScheduledJob,
    today: IsoDate,
    now: Date,
    force: boolean,
  ): Promise<JobRunResult & { retryable?: boolean }> {
    try {
      return await this.dataSource.transaction(async (em) => {
        const [{ locked }]: { locked: boolean }[] = await em.query(
          `SELECT pg_try_advisory_xact_lock($1, hashtext($2)) AS locked`,
          [JOB_LOCK_NAMESPACE, job.name],
        );
        if (!locked) return { job: job.name, status: 'LOCKED_ELSEWHERE' as const };
        const claimed: unknown[] = await em.query(
          `INSERT INTO scheduled_job_runs (job, run_on) VALUES ($1, $2)
           ON CONFLICT (job, run_on) DO ${force ? 'UPDATE SET started_at = now(), finished_at = NULL' : 'NOTHING'}
           RETURNING job`,
          [job.name, today],
        );
        if (claimed.length === 0) return { job: job.name, status: 'ALREADY_RAN' as const };
        const result = (await job.run(em, today, now)) ?? {};
        await em.query(
          `UPDATE scheduled_job_runs SET finished_at = now(), result = $3 WHERE job = $1 AND run_on = $2`,
          [job.name, today, JSON.stringify(result)],
        );
        return { job: job.name, status: 'RAN' as const, result };
      });
    } catch (err) {
      const code = (err as { driverError?: { code?: string } }).driverError?.code;
      const retryable = code === '40P01' || code === '40001';
      if (!retryable) {
        this.logger.error(`Scheduled job ${job.name} failed for ${today}: ${(err as Error).stack ?? String(err)}`);
      }
      return { job: job.name, status: 'FAILED', error: (err as Error).message, retryable };
    }
  }

  /** With SCHEDULER_ENABLED: a run at start-up (catching up a missed day), then every day at 00:05. */
  onApplicationBootstrap(): void {
    if (!this.config.schedulerEnabled) return;
    this.schedule(0);
    this.scheduleNextDay();
  }

  private scheduleNextDay(): void {
    const now = this.clock.now();
    const today = zonedIsoDate(now, this.config.defaultTimeZone);
    const next = endOfDayInZone(today, this.config.defaultTimeZone).getTime() + 1 + DAILY_OFFSET_MS;
    this.schedule(Math.max(1000, next - now.getTime()), () => this.scheduleNextDay());
  }

  private schedule(delayMs: number, then?: () => void): void {
    const name = then ? 'scheduler.daily' : 'scheduler.startup';
    if (this.registry.doesExist('timeout', name)) this.registry.deleteTimeout(name);
    const timer = setTimeout(() => {
      this.registry.deleteTimeout(name);
      this.runDaily()
        .then((r) =>
          this.logger.log(`Daily jobs for ${r.today}: ${r.jobs.map((j) => `${j.job} ${j.status}`).join(', ')}`),
        )
        .catch((err: unknown) => this.logger.error(`Daily jobs failed: ${String(err)}`))
        .finally(() => then?.());
    }, delayMs);
    timer.unref();
    this.registry.addTimeout(name, timer);
  }
}
