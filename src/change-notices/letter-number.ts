/**
 * The number of a confirmation letter: `NN/<body>-TTĐT`, a sequence per authority and per calendar year (Decree
 * 30/2020 art. 15: official letters are numbered from 01 each year, two digits at least), the issuing body's
 * abbreviation and the drafting unit's (TTĐT, thông tin điện tử). The body's abbreviation is the authority's license
 * suffix without its `GP-` prefix (`GP-STTTT` → `STTTT`), or the authority's code when the suffix has none.
 */
export function confirmationLetterNumber(
  seq: number,
  authority: { licenseNumberSuffix: string; code: string },
): string {
  if (!Number.isSafeInteger(seq) || seq < 1) throw new RangeError(`Invalid letter sequence ${seq}`);
  const suffix = authority.licenseNumberSuffix.trim();
  const body = /^GP-./i.test(suffix) ? suffix.slice(3) : authority.code.trim();
  return `${String(seq).padStart(2, '0')}/${body}-TTĐT`;
}
