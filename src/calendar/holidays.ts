/**
 * Yearly tables of public holidays and swapped working days for state agencies in Vietnam.
 *
 * Convention used by every table here: `nonWorkingDays` lists **every public holiday day, including one that falls
 * on a Saturday or Sunday** (so the admin sees why a substitute day exists), every substitute day (`(nghỉ bù)`) and
 * every weekday given off by a swap notice (`(nghỉ hoán đổi)`). `workingWeekends` lists the Saturdays/Sundays that a
 * swap notice turned into working days. Both lists are sorted by date without duplicates.
 *
 * The weekly rest days of state agencies are Saturday and Sunday (Decision 188/1999/QĐ-TTg).
 */
import { addDays, compareIsoDate, dayOfWeek, IsoDate, isoDateFromParts } from './iso-date';
import { lunarToSolar } from './lunar';

export interface NonWorkingDay {
  date: IsoDate;
  /** Vietnamese name with diacritics, e.g. 'Tết Nguyên đán', 'Giỗ Tổ Hùng Vương (nghỉ bù)'. */
  name: string;
}

export interface YearTable {
  year: number;
  nonWorkingDays: NonWorkingDay[];
  workingWeekends: IsoDate[];
}

export const HOLIDAY_NAMES = {
  newYear: 'Tết Dương lịch',
  tet: 'Tết Nguyên đán',
  hungKings: 'Giỗ Tổ Hùng Vương',
  victoryDay: 'Ngày Chiến thắng',
  labourDay: 'Ngày Quốc tế Lao động',
  nationalDay: 'Quốc khánh',
} as const;

const SUBSTITUTE_SUFFIX = ' (nghỉ bù)';
const SWAP_SUFFIX = ' (nghỉ hoán đổi)';

/** Saturday and Sunday. */
function isWeekend(d: IsoDate): boolean {
  const dow = dayOfWeek(d);
  return dow === 0 || dow === 6;
}

function range(first: IsoDate, count: number): IsoDate[] {
  return Array.from({ length: count }, (_, i) => addDays(first, i));
}

/**
 * The 5 Tết days of lunar year `year`: either the last 2 days of the old year and the first 3 of the new one, or the
 * last day and the first 4 — whichever puts fewer of them on a weekend, ties going to 2 + 3.
 *
 * Labor Code 2019 art. 112(1)(b) and (3): 5 days, chosen each year by the Prime Minister. The rule reproduces the
 * choices actually made: 2023 (Tết on Sunday): 2 + 3, 20–24 Jan; 2024 (Saturday): 2 + 3, 8–12 Feb; 2025 (Wednesday):
 * 2 + 3, Mon 27 – Fri 31 Jan; 2026 (Tuesday): 1 + 4, Mon 16 – Fri 20 Feb — i.e. a Monday-to-Friday block whenever
 * Tết falls on Tuesday or Wednesday, giving a 9-day break with the two weekends.
 */
export function statutoryTetDays(year: number): IsoDate[] {
  const newYearDay = lunarToSolar(year, 1, 1);
  const twoPlusThree = range(addDays(newYearDay, -2), 5);
  const onePlusFour = range(addDays(newYearDay, -1), 5);
  const weekendCount = (days: IsoDate[]): number => days.filter(isWeekend).length;
  return weekendCount(onePlusFour) < weekendCount(twoPlusThree) ? onePlusFour : twoPlusThree;
}

/**
 * The day adjacent to 2 September: 3 September when 2 September is a Monday or a Thursday (the break then joins a
 * weekend), otherwise 1 September.
 *
 * Labor Code 2019 art. 112(1)(đ) and (3): "2 September and one day before or after", chosen by the Prime Minister.
 * Matches the choices of 2021 (Thu: 3 Sep), 2022 (Fri: 1 Sep), 2023 (Sat: 1 Sep), 2024 (Mon: 3 Sep),
 * 2025 (Tue: 1 Sep) and 2026 (Wed: 1 Sep).
 */
