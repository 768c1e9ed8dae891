import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, stat, unlink, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform, TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';

const SHA256_HEX = /^[0-9a-f]{64}$/;
const HEX2 = /^[0-9a-f]{2}$/;
const TEMP_DIR = 'tmp';
const TEMP_SUFFIX = '.part';
/** Leading bytes kept for the caller's check (type sniffing). */
const HEAD_BYTES = 16;

export interface StoredFile {
  /** SHA-256 of the content, lowercase hex: the file's address in the store. */
  sha256: string;
  size: number;
  /** Where the file lives, relative to the store: `<sha[0..1]>/<sha[2..3]>/<sha>`. */
  key: string;
  /** The first bytes of the content. */
  head: Buffer;
  /** False when the same content was already stored (nothing new was written). */
  created: boolean;
}

export interface PutOptions {
  /** More bytes than this: the write is abandoned, the temp file removed, and `FileTooLargeError` thrown. */
  maxBytes?: number;
  /** Called with the first bytes once the whole stream is read, before the file is committed; throw to refuse it. */
  check?: (head: Buffer, size: number) => void;
}

export interface SweepResult {
  /** Content files deleted because no row references them. */
  deleted: number;
  /** Abandoned temp files deleted. */
  tempDeleted: number;
}

/** Decides whether a stored content is still referenced (by a database row). */
export type ReferenceCheck = Set<string> | ((sha256: string) => Promise<boolean>);

export class FileTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`The file is larger than ${maxBytes} bytes`);
    this.name = 'FileTooLargeError';
  }
}

export class StoredFileMissingError extends Error {
  constructor(readonly sha256: string) {
    super(`No stored file with SHA-256 ${sha256}`);
    this.name = 'StoredFileMissingError';
  }
}

/**
 * Content-addressed storage of uploaded files: a file is named by the SHA-256 of its bytes, so storing the same
 * content twice is idempotent and a stored file never changes. No caller-supplied string ever becomes part of a path.
 */
export abstract class FileStore {
  /** Streams `stream` into the store, hashing while writing; the file appears under its address only when complete. */
  abstract put(stream: Readable, opts?: PutOptions): Promise<StoredFile>;
  /** A read stream of the content; rejects with `StoredFileMissingError` if it is not stored. */
  abstract open(sha256: string): Promise<Readable>;
  abstract exists(sha256: string): Promise<boolean>;
  /**
   * Deletes the stored files that `referenced` does not name and that are older than `olderThanMs` (so that an
   * upload whose row is not committed yet survives), and temp files abandoned for as long.
   */
  abstract sweep(referenced: ReferenceCheck, olderThanMs: number): Promise<SweepResult>;
}

export function isSha256Hex(value: unknown): value is string {
  return typeof value === 'string' && SHA256_HEX.test(value);
}

/** Counts, hashes and keeps the first bytes of what flows through; fails once more than `maxBytes` passed. */
class HashingCounter extends Transform {
  readonly hash = createHash('sha256');
  size = 0;
  private readonly headChunks: Buffer[] = [];
  private headLength = 0;

  constructor(private readonly maxBytes: number) {
    super();
  }

  get head(): Buffer {
    return Buffer.concat(this.headChunks).subarray(0, HEAD_BYTES);
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > this.maxBytes) return done(new FileTooLargeError(this.maxBytes));
    if (this.headLength < HEAD_BYTES) {
      this.headChunks.push(chunk.subarray(0, HEAD_BYTES - this.headLength));
      this.headLength += Math.min(chunk.length, HEAD_BYTES - this.headLength);
    }
    this.hash.update(chunk);
    done(null, chunk);
  }
}

async function removeQuietly(path: string): Promise<void> {
  try {
    await unlink(path);
  } catch {
    // Already gone.
  }
}

/**
 * The store on the local file system (or a shared volume mounted there): `<dir>/<aa>/<bb>/<sha256>`, temp files
 * in `<dir>/tmp`. Writes go to a temp file, are fsynced, then atomically renamed to their address.
 */
export class LocalFileStore extends FileStore {
  constructor(readonly dir: string) {
    super();
  }

