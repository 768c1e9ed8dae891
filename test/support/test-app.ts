import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestExpressApplication } from '@nestjs/platform-express';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { AppConfig, loadConfig } from '../../src/config/config';
import { dbUrl, withAdminClient } from './pg';

export const API = '/api/v1';
export const ADMIN_EMAIL = 'admin@test.gov.vn';
export const ADMIN_PASSWORD = 'Quan-tri-vien-2026!';
export const TEST_JWT_SECRET = 'test-secret-test-secret-test-secret-42';

export interface TestApp {
  app: NestExpressApplication;
  http: TestAgent;
  ds: DataSource;
  config: AppConfig;
  /** The database this app uses (PostgreSQL) or 'embedded'. */
  database: string;
  adminToken: string;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Run on the embedded default (PGlite in memory) instead of a fresh PostgreSQL database. */
  embedded?: boolean;
  env?: Record<string, string>;
  /** Reuse an existing database instead of creating one (second replica of the same database). */
  databaseName?: string;
}

let signingDir: string | undefined;

/**
 * The whole application on a database of its own: a clone of the migrated template on PostgreSQL, or a fresh
 * embedded PGlite. Everything goes through the real HTTP stack (supertest on the Nest app).
 */
export async function startTestApp(opts: TestAppOptions = {}): Promise<TestApp> {
  const template = process.env.GIS_TEST_TEMPLATE_DB;
  const runId = process.env.GIS_TEST_RUN_ID;
  let database = 'embedded';
  let created = false;
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    JWT_SECRET: TEST_JWT_SECRET,
    ADMIN_EMAIL,
    ADMIN_PASSWORD,
    PASSWORD_HASH_COST: '4096',
    // Test files make many requests from one address under a frozen clock (one window): the rate limits' own
    // tests set low values.
    RATE_LIMIT_ANONYMOUS_PER_MINUTE: '1000000',
    RATE_LIMIT_ACCOUNT_PER_HOUR: '1000000',
    RATE_LIMIT_USER_PER_MINUTE: '1000000',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...opts.env,
  };
  const fileDir = mkdtempSync(join(tmpdir(), 'gis-files-'));
  env.FILE_STORE_DIR ??= fileDir;
  // One development signing certificate per test file: a restarted app and a second replica sign alike.
  signingDir ??= mkdtempSync(join(tmpdir(), 'gis-signing-'));
  env.SIGNING_DEV_DIR ??= signingDir;
  if (opts.embedded) {
    env.DATA_DIR = 'memory://';
  } else {
    if (!template || !runId) throw new Error('The e2e global setup did not run (no template database)');
    database = opts.databaseName ?? `gis_t_${runId}_${randomBytes(4).toString('hex')}`;
    if (!opts.databaseName) {
      await withAdminClient((c) => c.query(`CREATE DATABASE ${database} TEMPLATE ${template}`));
      created = true;
    }
    env.DATABASE_URL = dbUrl(database);
  }
  const config = loadConfig(env);
  const app = await createApp(config);
  await app.init();
  const ds = app.get<DataSource>(getDataSourceToken());
  const http = request(app.getHttpServer());
  const login = await http.post(`${API}/auth/login`).send({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
  if (login.status !== 200) throw new Error(`Admin login failed: ${login.status} ${JSON.stringify(login.body)}`);
  return {
    app,
    http,
    ds,
    config,
    database,
    adminToken: login.body.accessToken as string,
    async close() {
      await app.close();
      rmSync(fileDir, { recursive: true, force: true });
      if (created) {
        await withAdminClient((c) => c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
      }
    },
  };
}
