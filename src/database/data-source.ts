import { DataSource, DataSourceOptions } from 'typeorm';
import { ALL_MIGRATIONS } from '../../migrations';
import type { AppConfig } from '../config/config';
import { openEmbeddedPostgres } from './embedded-postgres';
import { installPgTypeParsers } from './pg-types';

/** Key of the session advisory lock held while migrations run, so that replicas starting at once take turns. */
const MIGRATION_LOCK = 727_002;

export interface DataSourceBuildOptions {
  entities: DataSourceOptions['entities'];
  /** Run pending migrations while initializing (the server does; the CLI decides itself). */
  migrationsRun?: boolean;
  /** Override the embedded directory, e.g. 'memory://' in tests. */
  embeddedDir?: string;
}

/**
 * The one place that turns configuration into a TypeORM DataSource: PostgreSQL through `pg` when DATABASE_URL
 * is set, else embedded PostgreSQL (PGlite) under DATA_DIR. Schema only through migrations, never synchronize.
 */
export async function createDataSource(config: AppConfig, opts: DataSourceBuildOptions): Promise<DataSource> {
  installPgTypeParsers();
  const common = {
    type: 'postgres' as const,
    entities: opts.entities,
    migrations: ALL_MIGRATIONS,
    migrationsRun: opts.migrationsRun ?? true,
    migrationsTransactionMode: 'each' as const,
    synchronize: false,
    installExtensions: false,
    uuidExtension: 'pgcrypto' as const,
    logging: false,
  };
  if (config.databaseUrl) {
    const ds = new DataSource({
      ...common,
      migrationsRun: false,
      url: config.databaseUrl,
      extra: { max: config.databasePoolSize, connectionTimeoutMillis: config.databasePoolTimeoutMs },
      applicationName: 'gis-licensing-api',
    });
    await ds.initialize();
    if (opts.migrationsRun ?? true) {
      try {
        await runMigrationsLocked(ds);
      } catch (e) {
        await ds.destroy();
        throw e;
      }
    }
    return ds;
  }
  const embedded = await openEmbeddedPostgres(opts.embeddedDir ?? config.dataDir);
  const ds = new DataSource({
    ...common,
    host: 'localhost',
    username: 'postgres',
    database: 'postgres',
    extra: embedded.poolOptions,
  });
  const destroy = ds.destroy.bind(ds);
  ds.destroy = async () => {
    try {
      if (ds.isInitialized) await destroy();
    } finally {
      await embedded.close();
    }
  };
  try {
    return await ds.initialize();
  } catch (e) {
    await embedded.close();
    throw e;
  }
}

/**
 * Several replicas may start at once on one database: each takes the migration lock in turn, and whoever comes
 * second finds nothing pending. (TypeORM itself takes no lock: two runners would both apply the first migration.)
 */
async function runMigrationsLocked(ds: DataSource): Promise<void> {
  const qr = ds.createQueryRunner();
  await qr.connect();
  try {
    await qr.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await ds.runMigrations({ transaction: 'each' });
    } finally {
      await qr.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    await qr.release();
  }
}
