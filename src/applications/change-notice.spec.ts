import { OFFICIAL_YEAR_TABLES } from '../calendar/holidays';
import { WorkingDayCalendar } from '../calendar/working-day-calendar';
import { DomainError } from '../common/domain-error';
import { checkChangedOn, checkChangeNoticeShape, latenessOf } from './change-notice';

const calendar = new WorkingDayCalendar([OFFICIAL_YEAR_TABLES[2026]]);

function codeOf(fn: () => unknown): { code: string; status: number; fields: string[] } {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) {
      return { code: e.code, status: e.status, fields: (e.errors ?? []).map((x) => x.field) };
    }
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('change notices: lateness (Decree 72/2013 art. 23h, 10 working days)', () => {
  it('counts the 10 working days across Tết 2026 (16–20 February off)', () => {
    // Monday 2 February: day 1 is Tuesday 3; nine working days to Friday 13, then Tết, the tenth is Monday 23.
    expect(latenessOf(calendar, '2026-02-02', '2026-02-23', 10)).toEqual({
      dueOn: '2026-02-23',
      late: false,
      lateByWorkingDays: 0,
    });
    expect(latenessOf(calendar, '2026-02-02', '2026-02-24', 10)).toMatchObject({ late: true, lateByWorkingDays: 1 });
    expect(latenessOf(calendar, '2026-02-02', '2026-02-27', 10)).toMatchObject({ late: true, lateByWorkingDays: 4 });
  });

  it('a filing on the day of the change or during the period is on time', () => {
    expect(latenessOf(calendar, '2026-03-02', '2026-03-02', 10).late).toBe(false);
    expect(latenessOf(calendar, '2026-03-02', '2026-03-16', 10)).toEqual({
      dueOn: '2026-03-16',
      late: false,
      lateByWorkingDays: 0,
    });
  });

  it('a filing on a non-working day counts as received on the next working day', () => {
    // Change on Friday 6 March: due Friday 20 March. Filed Saturday 21 → received Monday 23 → late by 1.
    expect(latenessOf(calendar, '2026-03-06', '2026-03-20', 10).late).toBe(false);
    expect(latenessOf(calendar, '2026-03-06', '2026-03-21', 10)).toMatchObject({ late: true, lateByWorkingDays: 1 });
    // A change on a Sunday: day 1 is Monday.
    expect(latenessOf(calendar, '2026-03-08', '2026-03-20', 10)).toMatchObject({ dueOn: '2026-03-20', late: false });
  });
});

describe('change notices: shape', () => {
  it('only a CHANGE_NOTICE carries one, and it must', () => {
    expect(codeOf(() => checkChangeNoticeShape('AMENDMENT', { changedOn: '2026-01-05', newOwner: 'X' }))).toEqual({
      code: 'VALIDATION_FAILED',
      status: 400,
      fields: ['changeNotice'],
    });
    expect(checkChangeNoticeShape('NEW', undefined)).toBeNull();
    expect(codeOf(() => checkChangeNoticeShape('CHANGE_NOTICE', null)).fields).toEqual(['changeNotice']);
  });

  it('names the date and at least one new particular; blanks do not count; trims', () => {
    expect(codeOf(() => checkChangeNoticeShape('CHANGE_NOTICE', { changedOn: '2026-01-05' })).fields).toEqual([
      'changeNotice',
    ]);
    expect(
      codeOf(() => checkChangeNoticeShape('CHANGE_NOTICE', { changedOn: '2026-01-05', newOwner: '   ' })).status,
    ).toBe(400);
    expect(codeOf(() => checkChangeNoticeShape('CHANGE_NOTICE', { newOwner: 'A' })).fields).toEqual([
      'changeNotice.changedOn',
    ]);
    expect(
      checkChangeNoticeShape('CHANGE_NOTICE', {
        changedOn: '2026-01-05',
        newOwner: ' Tổng công ty Truyền thông Miền Trung ',
        newHeadOfficeAddress: '',
      }),
    ).toEqual({ changedOn: '2026-01-05', newOwner: 'Tổng công ty Truyền thông Miền Trung' });
  });

  it('a change in the future is refused (422)', () => {
    expect(codeOf(() => checkChangedOn({ changedOn: '2026-03-03', newOwner: 'A' }, '2026-03-02'))).toEqual({
      code: 'CHANGE_DATE_IN_FUTURE',
      status: 422,
      fields: ['changeNotice.changedOn'],
    });
    expect(() => checkChangedOn({ changedOn: '2026-03-02', newOwner: 'A' }, '2026-03-02')).not.toThrow();
  });
});
