import type { Request } from 'express';

/**
 * True when the client prefers JSON to HTML by its Accept header (`application/json`, or the problem+json of an
 * error). A browser, a crawler, or a client sending no Accept header or `*\/*` gets the page.
 */
export function prefersJson(req: Request): boolean {
  const best = req.accepts(['text/html', 'application/json', 'application/problem+json']);
  return best === 'application/json' || best === 'application/problem+json';
}

export const HTML_CONTENT_TYPE = 'text/html; charset=utf-8';

/**
 * The public pages load nothing but their own stylesheet and icon and run no script: the strictest policy that
 * lets them work (stricter than the application-wide one, which Swagger UI's inline code constrains).
 */
export const PUBLIC_PAGE_CSP =
  "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
