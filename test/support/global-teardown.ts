import { withAdminClient } from './pg';

/** Drops the template and any test database of this run that a crashed test file left behind. */
export default async function globalTeardown(): Promise<void> {
  const runId = process.env.GIS_TEST_RUN_ID;
  if (!runId) return;
  await withAdminClient(async (c) => {
    const { rows } = await c.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname LIKE $2`,
      [`gis_t_${runId}_%`, `gis_tpl_${runId}`],
    );
    for (const { datname } of rows) await c.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  });
}
