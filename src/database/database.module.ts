import { Module } from '@nestjs/common';
import { TypeOrmModule, TypeOrmModuleOptions } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '../config/config';
import { createDataSource } from './data-source';
import { DataDirLockedError } from './embedded-postgres';

/**
 * The DataSource comes from configuration (PostgreSQL or embedded PGlite); migrations run while it initializes.
 * Entities are registered by each feature module with TypeOrmModule.forFeature.
 */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        ({
          type: 'postgres',
          autoLoadEntities: true,
          synchronize: false,
          appConfig: config,
          // PostgreSQL may still be starting: retry a few times. A locked DATA_DIR will not unlock by waiting.
          retryAttempts: config.databaseUrl ? 5 : 0,
          retryDelay: 2000,
          toRetry: (err: unknown) => !(err instanceof DataDirLockedError),
        }) as TypeOrmModuleOptions,
      dataSourceFactory: async (options) => {
        // The factory has no injection; the config travels on the options object (see AppModule).
        const config = (options as unknown as { appConfig: AppConfig }).appConfig;
        return createDataSource(config, { entities: options?.entities });
      },
    }),
  ],
})
export class DatabaseModule {}
