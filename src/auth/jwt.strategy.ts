import { createSecretKey } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { APP_CONFIG, AppConfig } from '../config/config';
import { DomainError, ErrorCode } from '../common/domain-error';
import { UsersRepository } from '../users/users.repository';
import { isUuid } from '../common/uuid';
import { AuthenticatedUser, JwtPayload } from './authenticated-user';

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy) {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly users: UsersRepository,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A KeyObject, not the string: given a string, jsonwebtoken first tries (and fails) to parse it as a public
      // key on every verification, ~1 ms of CPU per request (measured in bench/; jsonwebtoken accepts KeyObjects).
      secretOrKey: createSecretKey(Buffer.from(config.jwtSecret, 'utf8')) as unknown as Buffer,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  /** The token names the user; role, authority and organization come from the database, so a change applies at once. */
  async validate(payload: JwtPayload): Promise<AuthenticatedUser> {
    // A token without an expiry would be valid for ever; a `sub` that is no UUID names no user (and must not
    // reach PostgreSQL as one).
    if (typeof payload.exp !== 'number') throw DomainError.unauthenticated('The token has no expiry');
    const user = typeof payload.sub === 'string' && isUuid(payload.sub) ? await this.users.findById(payload.sub) : null;
    if (!user) throw DomainError.unauthenticated('The token names no user');
    if (user.state !== 'ACTIVE') {
      throw new DomainError(ErrorCode.ACCOUNT_DISABLED, 401, 'This account is disabled');
    }
    // Every token of the account ends when its password changes or it is disabled (the version moves on).
    if (payload.tv !== user.tokenVersion) throw DomainError.unauthenticated('The token has been revoked');
    return {
      id: user.id,
      role: user.role,
      email: user.email,
      authorityId: user.authorityId,
      organizationId: user.organizationId,
    };
  }
}
