import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import request from 'supertest';
import { officeCsp, serveOffice } from '../../src/office/serve-office';
import { ensureOfficeBuilt } from './office-browser';
import { startTestApp, TestApp } from '../support/test-app';

/** The back office's files as the Nest app serves them at /office/. */
describe('serving the back office at /office/', () => {
  let t: TestApp;
  beforeAll(async () => {
    ensureOfficeBuilt();
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('redirects /office to /office/', async () => {
    const r = await t.http.get('/office');
    expect(r.status).toBe(301);
    expect(r.headers.location).toBe('/office/');
  });

  it.each(['/office/', '/office/queue/mine', '/office/applications/6f1c2d3e-0000-4000-8000-000000000000'])(
    'answers %s with the application page (client routes survive a reload), its own CSP and a fresh nonce',
    async (path) => {
      const a = await t.http.get(path);
      const b = await t.http.get(path);
      expect(a.status).toBe(200);
      expect(a.headers['content-type']).toMatch(/^text\/html/);
      expect(a.headers['cache-control']).toBe('no-store');
      expect(a.text).toContain('<div id="root"></div>');
      const nonce = /<meta name="csp-nonce" content="([^"]+)"/.exec(a.text)?.[1];
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      expect(a.headers['content-security-policy']).toBe(officeCsp(nonce!));
      expect(a.headers['content-security-policy']).toContain("script-src 'self';");
      expect(a.headers['content-security-policy']).not.toContain('unsafe-inline');
      expect(b.text).not.toContain(nonce!);
      expect(a.text).not.toContain('__CSP_NONCE__');
    },
  );

  it('serves the hashed assets for a year, and a missing asset is 404 (not the page)', async () => {
    const page = await t.http.get('/office/');
    const script = /<script type="module" crossorigin src="([^"]+)"/.exec(page.text)?.[1];
    expect(script).toMatch(/^\/office\/assets\/index-[\w-]+\.js$/);
    const js = await t.http.get(script!);
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toMatch(/javascript/);
    expect(js.headers['cache-control']).toMatch(/max-age=31536000.*immutable|immutable.*max-age=31536000/);
    const missing = await t.http.get('/office/assets/nope-123.js');
    expect(missing.status).toBe(404);
    expect(missing.text).not.toContain('<div id="root">');
  });

  it('leaves other methods and the API alone', async () => {
    expect((await t.http.post('/office/queue/mine').send({})).status).toBe(404);
    expect((await t.http.get('/api/v1/health')).status).toBe(200);
    expect((await t.http.get('/officeX')).status).toBe(404);
  });

  it('says plainly when the back office has not been built', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'office-empty-'));
    try {
      const app = express().use(serveOffice(null));
      const r = await request(app).get('/office/queue/mine');
      expect(r.status).toBe(503);
      expect(r.text).toContain('npm run build');
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('serves a build from any directory it is given', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'office-build-'));
    try {
      mkdirSync(join(dir, 'assets'));
      writeFileSync(join(dir, 'index.html'), '<meta name="csp-nonce" content="__CSP_NONCE__"><p>ok</p>');
      writeFileSync(join(dir, 'assets', 'a.css'), 'p{}');
      const app = express().use(serveOffice(dir));
      expect((await request(app).get('/office/x/y')).text).toMatch(/<p>ok<\/p>/);
      expect((await request(app).get('/office/assets/a.css')).text).toBe('p{}');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
