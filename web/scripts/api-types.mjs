// Turns the OpenAPI document (JSON on stdin) into web/src/api/openapi.d.ts for openapi-fetch.
//   node web/scripts/api-types.mjs --write   writes the file (npm run web:api pipes the served document in)
//   node web/scripts/api-types.mjs           prints it (test/web/api-types.e2e-spec.ts compares it with the file)
// A plain ES module run by Node, because openapi-typescript's dependencies are ES modules that Jest cannot load.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const target = fileURLToPath(new URL('../src/api/openapi.d.ts', import.meta.url));
const header =
  '/* Generated from the OpenAPI document by `npm run web:api` (web/scripts/api-types.mjs). Do not edit:\n' +
  ' * test/web/api-types.e2e-spec.ts fails when this file no longer matches the document the application serves. */\n\n';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const document = JSON.parse(Buffer.concat(chunks).toString('utf8'));
const text = header + astToString(await openapiTS(document, { alphabetize: true, silent: true }));
if (process.argv.includes('--write')) {
  writeFileSync(target, text);
  process.stderr.write(`wrote ${target}\n`);
} else {
  process.stdout.write(text);
}
