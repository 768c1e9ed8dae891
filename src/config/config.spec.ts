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
    const prod = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), PUBLIC_BASE_URL: 'https://gp.example.vn' };
    expect(loadConfig(prod).jwtSecret).toBe('x'.repeat(40));
  });

  it('requires PUBLIC_BASE_URL in production (the QR codes must not print localhost)', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) })).toThrow(
      /PUBLIC_BASE_URL is required when NODE_ENV=production/,
    );
  });

  it('serves the API documents in development and tests, in production only when enabled', () => {
    const prod = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), PUBLIC_BASE_URL: 'https://gp.example.vn' };
    expect(loadConfig({}).apiDocsEnabled).toBe(true);
    expect(loadConfig({ NODE_ENV: 'test' }).apiDocsEnabled).toBe(true);
    expect(loadConfig(prod).apiDocsEnabled).toBe(false);
    expect(loadConfig({ ...prod, API_DOCS_ENABLED: 'true' }).apiDocsEnabled).toBe(true);
  });

  it('reads the rate limits and the storage quota', () => {
    const c = loadConfig({
      RATE_LIMIT_ANONYMOUS_PER_MINUTE: '5',
      RATE_LIMIT_ACCOUNT_PER_HOUR: '6',
      RATE_LIMIT_USER_PER_MINUTE: '7',
      ORGANIZATION_STORAGE_QUOTA_BYTES: '2048',
    });
    expect(c.rateLimits).toEqual({ anonymousPerMinute: 5, accountPerHour: 6, userPerMinute: 7 });
    expect(c.organizationStorageQuotaBytes).toBe(2048);
    expect(loadConfig({}).rateLimits).toEqual({ anonymousPerMinute: 120, accountPerHour: 20, userPerMinute: 600 });
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
    [{ RATE_LIMIT_ANONYMOUS_PER_MINUTE: '0' }, 'RATE_LIMIT_ANONYMOUS_PER_MINUTE'],
    [{ RATE_LIMIT_ACCOUNT_PER_HOUR: 'lots' }, 'RATE_LIMIT_ACCOUNT_PER_HOUR'],
    [{ RATE_LIMIT_USER_PER_MINUTE: '-3' }, 'RATE_LIMIT_USER_PER_MINUTE'],
    [{ ORGANIZATION_STORAGE_QUOTA_BYTES: '10' }, 'ORGANIZATION_STORAGE_QUOTA_BYTES'],
    [{ API_DOCS_ENABLED: 'perhaps' }, 'API_DOCS_ENABLED'],
    [{ ACCOUNT_TOKEN_TTL_MINUTES: '1' }, 'ACCOUNT_TOKEN_TTL_MINUTES'],
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
