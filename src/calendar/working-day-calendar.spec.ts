import fc from 'fast-check';
import { OFFICIAL_YEAR_TABLES, statutoryYearTable, YearTable } from './holidays';
import { addDays, endOfDayInZone } from './iso-date';
import { addCalendarDays, WorkingDayCalendar } from './working-day-calendar';

const official = (): YearTable[] => Object.values(OFFICIAL_YEAR_TABLES);

describe('WorkingDayCalendar with the official 2025–2027 tables', () => {
  const calendar = new WorkingDayCalendar(official());

  describe('isWorkingDay', () => {
    it.each([
      ['2026-02-13', true], // Friday before Tết
      ['2026-02-14', false], // Saturday
      ['2026-02-16', false], // 29 tháng Chạp
      ['2026-02-17', false], // Tết
      ['2026-02-20', false], // mùng 4
      ['2026-02-22', false], // Sunday
      ['2026-02-23', true], // back to work
      ['2026-01-02', false], // swapped day off
      ['2026-01-10', true], // Saturday worked in exchange
      ['2026-04-26', false], // Hùng Kings on Sunday
      ['2026-04-27', false], // its substitute day
      ['2026-04-28', true],
      ['2026-08-22', true], // Saturday worked in exchange for 31 Aug
      ['2026-08-31', false],
      ['2026-09-03', true],
      ['2025-04-26', true], // Saturday worked in exchange for 2 May 2025
      ['2025-05-02', false],
      ['2025-02-03', true],
      ['2027-02-10', false], // statutory substitute for Tết 2027
    ])('%s → %s', (date, expected) => {
      expect(calendar.isWorkingDay(date)).toBe(expected);
    });

    it('treats the whole announced breaks as non-working', () => {
      const breaks: [string, number][] = [
        ['2025-01-25', 9], // Tết Ất Tỵ: 25 Jan – 2 Feb 2025
        ['2025-04-30', 5], // 30 Apr – 4 May 2025
        ['2025-08-30', 4], // 30 Aug – 2 Sep 2025
        ['2026-01-01', 4], // 1 – 4 Jan 2026
        ['2026-02-14', 9], // Tết Bính Ngọ: 14 – 22 Feb 2026
        ['2026-04-30', 4], // 30 Apr – 3 May 2026
        ['2026-08-29', 5], // 29 Aug – 2 Sep 2026
      ];
      for (const [first, length] of breaks) {
        const days = Array.from({ length: length + 2 }, (_, i) => addDays(first, i - 1));
        const expected = days.map((d, i) => [d, i === 0 || i === length + 1]);
        expect(days.map((d) => [d, calendar.isWorkingDay(d)])).toEqual(expected);
      }
    });

    it('names the reason a day is not worked', () => {
      expect(calendar.nonWorkingDayName('2026-02-17')).toBe('Tết Nguyên đán');
      expect(calendar.nonWorkingDayName('2026-04-27')).toBe('Giỗ Tổ Hùng Vương (nghỉ bù)');
      expect(calendar.nonWorkingDayName('2026-03-07')).toBe('Nghỉ cuối tuần');
      expect(calendar.nonWorkingDayName('2026-03-06')).toBeUndefined();
    });
  });

  describe('nextWorkingDay', () => {
    it('returns the first working day strictly after the date', () => {
      expect(calendar.nextWorkingDay('2026-02-13')).toBe('2026-02-23');
      expect(calendar.nextWorkingDay('2026-03-05')).toBe('2026-03-06');
      expect(calendar.nextWorkingDay('2026-03-06')).toBe('2026-03-09');
      expect(calendar.nextWorkingDay('2026-01-09')).toBe('2026-01-10'); // working Saturday
      expect(calendar.nextWorkingDay('2025-12-31')).toBe('2026-01-05');
    });
  });

  describe('addWorkingDays (Civil Code 2015, art. 147–148)', () => {
    it('dossier complete on Friday 13 Feb 2026, just before Tết, 10 working days → Friday 6 March', () => {
      // Sat 14 – Sun 22 Feb off; 23–27 Feb = days 1–5; 2–6 Mar = days 6–10.
      expect(calendar.addWorkingDays('2026-02-13', 10)).toBe('2026-03-06');
      expect(endOfDayInZone(calendar.addWorkingDays('2026-02-13', 10), 'Asia/Ho_Chi_Minh').toISOString()).toBe(
        '2026-03-06T16:59:59.999Z',
      );
    });

    it('trigger on an ordinary Friday: day 1 is the next Monday', () => {
      expect(calendar.addWorkingDays('2026-03-06', 1)).toBe('2026-03-09');
      expect(calendar.addWorkingDays('2026-03-06', 5)).toBe('2026-03-13');
      expect(calendar.addWorkingDays('2026-03-06', 10)).toBe('2026-03-20');
    });

    it('trigger on a Saturday counts from Monday', () => {
      expect(calendar.addWorkingDays('2026-03-07', 10)).toBe('2026-03-20');
    });

    it('trigger the day before 30 April 2026 skips 30 Apr – 3 May', () => {
      // Thu 30 Apr, Fri 1 May, Sat, Sun off; 4–8 May = days 1–5; 11–15 May = days 6–10.
      expect(calendar.addWorkingDays('2026-04-29', 1)).toBe('2026-05-04');
      expect(calendar.addWorkingDays('2026-04-29', 10)).toBe('2026-05-15');
    });

    it('trigger before Hùng Kings day 2026 skips its substitute Monday and 30 April – 1 May', () => {
      // Sat 25, Sun 26 (Hùng Kings), Mon 27 (substitute) off; 28, 29 Apr = days 1–2; 4–8 May = 3–7; 11–13 May = 8–10.
      expect(calendar.addWorkingDays('2026-04-24', 10)).toBe('2026-05-13');
    });

    it('across 2 September 2026, counting the working Saturday 22 August', () => {
      // Fri 21 = 1, Sat 22 (worked) = 2, 24–28 Aug = 3–7, 29 Aug – 2 Sep off, Thu 3 = 8, Fri 4 = 9, Mon 7 = 10.
      expect(calendar.addWorkingDays('2026-08-20', 10)).toBe('2026-09-07');
      expect(calendar.addWorkingDays('2026-08-21', 1)).toBe('2026-08-22');
      expect(calendar.addWorkingDays('2026-08-28', 1)).toBe('2026-09-03');
    });

    it('across 2 September 2025 (Monday 1 and Tuesday 2 off)', () => {
      expect(calendar.addWorkingDays('2025-08-29', 1)).toBe('2025-09-03');
      expect(calendar.addWorkingDays('2025-08-28', 3)).toBe('2025-09-04');
    });

    it('across the year end, counting the working Saturday 10 January 2026', () => {
      // Thu 1, Fri 2 (swapped), Sat 3, Sun 4 off; 5–9 Jan = days 1–5; Sat 10 = day 6; 12–15 Jan = days 7–10.
      expect(calendar.addWorkingDays('2025-12-31', 10)).toBe('2026-01-15');
    });

    it('n = 0 returns the trigger itself', () => {
      expect(calendar.addWorkingDays('2026-02-14', 0)).toBe('2026-02-14');
    });

    it('always ends on a working day, n working days after the trigger', () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 3 * 365 }), fc.integer({ min: 1, max: 60 }), (offset, n) => {
          const trigger = addDays('2025-01-01', offset);
          const due = calendar.addWorkingDays(trigger, n);
          return (
            calendar.isWorkingDay(due) &&
            calendar.workingDaysBetween(trigger, due) === n &&
            calendar.workingDaysBetween(trigger, addDays(due, -1)) === n - 1
          );
        }),
        { numRuns: 300 },
      );
    });
  });

  describe('calendarDayPeriodEnd (Civil Code 2015, art. 148(5))', () => {
    it('moves a period ending on a non-working day to the end of the next working day', () => {
      expect(addCalendarDays('2026-01-17', 30)).toBe('2026-02-16'); // lands on 29 tháng Chạp
      expect(calendar.calendarDayPeriodEnd('2026-01-17', 30)).toBe('2026-02-23');
      expect(calendar.calendarDayPeriodEnd('2026-03-06', 15)).toBe('2026-03-23'); // Saturday 21 → Monday 23
      expect(calendar.calendarDayPeriodEnd('2026-04-16', 10)).toBe('2026-04-28'); // Sunday 26 (Hùng Kings), Monday 27
    });

    it('keeps a period ending on a working day, including a working Saturday', () => {
      expect(calendar.calendarDayPeriodEnd('2026-03-02', 10)).toBe('2026-03-12');
      expect(calendar.calendarDayPeriodEnd('2025-12-31', 10)).toBe('2026-01-10');
    });
  });

  describe('workingDaysBetween', () => {
    it('counts working days in (from, to]', () => {
      expect(calendar.workingDaysBetween('2026-02-13', '2026-03-06')).toBe(10);
      expect(calendar.workingDaysBetween('2026-02-13', '2026-02-22')).toBe(0);
      expect(calendar.workingDaysBetween('2026-02-12', '2026-02-13')).toBe(1);
      expect(calendar.workingDaysBetween('2026-08-20', '2026-09-07')).toBe(10);
      // 2026: 365 − 104 weekend days − 13 weekdays off + 2 working Saturdays = 250 working days.
      expect(calendar.workingDaysBetween('2025-12-31', '2026-12-31')).toBe(250);
    });

    it('is 0 when to <= from', () => {
      expect(calendar.workingDaysBetween('2026-03-06', '2026-03-06')).toBe(0);
      expect(calendar.workingDaysBetween('2026-03-06', '2026-02-13')).toBe(0);
    });
  });

  describe('workingDaysLeft', () => {
    const due = '2026-03-06';

    it('counts today when it is a working day', () => {
      expect(calendar.workingDaysLeft('2026-02-13', due)).toBe(11);
      expect(calendar.workingDaysLeft('2026-02-23', due)).toBe(10);
      expect(calendar.workingDaysLeft('2026-03-05', due)).toBe(2);
    });

    it('does not count today when it is not a working day', () => {
      expect(calendar.workingDaysLeft('2026-02-16', due)).toBe(10);
      expect(calendar.workingDaysLeft('2026-02-28', due)).toBe(5);
    });

    it('is 1 on the due date and 0 after it', () => {
      expect(calendar.workingDaysLeft(due, due)).toBe(1);
      expect(calendar.workingDaysLeft('2026-03-07', due)).toBe(0);
      expect(calendar.workingDaysLeft('2026-04-01', due)).toBe(0);
    });
  });

  describe('invalid input', () => {
    it('throws a RangeError for malformed or impossible dates', () => {
      expect(() => calendar.isWorkingDay('2026-02-30')).toThrow(RangeError);
      expect(() => calendar.isWorkingDay('13/02/2026')).toThrow("expected a calendar date 'YYYY-MM-DD'");
      expect(() => calendar.nextWorkingDay('2026-2-13')).toThrow(RangeError);
      expect(() => calendar.addWorkingDays('2026-02-29', 10)).toThrow('Invalid trigger date');
      expect(() => calendar.workingDaysBetween('2026-02-13', '2026-13-01')).toThrow('Invalid end date');
      expect(() => calendar.workingDaysLeft('', '2026-03-06')).toThrow('Invalid today');
      expect(() => calendar.workingDaysLeft('2026-03-06', '2026-03-32')).toThrow('Invalid due date');
    });

    it('throws a RangeError for a negative or fractional count', () => {
      expect(() => calendar.addWorkingDays('2026-02-13', -1)).toThrow(
        'Invalid number of working days: -1 (expected an integer >= 0)',
      );
      expect(() => calendar.addWorkingDays('2026-02-13', 2.5)).toThrow(RangeError);
      expect(() => calendar.addWorkingDays('2026-02-13', Number.NaN)).toThrow(RangeError);
      expect(() => calendar.calendarDayPeriodEnd('2026-02-13', -30)).toThrow(RangeError);
    });
  });
});

