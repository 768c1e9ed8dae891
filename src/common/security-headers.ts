import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';

type Directives = Record<string, string[]>;

/**
 * The Content-Security-Policy of every response that is not listed below: nothing inline, nothing from elsewhere,
 * no plugins, no `<base>`, framed only by this origin. The public server-rendered pages (`/`, `/registry…`,
 * `/verify…`, `/v/…`) serve their CSS from `/assets/…` and need nothing more.
 */
export const STRICT_CSP: Directives = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'form-action': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'frame-ancestors': ["'self'"],
};

/**
 * The one place where a path prefix loosens the strict policy, one line each (the longest matching prefix wins).
 * Swagger UI writes inline scripts and styles. (The back office at `/office` sends its own, nonce-based policy:
 * `officeCsp()` in src/office/serve-office.ts; the public pages send theirs: src/public-pages.)
 */
export const CSP_OVERRIDES: { prefix: string; directives: Directives }[] = [
  {
    prefix: '/docs',
    directives: { 'script-src': ["'self'", "'unsafe-inline'"], 'style-src': ["'self'", "'unsafe-inline'"] },
  },
];

function startsWithSegment(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}/`);
}

/** The policy that applies to a path (exported for tests and for pages that want to show it). */
export function cspFor(path: string): Directives {
  const override = CSP_OVERRIDES.filter((o) => startsWithSegment(path, o.prefix)).sort(
    (a, b) => b.prefix.length - a.prefix.length,
  )[0];
  return { ...STRICT_CSP, ...(override?.directives ?? {}) };
}

/** helmet's headers with the CSP of the request's path; one helmet instance per policy, built once. */
export function securityHeaders(): RequestHandler {
  const strict = helmet({ contentSecurityPolicy: { useDefaults: false, directives: STRICT_CSP } });
  const byPrefix = CSP_OVERRIDES.map((o) => ({
    prefix: o.prefix,
    handler: helmet({ contentSecurityPolicy: { useDefaults: false, directives: cspFor(o.prefix) } }),
  })).sort((a, b) => b.prefix.length - a.prefix.length);
  return (req: Request, res: Response, next: NextFunction) => {
    const match = byPrefix.find((o) => startsWithSegment(req.path, o.prefix));
    (match?.handler ?? strict)(req, res, next);
  };
}

/**
 * `Cache-Control: no-store` on every API response unless its handler says otherwise (a public catalogue may be
 * cached, a PDF says `private, no-cache`): answers carry tokens and personal data, and must not stay in a shared
 * or browser cache.
 */
export function noStoreByDefault(): RequestHandler {
  return (_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  };
}
