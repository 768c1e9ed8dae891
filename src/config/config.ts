import { tmpdir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';

/** Every setting the server reads, validated once at start-up. */
export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  /** `postgres://…` for PostgreSQL; undefined → embedded PostgreSQL (PGlite) under `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  /** PostgreSQL connections per process, and how long a request may wait for one before 503. */
  databasePoolSize: number;
  databasePoolTimeoutMs: number;
  /** Where uploaded documents are stored (content-addressed). Defaults to `<dataDir>/files`. */
  fileStoreDir: string;
  /**
   * Where the development signing certificate is created on first start when an authority has no certificate of
   * its own (`SIGNING_DEV_DIR`, default `<dataDir>/signing`); null with an in-memory database: kept in memory.
   */
  signingDevDir: string | null;
  jwtSecret: string;
  jwtExpiresInSeconds: number;
  /** Lifetime of a browser (cookie) session of the back office, in seconds from sign-in. */
  sessionTtlSeconds: number;
  adminEmail?: string;
  adminPassword?: string;
  corsOrigins: string[] | true | false;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Largest accepted upload, in bytes. */
  uploadMaxBytes: number;
  /** Largest accepted JSON body. */
  jsonBodyLimit: string;
  /** Public base URL of this API, used in the QR code of licenses (verification link). */
  publicBaseUrl: string;
  /** Trust X-Forwarded-For from this many proxies (behind a load balancer), for the client IP. */
  trustProxy: number;
  /** Default time zone for authorities that do not set one. */
  defaultTimeZone: string;
  /** scrypt cost parameter N (power of two). */
  passwordHashCost: number;
  loginMaxFailuresPerMinute: number;
  /** Rate limits (requests per window), counted in PostgreSQL so every replica shares them; see docs/security.md. */
  rateLimits: RateLimitSettings;
  /** Bytes of documents one organization may keep stored. */
  organizationStorageQuotaBytes: number;
  /** Serve Swagger UI at /docs and the OpenAPI document at /docs-json (off by default in production). */
  apiDocsEnabled: boolean;
  /** Lifetime of a password-reset or e-mail verification link, in minutes. */
  accountTokenTtlMinutes: number;
  schedulerEnabled: boolean;
  smtp?: { host: string; port: number; secure: boolean; user?: string; password?: string; from: string };
}

export interface RateLimitSettings {
  /** Anonymous requests per IP per minute (public registry, verification, catalogues). */
  anonymousPerMinute: number;
  /** Account requests per IP per hour: register, forgot-password, reset-password, e-mail verification. */
  accountPerHour: number;
  /** Requests per authenticated user per minute, on every other route. */
  userPerMinute: number;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`Invalid configuration: ${variable} ${message}`);
    this.name = 'ConfigError';
  }
}

export const DEV_JWT_SECRET = 'dev-only-insecure-jwt-secret-change-me';

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, def: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return def;
  if (!/^\d+$/.test(raw.trim())) throw new ConfigError(name, `must be a whole number (got "${raw}")`);
  const n = Number(raw);
  if (n < min || n > max) throw new ConfigError(name, `must be between ${min} and ${max} (got ${n})`);
  return n;
}

function bool(env: Env, name: string, def: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return def;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new ConfigError(name, `must be true or false (got "${raw}")`);
}

