import { checkYearTable } from './year-table-validation';

describe('checkYearTable', () => {
  it('accepts a valid 2026 table and returns it sorted with names trimmed and NFC-normalized', () => {
    const r = checkYearTable(2026, {
      nonWorkingDays: [
        { date: '2026-02-17', name: ' Tết Nguyên đán ' },
        { date: '2026-01-01', name: 'Te\u0302\u0301t Dương lịch' },
      ],
      workingWeekends: ['2026-08-22', '2026-01-10'],
    });
    expect(r).toEqual({
      ok: true,
      table: {
        year: 2026,
        nonWorkingDays: [
          { date: '2026-01-01', name: 'Tết Dương lịch' },
          { date: '2026-02-17', name: 'Tết Nguyên đán' },
        ],
        workingWeekends: ['2026-01-10', '2026-08-22'],
      },
    });
  });

  it('names every offending field', () => {
    const r = checkYearTable(2026, {
      nonWorkingDays: [
        { date: '2025-12-31', name: 'Năm cũ' },
        { date: '2026-02-29', name: 'Không có' },
        { date: '2026-02-16', name: '' },
        { date: '2026-02-16', name: 'Trùng' },
        { date: '2026-02-21', name: 'Thứ Bảy' },
      ],
      workingWeekends: ['2026-02-21', '2026-02-23', '2026-01-10', '2026-01-10', 'x'],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.field)).toEqual([
      'nonWorkingDays[0].date',
      'nonWorkingDays[1].date',
      'nonWorkingDays[2].name',
      'nonWorkingDays[3].date',
      'workingWeekends[0]',
      'workingWeekends[1]',
      'workingWeekends[3]',
      'workingWeekends[4]',
    ]);
    expect(r.errors[5].message).toBe('2026-02-23 is not a Saturday or Sunday');
    expect(r.errors[4].message).toBe('2026-02-21 is also listed as a non-working day');
  });

  it('accepts an empty table (every weekday worked)', () => {
    expect(checkYearTable(2027, { nonWorkingDays: [], workingWeekends: [] })).toEqual({
      ok: true,
      table: { year: 2027, nonWorkingDays: [], workingWeekends: [] },
    });
  });
});
