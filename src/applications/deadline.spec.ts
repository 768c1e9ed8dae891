import { statutoryYearTable } from '../calendar/holidays';
import { WorkingDayCalendar } from '../calendar/working-day-calendar';
import { deadlineOf, statutoryDueAt } from './deadline';

const TZ = 'Asia/Ho_Chi_Minh';
const calendar = new WorkingDayCalendar([statutoryYearTable(2026)]);

describe('statutoryDueAt (Decree 72 art. 23e)', () => {
  it('runs 10 working days across Tết 2026: confirmed Friday 13 February → end of Friday 6 March, +07:00', () => {
    const { dueOn, dueAt } = statutoryDueAt(calendar, '2026-02-13', 10, TZ);
    expect(dueOn).toBe('2026-03-06');
    expect(dueAt.toISOString()).toBe('2026-03-06T16:59:59.999Z');
  });

  it('counts from the day after (Civil Code art. 147): confirmed Monday 2 March → Monday 16 March', () => {
    expect(statutoryDueAt(calendar, '2026-03-02', 10, TZ).dueOn).toBe('2026-03-16');
  });
});

describe('deadlineOf', () => {
  const dueAt = new Date('2026-03-06T16:59:59.999Z');

  it('is null before the clock starts', () => {
    expect(
      deadlineOf({ state: 'IN_REVIEW', dueAt: null, clockPaused: false, stoppedAt: null }, calendar, new Date(), TZ),
    ).toBeNull();
  });

  it('counts the working days left, today included', () => {
    const d = deadlineOf(
      { state: 'IN_APPRAISAL', dueAt, clockPaused: false, stoppedAt: null },
      calendar,
      new Date('2026-03-02T02:00:00Z'),
      TZ,
    );
    expect(d).toEqual({ dueAt, workingDaysLeft: 5, overdue: false, paused: false });
  });

  it('is overdue after the end of the last day, not during it', () => {
    const facts = { state: 'PENDING_DECISION' as const, dueAt, clockPaused: false, stoppedAt: null };
    expect(deadlineOf(facts, calendar, new Date('2026-03-06T16:59:59.000Z'), TZ)?.overdue).toBe(false);
    expect(deadlineOf(facts, calendar, new Date('2026-03-06T17:00:00.000Z'), TZ)).toEqual({
      dueAt,
      workingDaysLeft: 0,
      overdue: true,
      paused: false,
    });
  });

  it('is never overdue while paused for a supplement', () => {
    const d = deadlineOf(
      { state: 'SUPPLEMENT_REQUESTED', dueAt, clockPaused: true, stoppedAt: null },
      calendar,
      new Date('2026-04-01T02:00:00Z'),
      TZ,
    );
    expect(d).toMatchObject({ overdue: false, paused: true });
  });

  it('freezes at the decision', () => {
    const d = deadlineOf(
      { state: 'APPROVED', dueAt, clockPaused: false, stoppedAt: new Date('2026-03-05T03:00:00Z') },
      calendar,
      new Date('2026-05-01T02:00:00Z'),
      TZ,
    );
    expect(d).toEqual({ dueAt, workingDaysLeft: 2, overdue: false, paused: false });
  });
});
