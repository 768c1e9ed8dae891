import { formatLicenseNumber, numberFormatProblems } from './license-number';

describe('license numbers', () => {
  it('formats the sequence with the authority suffix', () => {
    expect(formatLicenseNumber(44, '{seq}/{suffix}', 0, 'GP-STTTT', 2026)).toBe('44/GP-STTTT');
    expect(formatLicenseNumber(7, '{seq}/{suffix}', 2, 'GP-TTĐT', 2026)).toBe('07/GP-TTĐT');
    expect(formatLicenseNumber(191, '{seq}/{year}/{suffix}', 4, 'GP-TTĐT', 2027)).toBe('0191/2027/GP-TTĐT');
  });

  it('accepts only formats with {seq} exactly once and known placeholders', () => {
    expect(numberFormatProblems('{seq}/{suffix}')).toEqual([]);
    expect(numberFormatProblems('{suffix}')).toEqual(['must contain {seq} exactly once']);
    expect(numberFormatProblems('{seq}-{seq}')).toEqual(['must contain {seq} exactly once']);
    expect(numberFormatProblems('{seq}/{month}')).toEqual([expect.stringContaining('unknown placeholder {month}')]);
    expect(numberFormatProblems('{seq}/{suffix')).toEqual(['has an unmatched brace']);
  });

  it('refuses a sequence below 1', () => {
    expect(() => formatLicenseNumber(0, '{seq}/{suffix}', 0, 'GP', 2026)).toThrow(RangeError);
  });
});
