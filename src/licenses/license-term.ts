import { addDays, daysInMonth, IsoDate, isoDateFromParts, isoDateParts } from '../calendar/iso-date';

/** Reminders before expiry, in days (the next step may be an extension, filed ≥ 30 days before expiry). */
export const EXPIRY_REMINDER_DAYS = [90, 30, 7] as const;

/** `d` plus `n` months; a day that does not exist in the target month becomes its last day (31 Jan + 1 → 28/29 Feb). */
export function addMonths(d: IsoDate, n: number): IsoDate {
  const { year, month, day } = isoDateParts(d);
  const index = year * 12 + (month - 1) + n;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return isoDateFromParts(y, m, Math.min(day, daysInMonth(y, m)));
}

export function addYears(d: IsoDate, n: number): IsoDate {
  return addMonths(d, 12 * n);
}

/**
 * The last day a license issued on `issuedOn` may be valid: a term of N years (LICENSE_MAX_TERM_YEARS, 10) counted from the day of issue
 * included, so it ends the day before the tenth anniversary (2026-03-05 → 2036-03-04).
 */
export function maxExpiryFor(issuedOn: IsoDate, maxTermYears: number): IsoDate {
  return addDays(addYears(issuedOn, maxTermYears), -1);
}

/** The latest expiry an extension may grant: N years (EXTENSION_MAX_YEARS, 2) past the current expiry (2031-03-04 → 2033-03-04). */
export function maxExtendedExpiry(currentExpiresOn: IsoDate, maxExtensionYears: number): IsoDate {
  return addYears(currentExpiresOn, maxExtensionYears);
}

/**
 * Which reminder is due when `daysLeft` days remain: the smallest threshold not below it (so a run that missed a
 * day still sends it, and a license issued with 20 days left gets the 30-day reminder only). Null when none.
 */
export function reminderThreshold(daysLeft: number): number | null {
  if (daysLeft < 0) return null;
  const due = EXPIRY_REMINDER_DAYS.filter((d) => daysLeft <= d);
  return due.length ? Math.min(...due) : null;
}