  private pathOf(sha256: string): string {
    if (!isSha256Hex(sha256)) throw new RangeError('Invalid SHA-256');
    return join(this.dir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  static keyOf(sha256: string): string {
    return `${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
  }

  async put(stream: Readable, opts: PutOptions = {}): Promise<StoredFile> {
    const tempDir = join(this.dir, TEMP_DIR);
    await mkdir(tempDir, { recursive: true });
    const tempPath = join(tempDir, `${randomUUID()}${TEMP_SUFFIX}`);
    const counter = new HashingCounter(opts.maxBytes ?? Number.POSITIVE_INFINITY);
    try {
      await pipeline(stream, counter, createWriteStream(tempPath, { flags: 'wx', mode: 0o640 }));
      opts.check?.(counter.head, counter.size);
      const handle = await open(tempPath, 'r');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    } catch (error) {
      await removeQuietly(tempPath);
      throw error;
    }
    const sha256 = counter.hash.digest('hex');
    const finalPath = this.pathOf(sha256);
    let created = true;
    try {
      if (await this.exists(sha256)) {
        // Same content already stored: keep it, and refresh its age so that the sweeper's grace period covers
        // this upload until its row is committed.
        created = false;
        const now = await this.fileSystemNow();
        await utimes(finalPath, now, now);
        await removeQuietly(tempPath);
      } else {
        await mkdir(join(this.dir, sha256.slice(0, 2), sha256.slice(2, 4)), { recursive: true });
        await rename(tempPath, finalPath);
      }
    } catch (error) {
      await removeQuietly(tempPath);
      throw error;
    }
    return { sha256, size: counter.size, key: LocalFileStore.keyOf(sha256), head: counter.head, created };
  }

  async open(sha256: string): Promise<Readable> {
    const path = this.pathOf(sha256);
    const stream = createReadStream(path);
    await new Promise<void>((resolve, reject) => {
      stream.once('open', () => resolve());
      stream.once('error', (error: NodeJS.ErrnoException) =>
        reject(error.code === 'ENOENT' ? new StoredFileMissingError(sha256) : error),
      );
    });
    return stream;
  }

  async exists(sha256: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(sha256))).isFile();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
  }

  /**
   * "Now" on the clock that stamps this store's files: the mtime of a file just written. Files' ages are measured
   * against it, never against the process's clock, which may differ (a shared volume's server, a moved clock): a
   * recent upload must never look old to the sweeper.
   */
  private async fileSystemNow(): Promise<Date> {
    const tempDir = join(this.dir, TEMP_DIR);
    await mkdir(tempDir, { recursive: true });
    const probe = join(tempDir, `${randomUUID()}.clock`);
    const handle = await open(probe, 'w');
    try {
      await handle.write('.');
      return (await handle.stat()).mtime;
    } finally {
      await handle.close();
      await removeQuietly(probe);
    }
  }

  async sweep(referenced: ReferenceCheck, olderThanMs: number): Promise<SweepResult> {
    const isReferenced = referenced instanceof Set ? async (sha: string) => referenced.has(sha) : referenced;
    const cutoff = (await this.fileSystemNow()).getTime() - olderThanMs;
    const result: SweepResult = { deleted: 0, tempDeleted: 0 };

    for (const name of await listDir(join(this.dir, TEMP_DIR))) {
      const path = join(this.dir, TEMP_DIR, name);
      if (name.endsWith(TEMP_SUFFIX) && (await olderThan(path, cutoff))) {
        await removeQuietly(path);
        result.tempDeleted += 1;
      }
    }
    for (const a of await listDir(this.dir)) {
      if (!HEX2.test(a)) continue;
      for (const b of await listDir(join(this.dir, a))) {
        if (!HEX2.test(b)) continue;
        for (const sha of await listDir(join(this.dir, a, b))) {
          if (!isSha256Hex(sha) || sha.slice(0, 2) !== a || sha.slice(2, 4) !== b) continue;
          const path = join(this.dir, a, b, sha);
          if (!(await olderThan(path, cutoff))) continue;
          if (await isReferenced(sha)) continue;
          // Re-read the age last: an upload of the same content refreshes it (see put).
          if (!(await olderThan(path, cutoff))) continue;
          await removeQuietly(path);
          result.deleted += 1;
        }
      }
    }
    return result;
  }
}

async function listDir(path: string): Promise<string[]> {
  try {
    return await readdir(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

async function olderThan(path: string, cutoffMs: number): Promise<boolean> {
  try {
    return (await stat(path)).mtimeMs < cutoffMs;
  } catch {
    return false;
  }
}
