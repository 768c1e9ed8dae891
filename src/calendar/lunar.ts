/**
 * Vietnamese lunisolar calendar (âm lịch) ↔ Gregorian conversion.
 *
 * Algorithm of Hồ Ngọc Đức ("Thuật toán tính âm lịch"): new moons and the sun's longitude are computed
 * astronomically (J. Meeus, "Astronomical Algorithms") and the rules are applied to **local dates at UTC+7**,
 * the meridian of the Vietnamese calendar since 1968. Because of the time zone, the Vietnamese calendar differs from
 * the Chinese one (UTC+8) in a few years: Tết 1985 fell on 1985-01-21 in Vietnam but 1985-02-20 in China, Tết 2007
 * on 2007-02-17 in Vietnam but 2007-02-18 in China.
 *
 * Rules: a month starts on the local day of a new moon; month 11 contains the winter solstice; in a year with
 * 13 months (two solstices 13 new moons apart) the first month after month 11 without a major solar term
 * (trung khí) is the leap month and repeats the number of the month before it.
 *
 * Valid for lunar years 1800–2199 (the range of the ΔT approximation used for the new moons).
 */
import { IsoDate, isoDateFromParts, isoDateParts } from './iso-date';

export interface LunarDate {
  year: number;
  /** 1–12; a leap month carries the number of the month it repeats. */
  month: number;
  /** 1–30 */
  day: number;
  leap: boolean;
}

/** Lunar years the conversion is trusted for. */
export const LUNAR_MIN_YEAR = 1800;
export const LUNAR_MAX_YEAR = 2199;

/** Time zone of the Vietnamese calendar, in hours east of UTC. */
export const VIETNAM_TIME_ZONE_HOURS = 7;

const SYNODIC_MONTH = 29.530588853;
/** Julian day of the new moon of 1900-01-01 (k = 0 in Meeus' numbering used below). */
const NEW_MOON_EPOCH = 2415021.076998695;
const DEG = Math.PI / 180;

/** Julian day number (at noon) of a Gregorian date; Julian calendar before 1582-10-15. */
function jdFromDate(day: number, month: number, year: number): number {
  const a = Math.floor((14 - month) / 12);
  const y = year + 4800 - a;
  const m = month + 12 * a - 3;
  let jd =
    day +
    Math.floor((153 * m + 2) / 5) +
    365 * y +
    Math.floor(y / 4) -
    Math.floor(y / 100) +
    Math.floor(y / 400) -
    32045;
  if (jd < 2299161) jd = day + Math.floor((153 * m + 2) / 5) + 365 * y + Math.floor(y / 4) - 32083;
  return jd;
}

function jdToDate(jd: number): { year: number; month: number; day: number } {
  let b: number;
  let c: number;
  if (jd > 2299160) {
    const a = jd + 32044;
    b = Math.floor((4 * a + 3) / 146097);
    c = a - Math.floor((b * 146097) / 4);
  } else {
    b = 0;
    c = jd + 32082;
  }
  const d = Math.floor((4 * c + 3) / 1461);
  const e = c - Math.floor((1461 * d) / 4);
  const m = Math.floor((5 * e + 2) / 153);
  return {
    day: e - Math.floor((153 * m + 2) / 5) + 1,
    month: m + 3 - 12 * Math.floor(m / 10),
    year: b * 100 + d - 4800 + Math.floor(m / 10),
  };
}

