/**
 * Working-day arithmetic over yearly holiday tables. Pure: no clock, no I/O, no time zone (dates are calendar dates
 * of the authority; turn an instant into one with `zonedIsoDate` and a deadline date into an instant with
 * `endOfDayInZone`).
 *
 * A day is a working day unless it is a weekly rest day (Saturday/Sunday by default, Decision 188/1999/QĐ-TTg) that
 * no table turns into a working day, or a non-working day listed in a table. For a year without a table the
 * calendar falls back to {@link statutoryYearTable} for that year (statutory holidays and substitute days, no
 * swaps), so a deadline that runs into a year the admin has not entered yet still skips New Year, Tết, etc. Entries
 * of the given tables apply whatever year they fall in (a swap notice may move a day across 1 January). The
 * statutory fallback places substitute days assuming a Saturday/Sunday weekend, whatever `weekendDays` says.
 */
import { addDays, compareIsoDate, dayOfWeek, IsoDate, isoDateYear, parseIsoDate } from './iso-date';
import { statutoryYearTable, YearTable } from './holidays';

export { addCalendarDays } from './iso-date';

export interface WorkingDayCalendarOptions {
  /** Weekly rest days, 0 = Sunday … 6 = Saturday; default `[0, 6]`. */
  weekendDays?: number[];
}

interface DaySets {
  nonWorking: Map<IsoDate, string>;
  workingWeekends: Set<IsoDate>;
}

/** Guard against tables that leave no working day at all (would otherwise loop for ever). */
const MAX_CONSECUTIVE_NON_WORKING_DAYS = 366;

function assertCount(n: number, label: string): void {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`Invalid ${label}: ${n} (expected an integer >= 0)`);
  }
}

export class WorkingDayCalendar {
  private readonly weekendDays: ReadonlySet<number>;
  private readonly years: ReadonlySet<number>;
  private readonly listed: DaySets = { nonWorking: new Map(), workingWeekends: new Set() };
  private readonly fallbackByYear = new Map<number, DaySets>();

  constructor(tables: YearTable[], options: WorkingDayCalendarOptions = {}) {
    const weekendDays = options.weekendDays ?? [0, 6];
    for (const day of weekendDays) {
      if (!Number.isInteger(day) || day < 0 || day > 6) {
        throw new RangeError(`Invalid weekend day: ${day} (expected 0 = Sunday … 6 = Saturday)`);
      }
    }
    this.weekendDays = new Set(weekendDays);
    if (this.weekendDays.size === 7) throw new RangeError('Invalid weekend days: every day of the week is a rest day');

    const years = new Set<number>();
    for (const table of tables) {
      if (!Number.isInteger(table.year)) throw new RangeError(`Invalid table year: ${table.year}`);
      if (years.has(table.year)) throw new RangeError(`Duplicate table for year ${table.year}`);
      years.add(table.year);
      for (const entry of table.nonWorkingDays) {
        const date = parseIsoDate(entry.date, `non-working day in the ${table.year} table`);
        if (!this.listed.nonWorking.has(date)) this.listed.nonWorking.set(date, entry.name);
      }
      for (const workingWeekend of table.workingWeekends) {
        this.listed.workingWeekends.add(parseIsoDate(workingWeekend, `working weekend in the ${table.year} table`));
      }
    }
    for (const date of this.listed.workingWeekends) {
      if (this.listed.nonWorking.has(date)) {
        throw new RangeError(`${date} is listed both as a non-working day and as a working weekend`);
      }
    }
    this.years = years;
  }

  /** True when a table was given for `year` (otherwise the statutory default is used for it). */
  hasYear(year: number): boolean {
    return this.years.has(year);
  }

  isWorkingDay(d: IsoDate): boolean {
    return this.nonWorkingReason(parseIsoDate(d)) === undefined;
  }

  /**
   * Why `d` is not a working day: the holiday's name from the table, or `'Nghỉ cuối tuần'` for a weekly rest day;
   * `undefined` for a working day.
   */
  nonWorkingDayName(d: IsoDate): string | undefined {
    return this.nonWorkingReason(parseIsoDate(d));
  }

  /** The first working day strictly after `d`. */
  nextWorkingDay(d: IsoDate): IsoDate {
    return this.nextWorkingDayUnchecked(parseIsoDate(d));
  }

