import { endOfDayInZone, IsoDate, zonedIsoDate } from '../calendar/iso-date';
import type { WorkingDayCalendar } from '../calendar/working-day-calendar';
import { ApplicationState, CLOCK_STATES } from './application.machine';

export interface Deadline {
  dueAt: Date;
  workingDaysLeft: number;
  overdue: boolean;
  paused: boolean;
}

/**
 * The statutory clock started on `startedOn` (the day the dossier was confirmed complete): `n` working days from
 * the day after, ending at the end of the last day in the authority's time zone (Decree 72/2013 art. 23e;
 * Civil Code 2015 art. 147–148).
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
