import { formatDate, formatInstant } from './format';

describe('public pages: dates as read in Vietnam', () => {
  it('writes calendar dates dd/mm/yyyy', () => {
    expect(formatDate('2026-03-05')).toBe('05/03/2026');
    expect(formatDate('2036-12-31')).toBe('31/12/2036');
    expect(() => formatDate('2026-02-30')).toThrow(RangeError);
  });

  it('writes an instant in the given time zone, across midnight', () => {
    expect(formatInstant(new Date('2026-04-01T03:00:00Z'), 'Asia/Ho_Chi_Minh')).toBe('10:00 ngày 01/04/2026');
    expect(formatInstant(new Date('2026-12-31T17:30:00Z'), 'Asia/Ho_Chi_Minh')).toBe('00:30 ngày 01/01/2027');
    expect(formatInstant(new Date('2026-12-31T17:30:00Z'), 'UTC')).toBe('17:30 ngày 31/12/2026');
  });
});
