import { retryDelayMs } from './email-outbox.service';

describe('e-mail outbox backoff', () => {
  it('doubles from 30 s and stops at 1 h', () => {
    expect(retryDelayMs(1)).toBe(30_000);
    expect(retryDelayMs(2)).toBe(60_000);
    expect(retryDelayMs(3)).toBe(120_000);
    expect(retryDelayMs(8)).toBe(3_600_000);
    expect(retryDelayMs(30)).toBe(3_600_000);
  });
});
