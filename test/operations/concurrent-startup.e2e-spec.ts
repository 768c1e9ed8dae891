import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Client } from 'pg';
import request from 'supertest';
import { ALL_MIGRATIONS } from '../../migrations';
import { createApp } from '../../src/app.factory';
import { loadConfig } from '../../src/config/config';
import { createDataSource } from '../../src/database/data-source';
import { dbUrl, withAdminClient } from '../support/pg';
import { ADMIN_EMAIL, ADMIN_PASSWORD, API, TEST_JWT_SECRET } from '../support/test-app';

/**
 * Several replicas behind a load balancer start at once on one database (a deployment, an autoscaler): each runs
 * the pending migrations and ensures the admin account at start-up. They must all come up, and the schema and the
 * admin must exist exactly once.
 */
describe('operations: replicas starting at once on one fresh PostgreSQL database', () => {
  const REPLICAS = 3;
  const database = `gis_t_start_${process.env.GIS_TEST_RUN_ID ?? 'x'}_${randomBytes(4).toString('hex')}`;
  const fileDir = mkdtempSync(join(tmpdir(), 'gis-files-'));
  const apps: NestExpressApplication[] = [];

  beforeAll(async () => {
    // A fresh, empty database (not the migrated template): every replica finds every migration pending.
    await withAdminClient((c) => c.query(`CREATE DATABASE ${database}`));
  });

  afterAll(async () => {
    await Promise.allSettled(apps.map((a) => a.close()));
    await withAdminClient((c) => c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
    rmSync(fileDir, { recursive: true, force: true });
  });

  it('migrations racing on one fresh database: every runner succeeds at the first attempt', async () => {
    // No Nest retry here: the data source itself must take turns (the server retries a failed connection).
    const fresh = `${database}_m`;
    await withAdminClient((c) => c.query(`CREATE DATABASE ${fresh}`));
    try {
      const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: dbUrl(fresh), LOG_LEVEL: 'silent' });
      const runs = await Promise.allSettled(
        Array.from({ length: REPLICAS }, () => createDataSource(config, { entities: [], migrationsRun: true })),
      );
      await Promise.all(runs.map((r) => (r.status === 'fulfilled' ? r.value.destroy() : undefined)));
      expect(runs.flatMap((r) => (r.status === 'rejected' ? [String(r.reason)] : []))).toEqual([]);
      const c = new Client({ connectionString: dbUrl(fresh) });
      await c.connect();
      try {
        const applied = await c.query<{ name: string }>('SELECT name FROM migrations');
        expect(applied.rows.map((r) => r.name).sort()).toEqual(ALL_MIGRATIONS.map((m) => m.name).sort());
      } finally {
        await c.end();
      }
    } finally {
      await withAdminClient((c) => c.query(`DROP DATABASE IF EXISTS ${fresh} WITH (FORCE)`));
    }
  });

  it('all replicas start, migrations are applied once, and one admin account exists', async () => {
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: dbUrl(database),
      JWT_SECRET: TEST_JWT_SECRET,
      ADMIN_EMAIL,
      ADMIN_PASSWORD,
      PASSWORD_HASH_COST: '4096',
      LOG_LEVEL: 'silent',
      FILE_STORE_DIR: fileDir,
    });
    const started = await Promise.allSettled(
      Array.from({ length: REPLICAS }, async () => {
        const app = await createApp(config);
        apps.push(app);
        await app.init();
        return app;
      }),
    );
    const failures = started.flatMap((s) => (s.status === 'rejected' ? [String(s.reason)] : []));
    expect(failures).toEqual([]);

    for (const app of apps) {
      const health = await request(app.getHttpServer()).get(`${API}/health`);
      expect(health.status).toBe(200);
      const login = await request(app.getHttpServer())
        .post(`${API}/auth/login`)
        .send({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
      expect(login.status).toBe(200);
    }

    const c = new Client({ connectionString: dbUrl(database) });
    await c.connect();
    try {
      const applied = await c.query<{ name: string; n: string }>(
        'SELECT name, count(*) AS n FROM migrations GROUP BY name',
      );
      expect(applied.rows.length).toBe(ALL_MIGRATIONS.length);
      expect(applied.rows.filter((r) => Number(r.n) !== 1)).toEqual([]);
      const admins = await c.query<{ n: string }>('SELECT count(*) AS n FROM users WHERE email = $1', [ADMIN_EMAIL]);
      expect(Number(admins.rows[0].n)).toBe(1);
      const creations = await c.query<{ n: string }>(
        `SELECT count(*) AS n FROM audit_events WHERE action = 'user.CREATE'`,
      );
      expect(Number(creations.rows[0].n)).toBe(1);
    } finally {
      await c.end();
    }
  });
});
