import { closeSync, ftruncateSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { flockSync } from 'fs-ext';

export class DataDirLockedError extends Error {
  constructor(dir: string, holder: string) {
    super(
      `DATA_DIR ${dir} is in use by another server process${holder ? ` (${holder})` : ''}. ` +
        'Stop that process, or point DATA_DIR at another directory.',
    );
    this.name = 'DataDirLockedError';
  }
}

/**
 * PGlite takes no lock on its directory, and two processes writing one directory corrupt it. We hold an exclusive
 * flock(2) on `<dir>/server.lock` for the life of the server. The kernel releases it when the holder exits or is
 * killed, so a crash never leaves a stale lock, and nothing is judged by pid (a reused pid, our own pid written by
 * an earlier life of this container, or a stopping process all mean nothing). The file stays in place; the pid and
 * start time written in it are only for the error message.
 */
export function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const lockPath = join(dir, 'server.lock');
  const fd = openSync(lockPath, 'a+');
  try {
    flockSync(fd, 'exnb');
  } catch (e) {
    closeSync(fd);
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EAGAIN' || code === 'EWOULDBLOCK') {
      let holder = '';
      try {
        holder = readFileSync(lockPath, 'utf8').trim().slice(0, 200);
      } catch {
        /* unreadable: the message goes without it */
      }
      throw new DataDirLockedError(dir, holder);
    }
    throw e;
  }
  ftruncateSync(fd, 0);
  writeSync(fd, `pid ${process.pid}, started ${new Date().toISOString()}`, 0);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    try {
      flockSync(fd, 'un');
    } finally {
      closeSync(fd);
    }
  };
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