function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Reads and validates the environment. Throws a ConfigError naming the variable on the first bad value. */
export function loadConfig(env: Env = process.env): AppConfig {
  const nodeEnvRaw = env.NODE_ENV || 'development';
  if (!['development', 'production', 'test'].includes(nodeEnvRaw)) {
    throw new ConfigError('NODE_ENV', `must be development, production or test (got "${nodeEnvRaw}")`);
  }
  const nodeEnv = nodeEnvRaw as AppConfig['nodeEnv'];

  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL', 'must start with postgres:// or postgresql://');
  }
  const dataDirRaw = env.DATA_DIR?.trim() || './data';
  // `memory://` keeps the embedded database in memory (tests, demos): nothing survives a restart.
  const inMemory = dataDirRaw === 'memory://';
  const dataDir = inMemory || isAbsolute(dataDirRaw) ? dataDirRaw : resolve(process.cwd(), dataDirRaw);
  const fileStoreRaw = env.FILE_STORE_DIR?.trim();
  const fileStoreDir = fileStoreRaw
    ? resolve(process.cwd(), fileStoreRaw)
    : inMemory
      ? join(tmpdir(), `gis-licensing-files-${process.pid}`)
      : resolve(dataDir, 'files');

  const signingDevRaw = env.SIGNING_DEV_DIR?.trim();
  const signingDevDir = signingDevRaw
    ? resolve(process.cwd(), signingDevRaw)
    : inMemory
      ? null
      : resolve(dataDir, 'signing');

  let jwtSecret = env.JWT_SECRET ?? '';
  if (!jwtSecret) {
    if (nodeEnv === 'production') throw new ConfigError('JWT_SECRET', 'is required when NODE_ENV=production');
    jwtSecret = DEV_JWT_SECRET;
  } else if (jwtSecret.length < 32) {
    throw new ConfigError('JWT_SECRET', 'must be at least 32 characters long');
  }

  const adminEmail = env.ADMIN_EMAIL?.trim() || undefined;
  const adminPassword = env.ADMIN_PASSWORD || undefined;
  if (adminEmail && !adminPassword) throw new ConfigError('ADMIN_PASSWORD', 'is required when ADMIN_EMAIL is set');
  if (adminPassword && !adminEmail) throw new ConfigError('ADMIN_EMAIL', 'is required when ADMIN_PASSWORD is set');
  if (adminEmail && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(adminEmail)) {
    throw new ConfigError('ADMIN_EMAIL', 'must be an e-mail address');
  }

  const corsRaw = env.CORS_ORIGINS?.trim();
  const corsOrigins: AppConfig['corsOrigins'] =
    !corsRaw || corsRaw === 'false' ? false : corsRaw === '*' ? true : corsRaw.split(',').map((s) => s.trim());

  const logLevel = (env.LOG_LEVEL || (nodeEnv === 'test' ? 'silent' : 'info')) as AppConfig['logLevel'];
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', 'must be one of fatal, error, warn, info, debug, trace, silent');
  }

  const port = int(env, 'PORT', 3000, 0, 65535);
  // Printed in every license's QR code: a production server must not print http://localhost.
  if (nodeEnv === 'production' && !env.PUBLIC_BASE_URL?.trim()) {
    throw new ConfigError('PUBLIC_BASE_URL', 'is required when NODE_ENV=production');
  }
  const publicBaseUrl = (env.PUBLIC_BASE_URL?.trim() || `http://localhost:${port}`).replace(/\/+$/, '');
  if (!/^https?:\/\/[^\s]+$/.test(publicBaseUrl)) throw new ConfigError('PUBLIC_BASE_URL', 'must be an http(s) URL');

  const defaultTimeZone = env.DEFAULT_TIME_ZONE?.trim() || 'Asia/Ho_Chi_Minh';
  if (!isValidTimeZone(defaultTimeZone)) throw new ConfigError('DEFAULT_TIME_ZONE', 'must be an IANA time zone');

  const passwordHashCost = int(env, 'PASSWORD_HASH_COST', 32768, 1024, 1048576);
  if ((passwordHashCost & (passwordHashCost - 1)) !== 0) {
    throw new ConfigError('PASSWORD_HASH_COST', 'must be a power of two');
  }
  if (nodeEnv === 'production' && passwordHashCost < 16384) {
    throw new ConfigError('PASSWORD_HASH_COST', 'must be at least 16384 in production');
  }

  let smtp: AppConfig['smtp'];
  if (env.SMTP_HOST?.trim()) {
    smtp = {
      host: env.SMTP_HOST.trim(),
      port: int(env, 'SMTP_PORT', 587, 1, 65535),
      secure: bool(env, 'SMTP_SECURE', false),
      user: env.SMTP_USER || undefined,
      password: env.SMTP_PASSWORD || undefined,
      from: env.SMTP_FROM?.trim() || 'no-reply@localhost',
    };
  }

  return {
    nodeEnv,
    port,
    databaseUrl,
    dataDir,
    databasePoolSize: int(env, 'DATABASE_POOL_SIZE', 10, 1, 500),
    databasePoolTimeoutMs: int(env, 'DATABASE_POOL_TIMEOUT_MS', 30_000, 100, 600_000),
    fileStoreDir,
    signingDevDir,
    jwtSecret,
    jwtExpiresInSeconds: int(env, 'JWT_EXPIRES_IN', 3600, 60, 7 * 24 * 3600),
    sessionTtlSeconds: int(env, 'SESSION_TTL', 8 * 3600, 60, 7 * 24 * 3600),
    adminEmail,
    adminPassword,
    corsOrigins,
    logLevel,
    uploadMaxBytes: int(env, 'UPLOAD_MAX_BYTES', 20 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    jsonBodyLimit: env.JSON_BODY_LIMIT?.trim() || '1mb',
    publicBaseUrl,
    trustProxy: int(env, 'TRUST_PROXY', 0, 0, 10),
    defaultTimeZone,
    passwordHashCost,
    loginMaxFailuresPerMinute: int(env, 'LOGIN_MAX_FAILURES_PER_MINUTE', 10, 1, 1_000_000),
    rateLimits: {
      anonymousPerMinute: int(env, 'RATE_LIMIT_ANONYMOUS_PER_MINUTE', 120, 1, 1_000_000),
      accountPerHour: int(env, 'RATE_LIMIT_ACCOUNT_PER_HOUR', 20, 1, 1_000_000),
      userPerMinute: int(env, 'RATE_LIMIT_USER_PER_MINUTE', 600, 1, 1_000_000),
    },
    organizationStorageQuotaBytes: int(
      env,
      'ORGANIZATION_STORAGE_QUOTA_BYTES',
      1024 * 1024 * 1024,
      1024,
      Number.MAX_SAFE_INTEGER,
    ),
    apiDocsEnabled: bool(env, 'API_DOCS_ENABLED', nodeEnv !== 'production'),
    accountTokenTtlMinutes: int(env, 'ACCOUNT_TOKEN_TTL_MINUTES', 30, 5, 7 * 24 * 60),
    schedulerEnabled: bool(env, 'SCHEDULER_ENABLED', nodeEnv !== 'test'),
    smtp,
  };
}

/** Injection token for AppConfig. */
export const APP_CONFIG = Symbol('APP_CONFIG');
