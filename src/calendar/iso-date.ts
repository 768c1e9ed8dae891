/**
 * Calendar dates as `'YYYY-MM-DD'` strings (proleptic Gregorian calendar).
 *
 * All arithmetic is done on integer day numbers (days since 1970-01-01), never on `Date` objects in the machine's
 * local time zone, so results do not depend on where the server runs. Conversions between an instant and a date
 * in a given IANA time zone go through `Intl.DateTimeFormat`.
 */

/** A calendar date `'YYYY-MM-DD'` (year 0001–9999). */
export type IsoDate = string;

const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;
/** Bounds of the representable years; 4-digit years only. */
const MIN_YEAR = 1;
const MAX_YEAR = 9999;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days of a month (1–12) of a Gregorian year. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isValidParts(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= MIN_YEAR &&
    year <= MAX_YEAR &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** True when `value` is a `'YYYY-MM-DD'` string naming a real calendar date (e.g. not `2026-02-30`). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE_PATTERN.exec(value);
  if (!match) return false;
  return isValidParts(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** Returns `value` unchanged if it is a valid ISO date, otherwise throws a `RangeError` naming `label`. */
export function parseIsoDate(value: unknown, label = 'date'): IsoDate {
  if (!isIsoDate(value)) {
    throw new RangeError(`Invalid ${label}: expected a calendar date 'YYYY-MM-DD', got ${JSON.stringify(value)}`);
  }
  return value;
}

/** Year, month (1–12) and day of a valid ISO date; throws a `RangeError` otherwise. */
export function isoDateParts(d: IsoDate): { year: number; month: number; day: number } {
  parseIsoDate(d);
  return { year: Number(d.slice(0, 4)), month: Number(d.slice(5, 7)), day: Number(d.slice(8, 10)) };
}

/** The year of a valid ISO date. */
export function isoDateYear(d: IsoDate): number {
  return isoDateParts(d).year;
}

/** Builds an ISO date from its parts; throws a `RangeError` if they do not name a real date. */
export function isoDateFromParts(year: number, month: number, day: number): IsoDate {
  if (!isValidParts(year, month, day)) {
    throw new RangeError(`Invalid calendar date: year ${year}, month ${month}, day ${day}`);
  }
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// Day-number conversions after H. Hinnant, "chrono-Compatible Low-Level Date Algorithms" (pure integer arithmetic).
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

function civilFromDays(epochDay: number): { year: number; month: number; day: number } {
  const z = epochDay + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Days since 1970-01-01 (negative before). */
export function toEpochDay(d: IsoDate): number {
  const { year, month, day } = isoDateParts(d);
  return daysFromCivil(year, month, day);
}

/** The ISO date `epochDay` days after 1970-01-01; throws a `RangeError` outside years 0001–9999. */
export function fromEpochDay(epochDay: number): IsoDate {
  if (!Number.isSafeInteger(epochDay)) throw new RangeError(`Invalid day number: ${epochDay}`);
  const { year, month, day } = civilFromDays(epochDay);
  return isoDateFromParts(year, month, day);
}

/** `d` plus `n` calendar days (`n` may be negative). */
export function addDays(d: IsoDate, n: number): IsoDate {
  if (!Number.isSafeInteger(n)) throw new RangeError(`Invalid number of days: ${n} (expected an integer)`);
  return fromEpochDay(toEpochDay(d) + n);
}

/** Alias of {@link addDays}, for code that wants to say explicitly that it counts calendar days, not working days. */
export const addCalendarDays = addDays;

/** Calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

/** Day of the week: 0 = Sunday, 1 = Monday, …, 6 = Saturday. */
export function dayOfWeek(d: IsoDate): number {
  // 1970-01-01 was a Thursday (4).
  return (((toEpochDay(d) + 4) % 7) + 7) % 7;
}

/** Negative, zero or positive as `a` is before, equal to or after `b` (usable as an `Array.sort` comparator). */
export function compareIsoDate(a: IsoDate, b: IsoDate): number {
  parseIsoDate(a);
  parseIsoDate(b);
  // Fixed-width 'YYYY-MM-DD' strings order lexicographically like the dates they name.
  return a < b ? -1 : a > b ? 1 : 0;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        calendar: 'gregory',
        numberingSystem: 'latn',
        era: 'short',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
        hourCycle: 'h23',
      });
    } catch (error) {
      throw new RangeError(`Invalid IANA time zone: ${JSON.stringify(timeZone)}`, { cause: error });
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function assertValidInstant(instant: Date): number {
  const ms = instant instanceof Date ? instant.getTime() : Number.NaN;
  if (Number.isNaN(ms)) throw new RangeError('Invalid instant: expected a valid Date');
  return ms;
}

/** The wall-clock reading of `ms` (epoch milliseconds) in `timeZone`. */
function wallClock(ms: number, timeZone: string): WallClock {
  const parts = formatterFor(timeZone).formatToParts(new Date(ms));
  const get = (type: Intl.DateTimeFormatPartTypes): number => {
    const part = parts.find((p) => p.type === type);
    if (!part) throw new RangeError(`Cannot read the ${type} of an instant in time zone ${timeZone}`);
    return Number(part.value);
  };
  const era = parts.find((p) => p.type === 'era')?.value;
  const yearOfEra = get('year');
  return {
    year: era === 'BC' || era === 'B' ? 1 - yearOfEra : yearOfEra,
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
}

/** Offset of `timeZone` from UTC at the instant `ms`, in milliseconds (positive east of Greenwich). */
function zoneOffsetMs(ms: number, timeZone: string): number {
  const w = wallClock(ms, timeZone);
  const wallMs = daysFromCivil(w.year, w.month, w.day) * MS_PER_DAY + ((w.hour * 60 + w.minute) * 60 + w.second) * 1000;
  const flooredToSecond = ms - (((ms % 1000) + 1000) % 1000);
  return wallMs - flooredToSecond;
}

/** The calendar date of `instant` as seen in the IANA time zone `timeZone` (e.g. `'Asia/Ho_Chi_Minh'`). */
export function zonedIsoDate(instant: Date, timeZone: string): IsoDate {
  const ms = assertValidInstant(instant);
  const w = wallClock(ms, timeZone);
  return isoDateFromParts(w.year, w.month, w.day);
}

function zonedEpochDay(ms: number, timeZone: string): number {
  const w = wallClock(ms, timeZone);
  return daysFromCivil(w.year, w.month, w.day);
}

/**
 * The last millisecond of the calendar date `d` in the IANA time zone `timeZone`, e.g. 2026-03-05 in
 * Asia/Ho_Chi_Minh → 2026-03-05T16:59:59.999Z. Correct across DST changes, including zones whose clocks jump at
 * midnight (the day then starts at 01:00 or contains a repeated hour).
 */
export function endOfDayInZone(d: IsoDate, timeZone: string): Date {
  const day = toEpochDay(d);
  formatterFor(timeZone); // validate the zone before doing any work
  // Wall-clock midnight that starts the next day, read as if it were UTC.
  const nextMidnightWallMs = (day + 1) * MS_PER_DAY;
  // Two rounds of "wall time minus offset" settle on the right instant except inside a DST gap or overlap.
  let start = nextMidnightWallMs - zoneOffsetMs(nextMidnightWallMs, timeZone);
  start = nextMidnightWallMs - zoneOffsetMs(start, timeZone);
  const candidate = start - 1;
  if (zonedEpochDay(candidate, timeZone) === day && zonedEpochDay(candidate + 1, timeZone) > day) {
    return new Date(candidate);
  }
  // Fallback (DST transition at midnight): binary search for the first instant whose local date is after `d`.
  // Zone offsets lie within ±18 h, so that instant lies within 18 h of the wall-clock midnight read as UTC.
  let lo = nextMidnightWallMs - 18 * 3_600_000; // local date <= d here
  let hi = nextMidnightWallMs + 18 * 3_600_000; // local date > d here
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (zonedEpochDay(mid, timeZone) > day) hi = mid;
    else lo = mid;
  }
  return new Date(hi - 1);
}
