import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { RateLimiter } from '../common/rate-limit';
import { APP_CONFIG, AppConfig } from '../config/config';
import { NotificationsService } from '../notifications/notifications.service';
import { User } from '../users/user.entity';
import { UsersRepository } from '../users/users.repository';
import { AccountTokenPurpose, AccountTokensRepository } from './account-tokens.repository';
import { AuthService } from './auth.service';
import type { AuthenticatedUser } from './authenticated-user';
import { AcceptedDto, AdminPasswordResetResponseDto } from './dto/account.dto';
import { LoginResponseDto } from './dto/auth.dto';
import { assertStrongPassword, hashPassword, verifyPassword } from './password';
import type { Actor } from './roles';

/** Kinds of the account e-mails: sent through the outbox, never listed by GET /notifications (they hold tokens). */
export const ACCOUNT_NOTIFICATION_KINDS = ['PASSWORD_RESET', 'EMAIL_VERIFICATION', 'REGISTRATION_ATTEMPT'] as const;

/** A stored hash no password matches: the account can only be entered again through a reset link. */
const UNUSABLE_PASSWORD_HASH = '!reset-required';

const INVALID_TOKEN = 'INVALID_TOKEN';

/**
 * Account recovery and proof of the e-mail address. Every password change moves the account's token version on,
 * so every token issued before ends (JwtStrategy compares it), and ends every pending reset link.
 */
