import { ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { Request } from 'express';
import { DomainError } from '../common/domain-error';
import { PUBLIC_KEY, ROLES_KEY } from './access.decorators';
import { AuthenticatedUser } from './authenticated-user';
import { Role } from './roles';

/**
 * The one global guard. Deny by default: a handler must declare `@Public()` or `@Roles(...)`; a handler that
 * declares neither is refused for everyone (and a test walks every route to make sure none does).
 */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(private readonly reflector: Reflector) {
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
    await super.canActivate(context);
    const user = context.switchToHttp().getRequest<Request & { user: AuthenticatedUser }>().user;
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
