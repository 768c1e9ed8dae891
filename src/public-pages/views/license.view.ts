import type { PublicLicense } from '../../registry/registry.service';
import { markup } from '../html';
import { T } from '../labels';
import { layout } from './layout';
import { licenseFacts } from './license-facts';

/** A license's public page in the registry: its particulars and current status (no verification code). */
export function licensePage(l: PublicLicense): string {
  const body = markup`<div class="wrap">
<h1>${l.siteName}</h1>
${licenseFacts(l, { withStatus: true })}
<p class="note">${T.verifyHint}</p>
<p class="no-print"><a href="/registry">${T.backToRegistry}</a></p>
</div>`;
  return layout({ title: `${l.siteName} – ${l.number}`, body });
}
