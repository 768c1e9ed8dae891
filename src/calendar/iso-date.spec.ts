import {
  addCalendarDays,
  addDays,
  compareIsoDate,
  dayOfWeek,
  daysBetween,
  endOfDayInZone,
  fromEpochDay,
  isIsoDate,
  isoDateFromParts,
  parseIsoDate,
  toEpochDay,
  zonedIsoDate,
} from './iso-date';

describe('isIsoDate / parseIsoDate', () => {
  it.each(['2026-02-13', '2024-02-29', '2000-02-29', '0001-01-01', '9999-12-31', '2026-12-31'])(
    'accepts the real date %s',
    (value) => {
      expect(isIsoDate(value)).toBe(true);
      expect(parseIsoDate(value)).toBe(value);
    },
  );

  it.each([
    '2025-02-29', // not a leap year
    '1900-02-29', // century, not a leap year
    '2026-02-30',
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-01-00',
    '2026-1-05',
    '26-01-05',
    '2026/01/05',
    ' 2026-01-05',
    '2026-01-05T00:00:00Z',
    '0000-01-01',
    '',
  ])('rejects %j', (value) => {
    expect(isIsoDate(value)).toBe(false);
    expect(() => parseIsoDate(value)).toThrow(RangeError);
  });

  it('rejects non-strings with a message naming the value', () => {
    expect(isIsoDate(20260213)).toBe(false);
    expect(isIsoDate(null)).toBe(false);
    expect(isIsoDate(new Date('2026-02-13'))).toBe(false);
    expect(() => parseIsoDate('2026-02-30', 'due date')).toThrow(
      'Invalid due date: expected a calendar date \'YYYY-MM-DD\', got "2026-02-30"',
    );
  });

  it('builds dates from parts and refuses impossible ones', () => {
    expect(isoDateFromParts(2026, 3, 5)).toBe('2026-03-05');
    expect(isoDateFromParts(7, 1, 1)).toBe('0007-01-01');
    expect(() => isoDateFromParts(2026, 2, 29)).toThrow(RangeError);
  });
});

describe('day arithmetic', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2026-02-13', 10)).toBe('2026-02-23');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-01-01', -366)).toBe('2024-12-31');
    expect(addDays('2026-02-13', 0)).toBe('2026-02-13');
    expect(addCalendarDays('2026-01-17', 30)).toBe('2026-02-16');
  });

  it('rejects a fractional number of days and an invalid date', () => {
    expect(() => addDays('2026-02-13', 1.5)).toThrow(RangeError);
    expect(() => addDays('2026-02-31', 1)).toThrow(RangeError);
    expect(() => addDays('9999-12-31', 1)).toThrow(RangeError);
  });

  it('converts to and from day numbers', () => {
    expect(toEpochDay('1970-01-01')).toBe(0);
    expect(toEpochDay('2000-03-01')).toBe(11017);
    expect(toEpochDay('1969-12-31')).toBe(-1);
    expect(fromEpochDay(20_517)).toBe('2026-03-05');
    expect(daysBetween('2026-02-13', '2026-03-06')).toBe(21);
    expect(daysBetween('2026-03-06', '2026-02-13')).toBe(-21);
  });

  it('gives the day of the week (0 = Sunday)', () => {
    expect(dayOfWeek('1970-01-01')).toBe(4);
    expect(dayOfWeek('2000-01-01')).toBe(6);
    expect(dayOfWeek('1900-01-01')).toBe(1);
    expect(dayOfWeek('2026-02-13')).toBe(5);
    expect(dayOfWeek('2026-02-17')).toBe(2);
    expect(dayOfWeek('2026-04-26')).toBe(0);
    expect(dayOfWeek('2026-09-02')).toBe(3);
  });

  it('compares dates and sorts them', () => {
    expect(compareIsoDate('2026-02-13', '2026-02-14')).toBeLessThan(0);
    expect(compareIsoDate('2027-01-01', '2026-12-31')).toBeGreaterThan(0);
    expect(compareIsoDate('2026-02-13', '2026-02-13')).toBe(0);
    expect(['2026-09-02', '2025-12-31', '2026-01-10'].sort(compareIsoDate)).toEqual([
      '2025-12-31',
      '2026-01-10',
      '2026-09-02',
    ]);
    expect(() => compareIsoDate('2026-02-30', '2026-02-13')).toThrow(RangeError);
  });
});

