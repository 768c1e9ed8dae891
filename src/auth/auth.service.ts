import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG, AppConfig } from '../config/config';
import { DomainError, ErrorCode } from '../common/domain-error';
import { User } from '../users/user.entity';
import { UsersRepository } from '../users/users.repository';
import { JwtPayload } from './authenticated-user';
import { hashPassword, verifyPassword } from './password';
import { LoginThrottle } from './login-throttle';
import { LoginResponseDto } from './dto/auth.dto';

@Injectable()
export class AuthService {
  /** Compared against when the e-mail is unknown, so that timing does not tell which e-mails exist. */
  private dummyHash?: Promise<string>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersRepository,
    private readonly jwt: JwtService,
    private readonly throttle: LoginThrottle,
  ) {}

  /** The user these credentials name, if they are right and the account is active (throttled per IP and e-mail). */
  async verifyCredentials(email: string, password: string, ip: string): Promise<User> {
    await this.throttle.assertAllowed(ip, email);
    const user = await this.users.findForLogin(email.trim());
    this.dummyHash ??= hashPassword('not-a-real-password', this.config.passwordHashCost);
    const ok = await verifyPassword(password, user?.passwordHash ?? (await this.dummyHash));
    if (!user || !ok) {
      await this.throttle.recordFailure(ip, email);
      throw new DomainError(ErrorCode.INVALID_CREDENTIALS, 401, 'E-mail or password is wrong');
    }
    if (user.state !== 'ACTIVE') throw new DomainError(ErrorCode.ACCOUNT_DISABLED, 401, 'This account is disabled');
    await this.throttle.clearEmail(email);
    return user;
  }

  async login(email: string, password: string, ip: string): Promise<LoginResponseDto> {
    const user = await this.verifyCredentials(email, password, ip);
    const payload: JwtPayload = { sub: user.id, role: user.role };
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
