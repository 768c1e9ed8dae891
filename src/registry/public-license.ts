import type { RegistryRow } from '../licenses/licenses.repository';

/**
 * What anyone may read of a license: no personal data (no content manager, no phone, no e-mail). The organization's
 * head office is public (it is on its enterprise registration) and shows a confirmed change notice at once.
 * The one list of the public registry's fields: the search, the verification, the export and the change feed all
 * go through it (the SQL columns come from the `registry_licenses` view).
 */
export function publicView(r: RegistryRow) {
  return {
    id: r.id,
    number: r.number,
    organizationName: r.organizationName,
    headOffice: r.headOffice,
    siteName: r.siteName,
    domains: r.domains,
    status: r.status,
    issuedOn: r.issuedOn,
    expiresOn: r.expiresOn,
    ...(r.suspendedUntil ? { suspendedUntil: r.suspendedUntil } : {}),
    edition: r.edition,
    authority: { code: r.authorityCode, name: r.authorityName, province: r.province },
  };
}

export type PublicLicense = ReturnType<typeof publicView>;

/** The CSV columns: the public fields flattened (the authority's three fields become three columns). */
export const CSV_COLUMNS = [
  'id',
  'number',
  'organizationName',
  'headOffice',
  'siteName',
  'domains',
  'status',
  'issuedOn',
  'expiresOn',
  'suspendedUntil',
  'edition',
  'authorityCode',
  'authorityName',
  'authorityProvince',
] as const;

/** One cell per RFC 4180: quoted when it holds a comma, a quote, CR or LF (quotes doubled). */
export function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Formula injection: a spreadsheet runs a cell starting with = + - @ (or a tab/CR); prefix such text with '. */
function spreadsheetSafe(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** One CSV record (CRLF-terminated, RFC 4180). Several domains are separated by a space (domains hold none). */
export function csvRecord(p: PublicLicense): string {
  const values: Record<(typeof CSV_COLUMNS)[number], string> = {
    id: p.id,
    number: p.number,
    organizationName: p.organizationName,
    headOffice: p.headOffice ?? '',
    siteName: p.siteName,
    domains: (p.domains ?? []).join(' '),
    status: p.status,
    issuedOn: p.issuedOn,
    expiresOn: p.expiresOn,
    suspendedUntil: p.suspendedUntil ?? '',
    edition: String(p.edition),
    authorityCode: p.authority.code,
    authorityName: p.authority.name,
    authorityProvince: p.authority.province,
  };
  return CSV_COLUMNS.map((c) => csvCell(spreadsheetSafe(values[c]))).join(',') + '\r\n';
}

export const CSV_HEADER = CSV_COLUMNS.join(',') + '\r\n';
