import { DEFAULT_OBLIGATIONS } from '../pdf/pdf.service';
import { licenseObligations } from './license-document';
import { addMonths, maxExpiryFor, maxExtendedExpiry, reminderThreshold } from './license-term';

describe('license terms', () => {
  it('a license runs at most 10 years, issue day included', () => {
    expect(maxExpiryFor('2026-03-05', 10)).toBe('2036-03-04');
    expect(maxExpiryFor('2028-02-29', 10)).toBe('2038-02-27');
  });

  it('an extension adds at most 2 years to the current expiry', () => {
    expect(maxExtendedExpiry('2031-03-04', 2)).toBe('2033-03-04');
  });

  it('adds months, clamping to the end of shorter months', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2026-03-05', 3)).toBe('2026-06-05');
    expect(addMonths('2026-03-05', -3)).toBe('2025-12-05');
  });

  it('picks the reminder due for the days left (90/30/7), catching up missed days', () => {
    expect(reminderThreshold(120)).toBeNull();
    expect(reminderThreshold(91)).toBeNull();
    expect(reminderThreshold(90)).toBe(90);
    expect(reminderThreshold(31)).toBe(90);
    expect(reminderThreshold(30)).toBe(30);
    expect(reminderThreshold(20)).toBe(30);
    expect(reminderThreshold(7)).toBe(7);
    expect(reminderThreshold(0)).toBe(7);
    expect(reminderThreshold(-1)).toBeNull();
  });
});

describe('licenseObligations', () => {
  it('with the seeded figures reads word for word as the renderer’s default', () => {
    const seeded = { contentRemovalHours: 3, annualReportDueMonthDay: '01-15', changeNoticeWorkingDays: 10 };
    expect(licenseObligations(seeded)).toEqual([...DEFAULT_OBLIGATIONS]);
    const changed = licenseObligations({
      contentRemovalHours: 24,
      annualReportDueMonthDay: '12-01',
      changeNoticeWorkingDays: 15,
    });
    expect(changed[3]).toContain('chậm nhất 24 giờ');
    expect(changed[5]).toContain('trước ngày 01 tháng 12');
    expect(changed[6]).toContain('trong thời hạn 15 ngày làm việc');
  });
});
