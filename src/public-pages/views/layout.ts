import { asset } from '../assets';
import { markup, SafeHtml } from '../html';
import { T } from '../labels';

export interface PageInput {
  title: string;
  /** The page's content, inside `<main>`. */
  body: SafeHtml;
  /** Verification pages carry a secret code in their URL: never indexed. */
  noindex?: boolean;
}

/**
 * The document around every public page: Vietnamese, one stylesheet and an icon from /static (no script, no
 * inline style: the Content-Security-Policy allows neither), a skip link, the header and footer.
 */
export function layout(p: PageInput): string {
  return markup`<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${p.title}</title>
${p.noindex ? markup`<meta name="robots" content="noindex, nofollow">` : ''}
<link rel="stylesheet" href="${asset('public.css').href}">
<link rel="icon" href="${asset('icon.svg').href}" type="image/svg+xml">
</head>
<body>
<a class="skip" href="#main">${T.skipToContent}</a>
<header class="top"><a href="/registry">${T.siteTitle}</a></header>
<main id="main">
${p.body}
</main>
<footer><p>${T.footer} ${T.noPersonalData}</p></footer>
</body>
</html>
`.value;
}
