import { DomainError, ErrorCode } from '../common/domain-error';

/** The default layout of a license number: `44/GP-STTTT` (docs/legal-basis.md, "License"). */
export const DEFAULT_NUMBER_FORMAT = '{seq}/{suffix}';

const PLACEHOLDER = /\{(seq|suffix|year)\}/g;

/**
 * Checks a numbering format: it must contain `{seq}` once (else two licenses could share a number) and may use
 * `{suffix}` (the authority's suffix) and `{year}` (the year of issue). Returns field errors, empty when valid.
 */
export function numberFormatProblems(format: string): string[] {
  const problems: string[] = [];
  const seqCount = format.split('{seq}').length - 1;
  if (seqCount !== 1) problems.push('must contain {seq} exactly once');
  const unknown = format.replace(PLACEHOLDER, '').match(/\{[^}]*\}/g);
  if (unknown) problems.push(`unknown placeholder ${unknown.join(', ')}; use {seq}, {suffix}, {year}`);
  if (/[{}]/.test(format.replace(PLACEHOLDER, '').replace(/\{[^}]*\}/g, ''))) problems.push('has an unmatched brace');
  return problems;
}

/** The number for sequence `seq`: `formatLicenseNumber(44, '{seq}/{suffix}', 0, 'GP-STTTT', 2026)` → `44/GP-STTTT`. */
export function formatLicenseNumber(seq: number, format: string, pad: number, suffix: string, year: number): string {
  if (!Number.isSafeInteger(seq) || seq < 1) throw new RangeError(`Invalid sequence number ${seq}`);
  if (numberFormatProblems(format).length) {
    throw new DomainError(ErrorCode.BUSINESS_RULE_VIOLATED, 422, `The license number format "${format}" is invalid`);
  }
  const values: Record<string, string> = {
    seq: String(seq).padStart(pad, '0'),
    suffix,
    year: String(year),
  };
  return format.replace(PLACEHOLDER, (_, name: string) => values[name]);
}
