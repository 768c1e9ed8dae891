import type { LicenseFacts } from './approval.port';
import { addYears, checkLicenseFor, checkNewTerm, TermLimits } from './term-rules';

/** The figures seeded for Decree 72/2013 and (unconfirmed) Decree 147/2024. */
const LIMITS: TermLimits = {
  maxTermYears: 10,
  extensionMinDaysBeforeExpiry: 30,
  maxExtensions: 2,
  maxExtensionYears: 2,
};

function codeOf(fn: () => void): string | undefined {
  try {
    fn();
    return undefined;
  } catch (e) {
    return (e as { code?: string }).code;
  }
}

const license = (over: Partial<LicenseFacts> = {}): LicenseFacts => ({
  id: 'l1',
  number: '44/GP-STTTT',
  status: 'ACTIVE',
  organizationId: 'o1',
  authorityId: 'a1',
  issuedOn: '2021-03-05',
  expiresOn: '2026-06-30',
  extensionCount: 0,
  site: {
    name: 'x',
    domains: ['x.vn'],
    contentScope: 'x',
    informationSources: ['y'],
    serverLocation: 'z',
    contentManager: { fullName: 'a', position: 'b', phone: 'c', email: 'd@e.vn' },
  },
  ...over,
});
const ctx = (over: Partial<Parameters<typeof checkLicenseFor>[2]> = {}) => ({
  organizationId: 'o1',
  authorityId: 'a1',
  today: '2026-05-01',
  requestedExpiresOn: null,
  limits: LIMITS,
  ...over,
});

describe('addYears', () => {
  it('adds years, 29 February becoming 28 February', () => {
    expect(addYears('2026-03-05', 10)).toBe('2036-03-05');
    expect(addYears('2028-02-29', 1)).toBe('2029-02-28');
  });
});

describe('checkNewTerm (Decree 72 art. 23(6))', () => {
  it('accepts no request, or one up to 10 years ahead', () => {
    expect(codeOf(() => checkNewTerm('2026-03-05', null, 10))).toBeUndefined();
    expect(codeOf(() => checkNewTerm('2026-03-05', '2036-03-05', 10))).toBeUndefined();
  });
  it('reads the maximum term it is given (a legal parameter)', () => {
    expect(codeOf(() => checkNewTerm('2026-03-05', '2036-03-05', 5))).toBe('REQUESTED_TERM_TOO_LONG');
    expect(codeOf(() => checkNewTerm('2026-03-05', '2031-03-05', 5))).toBeUndefined();
  });
  it('refuses a date past 10 years or not in the future', () => {
    expect(codeOf(() => checkNewTerm('2026-03-05', '2036-03-06', 10))).toBe('REQUESTED_TERM_TOO_LONG');
    expect(codeOf(() => checkNewTerm('2026-03-05', '2026-03-05', 10))).toBe('REQUESTED_EXPIRY_NOT_IN_FUTURE');
  });
});

describe('checkLicenseFor', () => {
  it('needs a license of the organization, of the same authority, in force', () => {
    expect(codeOf(() => checkLicenseFor('AMENDMENT', null, ctx()))).toBe('LICENSE_NOT_FOUND_FOR_ORGANIZATION');
    expect(codeOf(() => checkLicenseFor('AMENDMENT', license({ organizationId: 'o2' }), ctx()))).toBe(
      'LICENSE_NOT_FOUND_FOR_ORGANIZATION',
    );
    expect(codeOf(() => checkLicenseFor('REISSUE', license({ authorityId: 'a2' }), ctx()))).toBe(
      'LICENSE_OF_ANOTHER_AUTHORITY',
    );
    expect(codeOf(() => checkLicenseFor('AMENDMENT', license({ status: 'REVOKED' }), ctx()))).toBe(
      'LICENSE_NOT_IN_FORCE',
    );
    expect(codeOf(() => checkLicenseFor('AMENDMENT', license({ status: 'SUSPENDED' }), ctx()))).toBeUndefined();
  });

  it('EXTENSION: at least 30 calendar days before expiry', () => {
    expect(codeOf(() => checkLicenseFor('EXTENSION', license(), ctx({ today: '2026-05-31' })))).toBeUndefined();
    expect(codeOf(() => checkLicenseFor('EXTENSION', license(), ctx({ today: '2026-06-01' })))).toBe(
      'EXTENSION_TOO_LATE',
    );
    // Only EXTENSION has the timing rule.
    expect(codeOf(() => checkLicenseFor('AMENDMENT', license(), ctx({ today: '2026-06-20' })))).toBeUndefined();
  });

  it('EXTENSION: at most 2 extensions', () => {
    expect(codeOf(() => checkLicenseFor('EXTENSION', license({ extensionCount: 1 }), ctx()))).toBeUndefined();
    expect(codeOf(() => checkLicenseFor('EXTENSION', license({ extensionCount: 2 }), ctx()))).toBe(
      'EXTENSION_LIMIT_REACHED',
    );
  });

  it('EXTENSION: up to 2 years past the current expiry', () => {
    expect(
      codeOf(() => checkLicenseFor('EXTENSION', license(), ctx({ requestedExpiresOn: '2028-06-30' }))),
    ).toBeUndefined();
    expect(codeOf(() => checkLicenseFor('EXTENSION', license(), ctx({ requestedExpiresOn: '2028-07-01' })))).toBe(
      'REQUESTED_TERM_TOO_LONG',
    );
    expect(codeOf(() => checkLicenseFor('EXTENSION', license(), ctx({ requestedExpiresOn: '2026-06-30' })))).toBe(
      'REQUESTED_EXPIRY_NOT_IN_FUTURE',
    );
  });
});