@Injectable()
export class AccountService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersRepository,
    private readonly tokens: AccountTokensRepository,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    private readonly auth: AuthService,
    private readonly limiter: RateLimiter,
    private readonly clock: Clock,
  ) {}

  /** Whether registration asks the owner to prove the e-mail address first (only where e-mail can be sent). */
  get emailVerificationOn(): boolean {
    return Boolean(this.config.smtp);
  }

  /** The caller changes their own password; the answer is a new token (every earlier one has ended). */
  async changePassword(caller: AuthenticatedUser, current: string, next: string): Promise<LoginResponseDto> {
    // The current password is a password check like a login's: counted per e-mail before it is made.
    const subject = `email:${caller.email.trim().toLowerCase()}`;
    await this.limiter.consume('login', subject);
    const user = await this.users.findForLogin(caller.email);
    if (!user || !(await verifyPassword(current, user.passwordHash))) {
      throw new DomainError('WRONG_PASSWORD', 422, 'The current password is wrong', {
        errors: [{ field: 'currentPassword', message: 'currentPassword is wrong' }],
      });
    }
    await this.limiter.refund('login', subject);
    assertStrongPassword(next, user.email, 'newPassword');
    const passwordHash = await hashPassword(next, this.config.passwordHashCost);
    const updated = await this.dataSource.transaction(async (em) => {
      const u = await this.setPassword(em, user.id, passwordHash);
      await this.audit.record(em, {
        actor: caller,
        action: 'user.password_changed',
        entityType: 'user',
        entityId: user.id,
        authorityId: user.authorityId,
        organizationId: user.organizationId,
      });
      return u;
    });
    return this.auth.issueToken(updated);
  }

  /**
   * Forgot password: a reset link to an active account's address, through the outbox. The answer is the same
   * whether or not the address has an account, and no audit event is written for the anonymous caller.
   */
  async forgotPassword(email: string): Promise<AcceptedDto> {
    const user = await this.users.findForLogin(email.trim());
    if (user && user.state === 'ACTIVE') {
      await this.dataSource.transaction((em) => this.sendToken(em, user, 'PASSWORD_RESET'));
    }
    return { status: 'EMAIL_SENT_IF_ACCOUNT_EXISTS' };
  }

  /** Sets a new password with a reset link's token: single use, short-lived; every token of the account ends. */
  async resetPassword(token: string, next: string): Promise<void> {
    const now = this.clock.now();
    const userId = await this.tokens.peek(this.dataSource.manager, token, 'PASSWORD_RESET', now);
    const user = userId ? await this.users.findById(userId) : null;
    if (!user || user.state !== 'ACTIVE') throw invalidToken();
    assertStrongPassword(next, user.email, 'newPassword');
    const passwordHash = await hashPassword(next, this.config.passwordHashCost);
    await this.dataSource.transaction(async (em) => {
      // Used in one statement: of two concurrent resets with the same token, one wins and the other is refused.
      if ((await this.tokens.consume(em, token, 'PASSWORD_RESET', now)) !== user.id) throw invalidToken();
      await this.setPassword(em, user.id, passwordHash);
      // Following the link proved the mailbox, too.
      await em.query(`UPDATE users SET email_verified_at = coalesce(email_verified_at, $2) WHERE id = $1`, [
        user.id,
        now,
      ]);
      await this.audit.record(em, {
        actor: { id: user.id, role: user.role, authorityId: user.authorityId, organizationId: user.organizationId },
        action: 'user.password_reset',
        entityType: 'user',
        entityId: user.id,
        authorityId: user.authorityId,
        organizationId: user.organizationId,
      });
    });
  }

  /**
   * An admin forces a reset: every token of the account ends at once and its password stops working; the owner
   * gets a reset link by e-mail, or the admin sets a temporary password (deployments without e-mail).
   */
  async adminReset(
    id: string,
    temporaryPassword: string | undefined,
    admin: Actor,
  ): Promise<AdminPasswordResetResponseDto> {
    const user = await this.users.findById(id);
    if (!user) throw DomainError.notFound('User');
    if (temporaryPassword !== undefined) assertStrongPassword(temporaryPassword, user.email, 'temporaryPassword');
    const passwordHash =
      temporaryPassword !== undefined
        ? await hashPassword(temporaryPassword, this.config.passwordHashCost)
        : UNUSABLE_PASSWORD_HASH;
    await this.dataSource.transaction(async (em) => {
      await this.setPassword(em, user.id, passwordHash);
      if (temporaryPassword === undefined) await this.sendToken(em, user, 'PASSWORD_RESET');
      await this.audit.record(em, {
        actor: admin,
        action: 'user.password_reset_forced',
        entityType: 'user',
        entityId: user.id,
        authorityId: user.authorityId,
        organizationId: user.organizationId,
        data: { temporaryPassword: temporaryPassword !== undefined },
      });
    });
    return { tokensRevoked: true, resetLinkQueued: temporaryPassword === undefined };
  }

  /** The owner proves the e-mail address with the token e-mailed at registration. */
  async verifyEmail(token: string): Promise<void> {
    const now = this.clock.now();
    await this.dataSource.transaction(async (em) => {
      const userId = await this.tokens.consume(em, token, 'EMAIL_VERIFICATION', now);
      const user = userId ? await this.users.findById(userId, em) : null;
      if (!user) throw invalidToken();
      await em.query(`UPDATE users SET email_verified_at = coalesce(email_verified_at, $2) WHERE id = $1`, [
        user.id,
        now,
      ]);
      await this.audit.record(em, {
        actor: { id: user.id, role: user.role, organizationId: user.organizationId },
        action: 'user.email_verified',
        entityType: 'user',
        entityId: user.id,
        organizationId: user.organizationId,
      });
    });
  }

  /** The verification e-mail of a new registration, in its transaction. */
  sendVerification(em: EntityManager, user: User): Promise<void> {
    return this.sendToken(em, user, 'EMAIL_VERIFICATION');
  }

  /**
   * Someone registered with an address that has an account: its owner is told (they may have forgotten it), and
   * the caller gets the same answer as for a new address.
   */
  async notifyRegistrationAttempt(em: EntityManager, user: User): Promise<void> {
    await this.notifications.notify(em, {
      audience: { userId: user.id },
      kind: 'REGISTRATION_ATTEMPT',
      title: 'Có người đăng ký tài khoản bằng địa chỉ thư điện tử của bạn',
      body:
        'Địa chỉ thư điện tử này đã có tài khoản. Nếu bạn quên mật khẩu, hãy dùng chức năng "Quên mật khẩu". ' +
        'Nếu không phải bạn, hãy bỏ qua thư này.',
      entityType: 'user',
      entityId: user.id,
    });
  }

  private async setPassword(em: EntityManager, userId: string, passwordHash: string): Promise<User> {
    await em.query(
      `UPDATE users SET password_hash = $2, token_version = token_version + 1, updated_at = $3 WHERE id = $1`,
      [userId, passwordHash, this.clock.now()],
    );
    await this.tokens.revokeAll(em, userId, this.clock.now());
    const user = await this.users.findById(userId, em);
    if (!user) throw DomainError.notFound('User');
    return user;
  }

  private async sendToken(em: EntityManager, user: User, purpose: AccountTokenPurpose): Promise<void> {
    const now = this.clock.now();
    const minutes = this.config.accountTokenTtlMinutes;
    const token = await this.tokens.issue(em, user.id, purpose, now, new Date(now.getTime() + minutes * 60_000));
    const base = this.config.publicBaseUrl;
    const reset = purpose === 'PASSWORD_RESET';
    const link = `${base}/account/${reset ? 'reset-password' : 'verify-email'}?token=${token}`;
    await this.notifications.notify(em, {
      audience: { userId: user.id },
      kind: purpose,
      title: reset ? 'Đặt lại mật khẩu' : 'Xác nhận địa chỉ thư điện tử',
      body:
        (reset
          ? `Để đặt lại mật khẩu, hãy mở liên kết sau trong vòng ${minutes} phút: ${link}`
          : `Để xác nhận địa chỉ thư điện tử và nộp hồ sơ, hãy mở liên kết sau trong vòng ${minutes} phút: ${link}`) +
        `\nMã xác nhận: ${token}\nNếu bạn không yêu cầu, hãy bỏ qua thư này.`,
      entityType: 'user',
      entityId: user.id,
    });
  }
}

function invalidToken(): DomainError {
  return new DomainError(INVALID_TOKEN, 422, 'The link is invalid, expired or already used; ask for a new one', {
    errors: [{ field: 'token', message: 'token is invalid, expired or already used' }],
  });
}
