import { endOfDayInZone, IsoDate, zonedIsoDate } from '../calendar/iso-date';
import type { WorkingDayCalendar } from '../calendar/working-day-calendar';
import { ApplicationState, CLOCK_STATES } from './application.machine';

/** States in which the desk's completeness check is open. */
const COMPLETENESS_STATES: readonly ApplicationState[] = ['SUBMITTED', 'IN_REVIEW'];

export interface Deadline {
  dueAt: Date;
  workingDaysLeft: number;
  overdue: boolean;
  paused: boolean;
}

/**
 * A period that started on `startedOn` (for the statutory clock: the day the complete dossier or its last supplement
 * was received, "kể từ ngày nhận được hồ sơ hợp lệ"): `n` working days from the day after, ending at the end of the
 * last day in the authority's time zone (Decree 147/2024; Civil Code 2015 art. 147–148).
 */
export function statutoryDueAt(calendar: WorkingDayCalendar, startedOn: IsoDate, n: number, timeZone: string) {
  const dueOn = calendar.addWorkingDays(startedOn, n);
  return { dueOn, dueAt: endOfDayInZone(dueOn, timeZone) };
}

export interface ClockFacts {
  state: ApplicationState;
  dueAt: Date | null;
  clockPaused: boolean;
  /** When the dossier left the clock's states for good (decision, return, withdrawal); null while open. */
  stoppedAt: Date | null;
}

/**
 * The `deadline` of an application at `now`: null before the clock starts. Once the dossier is closed the figures
 * are frozen at the moment it closed; while a supplement is awaited the clock is paused and never overdue.
 */
export function deadlineOf(
  app: ClockFacts,
  calendar: WorkingDayCalendar,
  now: Date,
  timeZone: string,
): Deadline | null {
  if (!app.dueAt) return null;
  const at = app.stoppedAt ?? now;
  // The clock runs only in IN_APPRAISAL and PENDING_DECISION; every way out of them pauses or stops it.
  const running = !app.clockPaused && (app.stoppedAt !== null || CLOCK_STATES.includes(app.state));
  return {
    dueAt: app.dueAt,
    workingDaysLeft: calendar.workingDaysLeft(zonedIsoDate(at, timeZone), zonedIsoDate(app.dueAt, timeZone)),
    overdue: running && at.getTime() > app.dueAt.getTime(),
    paused: app.clockPaused,
  };
}

export interface CompletenessCheck {
  /** The day the dossier or its last supplement was received. */
  receivedOn: string | null;
  dueAt: Date;
  /** Whether the check is still to be made (the dossier is SUBMITTED or IN_REVIEW). */
  open: boolean;
  /** Working days left while open; null once the check was made. */
  workingDaysLeft: number | null;
  overdue: boolean;
}

/** The completeness check of the last receipt at `now`: its own period (COMPLETENESS_CHECK_WORKING_DAYS). */
export function completenessOf(
  app: { state: ApplicationState; receivedOn: string | null; dueAt: Date },
  calendar: WorkingDayCalendar,
  now: Date,
  timeZone: string,
): CompletenessCheck {
  const open = COMPLETENESS_STATES.includes(app.state);
  return {
    receivedOn: app.receivedOn,
    dueAt: app.dueAt,
    open,
    workingDaysLeft: open
      ? calendar.workingDaysLeft(zonedIsoDate(now, timeZone), zonedIsoDate(app.dueAt, timeZone))
      : null,
    overdue: open && now.getTime() > app.dueAt.getTime(),
  };
}
