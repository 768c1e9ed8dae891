import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { DomainError, ErrorCode } from '../../common/domain-error';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { AuthService } from '../auth.service';
import { AuthenticatedUser } from '../authenticated-user';
import { SAFE_METHODS } from './session-cookie';
import { SessionsRepository } from './sessions.repository';

/** What the guard attaches to a cookie-authenticated request (beside `user`). */
export interface RequestSession {
  id: string;
  csrfToken: string;
  expiresAt: Date;
}

export interface OpenedSession extends RequestSession {
  /** The cookie's secret: given to the browser once, stored only as its SHA-256. */
  secret: string;
  /** The cookie's Max-Age, in milliseconds. */
  maxAgeMs: number;
  user: AuthenticatedUser;
}

function sha256(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Cookie sessions for the browser (OWASP Session Management and CSRF Prevention cheat sheets): a random 256-bit
 * secret in an httpOnly SameSite=Strict cookie, a synchronizer CSRF token required on every unsafe request that
 * authenticates by the cookie, the user's role and state read from the database on every request (as for bearer
 * tokens), and sign-out that ends the session on the server.
 */
@Injectable()
export class SessionsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly auth: AuthService,
    private readonly sessions: SessionsRepository,
    private readonly clock: Clock,
  ) {}

  /** Checks the credentials exactly as `POST /auth/login` does (throttle included), then opens a session. */
  async open(email: string, password: string, ip: string): Promise<OpenedSession> {
    const user = await this.auth.verifyCredentials(email, password, ip);
    const now = this.clock.now();
    const secret = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + this.config.sessionTtlSeconds * 1000);
    await this.sessions.purgeDead(user.id, now);
    const id = await this.sessions.insert({
      tokenHash: sha256(secret),
      csrfToken,
      userId: user.id,
      tokenVersion: user.tokenVersion,
      createdAt: now,
      expiresAt,
    });
    return {
      id,
      secret,
      maxAgeMs: this.config.sessionTtlSeconds * 1000,
      csrfToken,
      expiresAt,
      user: {
        id: user.id,
        role: user.role,
        email: user.email,
        authorityId: user.authorityId ?? null,
        organizationId: user.organizationId ?? null,
      },
    };
  }

  /**
   * The caller of a request that carries the session cookie. Unknown, ended or expired → 401; disabled account →
   * 401 ACCOUNT_DISABLED; an unsafe method without the matching `X-CSRF-Token` → 403 CSRF_TOKEN_INVALID.
   */
  async authenticate(
    secret: string,
    method: string,
    csrfHeader: string | undefined,
  ): Promise<{ user: AuthenticatedUser; session: RequestSession }> {
    const row =
      secret.length > 0 && secret.length <= 128 ? await this.sessions.findLive(sha256(secret), this.clock.now()) : null;
    if (!row) throw DomainError.unauthenticated('The session has ended or is unknown; sign in again');
    if (row.user.state !== 'ACTIVE') {
      throw new DomainError(ErrorCode.ACCOUNT_DISABLED, 401, 'This account is disabled');
    }
    if (!row.current) throw DomainError.unauthenticated('The session ended with a change of password or access');
    if (!SAFE_METHODS.has(method.toUpperCase()) && !(csrfHeader && sameToken(csrfHeader, row.csrfToken))) {
      throw new DomainError(
        ErrorCode.CSRF_TOKEN_INVALID,
        403,
        'A request authenticated by the session cookie must carry the session’s X-CSRF-Token header',
      );
    }
    const { state: _state, ...user } = row.user;
    return { user, session: { id: row.id, csrfToken: row.csrfToken, expiresAt: row.expiresAt } };
  }

  end(id: string): Promise<void> {
    return this.sessions.end(id, this.clock.now());
  }
}
