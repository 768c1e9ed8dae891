import { ConfigError, loadConfig, DEV_JWT_SECRET } from './config/config';
import { createApp } from './app.factory';
import { DataDirLockedError } from './database/embedded-postgres';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw e;
  }
  let app;
  try {
    app = await createApp(config);
  } catch (e) {
    if (e instanceof DataDirLockedError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(75);
    }
    throw e;
  }
  if (config.jwtSecret === DEV_JWT_SECRET) {
    process.stderr.write('WARNING: JWT_SECRET is not set; using an insecure development secret.\n');
  }
  await app.listen(config.port);
  const where = config.databaseUrl ? 'PostgreSQL' : `embedded PostgreSQL in ${config.dataDir}`;
  process.stdout.write(
    JSON.stringify({ level: 30, msg: `Listening on port ${config.port}, database: ${where}`, port: config.port }) +
      '\n',
  );
}

main().catch((e: unknown) => {
  process.stderr.write(`Start-up failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
