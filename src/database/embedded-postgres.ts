import { closeSync, linkSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';

export class DataDirLockedError extends Error {
  constructor(dir: string, pid: number) {
    super(
      `DATA_DIR ${dir} is in use by another server process (pid ${pid}). ` +
        'Stop that process, or point DATA_DIR at another directory.',
    );
    this.name = 'DataDirLockedError';
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite takes no lock on its directory, and two processes writing one directory corrupt it. We take an
 * exclusive lock file holding our pid: created atomically with link(2); a lock left by a dead process is stale.
 */
export function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const lockPath = join(dir, 'server.lock');
  const tmpPath = join(dir, `server.lock.${process.pid}.${Date.now()}`);
  const fd = openSync(tmpPath, 'w');
  writeSync(fd, String(process.pid));
  closeSync(fd);
  try {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        linkSync(tmpPath, lockPath);
        return () => {
          try {
            if (readFileSync(lockPath, 'utf8') === String(process.pid)) unlinkSync(lockPath);
          } catch {
            /* already gone */
          }
        };
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
        const holder = Number(readFileSync(lockPath, 'utf8').trim());
        if (Number.isInteger(holder) && holder > 0 && processAlive(holder)) throw new DataDirLockedError(dir, holder);
        unlinkSync(lockPath); // stale: its process is gone
      }
    }
    throw new Error(`Could not lock DATA_DIR ${dir}`);
  } finally {
    unlinkSync(tmpPath);
  }
}

export interface EmbeddedPostgres {
  pglite: PGlite;
  /** Options for TypeORM's `extra`: a node-postgres pool of exactly one connection over PGlite. */
  poolOptions: Record<string, unknown>;
  close(): Promise<void>;
}

/**
 * Opens PGlite at `<dataDir>/pgdata` (or in memory for `memory://`).
 *
 * Safety under concurrency: PGlite is a single session. TypeORM gets a node-postgres Pool of size one over
 * PGlite's own wire adapter, so each query runner (and so each transaction) holds an exclusive lease of the
 * session until it is released; concurrent transactions queue instead of interleaving (the published
 * typeorm-pglite shares the session between runners and loses updates). The consequence: inside a transaction,
 * use only that transaction's EntityManager: a query through the global manager would wait for the lease.
 */
export async function openEmbeddedPostgres(dataDir: string | 'memory://'): Promise<EmbeddedPostgres> {
  const inMemory = dataDir === 'memory://';
  const release = inMemory ? () => undefined : lockDataDir(dataDir);
  try {
    const pglite = await PGlite.create(inMemory ? 'memory://' : join(dataDir, 'pgdata'), {
      extensions: { pg_trgm, unaccent },
    });
    const pgConfig = createPgConfig(pglite);
    return {
      pglite,
      poolOptions: {
        connection: pgConfig.connection,
        max: 1,
        idleTimeoutMillis: 0,
        // A query that waits this long for the session is a bug (global manager inside a transaction): fail loudly.
        connectionTimeoutMillis: 60_000,
      },
      async close() {
        try {
          await pglite.close();
        } finally {
          release();
        }
      },
    };
  } catch (e) {
    release();
    throw e;
  }
}
