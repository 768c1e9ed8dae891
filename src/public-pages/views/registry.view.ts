import type { Page } from '../../common/pagination';
import { LICENSE_STATUSES, type LicenseStatus } from '../../licenses/license.entity';
import type { PublicLicense } from '../../registry/registry.service';
import { markup, queryString, SafeHtml } from '../html';
import { pageOfPages, resultCount, STATUS_LABEL, T } from '../labels';
import { layout } from './layout';
import { licenseFacts } from './license-facts';

export interface RegistrySearch {
  q: string;
  status?: LicenseStatus;
  page: number;
  pageSize: number;
}

function statusOptions(selected: LicenseStatus | undefined): SafeHtml {
  const option = (value: string, label: string) =>
    value === (selected ?? '')
      ? markup`<option value="${value}" selected>${label}</option>`
      : markup`<option value="${value}">${label}</option>`;
  return markup`${option('', T.allStatuses)}${LICENSE_STATUSES.map((s) => option(s, STATUS_LABEL[s]))}`;
}

function pager(s: RegistrySearch, total: number): SafeHtml | '' {
  const pages = Math.max(1, Math.ceil(total / s.pageSize));
  if (pages <= 1) return '';
  const link = (page: number) =>
    `/registry${queryString({
      q: s.q,
      status: s.status,
      page: page > 1 ? page : undefined,
      pageSize: s.pageSize !== 20 ? s.pageSize : undefined,
    })}`;
  const prev =
    s.page > 1 ? markup`<a href="${link(s.page - 1)}" rel="prev">‹ ${T.previousPage}</a>` : markup`<span></span>`;
  const next =
    s.page < pages ? markup`<a href="${link(s.page + 1)}" rel="next">${T.nextPage} ›</a>` : markup`<span></span>`;
  return markup`<nav class="pager" aria-label="${T.resultsNav}">
${prev}
<span>${pageOfPages(s.page, pages)}</span>
${next}
</nav>`;
}

/** The public registry: one search box, a status filter, the results as cards and a pager. */
export function registryPage(s: RegistrySearch, result: Page<PublicLicense>): string {
  const filtered = Boolean(s.q || s.status);
  const clear = filtered && result.total === 0 ? markup` · <a href="/registry">${T.clearFilters}</a>` : '';
  const results = result.items.length
    ? markup`<ol class="results" aria-labelledby="count">
${result.items.map(
  (l) => markup`<li>
<h2><a href="/registry/${l.id}">${l.siteName}</a></h2>
${licenseFacts(l, { withStatus: true })}
</li>`,
)}
</ol>`
    : '';
  const body = markup`<div class="wrap">
<h1>${T.registryTitle}</h1>
<p class="note">${T.registryIntro}</p>
<form class="search" method="get" action="/registry" role="search">
<div><label for="q">${T.searchLabel}</label>
<input id="q" name="q" type="search" value="${s.q}" maxlength="200" autocomplete="off"></div>
<div><label for="status">${T.statusLabel}</label>
<select id="status" name="status">${statusOptions(s.status)}</select></div>
<div><button type="submit">${T.searchButton}</button></div>
</form>
<p class="count" id="count">${resultCount(result.total, s.q)}${clear}</p>
${results}
${pager(s, result.total)}
<p class="note">${T.verifyHint}</p>
</div>`;
  return layout({ title: s.q ? `${s.q} – ${T.registryTitle}` : T.registryTitle, body });
}
