import { ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { Request } from 'express';
import { DomainError } from '../common/domain-error';
import { PUBLIC_KEY, ROLES_KEY } from './access.decorators';
import { AuthenticatedUser } from './authenticated-user';
import { Role } from './roles';
import { CSRF_HEADER, readCookie, SESSION_COOKIE } from './session/session-cookie';
import { RequestSession, SessionsService } from './session/sessions.service';

export type AuthenticatedRequest = Request & { user: AuthenticatedUser; session?: RequestSession };

/**
 * The one global guard. Deny by default: a handler must declare `@Public()` or `@Roles(...)`; a handler that
 * declares neither is refused for everyone (and a test walks every route to make sure none does).
 *
 * Two ways to authenticate: a bearer token (API clients; it wins when present) or the back office's session
 * cookie, which also requires the session's CSRF token on unsafe methods (see `session/sessions.service.ts`).
 */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
  ) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (!roles) {
      this.logger.error(
        `Route without an access declaration refused: ${context.getClass().name}.${context.getHandler().name}`,
      );
      throw DomainError.forbidden('This route declares no access rule');
    }
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const cookie = req.headers.authorization ? undefined : readCookie(req.headers.cookie, SESSION_COOKIE);
    if (cookie !== undefined) {
      const { user, session } = await this.sessions.authenticate(cookie, req.method, req.header(CSRF_HEADER));
      req.user = user;
      req.session = session;
    } else {
      await super.canActivate(context);
    }
    const user = req.user;
    if (!roles.includes(user.role)) throw DomainError.forbidden(`This action is not open to the role ${user.role}`);
    return true;
  }

  override handleRequest<TUser = AuthenticatedUser>(err: unknown, user: TUser | false): TUser {
    // A failure to check the token (the database unreachable or busy) is not a bad token: it stays what it is.
    if (err) throw err;
    if (!user) throw DomainError.unauthenticated();
    return user;
  }
}
