import { IsoDate } from '../calendar/iso-date';

/** Reminders start this many days before the due date unless the authority sets another value. */
export const DEFAULT_REPORT_REMINDER_DAYS = 30;

/**
 * The due date of the annual report for `year` (the year reported on), given the `MM-DD`: the authority's own, else
 * the legal parameter ANNUAL_REPORT_DUE_MONTH_DAY (01-15: before 15 January, Circular 09/2014 art. 9).
 */
export function annualDueOn(year: number, monthDay: string): IsoDate {
  return `${String(year + 1).padStart(4, '0')}-${monthDay}`;
}

/** An annual period is a four-digit year. */
export function annualYear(period: string): number | null {
  return /^\d{4}$/.test(period) ? Number(period) : null;
}

/**
 * Whether a license was in force at some time during `year`: issued before the year ended and not ended before it
 * began. `endedOn` is the expiry date, or the day a revocation/surrender ended it.
 */
export function activeDuringYear(license: { issuedOn: IsoDate; endedOn: IsoDate }, year: number): boolean {
  return license.issuedOn <= `${year}-12-31` && license.endedOn >= `${year}-01-01`;
}

/** The (inclusive) first day on which the REPORT_DUE reminder is sent. */
export function reminderStartsOn(dueOn: IsoDate, days: number, addDays: (d: IsoDate, n: number) => IsoDate): IsoDate {
  return addDays(dueOn, -days);
}
