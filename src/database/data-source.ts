import { DataSource, DataSourceOptions } from 'typeorm';
import { ALL_MIGRATIONS } from '../../migrations';
import type { AppConfig } from '../config/config';
import { openEmbeddedPostgres } from './embedded-postgres';
import { installPgTypeParsers } from './pg-types';

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
      url: config.databaseUrl,
      extra: { max: 10, connectionTimeoutMillis: 10_000 },
      applicationName: 'gis-licensing-api',
    });
    return ds.initialize();
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
