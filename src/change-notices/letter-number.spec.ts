import { confirmationLetterNumber } from './letter-number';

describe('confirmation letter numbers', () => {
  it('pads to two digits and takes the body from the license suffix', () => {
    expect(confirmationLetterNumber(1, { licenseNumberSuffix: 'GP-STTTT', code: 'NA' })).toBe('01/STTTT-TTĐT');
    expect(confirmationLetterNumber(15, { licenseNumberSuffix: 'GP-TTĐT', code: 'ABEI' })).toBe('15/TTĐT-TTĐT');
    expect(confirmationLetterNumber(123, { licenseNumberSuffix: 'GP-SVHTT', code: 'HN' })).toBe('123/SVHTT-TTĐT');
  });

  it('falls back to the authority code when the suffix has no GP- prefix', () => {
    expect(confirmationLetterNumber(7, { licenseNumberSuffix: 'STTTT', code: 'SVHTTDL-NA' })).toBe(
      '07/SVHTTDL-NA-TTĐT',
    );
  });

  it('refuses a sequence below 1', () => {
    expect(() => confirmationLetterNumber(0, { licenseNumberSuffix: 'GP-STTTT', code: 'NA' })).toThrow(RangeError);
  });
});
