import type { Page } from '../../common/pagination';
import { LICENSE_STATUSES, type LicenseStatus } from '../../licenses/license.entity';
import type { PublicLicense } from '../../registry/registry.service';
import { html, queryString } from '../html';
import { pageOfPages, resultCount, STATUS_LABEL, T } from '../labels';
import { layout } from './layout';
import { licenseFacts } from './license-facts';

export interface RegistrySearch {
  q: string;
  status?: LicenseStatus;
  page: number;
  pageSize: number;
}

/** The public registry: one search box, a status filter, the results as cards and a pager. */
export function registryPage(s: RegistrySearch, result: Page<PublicLicense>): string {
  const pages = Math.max(1, Math.ceil(result.total / s.pageSize));
  const link = (page: number) =>
    `/registry${queryString({
      q: s.q,
      status: s.status,
      page: page > 1 ? page : undefined,
      pageSize: s.pageSize !== 20 ? s.pageSize : undefined,
    })}`;
  const filtered = Boolean(s.q || s.status);
  const body = html`<div class="wrap">
    <h1>${T.registryTitle}</h1>
    <p class="note">${T.registryIntro}</p>
    <form class="search" method="get" action="/registry" role="search">
      <div>
        <label for="q">${T.searchLabel}</label>
        <input id="q" name="q" type="search" value="${s.q}" maxlength="200" autocomplete="off" />
      </div>
      <div>
        <label for="status">${T.statusLabel}</label>
        <select id="status" name="status">
          <option value="" ${s.status ? '' : html` selected`}>${T.allStatuses}</option>
          ${LICENSE_STATUSES.map(
            (st) => html`<option value="${st}" ${s.status === st ? html` selected` : ''}>${STATUS_LABEL[st]}</option>`,
          )}
        </select>
      </div>
      <div><button type="submit">${T.searchButton}</button></div>
    </form>
    <p class="count" id="count">
      ${resultCount(result.total, s.q)}${
        filtered && result.total === 0 ? html` · <a href="/registry">${T.clearFilters}</a>` : ''
      }
    </p>
    ${
      result.items.length
        ? html`<ol class="results" aria-labelledby="count">
            ${result.items.map(
              (l) =>
                html`<li>
                  <h2><a href="/registry/${l.id}">${l.siteName}</a></h2>
                  ${licenseFacts(l, { withStatus: true })}
                </li>`,
            )}
          </ol>`
        : ''
    }
    ${
      pages > 1
        ? html`<nav class="pager" aria-label="${T.resultsNav}">
            ${s.page > 1 ? html`<a href="${link(s.page - 1)}" rel="prev">‹ ${T.previousPage}</a>` : html`<span></span>`}
            <span>${pageOfPages(s.page, pages)}</span>
            ${s.page < pages ? html`<a href="${link(s.page + 1)}" rel="next">${T.nextPage} ›</a>` : html`<span></span>`}
          </nav>`
        : ''
    }
    <p class="note">${T.verifyHint}</p>
  </div>`;
  const title = s.q ? `${s.q} – ${T.registryTitle}` : T.registryTitle;
  return layout({ title, body });
}
