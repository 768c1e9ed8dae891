import type { FieldError } from '../common/domain-error';
import type { NonWorkingDay, YearTable } from './holidays';
import { compareIsoDate, dayOfWeek, isIsoDate, isoDateYear } from './iso-date';

export interface YearTableInput {
  nonWorkingDays: { date: unknown; name: unknown }[];
  workingWeekends: unknown[];
}

export type YearTableCheck = { ok: true; table: YearTable } | { ok: false; errors: FieldError[] };

/**
 * Checks an admin's table for `year` and returns it normalized (sorted, names trimmed and NFC-normalized), or one
 * error per offending field. Rules: every date is a real date inside `year`; each date appears once per list;
 * names are non-empty; no date is both a day off and a worked weekend; worked weekends are Saturdays or Sundays
 * (a swap notice can only turn a weekly rest day into a working day — Decision 188/1999/QĐ-TTg).
 */
export function checkYearTable(year: number, input: YearTableInput): YearTableCheck {
  const errors: FieldError[] = [];
  const nonWorking: NonWorkingDay[] = [];
  const seenOff = new Set<string>();
  input.nonWorkingDays.forEach((entry, i) => {
    const field = `nonWorkingDays[${i}]`;
    const name = typeof entry.name === 'string' ? entry.name.normalize('NFC').trim() : '';
    if (!name) errors.push({ field: `${field}.name`, message: 'must be a non-empty name' });
    if (!isIsoDate(entry.date)) {
      errors.push({ field: `${field}.date`, message: 'must be a real calendar date YYYY-MM-DD' });
      return;
    }
    if (isoDateYear(entry.date) !== year) {
      errors.push({ field: `${field}.date`, message: `must be a date in ${year}` });
      return;
    }
    if (seenOff.has(entry.date)) {
      errors.push({ field: `${field}.date`, message: `${entry.date} is listed more than once` });
      return;
    }
    seenOff.add(entry.date);
    nonWorking.push({ date: entry.date, name });
  });

  const worked: string[] = [];
  const seenWorked = new Set<string>();
  input.workingWeekends.forEach((date, i) => {
    const field = `workingWeekends[${i}]`;
    if (!isIsoDate(date)) {
      errors.push({ field, message: 'must be a real calendar date YYYY-MM-DD' });
    } else if (isoDateYear(date) !== year) {
      errors.push({ field, message: `must be a date in ${year}` });
    } else if (seenWorked.has(date)) {
      errors.push({ field, message: `${date} is listed more than once` });
    } else if (dayOfWeek(date) !== 0 && dayOfWeek(date) !== 6) {
      errors.push({ field, message: `${date} is not a Saturday or Sunday` });
    } else if (seenOff.has(date)) {
      errors.push({ field, message: `${date} is also listed as a non-working day` });
    } else {
      seenWorked.add(date);
      worked.push(date);
    }
  });

  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    table: {
      year,
      nonWorkingDays: nonWorking.sort((a, b) => compareIsoDate(a.date, b.date)),
      workingWeekends: worked.sort(compareIsoDate),
    },
  };
}
