import type { CookieOptions, Request } from 'express';

/** The back office's session cookie. httpOnly: page scripts never see it; the CSRF token travels separately. */
export const SESSION_COOKIE = 'gis_session';
/** The header that carries the session's CSRF token on unsafe requests (synchronizer token pattern). */
export const CSRF_HEADER = 'x-csrf-token';
/** Only the API needs the cookie; static files and public pages never receive it. */
export const SESSION_COOKIE_PATH = '/api/v1';

/** Methods that change nothing (RFC 9110 §9.2.1): no CSRF token needed. */
export const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * SameSite=Strict: a cross-site page cannot make the browser send it at all (the CSRF token is the second lock).
 * Secure whenever the request came over https (directly or through a trusted proxy), so plain http still works
 * for `npm start` on localhost.
 */
export function sessionCookieOptions(req: Request, maxAgeMs?: number): CookieOptions {
  return {
    httpOnly: true,
    sameSite: 'strict',
    secure: req.secure,
    path: SESSION_COOKIE_PATH,
    ...(maxAgeMs !== undefined ? { maxAge: maxAgeMs } : {}),
  };
}

/** The value of one cookie from the Cookie header, or undefined (no cookie-parser needed for one name). */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() !== name) continue;
    const raw = part.slice(eq + 1).trim();
    try {
      return decodeURIComponent(raw);
    } catch {
      return raw;
    }
  }
  return undefined;
}