describe('time zones', () => {
  it('gives the calendar date of an instant in Vietnam (UTC+7)', () => {
    expect(zonedIsoDate(new Date('2026-03-05T16:59:59.999Z'), 'Asia/Ho_Chi_Minh')).toBe('2026-03-05');
    expect(zonedIsoDate(new Date('2026-03-05T17:00:00.000Z'), 'Asia/Ho_Chi_Minh')).toBe('2026-03-06');
    expect(zonedIsoDate(new Date('2026-03-05T17:00:00.000Z'), 'UTC')).toBe('2026-03-05');
    expect(zonedIsoDate(new Date('2026-03-06T03:00:00.000Z'), 'America/New_York')).toBe('2026-03-05');
  });

  it('gives the last millisecond of a date in Vietnam', () => {
    expect(endOfDayInZone('2026-03-05', 'Asia/Ho_Chi_Minh').toISOString()).toBe('2026-03-05T16:59:59.999Z');
    expect(endOfDayInZone('2026-12-31', 'Asia/Ho_Chi_Minh').toISOString()).toBe('2026-12-31T16:59:59.999Z');
    // South Vietnam kept UTC+8 from 1959 to 1975.
    expect(endOfDayInZone('1970-01-01', 'Asia/Ho_Chi_Minh').toISOString()).toBe('1970-01-01T15:59:59.999Z');
  });

  it('works for other offsets, including fractional ones', () => {
    expect(endOfDayInZone('2026-03-05', 'UTC').toISOString()).toBe('2026-03-05T23:59:59.999Z');
    expect(endOfDayInZone('2026-03-05', 'Asia/Kathmandu').toISOString()).toBe('2026-03-05T18:14:59.999Z');
    expect(endOfDayInZone('2026-03-05', 'Pacific/Kiritimati').toISOString()).toBe('2026-03-05T09:59:59.999Z');
    expect(endOfDayInZone('2026-03-05', 'Pacific/Pago_Pago').toISOString()).toBe('2026-03-06T10:59:59.999Z');
  });

  it('handles DST changes, including clocks that jump at midnight', () => {
    // New York: 23-hour day on 8 Mar 2026, 25-hour day on 1 Nov 2026.
    expect(endOfDayInZone('2026-03-07', 'America/New_York').toISOString()).toBe('2026-03-08T04:59:59.999Z');
    expect(endOfDayInZone('2026-03-08', 'America/New_York').toISOString()).toBe('2026-03-09T03:59:59.999Z');
    expect(endOfDayInZone('2026-11-01', 'America/New_York').toISOString()).toBe('2026-11-02T04:59:59.999Z');
    // São Paulo 2018-11-04: 00:00 did not exist (clocks jumped to 01:00); 2019-02-16 had 23:00–24:00 twice.
    expect(endOfDayInZone('2018-11-03', 'America/Sao_Paulo').toISOString()).toBe('2018-11-04T02:59:59.999Z');
    expect(endOfDayInZone('2018-11-04', 'America/Sao_Paulo').toISOString()).toBe('2018-11-05T01:59:59.999Z');
    expect(endOfDayInZone('2019-02-16', 'America/Sao_Paulo').toISOString()).toBe('2019-02-17T02:59:59.999Z');
  });

  it('is the exact boundary between two local dates on every day of a year, in zones with DST', () => {
    for (const zone of ['America/Santiago', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Ho_Chi_Minh']) {
      for (let day = '2026-01-01'; day <= '2026-12-31'; day = addDays(day, 1)) {
        const end = endOfDayInZone(day, zone).getTime();
        expect([day, zone, zonedIsoDate(new Date(end), zone)]).toEqual([day, zone, day]);
        expect([day, zone, zonedIsoDate(new Date(end + 1), zone)]).toEqual([day, zone, addDays(day, 1)]);
      }
    }
  });

  it('rejects an unknown zone and an invalid instant with a RangeError', () => {
    expect(() => endOfDayInZone('2026-03-05', 'Mars/Olympus_Mons')).toThrow(RangeError);
    expect(() => zonedIsoDate(new Date('2026-03-05'), 'Mars/Olympus_Mons')).toThrow('Invalid IANA time zone');
    expect(() => zonedIsoDate(new Date(Number.NaN), 'Asia/Ho_Chi_Minh')).toThrow(RangeError);
    expect(() => endOfDayInZone('2026-02-30', 'Asia/Ho_Chi_Minh')).toThrow(RangeError);
  });
});
