import {
  compareIsoDate,
  daysBetween,
  daysInMonth,
  IsoDate,
  isoDateFromParts,
  isoDateParts,
} from '../calendar/iso-date';
import { DomainError } from '../common/domain-error';
import type { ApplicationType, LicenseFacts } from './approval.port';

/**
 * The figures the term rules read, in force on the day judged (legal parameters LICENSE_MAX_TERM_YEARS,
 * limits.extensionMinDaysBeforeExpiry, limits.maxExtensions, EXTENSION_MAX_YEARS; Decree 72/2013 art. 23(6), 23h, carried
 * over to Decree 147/2024 unconfirmed).
 */
export interface TermLimits {
  maxTermYears: number;
  extensionMinDaysBeforeExpiry: number;
  maxExtensions: number;
  maxExtensionYears: number;
}

/** License statuses a dossier about an existing license may concern. */
const LIVE_STATUSES: readonly LicenseFacts['status'][] = ['ACTIVE', 'SUSPENDED'];

/** `d` plus whole years; 29 February becomes 28 February in a common year. */
export function addYears(d: IsoDate, years: number): IsoDate {
  const { year, month, day } = isoDateParts(d);
  const y = year + years;
  return isoDateFromParts(y, month, Math.min(day, daysInMonth(y, month)));
}

/** NEW: a requested expiry lies in the future and at most 10 years from today (the earliest issue date). */
export function checkNewTerm(today: IsoDate, requestedExpiresOn: IsoDate | null, maxTermYears: number): void {
  if (requestedExpiresOn === null) return;
  if (compareIsoDate(requestedExpiresOn, today) <= 0) {
    throw DomainError.rule('REQUESTED_EXPIRY_NOT_IN_FUTURE', 'The requested expiry date must lie in the future', {
      errors: [{ field: 'requestedExpiresOn', message: `must be after ${today}` }],
    });
  }
  const max = addYears(today, maxTermYears);
  if (compareIsoDate(requestedExpiresOn, max) > 0) {
    throw DomainError.rule('REQUESTED_TERM_TOO_LONG', `A license runs at most ${maxTermYears} years`, {
      errors: [{ field: 'requestedExpiresOn', message: `must be on or before ${max}` }],
      extensions: { maxExpiresOn: max },
    });
  }
}

/**
 * The rules on the license an AMENDMENT, EXTENSION, REISSUE or CHANGE_NOTICE names: it exists, belongs to the
 * organization and the authority, is still in force, and for an EXTENSION the timing, count and term limits.
 */
export function checkLicenseFor(
  type: ApplicationType,
  facts: LicenseFacts | null,
  ctx: {
    organizationId: string;
    authorityId: string;
    today: IsoDate;
    requestedExpiresOn: IsoDate | null;
    limits: TermLimits;
  },
): void {
  const { limits } = ctx;
  if (!facts || facts.organizationId !== ctx.organizationId) {
    throw DomainError.rule('LICENSE_NOT_FOUND_FOR_ORGANIZATION', 'Your organization holds no such license', {
      errors: [{ field: 'licenseId', message: 'no license of your organization with this id' }],
    });
  }
  if (facts.authorityId !== ctx.authorityId) {
    throw DomainError.rule(
      'LICENSE_OF_ANOTHER_AUTHORITY',
      'File this dossier with the authority that issued the license',
      {
        errors: [{ field: 'authorityId', message: `the license was issued by the authority ${facts.authorityId}` }],
        extensions: { licenseAuthorityId: facts.authorityId },
      },
    );
  }
  if (!LIVE_STATUSES.includes(facts.status)) {
    throw DomainError.rule('LICENSE_NOT_IN_FORCE', `The license is ${facts.status}`, {
      extensions: { licenseStatus: facts.status },
    });
  }
  if (type !== 'EXTENSION') return;
  const daysLeft = daysBetween(ctx.today, facts.expiresOn);
  if (daysLeft < limits.extensionMinDaysBeforeExpiry) {
    throw DomainError.rule(
      'EXTENSION_TOO_LATE',
      `An extension is filed at least ${limits.extensionMinDaysBeforeExpiry} calendar days before expiry (${facts.expiresOn})`,
      { extensions: { expiresOn: facts.expiresOn, daysLeft } },
    );
  }
  if (facts.extensionCount >= limits.maxExtensions) {
    throw DomainError.rule(
      'EXTENSION_LIMIT_REACHED',
      `A license may be extended at most ${limits.maxExtensions} times`,
      {
        extensions: { extensionCount: facts.extensionCount },
      },
    );
  }
  if (ctx.requestedExpiresOn !== null) {
    const max = addYears(facts.expiresOn, limits.maxExtensionYears);
    if (compareIsoDate(ctx.requestedExpiresOn, facts.expiresOn) <= 0) {
      throw DomainError.rule('REQUESTED_EXPIRY_NOT_IN_FUTURE', 'An extension ends after the current expiry date', {
        errors: [{ field: 'requestedExpiresOn', message: `must be after ${facts.expiresOn}` }],
      });
    }
    if (compareIsoDate(ctx.requestedExpiresOn, max) > 0) {
      throw DomainError.rule('REQUESTED_TERM_TOO_LONG', `An extension runs at most ${limits.maxExtensionYears} years`, {
        errors: [{ field: 'requestedExpiresOn', message: `must be on or before ${max}` }],
        extensions: { maxExpiresOn: max },
      });
    }
  }
}
