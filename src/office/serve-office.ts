import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import express, { NextFunction, Request, Response, Router } from 'express';

/** Where the back office is served. */
export const OFFICE_PATH = '/office';

/**
 * The back office's Content-Security-Policy, the one place that states what the single-page application needs.
 * Scripts: only its own files (no inline script, no eval). Styles: its own files, plus the `<style>` elements that
 * Ant Design's CSS-in-JS writes at run time, admitted by a nonce drawn for each page load (the page reads it from
 * `<meta name="csp-nonce">` and hands it to Ant Design's ConfigProvider), never `'unsafe-inline'`. Documents of a
 * dossier are fetched with the session and shown from a `blob:` URL (`frame-src`, `img-src`).
 */
export function officeCsp(nonce: string): string {
  return [
    "default-src 'self'",
    "base-uri 'none'",
    "object-src 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-src 'self' blob:",
  ].join('; ');
}

/**
 * The built single-page application: `dist/office` beside the compiled server (`npm run build`), or, when the
 * server runs from sources (tests), `dist/office` under the repository root.
 */
export function officeBuildDir(): string | null {
  const candidates = [join(__dirname, '..', '..', 'office'), join(__dirname, '..', '..', 'dist', 'office')];
  return candidates.find((d) => existsSync(join(d, 'index.html'))) ?? null;
}

/**
 * Serves the back office at /office/: hashed assets with a long cache, and index.html (with a fresh CSP nonce) for
 * every other GET below /office/, so that client-side routes survive a reload or a shared link (SPA fallback).
 */
export function serveOffice(dir: string | null = officeBuildDir()): Router {
  const router = express.Router({ strict: true });
  const template = dir ? readFileSync(join(dir, 'index.html'), 'utf8') : null;

  router.get(OFFICE_PATH, (_req, res) => res.redirect(301, `${OFFICE_PATH}/`));
  if (dir) {
    router.use(
      `${OFFICE_PATH}/assets`,
      express.static(join(dir, 'assets'), { index: false, immutable: true, maxAge: '365d' }),
    );
  }
  // A file that is not there (an old hashed name after a deployment) is a plain 404, never the page.
  router.use(`${OFFICE_PATH}/assets`, (_req: Request, res: Response) => {
    res.status(404).type('text/plain; charset=utf-8').send('Not found\n');
  });
  router.get(`${OFFICE_PATH}/{*rest}`, (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    res.setHeader('Cache-Control', 'no-store');
    if (!template) {
      res
        .status(503)
        .type('text/plain; charset=utf-8')
        .send('The back office is not built: run `npm run build` (it builds web/ into dist/office).\n');
      return;
    }
    const nonce = randomBytes(16).toString('base64');
    res.setHeader('Content-Security-Policy', officeCsp(nonce));
    res.type('html').send(template.replaceAll('__CSP_NONCE__', nonce));
  });
  return router;
}
