import { addDays } from '../calendar/iso-date';
import { activeDuringYear, annualDueOn, annualYear, reminderStartsOn } from './report-rules';

describe('report rules', () => {
  it("the annual report for year Y is due on 15 January of Y+1 by default, or the authority's day", () => {
    expect(annualDueOn(2026, '01-15')).toBe('2027-01-15');
    expect(annualDueOn(2026, '01-31')).toBe('2027-01-31');
  });

  it('an annual period is a four-digit year', () => {
    expect(annualYear('2026')).toBe(2026);
    expect(annualYear('ADHOC-1')).toBeNull();
    expect(annualYear('26')).toBeNull();
  });

  it("a license active on any day of the year owes that year's report", () => {
    expect(activeDuringYear({ issuedOn: '2026-12-31', endedOn: '2036-12-30' }, 2026)).toBe(true);
    expect(activeDuringYear({ issuedOn: '2027-01-01', endedOn: '2037-01-01' }, 2026)).toBe(false);
    expect(activeDuringYear({ issuedOn: '2020-01-01', endedOn: '2026-01-01' }, 2026)).toBe(true);
    expect(activeDuringYear({ issuedOn: '2020-01-01', endedOn: '2025-12-31' }, 2026)).toBe(false);
  });

  it('reminders start 30 days before the due date', () => {
    expect(reminderStartsOn('2027-01-15', 30, addDays)).toBe('2026-12-16');
  });
});
