import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Role } from '../roles';

export interface SessionRow {
  id: string;
  csrfToken: string;
  expiresAt: Date;
  /** Opened under the account's current token version (a password change or a disable since ends it). */
  current: boolean;
  user: {
    id: string;
    role: Role;
    email: string;
    state: string;
    authorityId: string | null;
    organizationId: string | null;
  };
}

/** The only SQL on `auth_sessions`. Times are the application clock's, passed as parameters. */
@Injectable()
export class SessionsRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async insert(s: {
    tokenHash: Buffer;
    csrfToken: string;
    userId: string;
    tokenVersion: number;
    createdAt: Date;
    expiresAt: Date;
  }): Promise<string> {
    const [row] = await this.ds.query(
      `INSERT INTO auth_sessions (token_hash, csrf_token, user_id, token_version, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [s.tokenHash, s.csrfToken, s.userId, s.tokenVersion, s.createdAt, s.expiresAt],
    );
    return row.id as string;
  }

  /**
   * A live session (not ended, not expired at `now`) with its user, whatever the user's state, and whether it was
   * opened under the account's current token version.
   */
  async findLive(tokenHash: Buffer, now: Date): Promise<SessionRow | null> {
    const rows = await this.ds.query(
      `SELECT s.id, s.csrf_token, s.expires_at, s.token_version = u.token_version AS current,
              u.id AS user_id, u.role, u.email, u.state,
              u.authority_id, u.organization_id
         FROM auth_sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = $1 AND s.ended_at IS NULL AND s.expires_at > $2`,
      [tokenHash, now],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      id: r.id,
      csrfToken: r.csrf_token,
      expiresAt: new Date(r.expires_at),
      current: r.current === true,
      user: {
        id: r.user_id,
        role: r.role,
        email: r.email,
        state: r.state,
        authorityId: r.authority_id,
        organizationId: r.organization_id,
      },
    };
  }

  async end(id: string, now: Date): Promise<void> {
    await this.ds.query(`UPDATE auth_sessions SET ended_at = $2 WHERE id = $1 AND ended_at IS NULL`, [id, now]);
  }

  /** Sessions of this user that can no longer be used: housekeeping at each sign-in, so the table stays small. */
  async purgeDead(userId: string, now: Date): Promise<void> {
    await this.ds.query(`DELETE FROM auth_sessions WHERE user_id = $1 AND (ended_at IS NOT NULL OR expires_at <= $2)`, [
      userId,
      now,
    ]);
  }
}