/** Julian day (fractional, UT) of the k-th new moon after 1900-01-01 (Meeus, ch. 47, abridged). */
function newMoon(k: number): number {
  const t = k / 1236.85;
  const t2 = t * t;
  const t3 = t2 * t;
  let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3;
  jd1 += 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * DEG);
  const m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3; // sun's mean anomaly
  const mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3; // moon's mean anomaly
  const f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3; // moon's argument of latitude
  let c1 = (0.1734 - 0.000393 * t) * Math.sin(m * DEG) + 0.0021 * Math.sin(2 * DEG * m);
  c1 = c1 - 0.4068 * Math.sin(mpr * DEG) + 0.0161 * Math.sin(DEG * 2 * mpr);
  c1 = c1 - 0.0004 * Math.sin(DEG * 3 * mpr);
  c1 = c1 + 0.0104 * Math.sin(DEG * 2 * f) - 0.0051 * Math.sin(DEG * (m + mpr));
  c1 = c1 - 0.0074 * Math.sin(DEG * (m - mpr)) + 0.0004 * Math.sin(DEG * (2 * f + m));
  c1 = c1 - 0.0004 * Math.sin(DEG * (2 * f - m)) - 0.0006 * Math.sin(DEG * (2 * f + mpr));
  c1 = c1 + 0.001 * Math.sin(DEG * (2 * f - mpr)) + 0.0005 * Math.sin(DEG * (2 * mpr + m));
  const deltaT =
    t < -11
      ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
      : -0.000278 + 0.000265 * t + 0.000262 * t2;
  return jd1 + c1 - deltaT;
}

/** Apparent longitude of the sun, in radians [0, 2π), at Julian day `jdn` (UT). */
function sunLongitude(jdn: number): number {
  const t = (jdn - 2451545.0) / 36525;
  const t2 = t * t;
  const m = 357.5291 + 35999.0503 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
  const l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
  let dl = (1.9146 - 0.004817 * t - 0.000014 * t2) * Math.sin(DEG * m);
  dl += (0.019993 - 0.000101 * t) * Math.sin(DEG * 2 * m) + 0.00029 * Math.sin(DEG * 3 * m);
  const l = (l0 + dl) * DEG;
  return l - 2 * Math.PI * Math.floor(l / (2 * Math.PI));
}

/** Sector 0–11 (30° each) of the sun's longitude at the start of local day `dayNumber`. */
function sunLongitudeSector(dayNumber: number, timeZone: number): number {
  return Math.floor((sunLongitude(dayNumber - 0.5 - timeZone / 24) / Math.PI) * 6);
}

/** Julian day number of the local date of the k-th new moon. */
function newMoonDay(k: number, timeZone: number): number {
  return Math.floor(newMoon(k) + 0.5 + timeZone / 24);
}

/** Julian day number of the first day of lunar month 11 (the month containing the winter solstice) of `year`. */
function lunarMonth11(year: number, timeZone: number): number {
  const off = jdFromDate(31, 12, year) - 2415021;
  const k = Math.floor(off / SYNODIC_MONTH);
  const nm = newMoonDay(k, timeZone);
  // Past the solstice (sun's longitude >= 270°) the month found starts after it: take the previous one.
  return sunLongitudeSector(nm, timeZone) >= 9 ? newMoonDay(k - 1, timeZone) : nm;
}

