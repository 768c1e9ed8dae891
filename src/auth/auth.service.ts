import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG, AppConfig } from '../config/config';
import { DomainError, ErrorCode } from '../common/domain-error';
import { User } from '../users/user.entity';
import { UsersRepository } from '../users/users.repository';
import { JwtPayload } from './authenticated-user';
import { hashPassword, verifyPassword } from './password';
import { LoginResponseDto } from './dto/auth.dto';
import { RateLimiter } from '../common/rate-limit';

@Injectable()
export class AuthService {
  /** Compared against when the e-mail is unknown, so that timing does not tell which e-mails exist. */
  private dummyHash?: Promise<string>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersRepository,
    private readonly jwt: JwtService,
    private readonly limiter: RateLimiter,
  ) {}

  /**
   * The user these credentials name, if they are right and the account is active. The attempt is counted per IP and
   * per e-mail before the password is checked (one atomic upsert each), so parallel attempts cannot all pass the
   * limit; a successful check takes its attempt back, so the limit counts failures.
   */
  async verifyCredentials(email: string, password: string, ip: string): Promise<User> {
    const subjects = [`ip:${ip}`, `email:${email.trim().toLowerCase()}`];
    for (const subject of subjects) await this.limiter.consume('login', subject);
    const user = await this.users.findForLogin(email.trim());
    this.dummyHash ??= hashPassword('not-a-real-password', this.config.passwordHashCost);
    const ok = await verifyPassword(password, user?.passwordHash ?? (await this.dummyHash));
    if (!user || !ok) throw new DomainError(ErrorCode.INVALID_CREDENTIALS, 401, 'E-mail or password is wrong');
    if (user.state !== 'ACTIVE') throw new DomainError(ErrorCode.ACCOUNT_DISABLED, 401, 'This account is disabled');
    for (const subject of subjects) await this.limiter.refund('login', subject);
    return user;
  }

  async login(email: string, password: string, ip: string): Promise<LoginResponseDto> {
    return this.issueToken(await this.verifyCredentials(email, password, ip));
  }

  /** A token for `user`: its id, role and token version (every token ends when the version moves on). */
  async issueToken(user: User): Promise<LoginResponseDto> {
    const payload: JwtPayload = { sub: user.id, role: user.role, tv: user.tokenVersion };
    const accessToken = await this.jwt.signAsync(payload);
    return {
      accessToken,
      expiresIn: this.config.jwtExpiresInSeconds,
      user: {
        id: user.id,
        email: user.email,
        role: user.role,
        authorityId: user.authorityId ?? undefined,
        organizationId: user.organizationId ?? undefined,
      },
    };
  }
}
