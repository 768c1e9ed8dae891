import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/config';
import { Clock } from '../common/clock';
import { DomainError, ErrorCode } from '../common/domain-error';

/**
 * Failed logins are counted per IP and per e-mail over the last minute, in the database so that every replica
 * sees the same count. Past the limit the caller gets 429 until the window moves on.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  private keys(ip: string, email: string): string[] {
    return [`ip:${ip}`, `email:${email.trim().toLowerCase()}`];
  }

  async assertAllowed(ip: string, email: string): Promise<void> {
    const rows: { key: string; n: number }[] = await this.dataSource.query(
      `SELECT key, count(*)::int AS n FROM login_failures
        WHERE key = ANY($1) AND at > $2::timestamptz - interval '1 minute' GROUP BY key`,
      [this.keys(ip, email), this.clock.now()],
    );
    if (rows.some((r) => Number(r.n) >= this.config.loginMaxFailuresPerMinute)) {
      throw new DomainError(ErrorCode.RATE_LIMITED, 429, 'Too many failed logins; try again in a minute', {
        headers: { 'Retry-After': '60' },
      });
    }
  }

  async recordFailure(ip: string, email: string): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      const now = this.clock.now();
      await em.query(`INSERT INTO login_failures (key, at) SELECT unnest($1::text[]), $2`, [this.keys(ip, email), now]);
      await em.query(`DELETE FROM login_failures WHERE at < $1::timestamptz - interval '1 hour'`, [now]);
    });
  }

  async clearEmail(email: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM login_failures WHERE key = $1`, [this.keys('', email)[1]]);
  }
}
