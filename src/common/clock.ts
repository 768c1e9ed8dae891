/**
 * "Now", injectable. Every rule that depends on the current instant (deadlines, overdue lists, expiries, the
 * scheduler) reads it from the `Clock` provider instead of calling `new Date()`, so tests can move time.
 *
 * The application provides `{ provide: Clock, useClass: SystemClock }` globally (CalendarModule). `SystemClock`
 * follows the real time until a test freezes it:
 *
 * ```ts
 * const clock = t.app.get(Clock) as SystemClock;
 * clock.set(new Date('2026-02-13T03:00:00Z')); // frozen at this instant
 * clock.advance(24 * 3_600_000);               // one day later, still frozen
 * clock.reset();                               // back to the real time
 * ```
 *
 * Unit tests can use `FixedClock` directly, without Nest.
 */
export abstract class Clock {
  abstract now(): Date;
}

/** The real time, which tests may freeze (`set`), move (`advance`) and release (`reset`). */
export class SystemClock extends Clock {
  private fixedMs: number | null = null;

  now(): Date {
    return new Date(this.fixedMs ?? Date.now());
  }

  /** Freezes the clock at `instant` until `reset()`. */
  set(instant: Date): void {
    const ms = instant.getTime();
    if (Number.isNaN(ms)) throw new RangeError('Clock.set: invalid date');
    this.fixedMs = ms;
  }

  /** Moves a frozen clock by `ms` (freezing it at the current real time first if it was running). */
  advance(ms: number): void {
    if (!Number.isFinite(ms)) throw new RangeError('Clock.advance: invalid duration');
    this.fixedMs = (this.fixedMs ?? Date.now()) + ms;
  }

  /** Back to the real time. */
  reset(): void {
    this.fixedMs = null;
  }

  /** True while a test has frozen the clock. */
  get frozen(): boolean {
    return this.fixedMs !== null;
  }
}

/** A clock that stands still at a given instant (unit tests). */
export class FixedClock extends Clock {
  private ms: number;

  constructor(instant: Date | string = new Date(0)) {
    super();
    this.ms = new Date(instant).getTime();
  }

  now(): Date {
    return new Date(this.ms);
  }

  set(instant: Date | string): void {
    this.ms = new Date(instant).getTime();
  }

  advance(ms: number): void {
    this.ms += ms;
  }
}
