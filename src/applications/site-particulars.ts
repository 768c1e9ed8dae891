import { domainToASCII } from 'node:url';
import type { FieldError } from '../common/domain-error';
import type { SiteParticulars } from './approval.port';

/** The particulars as a client may send them: every member optional (an AMENDMENT sends only what changes). */
export interface SiteInput {
  name?: string;
  domains?: string[];
  contentScope?: string;
  sections?: string[];
  informationSources?: string[];
  serverLocation?: string;
  contentManager?: Partial<SiteParticulars['contentManager']>;
}

const REQUIRED_TEXT = ['name', 'contentScope', 'serverLocation'] as const;
const MANAGER_FIELDS = ['fullName', 'position', 'phone', 'email'] as const;
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * Why `domain` is not a host name a site can be licensed under, or null when it is one. Internationalized names
 * are accepted (converted with `domainToASCII` to check the labels); schemes, ports, paths and wildcards are not.
 */
export function domainProblem(domain: string): string | null {
  const d = domain.trim().toLowerCase();
  if (d.length === 0) return 'must not be empty';
  if (/[\s/:@*?#]/.test(d)) return 'must be a bare domain name (no scheme, port, path or wildcard)';
  if (d.endsWith('.')) return 'must not end with a dot';
  const ascii = domainToASCII(d);
  if (!ascii) return 'is not a valid domain name';
  if (ascii.length > 253) return 'is longer than 253 characters';
  const labels = ascii.split('.');
  if (labels.length < 2) return 'must have at least two labels (e.g. example.vn)';
  if (!labels.every((l) => LABEL.test(l))) return 'has an invalid label (letters, digits and inner hyphens only)';
  const tld = labels[labels.length - 1];
  if (!/^[a-z]{2,63}$/.test(tld) && !tld.startsWith('xn--')) return 'has an invalid top-level domain';
  return null;
}

/** A domain under the Vietnamese country code (`.vn`, e.g. `example.vn`, `example.com.vn`). */
export function isVnDomain(domain: string): boolean {
  const ascii = domainToASCII(domain.trim().toLowerCase());
  return ascii.endsWith('.vn');
}

function blank(v: unknown): boolean {
  return typeof v !== 'string' || v.trim().length === 0;
}

/**
 * Field errors of the site particulars (paths prefixed `site.`). `full`: every particular is required (a NEW
 * dossier). `partial`: only what is present is checked, and at least one particular must be (an AMENDMENT).
 * Condition: at least one `.vn` domain (Decree 72/2013 art. 23(5), 23b).
 */
export function siteErrors(site: SiteInput, mode: 'full' | 'partial'): FieldError[] {
  const errors: FieldError[] = [];
  const need = (key: string) => mode === 'full' || key in site;
  for (const key of REQUIRED_TEXT) {
    if (need(key) && blank(site[key])) errors.push({ field: `site.${key}`, message: `${key} is required` });
  }
  if (need('domains')) {
    const domains = site.domains ?? [];
    if (domains.length === 0) errors.push({ field: 'site.domains', message: 'at least one domain is required' });
    const seen = new Set<string>();
    domains.forEach((d, i) => {
      const problem = domainProblem(d);
      if (problem) errors.push({ field: `site.domains[${i}]`, message: `${JSON.stringify(d)} ${problem}` });
      const key = domainToASCII(d.trim().toLowerCase()) || d;
      if (seen.has(key)) errors.push({ field: `site.domains[${i}]`, message: `${JSON.stringify(d)} is listed twice` });
      seen.add(key);
    });
    if (domains.length > 0 && !domains.some((d) => !domainProblem(d) && isVnDomain(d))) {
      errors.push({ field: 'site.domains', message: 'at least one domain must be a .vn domain' });
    }
  }
  if (need('informationSources')) {
    const sources = site.informationSources ?? [];
    if (sources.length === 0) {
      errors.push({
        field: 'site.informationSources',
        message: 'at least one official information source is required',
      });
    }
    sources.forEach((s, i) => {
      if (blank(s)) errors.push({ field: `site.informationSources[${i}]`, message: 'must not be empty' });
    });
  }
  (site.sections ?? []).forEach((s, i) => {
    if (blank(s)) errors.push({ field: `site.sections[${i}]`, message: 'must not be empty' });
  });
  if (need('contentManager')) {
    const m = site.contentManager;
    if (!m) errors.push({ field: 'site.contentManager', message: 'the person responsible for content is required' });
    else {
      for (const key of MANAGER_FIELDS) {
        if (blank(m[key])) errors.push({ field: `site.contentManager.${key}`, message: `${key} is required` });
      }
    }
  }
  if (mode === 'partial' && Object.keys(site).length === 0) {
    errors.push({ field: 'site', message: 'name at least one particular that changes' });
  }
  return errors;
}

/** Trimmed strings and lower-cased domains, as stored (domains keep their Unicode form). */
export function normalizeSite<T extends SiteInput>(site: T): T {
  const out: SiteInput = {};
  for (const [k, v] of Object.entries(site)) {
    if (v === undefined) continue;
    if (typeof v === 'string') (out as Record<string, unknown>)[k] = v.trim();
    else if (Array.isArray(v)) (out as Record<string, unknown>)[k] = v.map((s: string) => s.trim());
    else if (k === 'contentManager' && v && typeof v === 'object') {
      out.contentManager = Object.fromEntries(
        Object.entries(v as Record<string, string>).map(([mk, mv]) => [mk, typeof mv === 'string' ? mv.trim() : mv]),
      );
    }
  }
  if (out.domains) out.domains = out.domains.map((d) => d.toLowerCase());
  if (out.contentManager?.email) out.contentManager.email = out.contentManager.email.toLowerCase();
  return out as T;
}

/** An AMENDMENT's particulars as they will be: the changes over the license's current particulars. */
export function mergeParticulars(current: SiteParticulars, changes: SiteInput | null): SiteParticulars {
  if (!changes) return current;
  return {
    ...current,
    ...(Object.fromEntries(
      Object.entries(changes).filter(([k]) => k !== 'contentManager'),
    ) as Partial<SiteParticulars>),
    contentManager: { ...current.contentManager, ...(changes.contentManager ?? {}) },
  };
}
