import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { buildOpenApiDocument } from '../../src/common/openapi/openapi-document';
import { startTestApp, TestApp } from '../support/test-app';

const run = promisify(execFile);
const ROOT = resolve(__dirname, '../..');

interface Finding {
  code: string;
  message: string;
  path: string[];
  severity: number;
}

/**
 * The OpenAPI document, generated from the application, linted with Spectral's `spectral:oas` rules and the OWASP
 * API Security ruleset (.spectral.yaml): no error may remain. Warnings are listed in docs/security.md.
 */
describe('quality: the OpenAPI document passes the OWASP lint', () => {
  let t: TestApp;
  let dir: string;
  beforeAll(async () => {
    t = await startTestApp();
    dir = mkdtempSync(join(tmpdir(), 'gis-openapi-'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await t.close();
  });

  it('Spectral (spectral:oas + OWASP) reports no error', async () => {
    const file = join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(buildOpenApiDocument(t.app)));
    const spectral = join(ROOT, 'node_modules/.bin/spectral');
    const args = ['lint', '--ruleset', join(ROOT, '.spectral.yaml'), '--format', 'json', '--quiet', file];
    // Spectral exits 1 when it finds errors; its JSON report is on stdout either way.
    // Without Jest's NODE_OPTIONS (--experimental-vm-modules), which the CLI does not need.
    const env = { ...process.env, NODE_OPTIONS: '' };
    const out = await run(spectral, args, { cwd: ROOT, env, maxBuffer: 64 * 1024 * 1024 }).catch(
      (e: { stdout?: string; stderr?: string; code?: number }) => {
        if (e.code !== 1 || !e.stdout) throw new Error(`spectral failed: ${e.stderr ?? String(e.code)}`);
        return { stdout: e.stdout };
      },
    );
    const findings = JSON.parse(out.stdout || '[]') as Finding[];
    const errors = findings
      .filter((f) => f.severity === 0)
      .map((f) => `${f.code} at ${f.path.join('.')}: ${f.message}`);
    expect(errors).toEqual([]);
  }, 180_000);
});
