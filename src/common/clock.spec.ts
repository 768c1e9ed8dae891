import { FixedClock, SystemClock } from './clock';

describe('SystemClock', () => {
  it('follows the real time until frozen, then moves only when advanced, and resets', () => {
    const clock = new SystemClock();
    const before = Date.now();
    const now = clock.now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(clock.frozen).toBe(false);

    clock.set(new Date('2026-02-13T03:00:00Z'));
    expect(clock.frozen).toBe(true);
    expect(clock.now().toISOString()).toBe('2026-02-13T03:00:00.000Z');
    clock.advance(86_400_000);
    expect(clock.now().toISOString()).toBe('2026-02-14T03:00:00.000Z');

    clock.reset();
    expect(clock.frozen).toBe(false);
    expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(1000);
  });

  it('returns a fresh Date each time (callers cannot move the clock by mutating it)', () => {
    const clock = new SystemClock();
    clock.set(new Date('2026-01-01T00:00:00Z'));
    clock.now().setFullYear(2000);
    expect(clock.now().toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });

  it('refuses an invalid date or duration', () => {
    const clock = new SystemClock();
    expect(() => clock.set(new Date('nope'))).toThrow(RangeError);
    expect(() => clock.advance(Number.NaN)).toThrow(RangeError);
  });
});

describe('FixedClock', () => {
  it('stands still at the given instant', () => {
    const clock = new FixedClock('2026-02-13T03:00:00Z');
    expect(clock.now().toISOString()).toBe('2026-02-13T03:00:00.000Z');
    clock.advance(1000);
    expect(clock.now().toISOString()).toBe('2026-02-13T03:00:01.000Z');
    clock.set(new Date('2027-01-01T00:00:00Z'));
    expect(clock.now().toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });
});
