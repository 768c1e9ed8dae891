import { ErrorCode } from './domain-error';
import { toProblem } from './problem-details.filter';

describe('toProblem', () => {
  it('answers a connection-pool timeout with 503 and Retry-After, not a 500', () => {
    const mapped = toProblem(new Error('timeout exceeded when trying to connect'));
    expect(mapped.problem).toMatchObject({ status: 503, code: ErrorCode.SERVICE_UNAVAILABLE });
    expect(mapped.headers).toEqual({ 'Retry-After': '1' });
    expect(mapped.unexpected).toBeFalsy();
  });

  it('keeps any other unexpected error a 500', () => {
    const mapped = toProblem(new Error('boom'));
    expect(mapped.problem).toMatchObject({ status: 500, code: ErrorCode.INTERNAL_ERROR });
    expect(mapped.unexpected).toBe(true);
  });
});
