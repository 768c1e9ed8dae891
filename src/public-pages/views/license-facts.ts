import type { PublicLicense } from '../../registry/registry.service';
import { formatDate } from '../format';
import { markup, SafeHtml } from '../html';
import { STATUS_LABEL, T } from '../labels';

export function fact(label: string, value: SafeHtml | string): SafeHtml {
  return markup`<div><dt>${label}</dt><dd>${value}</dd></div>`;
}

function domainList(domains: string[]): SafeHtml {
  return markup`<ul>${domains.map((d) => markup`<li>${d}</li>`)}</ul>`;
}

export function statusPill(l: Pick<PublicLicense, 'status'>): SafeHtml {
  const icon = l.status === 'ACTIVE' ? '✓' : '✗';
  return markup`<span class="pill pill-${l.status}"><span aria-hidden="true">${icon} </span>${STATUS_LABEL[l.status]}</span>`;
}

export interface FactOptions {
  /** Show the status as a pill among the facts (the registry; the verification page has its band instead). */
  withStatus?: boolean;
  /** Further rows (`fact(…)`) after the particulars. */
  extra?: SafeHtml[];
}

/** The public particulars of a license as a definition list: the same fields the registry API returns. */
export function licenseFacts(l: PublicLicense, o: FactOptions = {}): SafeHtml {
  return markup`<dl class="facts">
${fact(T.domains, domainList(l.domains))}
${o.withStatus ? fact(T.status, statusPill(l)) : ''}
${l.suspendedUntil ? fact(T.suspendedUntil, formatDate(l.suspendedUntil)) : ''}
${fact(T.licensee, l.organizationName)}
${fact(T.headOffice, l.headOffice)}
${fact(T.number, l.number)}
${fact(T.authority, `${l.authority.name}, ${l.authority.province}`)}
${fact(T.issuedOn, formatDate(l.issuedOn))}
${fact(T.expiresOn, formatDate(l.expiresOn))}
${fact(T.edition, String(l.edition))}
${o.extra ?? ''}
</dl>`;
}