/** Offset (in months after month 11 starting at `a11`) of the leap month of a 13-month year. */
function leapMonthOffset(a11: number, timeZone: number): number {
  const k = Math.floor((a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH + 0.5);
  let i = 1;
  let arc = sunLongitudeSector(newMoonDay(k + i, timeZone), timeZone);
  let last: number;
  do {
    last = arc;
    i++;
    arc = sunLongitudeSector(newMoonDay(k + i, timeZone), timeZone);
  } while (arc !== last && i < 14);
  return i - 1;
}

function assertTimeZone(timeZoneHours: number): void {
  if (!Number.isFinite(timeZoneHours) || timeZoneHours < -12 || timeZoneHours > 14) {
    throw new RangeError(`Invalid time zone offset: ${timeZoneHours} hours (expected -12 to 14)`);
  }
}

function lunarFromJd(dayNumber: number, solarYear: number, timeZone: number): LunarDate {
  const k = Math.floor((dayNumber - NEW_MOON_EPOCH) / SYNODIC_MONTH);
  let monthStart = newMoonDay(k + 1, timeZone);
  if (monthStart > dayNumber) monthStart = newMoonDay(k, timeZone);
  let a11 = lunarMonth11(solarYear, timeZone);
  let b11 = a11;
  let lunarYear: number;
  if (a11 >= monthStart) {
    lunarYear = solarYear;
    a11 = lunarMonth11(solarYear - 1, timeZone);
  } else {
    lunarYear = solarYear + 1;
    b11 = lunarMonth11(solarYear + 1, timeZone);
  }
  const day = dayNumber - monthStart + 1;
  const diff = Math.floor((monthStart - a11) / 29);
  let leap = false;
  let month = diff + 11;
  if (b11 - a11 > 365) {
    const leapDiff = leapMonthOffset(a11, timeZone);
    if (diff >= leapDiff) {
      month = diff + 10;
      if (diff === leapDiff) leap = true;
    }
  }
  if (month > 12) month -= 12;
  if (month >= 11 && diff < 4) lunarYear -= 1;
  return { year: lunarYear, month, day, leap };
}

/** The lunar date (Vietnamese calendar by default) of a Gregorian date. */
export function solarToLunar(d: IsoDate, timeZoneHours = VIETNAM_TIME_ZONE_HOURS): LunarDate {
  assertTimeZone(timeZoneHours);
  const { year, month, day } = isoDateParts(d);
  if (year < LUNAR_MIN_YEAR || year > LUNAR_MAX_YEAR + 1) {
    throw new RangeError(`Lunar conversion is supported for ${LUNAR_MIN_YEAR}–${LUNAR_MAX_YEAR}, got ${d}`);
  }
  return lunarFromJd(jdFromDate(day, month, year), year, timeZoneHours);
}

/**
 * The Gregorian date of a lunar date (Vietnamese calendar by default). Throws a `RangeError` for a day that the
 * month does not have (day 30 of a 29-day month), or a leap month that the year does not have.
 */
export function lunarToSolar(
  lunarYear: number,
  lunarMonth: number,
  lunarDay: number,
  leapMonth = false,
  timeZoneHours = VIETNAM_TIME_ZONE_HOURS,
): IsoDate {
  assertTimeZone(timeZoneHours);
  if (!Number.isInteger(lunarYear) || lunarYear < LUNAR_MIN_YEAR || lunarYear > LUNAR_MAX_YEAR) {
    throw new RangeError(`Invalid lunar year: ${lunarYear} (supported: ${LUNAR_MIN_YEAR}–${LUNAR_MAX_YEAR})`);
  }
  if (!Number.isInteger(lunarMonth) || lunarMonth < 1 || lunarMonth > 12) {
    throw new RangeError(`Invalid lunar month: ${lunarMonth} (expected 1–12)`);
  }
  if (!Number.isInteger(lunarDay) || lunarDay < 1 || lunarDay > 30) {
    throw new RangeError(`Invalid lunar day: ${lunarDay} (expected 1–30)`);
  }
  let a11: number;
  let b11: number;
  if (lunarMonth < 11) {
    a11 = lunarMonth11(lunarYear - 1, timeZoneHours);
    b11 = lunarMonth11(lunarYear, timeZoneHours);
  } else {
    a11 = lunarMonth11(lunarYear, timeZoneHours);
    b11 = lunarMonth11(lunarYear + 1, timeZoneHours);
  }
  const k = Math.floor(0.5 + (a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH);
  let off = lunarMonth - 11;
  if (off < 0) off += 12;
  const leapLabel = `leap month ${lunarMonth} of lunar year ${lunarYear}`;
  if (b11 - a11 > 365) {
    const leapOff = leapMonthOffset(a11, timeZoneHours);
    let leapMonthNumber = leapOff - 2;
    if (leapMonthNumber < 0) leapMonthNumber += 12;
    if (leapMonth && lunarMonth !== leapMonthNumber) throw new RangeError(`There is no ${leapLabel}`);
    if (leapMonth || off >= leapOff) off += 1;
  } else if (leapMonth) {
    throw new RangeError(`There is no ${leapLabel}`);
  }
  const monthStart = newMoonDay(k + off, timeZoneHours);
  const jd = monthStart + lunarDay - 1;
  if (lunarDay === 30 && newMoonDay(k + off + 1, timeZoneHours) <= jd) {
    throw new RangeError(`Lunar month ${lunarMonth}${leapMonth ? ' (leap)' : ''} of ${lunarYear} has only 29 days`);
  }
  const { year, month, day } = jdToDate(jd);
  return isoDateFromParts(year, month, day);
}
