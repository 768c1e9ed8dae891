import { Reflector } from '@nestjs/core';
import { DomainError } from '../common/domain-error';
import { AccessGuard } from './access.guard';
import type { SessionsService } from './session/sessions.service';

describe('AccessGuard.handleRequest', () => {
  const guard = new AccessGuard(new Reflector(), {} as SessionsService);

  it('answers a missing or invalid token with 401', () => {
    expect(() => guard.handleRequest(null, false)).toThrow(DomainError);
    expect(() => guard.handleRequest(null, false)).toThrow(expect.objectContaining({ status: 401 }));
  });

  it('lets an error of the token check itself through (a busy database is no bad token)', () => {
    const dbError = new Error('timeout exceeded when trying to connect');
    expect(() => guard.handleRequest(dbError, false)).toThrow(dbError);
  });

  it('passes the user on', () => {
    const user = { id: 'u', role: 'admin' };
    expect(guard.handleRequest(null, user)).toBe(user);
  });
});
