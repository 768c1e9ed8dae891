import { addDays } from './iso-date';
import { lunarToSolar, solarToLunar } from './lunar';

describe('lunarToSolar (Vietnamese calendar, UTC+7)', () => {
  it.each([
    [2023, '2023-01-22'],
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
    [2028, '2028-01-26'],
  ])('Tết (1/1 lunar) %i is %s', (year, expected) => {
    expect(lunarToSolar(year, 1, 1)).toBe(expected);
  });

  it.each([
    [2024, '2024-04-18'],
    [2025, '2025-04-07'],
    [2026, '2026-04-26'],
    [2027, '2027-04-16'],
  ])('Giỗ Tổ Hùng Vương (10/3 lunar) %i is %s', (year, expected) => {
    expect(lunarToSolar(year, 3, 10)).toBe(expected);
  });

  it('follows the Vietnamese (UTC+7), not the Chinese (UTC+8), calendar where they differ', () => {
    expect(lunarToSolar(1985, 1, 1)).toBe('1985-01-21');
    expect(lunarToSolar(1985, 1, 1, false, 8)).toBe('1985-02-20');
    expect(lunarToSolar(2007, 1, 1)).toBe('2007-02-17');
    expect(lunarToSolar(2007, 1, 1, false, 8)).toBe('2007-02-18');
  });

  it('handles leap months (Ất Tỵ 2025 has a leap 6th month)', () => {
    expect(lunarToSolar(2025, 6, 1)).toBe('2025-06-25');
    expect(lunarToSolar(2025, 6, 1, true)).toBe('2025-07-25');
    expect(lunarToSolar(2025, 7, 1)).toBe('2025-08-23');
    expect(lunarToSolar(2025, 8, 15)).toBe('2025-10-06'); // Mid-Autumn 2025
    expect(() => lunarToSolar(2026, 6, 1, true)).toThrow('There is no leap month 6 of lunar year 2026');
    expect(() => lunarToSolar(2025, 5, 1, true)).toThrow(RangeError);
  });

  it('knows 29- and 30-day months (the last day of the year before Tết)', () => {
    expect(lunarToSolar(2022, 12, 30)).toBe('2023-01-21');
    expect(lunarToSolar(2024, 12, 29)).toBe('2025-01-28');
    expect(() => lunarToSolar(2024, 12, 30)).toThrow('has only 29 days');
    expect(lunarToSolar(2025, 12, 29)).toBe('2026-02-16');
    expect(() => lunarToSolar(2025, 12, 30)).toThrow(RangeError);
  });

  it('rejects out-of-range input with a RangeError', () => {
    expect(() => lunarToSolar(2026, 13, 1)).toThrow('Invalid lunar month: 13');
    expect(() => lunarToSolar(2026, 0, 1)).toThrow(RangeError);
    expect(() => lunarToSolar(2026, 1, 31)).toThrow('Invalid lunar day: 31');
    expect(() => lunarToSolar(2026, 1, 0)).toThrow(RangeError);
    expect(() => lunarToSolar(2026.5, 1, 1)).toThrow(RangeError);
    expect(() => lunarToSolar(1700, 1, 1)).toThrow('supported: 1800–2199');
    expect(() => lunarToSolar(2026, 1, 1, false, 20)).toThrow(RangeError);
  });
});

describe('solarToLunar', () => {
  it('gives the lunar date of known days', () => {
    expect(solarToLunar('2026-02-17')).toEqual({ year: 2026, month: 1, day: 1, leap: false });
    expect(solarToLunar('2026-02-14')).toEqual({ year: 2025, month: 12, day: 27, leap: false });
    expect(solarToLunar('2025-01-25')).toEqual({ year: 2024, month: 12, day: 26, leap: false });
    expect(solarToLunar('2025-07-25')).toEqual({ year: 2025, month: 6, day: 1, leap: true });
    expect(solarToLunar('2026-04-26')).toEqual({ year: 2026, month: 3, day: 10, leap: false });
    expect(solarToLunar('1985-01-21')).toEqual({ year: 1985, month: 1, day: 1, leap: false });
    expect(solarToLunar('1985-01-21', 8)).toEqual({ year: 1984, month: 12, day: 1, leap: false });
  });

  it('round-trips with lunarToSolar for every day of 2020–2030', () => {
    let mismatches = 0;
    for (let day = '2020-01-01'; day <= '2030-12-31'; day = addDays(day, 1)) {
      const lunar = solarToLunar(day);
      if (lunarToSolar(lunar.year, lunar.month, lunar.day, lunar.leap) !== day) mismatches++;
    }
    expect(mismatches).toBe(0);
  });

  it('rejects invalid dates', () => {
    expect(() => solarToLunar('2026-02-30')).toThrow(RangeError);
    expect(() => solarToLunar('1700-01-01')).toThrow(RangeError);
  });
});
