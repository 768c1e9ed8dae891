import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCookieAuth,
  ApiForbiddenResponse,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { AuthenticatedUser } from './authenticated-user';
import { Role } from './roles';

export const ROLES_KEY = 'access:roles';
export const PUBLIC_KEY = 'access:public';

const RATE_LIMITED_DESCRIPTION =
  'Rate limited (see the RateLimit and RateLimit-Policy headers); retry after Retry-After seconds';

/** Only these roles may call the handler (any authenticated caller is refused otherwise, 403). */
export const Roles = (...roles: Role[]) =>
  applyDecorators(
    SetMetadata(ROLES_KEY, roles),
    ApiBearerAuth(),
    // Or the back office's session cookie (with X-CSRF-Token on unsafe methods).
    ApiCookieAuth('session'),
    ApiUnauthorizedResponse({ description: 'No or invalid bearer token' }),
    ApiForbiddenResponse({ description: `Role not allowed (allowed: ${roles.join(', ')})` }),
    ApiTooManyRequestsResponse({ description: RATE_LIMITED_DESCRIPTION }),
  );

/** Anyone, without a token. */
export const Public = () =>
  applyDecorators(SetMetadata(PUBLIC_KEY, true), ApiTooManyRequestsResponse({ description: RATE_LIMITED_DESCRIPTION }));

/** The authenticated caller (set by the AccessGuard). */
export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthenticatedUser => {
  const req = ctx.switchToHttp().getRequest<Request & { user?: AuthenticatedUser }>();
  if (!req.user) throw new Error('CurrentUser used on a handler without @Roles');
  return req.user;
});
