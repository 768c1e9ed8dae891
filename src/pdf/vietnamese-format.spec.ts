import {
  formatIntegerVi,
  formatShortDate,
  formatVietnameseDate,
  formatVnd,
  parseIsoDate,
  placeAndDate,
  upperVi,
  vietnamMidnight,
} from './vietnamese-format';

describe('formatVietnameseDate (Decree 30/2020)', () => {
  it.each([
    ['2026-03-05', 'ngày 05 tháng 3 năm 2026'],
    ['2026-02-05', 'ngày 05 tháng 02 năm 2026'],
    ['2026-01-31', 'ngày 31 tháng 01 năm 2026'],
    ['2026-10-15', 'ngày 15 tháng 10 năm 2026'],
    ['2026-12-01', 'ngày 01 tháng 12 năm 2026'],
    ['2024-02-29', 'ngày 29 tháng 02 năm 2024'],
    ['2031-09-09', 'ngày 09 tháng 9 năm 2031'],
  ])('%s → %s', (iso, expected) => {
    expect(formatVietnameseDate(iso)).toBe(expected);
  });

  it.each([
    '2026-02-30',
    '2025-02-29',
    '2026-13-01',
    '2026-00-10',
    '2026-3-5',
    '05/03/2026',
    '',
    '2026-03-05T00:00:00Z',
  ])('refuses %p', (bad) => {
    expect(() => formatVietnameseDate(bad)).toThrow(RangeError);
  });

  it('parses the parts', () => {
    expect(parseIsoDate('2026-03-05')).toEqual({ year: 2026, month: 3, day: 5 });
  });

  it('gives the short form with the same padding rule', () => {
    expect(formatShortDate('2026-02-05')).toBe('05/02/2026');
    expect(formatShortDate('2026-03-05')).toBe('05/3/2026');
  });
});

describe('placeAndDate', () => {
  it('joins the place and the date', () => {
    expect(placeAndDate('Nghệ An', '2026-03-05')).toBe('Nghệ An, ngày 05 tháng 3 năm 2026');
    expect(placeAndDate('  Hà Nội ', '2026-02-05')).toBe('Hà Nội, ngày 05 tháng 02 năm 2026');
  });

  it('refuses an empty place', () => {
    expect(() => placeAndDate(' ', '2026-03-05')).toThrow(RangeError);
  });
});

describe('money in VND', () => {
  it.each([
    [0, '0 đồng'],
    [999, '999 đồng'],
    [1000, '1.000 đồng'],
    [20000000, '20.000.000 đồng'],
    [150000000, '150.000.000 đồng'],
    [-1500, '-1.500 đồng'],
    [1234567890123n, '1.234.567.890.123 đồng'],
  ])('%p → %s', (amount, expected) => {
    expect(formatVnd(amount)).toBe(expected);
  });

  it('refuses fractions and non-finite amounts', () => {
    expect(() => formatVnd(1.5)).toThrow(RangeError);
    expect(() => formatVnd(Number.NaN)).toThrow(RangeError);
    expect(() => formatIntegerVi(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('helpers', () => {
  it('vietnamMidnight is 00:00 at UTC+7', () => {
    expect(vietnamMidnight('2026-03-05').toISOString()).toBe('2026-03-04T17:00:00.000Z');
  });

  it('upper-cases Vietnamese in NFC', () => {
    const decomposed = 'Sở Văn hóa'.normalize('NFD');
    expect(upperVi(decomposed)).toBe('SỞ VĂN HÓA');
  });
});
