import { Inject, Injectable, SetMetadata } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/config';
import { Clock } from './clock';
import { DomainError, ErrorCode } from './domain-error';

/**
 * The rate-limit policies. Every request is counted before it does any work (a password check, a registration),
 * in fixed windows taken from the injected Clock:
 * - `login`: attempts per IP and per e-mail (`LOGIN_MAX_FAILURES_PER_MINUTE`); a successful login is refunded, so
 *   the limit counts failures, yet fifty parallel attempts cannot all pass before the first failure is counted;
 * - `account`: register, forgot-password, reset-password, e-mail verification, per IP and hour;
 * - `anonymous`: every other `@Public()` route, per IP and minute;
 * - `user`: every authenticated route, per user and minute.
 */
export type RateLimitPolicyName = 'login' | 'account' | 'anonymous' | 'user';

export interface RateLimitPolicy {
  name: RateLimitPolicyName;
  limit: number;
  windowMs: number;
}

export function policiesFrom(config: AppConfig): Record<RateLimitPolicyName, RateLimitPolicy> {
  return {
    login: { name: 'login', limit: config.loginMaxFailuresPerMinute, windowMs: 60_000 },
    account: { name: 'account', limit: config.rateLimits.accountPerHour, windowMs: 3_600_000 },
    anonymous: { name: 'anonymous', limit: config.rateLimits.anonymousPerMinute, windowMs: 60_000 },
    user: { name: 'user', limit: config.rateLimits.userPerMinute, windowMs: 60_000 },
  };
}

export const RATE_LIMIT_KEY = 'rate-limit:policy';

/**
 * The handler's policy instead of the default (`anonymous` for `@Public()`, `user` otherwise); `'self'` when the
 * handler counts by itself (login, which needs the e-mail), `'none'` for the health probe.
 */
export const RateLimit = (policy: RateLimitPolicyName | 'self' | 'none') => SetMetadata(RATE_LIMIT_KEY, policy);

/** Where counters live: PostgreSQL (shared by every replica) or memory (the single-process embedded default). */
export interface RateLimitStore {
  /** Counts one hit of `key` in the window starting at `windowStart` and returns the window's count. */
  hit(key: string, windowStart: Date): Promise<number>;
  /** Takes one hit back (a successful login). */
  refund(key: string, windowStart: Date): Promise<void>;
}

/** Windows older than this are deleted as new windows open. */
const KEEP_WINDOWS_MS = 24 * 3_600_000;

export class PostgresRateLimitStore implements RateLimitStore {
  constructor(private readonly dataSource: DataSource) {}

  async hit(key: string, windowStart: Date): Promise<number> {
    // One statement: the row lock of the upsert serializes concurrent hits on the same key, so no two requests
    // read the same count (issue 12: 50 parallel logins passed a separate count-then-check).
    const [row]: { count: number }[] = await this.dataSource.query(
      `INSERT INTO rate_limits (key, window_start, count) VALUES ($1, $2, 1)
       ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limits.count + 1
       RETURNING count`,
      [key, windowStart],
    );
    const count = Number(row.count);
    if (count === 1) {
      // A new window: clear a bounded batch of expired ones (any key), so the table stays small without a job.
      await this.dataSource.query(
        `DELETE FROM rate_limits WHERE ctid IN (SELECT ctid FROM rate_limits WHERE window_start < $1 LIMIT 500)`,
        [new Date(windowStart.getTime() - KEEP_WINDOWS_MS)],
      );
    }
    return count;
  }

  async refund(key: string, windowStart: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE rate_limits SET count = count - 1 WHERE key = $1 AND window_start = $2 AND count > 0`,
      [key, windowStart],
    );
  }
}

export class MemoryRateLimitStore implements RateLimitStore {
  private readonly counts = new Map<string, { windowStart: number; count: number }>();

  hit(key: string, windowStart: Date): Promise<number> {
    const start = windowStart.getTime();
    const entry = this.counts.get(key);
    if (!entry || entry.windowStart !== start) {
      if (this.counts.size > 100_000) this.evictBefore(start);
      this.counts.set(key, { windowStart: start, count: 1 });
      return Promise.resolve(1);
    }
    entry.count += 1;
    return Promise.resolve(entry.count);
  }

  refund(key: string, windowStart: Date): Promise<void> {
    const entry = this.counts.get(key);
    if (entry && entry.windowStart === windowStart.getTime() && entry.count > 0) entry.count -= 1;
    return Promise.resolve();
  }

  private evictBefore(start: number): void {
    for (const [k, v] of this.counts) if (v.windowStart < start) this.counts.delete(k);
  }
}

export interface RateLimitState {
  policy: RateLimitPolicy;
  remaining: number;
  /** Seconds until the window ends. */
  resetSeconds: number;
}

/** The `RateLimit` and `RateLimit-Policy` fields (draft-ietf-httpapi-ratelimit-headers), and `Retry-After` on 429. */
export function rateLimitHeaders(state: RateLimitState): Record<string, string> {
  const { policy } = state;
  return {
    'RateLimit-Policy': `"${policy.name}";q=${policy.limit};w=${Math.round(policy.windowMs / 1000)}`,
    RateLimit: `"${policy.name}";r=${state.remaining};t=${state.resetSeconds}`,
  };
}

@Injectable()
export class RateLimiter {
  readonly policies: Record<RateLimitPolicyName, RateLimitPolicy>;
  private readonly store: RateLimitStore;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly clock: Clock,
  ) {
    this.policies = policiesFrom(config);
    // The embedded database is one process by construction: memory is shared by every request there, and keeps
    // the single PGlite connection free for real work.
    this.store = config.databaseUrl ? new PostgresRateLimitStore(dataSource) : new MemoryRateLimitStore();
  }

  private window(policy: RateLimitPolicy): { start: Date; resetSeconds: number } {
    const now = this.clock.now().getTime();
    const start = Math.floor(now / policy.windowMs) * policy.windowMs;
    return { start: new Date(start), resetSeconds: Math.max(1, Math.ceil((start + policy.windowMs - now) / 1000)) };
  }

  /**
   * Counts one request of `subject` under `policy`; past the limit, throws 429 with `Retry-After`. Counted first,
   * checked after: a refused request is counted too, so hammering never opens a gap.
   */
  async consume(name: RateLimitPolicyName, subject: string): Promise<RateLimitState> {
    const policy = this.policies[name];
    const { start, resetSeconds } = this.window(policy);
    const count = await this.store.hit(`${policy.name}:${subject}`, start);
    const state: RateLimitState = { policy, remaining: Math.max(0, policy.limit - count), resetSeconds };
    if (count > policy.limit) {
      throw new DomainError(
        ErrorCode.RATE_LIMITED,
        429,
        `Too many requests; try again in ${resetSeconds} second${resetSeconds === 1 ? '' : 's'}`,
        { headers: { 'Retry-After': String(resetSeconds), ...rateLimitHeaders(state) } },
      );
    }
    return state;
  }

  /** Takes back one request counted in the current window. */
  async refund(name: RateLimitPolicyName, subject: string): Promise<void> {
    const policy = this.policies[name];
    await this.store.refund(`${policy.name}:${subject}`, this.window(policy).start);
  }
}
