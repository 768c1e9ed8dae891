import {
  HOLIDAY_NAMES,
  OFFICIAL_YEAR_TABLES,
  seedYearTable,
  statutoryNationalDayAdjacent,
  statutoryTetDays,
  statutoryYearTable,
  YearTable,
} from './holidays';
import { compareIsoDate, dayOfWeek, isIsoDate } from './iso-date';

const datesNamed = (table: YearTable, name: string): string[] =>
  table.nonWorkingDays.filter((d) => d.name === name).map((d) => d.date);

describe('statutoryTetDays', () => {
  it.each([
    [2023, ['2023-01-20', '2023-01-21', '2023-01-22', '2023-01-23', '2023-01-24']], // Tết on Sunday: 2 + 3
    [2024, ['2024-02-08', '2024-02-09', '2024-02-10', '2024-02-11', '2024-02-12']], // Saturday: 2 + 3
    [2025, ['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31']], // Wednesday: 2 + 3, Mon–Fri
    [2026, ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']], // Tuesday: 1 + 4, Mon–Fri
  ])('chooses the 5 days the government chose in %i', (year, expected) => {
    expect(statutoryTetDays(year)).toEqual(expected);
  });
});

describe('statutoryNationalDayAdjacent', () => {
  it.each([
    [2021, '2021-09-03'],
    [2022, '2022-09-01'],
    [2023, '2023-09-01'],
    [2024, '2024-09-03'],
    [2025, '2025-09-01'],
    [2026, '2026-09-01'],
    [2027, '2027-09-03'],
  ])('chooses the day the government chose (or would) in %i', (year, expected) => {
    expect(statutoryNationalDayAdjacent(year)).toBe(expected);
  });
});

describe('statutoryYearTable', () => {
  it('lists the 11 holiday days of Labor Code art. 112 under their Vietnamese names', () => {
    const table = statutoryYearTable(2027);
    expect(datesNamed(table, HOLIDAY_NAMES.newYear)).toEqual(['2027-01-01']);
    expect(datesNamed(table, HOLIDAY_NAMES.tet)).toEqual([
      '2027-02-04',
      '2027-02-05',
      '2027-02-06',
      '2027-02-07',
      '2027-02-08',
    ]);
    expect(datesNamed(table, 'Giỗ Tổ Hùng Vương')).toEqual(['2027-04-16']);
    expect(datesNamed(table, 'Ngày Chiến thắng')).toEqual(['2027-04-30']);
    expect(datesNamed(table, 'Ngày Quốc tế Lao động')).toEqual(['2027-05-01']);
    expect(datesNamed(table, 'Quốc khánh')).toEqual(['2027-09-02', '2027-09-03']);
    expect(table.workingWeekends).toEqual([]);
  });

  it('adds a substitute day after each holiday that falls on a weekend (2027: Tết on Saturday, 1 May Saturday)', () => {
    const table = statutoryYearTable(2027);
    expect(datesNamed(table, 'Tết Nguyên đán (nghỉ bù)')).toEqual(['2027-02-09', '2027-02-10']);
    expect(datesNamed(table, 'Ngày Quốc tế Lao động (nghỉ bù)')).toEqual(['2027-05-03']);
    expect(table.nonWorkingDays).toHaveLength(14);
  });

  it('reproduces the real 2023 calendar, where many holidays fell on weekends', () => {
    const substitutes = statutoryYearTable(2023)
      .nonWorkingDays.filter((d) => d.name.endsWith('(nghỉ bù)'))
      .map((d) => d.date);
    // 2 Jan (for Sunday 1 Jan), 25–26 Jan (Tết), 2–3 May (Hùng Kings on Saturday 29 Apr, 30 Apr on Sunday), 4 Sep.
    expect(substitutes).toEqual(['2023-01-02', '2023-01-25', '2023-01-26', '2023-05-02', '2023-05-03', '2023-09-04']);
  });

  it('gives Hùng Kings 2026 (Sunday 26 April) a substitute on Monday 27 April', () => {
    expect(datesNamed(statutoryYearTable(2026), 'Giỗ Tổ Hùng Vương (nghỉ bù)')).toEqual(['2026-04-27']);
  });

  it('rejects years outside the supported lunar range', () => {
    expect(() => statutoryYearTable(1700)).toThrow(RangeError);
    expect(() => statutoryYearTable(2026.5)).toThrow(RangeError);
  });
});

describe('OFFICIAL_YEAR_TABLES', () => {
  it('ships 2025, 2026 and 2027', () => {
    expect(Object.keys(OFFICIAL_YEAR_TABLES).sort()).toEqual(['2025', '2026', '2027']);
  });

  it.each([2025, 2026, 2027])('table %i is well-formed', (year) => {
    const table = OFFICIAL_YEAR_TABLES[year];
    expect(table.year).toBe(year);
    const dates = table.nonWorkingDays.map((d) => d.date);
    expect(dates.every(isIsoDate)).toBe(true);
    expect([...dates].sort(compareIsoDate)).toEqual(dates);
    expect(new Set(dates).size).toBe(dates.length);
    expect(table.nonWorkingDays.every((d) => d.name.trim().length > 0)).toBe(true);
    expect(table.workingWeekends.every((d) => [0, 6].includes(dayOfWeek(d)))).toBe(true);
    expect(table.workingWeekends.filter((d) => dates.includes(d))).toEqual([]);
    // The 11 statutory holiday days are all there.
    const holidayDays = table.nonWorkingDays.filter((d) => !d.name.includes('('));
    expect(holidayDays).toHaveLength(11);
  });

  it('2025: statutory days plus the swap of Friday 2 May with Saturday 26 April', () => {
    const table = OFFICIAL_YEAR_TABLES[2025];
    expect(table.workingWeekends).toEqual(['2025-04-26']);
    expect(table.nonWorkingDays.map((d) => d.date)).toEqual([
      '2025-01-01',
      '2025-01-27',
      '2025-01-28',
      '2025-01-29',
      '2025-01-30',
      '2025-01-31',
      '2025-04-07',
      '2025-04-30',
      '2025-05-01',
      '2025-05-02',
      '2025-09-01',
      '2025-09-02',
    ]);
    expect(table.nonWorkingDays.find((d) => d.date === '2025-05-02')?.name).toBe(
      'Ngày Quốc tế Lao động (nghỉ hoán đổi)',
    );
  });

  it('2026: 1–2 Jan, Tết 16–20 Feb, 26–27 Apr, 30 Apr–1 May, 31 Aug–2 Sep; working Saturdays 10 Jan and 22 Aug', () => {
    const table = OFFICIAL_YEAR_TABLES[2026];
    expect(table.workingWeekends).toEqual(['2026-01-10', '2026-08-22']);
    expect(table.nonWorkingDays).toEqual([
      { date: '2026-01-01', name: 'Tết Dương lịch' },
      { date: '2026-01-02', name: 'Tết Dương lịch (nghỉ hoán đổi)' },
      { date: '2026-02-16', name: 'Tết Nguyên đán' },
      { date: '2026-02-17', name: 'Tết Nguyên đán' },
      { date: '2026-02-18', name: 'Tết Nguyên đán' },
      { date: '2026-02-19', name: 'Tết Nguyên đán' },
      { date: '2026-02-20', name: 'Tết Nguyên đán' },
      { date: '2026-04-26', name: 'Giỗ Tổ Hùng Vương' },
      { date: '2026-04-27', name: 'Giỗ Tổ Hùng Vương (nghỉ bù)' },
      { date: '2026-04-30', name: 'Ngày Chiến thắng' },
      { date: '2026-05-01', name: 'Ngày Quốc tế Lao động' },
      { date: '2026-08-31', name: 'Quốc khánh (nghỉ hoán đổi)' },
      { date: '2026-09-01', name: 'Quốc khánh' },
      { date: '2026-09-02', name: 'Quốc khánh' },
    ]);
  });

  it('2027 is the statutory default', () => {
    expect(OFFICIAL_YEAR_TABLES[2027]).toEqual(statutoryYearTable(2027));
  });

  it('is frozen', () => {
    expect(Object.isFrozen(OFFICIAL_YEAR_TABLES)).toBe(true);
    expect(Object.isFrozen(OFFICIAL_YEAR_TABLES[2026].nonWorkingDays)).toBe(true);
    expect(Object.isFrozen(OFFICIAL_YEAR_TABLES[2026].nonWorkingDays[0])).toBe(true);
  });
});

describe('seedYearTable', () => {
  it('returns a mutable copy of the official table when there is one', () => {
    const seed = seedYearTable(2026);
    expect(seed).toEqual(OFFICIAL_YEAR_TABLES[2026]);
    seed.workingWeekends.push('2026-12-26');
    seed.nonWorkingDays[0].name = 'changed';
    expect(OFFICIAL_YEAR_TABLES[2026].workingWeekends).toEqual(['2026-01-10', '2026-08-22']);
    expect(OFFICIAL_YEAR_TABLES[2026].nonWorkingDays[0].name).toBe('Tết Dương lịch');
  });

  it('falls back to the statutory default for other years', () => {
    expect(seedYearTable(2028)).toEqual(statutoryYearTable(2028));
    expect(datesNamed(seedYearTable(2028), 'Tết Nguyên đán')[0]).toBe('2028-01-24');
  });
});
