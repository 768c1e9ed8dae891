import { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '../common/domain-error';
import { AccessGuard } from './access.guard';
import type { SessionsService } from './session/sessions.service';
import { PUBLIC_KEY } from './access.decorators';

function contextFor(handler: () => void, cls: new () => unknown): ExecutionContext {
  return {
    getHandler: () => handler,
    getClass: () => cls,
    switchToHttp: () => ({ getRequest: () => ({ headers: {} }), getResponse: () => ({}) }),
    getType: () => 'http',
  } as unknown as ExecutionContext;
}

describe('AccessGuard (deny by default)', () => {
  const guard = new AccessGuard(new Reflector(), {} as SessionsService);

  it('refuses a handler that declares nothing, with 403', async () => {
    class Undeclared {
      handler() {}
    }
    const err = await guard.canActivate(contextFor(Undeclared.prototype.handler, Undeclared)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).status).toBe(403);
  });

  it('lets a @Public() handler through without a token', async () => {
    class Open {
      handler() {}
    }
    Reflect.defineMetadata(PUBLIC_KEY, true, Open.prototype.handler);
    await expect(guard.canActivate(contextFor(Open.prototype.handler, Open))).resolves.toBe(true);
  });
});
