/* Prints the OpenAPI document the application serves (npm run web:api pipes it into web/scripts/api-types.mjs). */
import { createApp } from '../app.factory';
import { loadConfig } from '../config/config';

async function main(): Promise<void> {
  // An in-memory embedded database: the document depends on the code only, not on data or settings.
  const config = loadConfig({ ...process.env, DATABASE_URL: '', DATA_DIR: 'memory://', LOG_LEVEL: 'silent' });
  const app = await createApp(config);
  await app.listen(0, '127.0.0.1');
  try {
    const res = await fetch(`${await app.getUrl()}/docs-json`);
    if (!res.ok) throw new Error(`GET /docs-json: ${res.status}`);
    process.stdout.write(JSON.stringify(await res.json()));
  } finally {
    await app.close();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
