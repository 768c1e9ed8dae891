import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestApp, TestApp } from '../support/test-app';

const ROOT = join(__dirname, '..', '..');
const TYPES_FILE = 'web/src/api/openapi.d.ts';

/** The back office's typed client must be generated from the document the application serves now. */
describe(TYPES_FILE, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('matches the OpenAPI document (regenerate with `npm run web:api` when this fails)', async () => {
    const doc = await t.http.get('/docs-json');
    expect(doc.status).toBe(200);
    // The generator is an ES module run by Node (openapi-typescript's dependencies cannot be loaded by Jest).
    const expected = execFileSync(process.execPath, [join(ROOT, 'web/scripts/api-types.mjs')], {
      input: JSON.stringify(doc.body),
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const committed = readFileSync(join(ROOT, TYPES_FILE), 'utf8');
    if (committed !== expected) {
      const a = committed.split('\n');
      const b = expected.split('\n');
      const line = a.findIndex((l, i) => l !== b[i]);
      throw new Error(
        `${TYPES_FILE} is stale: first difference at line ${line + 1}:\n` +
          `  committed: ${a[line] ?? '(end of file)'}\n  document:  ${b[line] ?? '(end of file)'}\n` +
          'Run `npm run web:api` and commit the result.',
      );
    }
  });
});
