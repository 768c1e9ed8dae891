import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export type AccountTokenPurpose = 'PASSWORD_RESET' | 'EMAIL_VERIFICATION';

/** SHA-256 of a token: only the hash is stored, so a copy of the database resets no password. */
export function hashAccountToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Single-use, short-lived tokens sent by e-mail (password reset, e-mail verification). */
@Injectable()
export class AccountTokensRepository {
  /**
   * A new token for `userId`; earlier tokens of the same purpose end (only the latest e-mail works).
   * Returns the token itself, which exists only in the e-mail.
   */
  async issue(
    em: EntityManager,
    userId: string,
    purpose: AccountTokenPurpose,
    now: Date,
    expiresAt: Date,
  ): Promise<string> {
    // One row per account and purpose at most: asking again replaces the earlier token (bounded writes).
    await em.query(`DELETE FROM account_tokens WHERE user_id = $1 AND purpose = $2`, [userId, purpose]);
    const token = randomBytes(32).toString('base64url');
    await em.query(
      `INSERT INTO account_tokens (user_id, purpose, token_hash, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)`,
      [userId, purpose, hashAccountToken(token), now, expiresAt],
    );
    return token;
  }

  /** The user a valid (unused, unexpired) token names, without using it. */
  async peek(em: EntityManager, token: string, purpose: AccountTokenPurpose, now: Date): Promise<string | null> {
    const rows: { user_id: string }[] = await em.query(
      `SELECT user_id FROM account_tokens
        WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3`,
      [hashAccountToken(token), purpose, now],
    );
    return rows[0]?.user_id ?? null;
  }

  /** Uses the token: one statement, so of two concurrent uses exactly one gets the user. */
  async consume(em: EntityManager, token: string, purpose: AccountTokenPurpose, now: Date): Promise<string | null> {
    // TypeORM answers an UPDATE … RETURNING with [rows, affected].
    const [rows]: [{ user_id: string }[], number] = await em.query(
      `UPDATE account_tokens SET used_at = $3
        WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3
        RETURNING user_id`,
      [hashAccountToken(token), purpose, now],
    );
    return rows[0]?.user_id ?? null;
  }

  /** Ends every unused token of the user (a password change ends pending reset links too). */
  async revokeAll(em: EntityManager, userId: string, now: Date): Promise<void> {
    await em.query(`UPDATE account_tokens SET used_at = $2 WHERE user_id = $1 AND used_at IS NULL`, [userId, now]);
  }
}
