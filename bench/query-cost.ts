/**
 * What one database round trip costs the server's process, in CPU: the raw `pg` driver against TypeORM's
 * `findOne`, on the seeded database. Explains the gap between a route that reads rows and the framework ceiling.
 */
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../src/config/config';
import { createDataSource } from '../src/database/data-source';
import { License } from '../src/licenses/license.entity';
import { User } from '../src/users/user.entity';

export interface QueryCost {
  label: string;
  cpuMs: number;
  wallMs: number;
}

export async function queryCosts(databaseUrl: string, licenseId: string, userId: string): Promise<QueryCost[]> {
  const config = loadConfig({ NODE_ENV: 'production', DATABASE_URL: databaseUrl, JWT_SECRET: 'q'.repeat(32) });
  const ds = await createDataSource(config, { entities: [License, User], migrationsRun: false });
  const out: QueryCost[] = [];
  const measure = async (label: string, fn: () => Promise<unknown>, n = 1500) => {
    for (let i = 0; i < 200; i += 1) await fn();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (let i = 0; i < n; i += 1) await fn();
    const c = process.cpuUsage(c0);
    out.push({ label, cpuMs: (c.user + c.system) / 1000 / n, wallMs: (performance.now() - t0) / n });
  };
  try {
    await measure('`SELECT 1` through pg', () => ds.query('SELECT 1'));
    await measure('one license row through pg (`SELECT * … WHERE id = $1`)', () =>
      ds.query('SELECT * FROM licenses WHERE id = $1', [licenseId]),
    );
    await measure('the same row through TypeORM `findOne` (License entity)', () =>
      ds.getRepository(License).findOne({ where: { id: licenseId } }),
    );
    await measure('the caller’s user row through TypeORM `findOne` (every authenticated request)', () =>
      ds.getRepository(User).findOne({ where: { id: userId } }),
    );
  } finally {
    await ds.destroy();
  }
  return out;
}
