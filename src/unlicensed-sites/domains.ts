import { domainToASCII } from 'node:url';

/**
 * The form in which domains are compared: lower case, without a trailing dot or a leading `www.`, internationalized
 * names in their ASCII (punycode) form, so `WWW.Tin-Nhanh.vn.` and `tin-nhanh.vn` are the same site.
 */
export function normalizeDomain(domain: string): string {
  let d = domain.trim().toLowerCase().replace(/\.$/, '');
  if (d.startsWith('www.')) d = d.slice(4);
  return domainToASCII(d) || d;
}

/** The distinct normalized domains, in the order first given. */
export function normalizeDomains(domains: readonly string[]): string[] {
  return [...new Set(domains.map(normalizeDomain))];
}

/** Domains two sites share (after normalization). */
export function sharedDomains(a: readonly string[], b: readonly string[]): string[] {
  const other = new Set(b.map(normalizeDomain));
  return normalizeDomains(a).filter((d) => other.has(d));
}
