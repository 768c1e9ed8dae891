import { ConfigError, DEV_JWT_SECRET, loadConfig } from './config';

describe('configuration', () => {
  it('has working defaults for development', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      port: 3000,
      nodeEnv: 'development',
      jwtSecret: DEV_JWT_SECRET,
      uploadMaxBytes: 20 * 1024 * 1024,
    });
    expect(c.databaseUrl).toBeUndefined();
    expect(c.dataDir).toMatch(/\/data$/);
    expect(c.fileStoreDir).toMatch(/\/data\/files$/);
  });

  it('requires JWT_SECRET in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET is required when NODE_ENV=production/);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) }).jwtSecret).toBe('x'.repeat(40));
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ ADMIN_EMAIL: 'a@b.vn' }, 'ADMIN_PASSWORD'],
    [{ ADMIN_PASSWORD: 'whatever-123' }, 'ADMIN_EMAIL'],
    [{ ADMIN_EMAIL: 'nope', ADMIN_PASSWORD: 'x' }, 'ADMIN_EMAIL'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ UPLOAD_MAX_BYTES: '-1' }, 'UPLOAD_MAX_BYTES'],
    [{ DEFAULT_TIME_ZONE: 'Nowhere/City' }, 'DEFAULT_TIME_ZONE'],
    [{ PASSWORD_HASH_COST: '3000' }, 'PASSWORD_HASH_COST'],
    [{ SCHEDULER_ENABLED: 'maybe' }, 'SCHEDULER_ENABLED'],
  ])('names the variable when %j is invalid', (env, variable) => {
    let err: unknown;
    try {
      loadConfig(env as Record<string, string>);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).variable).toBe(variable);
    expect((err as Error).message).toContain(variable);
  });

  it('keeps memory:// for an in-memory embedded database', () => {
    expect(loadConfig({ DATA_DIR: 'memory://' }).dataDir).toBe('memory://');
  });
});
