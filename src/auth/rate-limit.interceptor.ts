import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { from, Observable } from 'rxjs';
import { mergeMap } from 'rxjs/operators';
import { RATE_LIMIT_KEY, RateLimiter, RateLimitPolicyName, rateLimitHeaders } from '../common/rate-limit';
import { PUBLIC_KEY } from './access.decorators';
import type { AuthenticatedUser } from './authenticated-user';

/**
 * Counts every request against its policy before the handler runs (after the AccessGuard, which names the user):
 * `@RateLimit(...)` on the handler, else `anonymous` per IP for `@Public()` routes and `user` per account for the
 * rest. The client IP is Express's `req.ip`: `X-Forwarded-For` counts only with `TRUST_PROXY` set.
 */
@Injectable()
export class RateLimitInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly limiter: RateLimiter,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const targets = [context.getHandler(), context.getClass()];
    const declared = this.reflector.getAllAndOverride<RateLimitPolicyName | 'self' | 'none' | undefined>(
      RATE_LIMIT_KEY,
      targets,
    );
    if (declared === 'self' || declared === 'none') return next.handle();
    const req = context.switchToHttp().getRequest<Request & { user?: AuthenticatedUser }>();
    const res = context.switchToHttp().getResponse<Response>();
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets);
    const policy: RateLimitPolicyName = declared ?? (isPublic || !req.user ? 'anonymous' : 'user');
    const subject = policy === 'user' && req.user ? `user:${req.user.id}` : `ip:${req.ip ?? 'unknown'}`;
    return from(this.limiter.consume(policy, subject)).pipe(
      mergeMap((state) => {
        for (const [name, value] of Object.entries(rateLimitHeaders(state))) res.setHeader(name, value);
        return next.handle();
      }),
    );
  }
}
