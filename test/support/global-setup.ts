import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { loadConfig } from '../../src/config/config';
import { createDataSource } from '../../src/database/data-source';
import { dbUrl, TEMPLATE_FILE, withAdminClient } from './pg';

/**
 * Once per run: a template database with every migration applied. Each test file clones it
 * (CREATE DATABASE … TEMPLATE), which is much faster than migrating again.
 */
export default async function globalSetup(): Promise<void> {
  const runId = `${process.pid}_${randomBytes(3).toString('hex')}`;
  const template = `gis_tpl_${runId}`;
  await withAdminClient(async (c) => {
    await c.query(`CREATE DATABASE ${template}`);
  });
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: dbUrl(template) });
  const ds = await createDataSource(config, { entities: [], migrationsRun: true });
  await ds.destroy();
  process.env.GIS_TEST_TEMPLATE_DB = template;
  process.env.GIS_TEST_RUN_ID = runId;
  writeFileSync(TEMPLATE_FILE, JSON.stringify({ template, runId }));
}