describe('WorkingDayCalendar construction and fallback', () => {
  it('knows which years have a table', () => {
    const calendar = new WorkingDayCalendar([OFFICIAL_YEAR_TABLES[2026]]);
    expect(calendar.hasYear(2026)).toBe(true);
    expect(calendar.hasYear(2027)).toBe(false);
  });

  it('falls back to the statutory table for a year without one', () => {
    const calendar = new WorkingDayCalendar([OFFICIAL_YEAR_TABLES[2026]]);
    expect(calendar.isWorkingDay('2028-01-24')).toBe(false); // Tết 2028 (statutory: Mon 24 – Fri 28 Jan)
    expect(calendar.isWorkingDay('2028-01-03')).toBe(false); // substitute for Saturday 1 Jan 2028
    expect(calendar.isWorkingDay('2028-01-31')).toBe(true);
    // 2025 has no table here: the 2 May / 26 April swap is unknown, only statutory days apply.
    expect(calendar.isWorkingDay('2025-05-02')).toBe(true);
    expect(calendar.isWorkingDay('2025-04-26')).toBe(false);
    expect(calendar.addWorkingDays('2027-02-03', 1)).toBe('2027-02-11');
  });

  it('with no table at all, uses weekends plus statutory holidays', () => {
    const calendar = new WorkingDayCalendar([]);
    expect(calendar.addWorkingDays('2026-02-13', 10)).toBe('2026-03-06');
    // Without the 2026 swaps: 2 Jan is worked, 10 Jan is not.
    expect(calendar.addWorkingDays('2025-12-31', 1)).toBe('2026-01-02');
    expect(calendar.isWorkingDay('2026-01-10')).toBe(false);
  });

  it('uses the table given even when it differs from the statutory default', () => {
    const custom: YearTable = {
      year: 2026,
      nonWorkingDays: [{ date: '2026-03-09', name: 'Ngày nghỉ thử nghiệm' }],
      workingWeekends: ['2026-03-07'],
    };
    const calendar = new WorkingDayCalendar([custom]);
    expect(calendar.isWorkingDay('2026-02-17')).toBe(true); // the custom table has no Tết
    expect(calendar.isWorkingDay('2026-03-07')).toBe(true);
    expect(calendar.isWorkingDay('2026-03-09')).toBe(false);
    expect(calendar.addWorkingDays('2026-03-06', 2)).toBe('2026-03-10');
  });

  it('supports other weekly rest days', () => {
    const calendar = new WorkingDayCalendar([OFFICIAL_YEAR_TABLES[2026]], { weekendDays: [0] });
    expect(calendar.isWorkingDay('2026-03-07')).toBe(true); // Saturday
    expect(calendar.isWorkingDay('2026-03-08')).toBe(false); // Sunday
    expect(calendar.addWorkingDays('2026-03-06', 1)).toBe('2026-03-07');
  });

  it('rejects inconsistent tables and options with a RangeError', () => {
    const table2026 = statutoryYearTable(2026);
    expect(() => new WorkingDayCalendar([table2026, table2026])).toThrow('Duplicate table for year 2026');
    expect(
      () =>
        new WorkingDayCalendar([
          { year: 2026, nonWorkingDays: [{ date: '2026-02-30', name: 'x' }], workingWeekends: [] },
        ]),
    ).toThrow('Invalid non-working day in the 2026 table');
    expect(() => new WorkingDayCalendar([{ year: 2026, nonWorkingDays: [], workingWeekends: ['2026/03/07'] }])).toThrow(
      RangeError,
    );
    expect(
      () =>
        new WorkingDayCalendar([
          { year: 2026, nonWorkingDays: [{ date: '2026-03-07', name: 'x' }], workingWeekends: ['2026-03-07'] },
        ]),
    ).toThrow('2026-03-07 is listed both as a non-working day and as a working weekend');
    expect(() => new WorkingDayCalendar([], { weekendDays: [7] })).toThrow(RangeError);
    expect(() => new WorkingDayCalendar([], { weekendDays: [0, 1, 2, 3, 4, 5, 6] })).toThrow(RangeError);
  });

  it('does not loop for ever when a table leaves no working day', () => {
    const nonWorkingDays = Array.from({ length: 400 }, (_, i) => ({ date: addDays('2026-01-01', i), name: 'x' }));
    const calendar = new WorkingDayCalendar([{ year: 2026, nonWorkingDays, workingWeekends: [] }]);
    expect(() => calendar.nextWorkingDay('2026-01-01')).toThrow('No working day within 366 days');
  });
});