export function statutoryNationalDayAdjacent(year: number): IsoDate {
  const dow = dayOfWeek(isoDateFromParts(year, 9, 2));
  return isoDateFromParts(year, 9, dow === 1 || dow === 4 ? 3 : 1);
}

function sortTable(table: YearTable): YearTable {
  return {
    year: table.year,
    nonWorkingDays: [...table.nonWorkingDays].sort((a, b) => compareIsoDate(a.date, b.date)),
    workingWeekends: [...table.workingWeekends].sort(compareIsoDate),
  };
}

/**
 * The statutory default for `year`, before any swap notice: the 11 holiday days of Labor Code 2019 art. 112(1),
 * the Tết days and the day adjacent to National Day chosen as the government did in recent years (see
 * {@link statutoryTetDays}, {@link statutoryNationalDayAdjacent}), and a substitute day for each holiday on a weekend.
 * No working weekends: swaps exist only by yearly notice.
 */
export function statutoryYearTable(year: number): YearTable {
  if (!Number.isInteger(year)) throw new RangeError(`Invalid year: ${year}`);
  const holidays: NonWorkingDay[] = [
    { date: isoDateFromParts(year, 1, 1), name: HOLIDAY_NAMES.newYear },
    ...statutoryTetDays(year).map((date) => ({ date, name: HOLIDAY_NAMES.tet })),
    { date: lunarToSolar(year, 3, 10), name: HOLIDAY_NAMES.hungKings },
    { date: isoDateFromParts(year, 4, 30), name: HOLIDAY_NAMES.victoryDay },
    { date: isoDateFromParts(year, 5, 1), name: HOLIDAY_NAMES.labourDay },
    { date: statutoryNationalDayAdjacent(year), name: HOLIDAY_NAMES.nationalDay },
    { date: isoDateFromParts(year, 9, 2), name: HOLIDAY_NAMES.nationalDay },
  ].sort((a, b) => compareIsoDate(a.date, b.date));

  // Labor Code 2019 art. 111(3): a holiday on the weekly rest day is made up on the next working day(s).
  const taken = new Set(holidays.map((h) => h.date));
  const substitutes: NonWorkingDay[] = [];
  for (const holiday of holidays) {
    if (!isWeekend(holiday.date)) continue;
    let candidate = addDays(holiday.date, 1);
    while (isWeekend(candidate) || taken.has(candidate)) candidate = addDays(candidate, 1);
    taken.add(candidate);
    substitutes.push({ date: candidate, name: holiday.name + SUBSTITUTE_SUFFIX });
  }
  return sortTable({ year, nonWorkingDays: [...holidays, ...substitutes], workingWeekends: [] });
}

/**
 * Applies government swap notices to a table: each `dayOff` (a weekday) becomes a non-working day, each
 * `workOn` (a weekend day) a working day.
 */
function withSwaps(table: YearTable, swaps: { dayOff: IsoDate; workOn: IsoDate; name: string }[]): YearTable {
  return sortTable({
    year: table.year,
    nonWorkingDays: [...table.nonWorkingDays, ...swaps.map((s) => ({ date: s.dayOff, name: s.name + SWAP_SUFFIX }))],
    workingWeekends: [...table.workingWeekends, ...swaps.map((s) => s.workOn)],
  });
}

function freeze(table: YearTable): YearTable {
  Object.freeze(table.nonWorkingDays);
  table.nonWorkingDays.forEach((d) => Object.freeze(d));
  Object.freeze(table.workingWeekends);
  return Object.freeze(table);
}

/**
 * 2025 — as announced. Confidence: high for the holiday days, medium-high for the swap (secondary sources that agree).
 * - Tết Ất Tỵ: 5 days Mon 27 – Fri 31 Jan (28 tháng Chạp – mùng 3 Tết), break Sat 25 Jan – Sun 2 Feb (9 days
 *   with the weekends, no swap). Prime Minister's decision conveyed by Government Office letter 8726/VPCP-KGVX of
 *   26 Nov 2024, then a notice of the Ministry of Labour, Invalids and Social Affairs (number not verified).
 * - 30/4 – 1/5: Friday 2 May swapped with Saturday 26 April (worked), break Wed 30 Apr – Sun 4 May (same letter;
 *   repeated e.g. by Bình Thuận PC notice 377/TB-UBND of 9 Dec 2024).
 * - Quốc khánh: Mon 1 + Tue 2 Sep, break Sat 30 Aug – Tue 2 Sep.
 * - Tết Dương lịch (Wed 1 Jan) and Giỗ Tổ Hùng Vương (Mon 7 Apr = 10/3 Ất Tỵ): 1 day each, no swap known.
 * Equals the statutory default plus the 2 May / 26 April swap.
 */