  /**
   * The last day of a period of `n` working days started by an event on `trigger`: the n-th working day after
   * `trigger`. The period ends at the end of that day (in the authority's time zone, see `endOfDayInZone`).
   * `n = 0` returns `trigger`.
   */
  addWorkingDays(trigger: IsoDate, n: number): IsoDate {
    let day = parseIsoDate(trigger, 'trigger date');
    assertCount(n, 'number of working days');
    // Civil Code 2015, art. 147(2): day 1 is the day after the trigger; art. 148(1): the period ends with its last day.
    for (let i = 0; i < n; i++) day = this.nextWorkingDayUnchecked(day);
    return day;
  }

  /**
   * The last day of a period of `n` calendar days started by an event on `trigger`: `trigger + n`, moved to the next
   * working day when that is a weekend or holiday. `n = 0` returns `trigger`.
   */
  calendarDayPeriodEnd(trigger: IsoDate, n: number): IsoDate {
    const start = parseIsoDate(trigger, 'trigger date');
    assertCount(n, 'number of calendar days');
    if (n === 0) return start;
    const last = addDays(start, n);
    // Civil Code 2015, art. 148(5): a period whose last day is a rest day or holiday ends with the next working day.
    return this.nonWorkingReason(last) === undefined ? last : this.nextWorkingDayUnchecked(last);
  }

  /** Number of working days in the interval (fromExclusive, toInclusive]; 0 when `toInclusive <= fromExclusive`. */
  workingDaysBetween(fromExclusive: IsoDate, toInclusive: IsoDate): number {
    const from = parseIsoDate(fromExclusive, 'start date');
    const to = parseIsoDate(toInclusive, 'end date');
    let count = 0;
    for (let day = addDays(from, 1); compareIsoDate(day, to) <= 0; day = addDays(day, 1)) {
      if (this.nonWorkingReason(day) === undefined) count++;
    }
    return count;
  }

  /**
   * Working days left until the end of `due`, counting `today` itself when it is a working day: the number of
   * working days in [today, due]. A deadline runs to the end of its last day (Civil Code 2015, art. 148(6)), so on
   * the due date (a working day) this is 1, the day after it 0, and it never goes negative. `due` is taken as given:
   * pass the date returned by {@link addWorkingDays} or {@link calendarDayPeriodEnd}, which is always a working day.
   */
  workingDaysLeft(today: IsoDate, due: IsoDate): number {
    const from = parseIsoDate(today, 'today');
    parseIsoDate(due, 'due date');
    return this.workingDaysBetween(addDays(from, -1), due);
  }

  private nextWorkingDayUnchecked(d: IsoDate): IsoDate {
    let day = d;
    for (let i = 0; i < MAX_CONSECUTIVE_NON_WORKING_DAYS; i++) {
      day = addDays(day, 1);
      if (this.nonWorkingReason(day) === undefined) return day;
    }
    throw new RangeError(
      `No working day within ${MAX_CONSECUTIVE_NON_WORKING_DAYS} days after ${d}: check the calendar tables`,
    );
  }

  /** `d` must already be validated. */
  private nonWorkingReason(d: IsoDate): string | undefined {
    const listedName = this.listed.nonWorking.get(d);
    if (listedName !== undefined) return listedName;
    if (this.listed.workingWeekends.has(d)) return undefined;
    const year = isoDateYear(d);
    if (!this.years.has(year)) {
      const fallback = this.fallbackFor(year);
      const fallbackName = fallback.nonWorking.get(d);
      if (fallbackName !== undefined) return fallbackName;
      if (fallback.workingWeekends.has(d)) return undefined;
    }
    return this.weekendDays.has(dayOfWeek(d)) ? 'Nghỉ cuối tuần' : undefined;
  }

  private fallbackFor(year: number): DaySets {
    let sets = this.fallbackByYear.get(year);
    if (!sets) {
      const table = statutoryYearTable(year);
      sets = {
        nonWorking: new Map(table.nonWorkingDays.map((entry) => [entry.date, entry.name])),
        workingWeekends: new Set(table.workingWeekends),
      };
      this.fallbackByYear.set(year, sets);
    }
    return sets;
  }
}