const OFFICIAL_2025: YearTable = withSwaps(statutoryYearTable(2025), [
  { dayOff: '2025-05-02', workOn: '2025-04-26', name: HOLIDAY_NAMES.labourDay },
]);

/**
 * 2026 — as announced. Confidence: high for the holiday days, medium-high for the swaps (secondary sources that
 * agree; the numbers of the Ministry of Home Affairs' notices were not verified).
 * - Tết Dương lịch: Thu 1 Jan, plus Fri 2 Jan swapped with Saturday 10 Jan (worked), break 1–4 Jan. Deputy PM's
 *   approval conveyed by Government Office letter 12729/VPCP-KGVX of 25 Dec 2025.
 * - Tết Bính Ngọ: 5 days Mon 16 – Fri 20 Feb (29 tháng Chạp – mùng 4 Tết), break Sat 14 – Sun 22 Feb (9 days, no
 *   swap). Prime Minister's approval of the Ministry of Home Affairs' proposal, reported on 13 Oct 2025.
 * - Giỗ Tổ Hùng Vương: 10/3 Bính Ngọ = Sun 26 Apr, substitute day Mon 27 Apr.
 * - 30/4 (Thu) and 1/5 (Fri): break 30 Apr – 3 May, no swap known.
 * - Quốc khánh: Tue 1 + Wed 2 Sep, plus Mon 31 Aug swapped with Saturday 22 Aug (worked), break Sat 29 Aug –
 *   Wed 2 Sep (same approval of Oct 2025).
 * Not included: Ngày Văn hóa Việt Nam (24 Nov) — Politburo Resolution 80-NQ/TW and Government Resolution 30/NQ-CP
 * (2026) call for it to become a paid holiday, but that needs an amendment of Labor Code art. 112 not yet in force
 * when this table was written. If it is enacted for 2026, add it through the admin API.
 */
const OFFICIAL_2026: YearTable = withSwaps(statutoryYearTable(2026), [
  { dayOff: '2026-01-02', workOn: '2026-01-10', name: HOLIDAY_NAMES.newYear },
  { dayOff: '2026-08-31', workOn: '2026-08-22', name: HOLIDAY_NAMES.nationalDay },
]);

/**
 * 2027 — statutory default only (no notice known when written): Tết Đinh Mùi falls on Saturday 6 Feb, so the default
 * gives Thu 4 – Mon 8 Feb plus substitute days Tue 9 and Wed 10 Feb; Giỗ Tổ Hùng Vương Fri 16 Apr; Quốc khánh
 * Thu 2 + Fri 3 Sep. Confidence: low for Tết and National Day (the government will decide and may swap days).
 */
const OFFICIAL_2027: YearTable = statutoryYearTable(2027);

/** Seed tables for the years the product ships with; the admin edits them through the API afterwards. */
export const OFFICIAL_YEAR_TABLES: Readonly<Record<number, YearTable>> = Object.freeze({
  2025: freeze(OFFICIAL_2025),
  2026: freeze(OFFICIAL_2026),
  2027: freeze(OFFICIAL_2027),
});

/** The table to seed for `year`: the official one if shipped, else the statutory default (a fresh mutable copy). */
export function seedYearTable(year: number): YearTable {
  const official = OFFICIAL_YEAR_TABLES[year];
  if (!official) return statutoryYearTable(year);
  return {
    year: official.year,
    nonWorkingDays: official.nonWorkingDays.map((d) => ({ ...d })),
    workingWeekends: [...official.workingWeekends],
  };
}
