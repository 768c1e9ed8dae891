import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
  mkdirSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { FileTooLargeError, LocalFileStore, StoredFileMissingError } from './file-store';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** A stream that yields `chunks` one by one (as a network upload would). */
const streamOf = (...chunks: Buffer[]) => Readable.from(chunks);

async function readAll(s: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of s) parts.push(c as Buffer);
  return Buffer.concat(parts);
}

function tempFiles(dir: string): string[] {
  return existsSync(join(dir, 'tmp')) ? readdirSync(join(dir, 'tmp')) : [];
}

/** Makes a file `ms` older, on the file system's own clock (never the process's: CI moves that one). */
function age(path: string, ms: number): void {
  const t = new Date(statSync(path).mtimeMs - ms);
  utimesSync(path, t, t);
}

describe('LocalFileStore', () => {
  let dir: string;
  let store: LocalFileStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'filestore-'));
    store = new LocalFileStore(dir);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('stores under the SHA-256 address, hashing while streaming, and reads the bytes back', async () => {
    const content = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(100_000, 7)]);
    const stored = await store.put(
      streamOf(content.subarray(0, 3), content.subarray(3, 50_000), content.subarray(50_000)),
    );
    const hex = sha(content);
    expect(stored).toMatchObject({
      sha256: hex,
      size: content.length,
      key: `${hex.slice(0, 2)}/${hex.slice(2, 4)}/${hex}`,
      created: true,
    });
    expect(stored.head.subarray(0, 5).toString()).toBe('%PDF-');
    expect(readFileSync(join(dir, hex.slice(0, 2), hex.slice(2, 4), hex))).toEqual(content);
    expect(await store.exists(hex)).toBe(true);
    expect(await readAll(await store.open(hex))).toEqual(content);
    expect(tempFiles(dir)).toEqual([]);
  });

  it('is idempotent: the same content twice is one file, the second put says it created nothing', async () => {
    const content = Buffer.from('%PDF-same');
    const a = await store.put(streamOf(content));
    const b = await store.put(streamOf(content));
    expect(b.sha256).toBe(a.sha256);
    expect(a.created).toBe(true);
    expect(b.created).toBe(false);
    expect(readdirSync(join(dir, a.sha256.slice(0, 2), a.sha256.slice(2, 4)))).toEqual([a.sha256]);
    expect(tempFiles(dir)).toEqual([]);
  });

  it('refuses content over maxBytes and leaves no file behind', async () => {
    const content = Buffer.alloc(5000, 1);
    await expect(
      store.put(streamOf(content.subarray(0, 3000), content.subarray(3000)), { maxBytes: 4096 }),
    ).rejects.toBeInstanceOf(FileTooLargeError);
    expect(await store.exists(sha(content))).toBe(false);
    expect(tempFiles(dir)).toEqual([]);
    // Exactly maxBytes is accepted.
    const ok = await store.put(streamOf(Buffer.alloc(4096, 2)), { maxBytes: 4096 });
    expect(ok.size).toBe(4096);
  });

  it("refuses content the caller's check rejects before committing it", async () => {
    const content = Buffer.from('plain text, not a PDF');
    const refused = new Error('unsupported');
    await expect(
      store.put(streamOf(content), {
        check: (head) => {
          if (!head.subarray(0, 5).equals(Buffer.from('%PDF-'))) throw refused;
        },
      }),
    ).rejects.toBe(refused);
    expect(await store.exists(sha(content))).toBe(false);
    expect(tempFiles(dir)).toEqual([]);
  });

  it('removes the temp file when the source stream fails halfway', async () => {
    const failing = new Readable({
      read() {
        this.push(Buffer.alloc(1000, 3));
        this.destroy(new Error('connection reset'));
      },
    });
    await expect(store.put(failing)).rejects.toThrow('connection reset');
    expect(tempFiles(dir)).toEqual([]);
  });

  it('open() of a missing file rejects with StoredFileMissingError; a non-hex address never reaches the disk', async () => {
    await expect(store.open('a'.repeat(64))).rejects.toBeInstanceOf(StoredFileMissingError);
    await expect(store.open('../../etc/passwd')).rejects.toBeInstanceOf(RangeError);
    await expect(store.exists('../x')).rejects.toBeInstanceOf(RangeError);
  });

  it('sweep deletes old unreferenced files and stray temp files, and keeps referenced or recent ones', async () => {
    const keep = await store.put(streamOf(Buffer.from('%PDF-referenced')));
    const orphan = await store.put(streamOf(Buffer.from('%PDF-orphan')));
    const recent = await store.put(streamOf(Buffer.from('%PDF-recent-orphan')));
    const pathOf = (h: string) => join(dir, h.slice(0, 2), h.slice(2, 4), h);
    age(pathOf(keep.sha256), 2 * 3_600_000);
    age(pathOf(orphan.sha256), 2 * 3_600_000);
    mkdirSync(join(dir, 'tmp'), { recursive: true });
    writeFileSync(join(dir, 'tmp', 'abandoned.part'), 'half');
    age(join(dir, 'tmp', 'abandoned.part'), 2 * 3_600_000);
    writeFileSync(join(dir, 'tmp', 'in-flight.part'), 'writing');
    writeFileSync(join(dir, 'README'), 'not ours');

    const result = await store.sweep(new Set([keep.sha256]), 3_600_000);
    expect(result).toEqual({ deleted: 1, tempDeleted: 1 });
    expect(await store.exists(keep.sha256)).toBe(true);
    expect(await store.exists(orphan.sha256)).toBe(false);
    expect(await store.exists(recent.sha256)).toBe(true);
    expect(tempFiles(dir)).toEqual(['in-flight.part']);
    expect(existsSync(join(dir, 'README'))).toBe(true);
  });

  it('sweep accepts an async reference check, and a re-upload refreshes an old file so it survives', async () => {
    const a = await store.put(streamOf(Buffer.from('%PDF-a')));
    const pathA = join(dir, a.sha256.slice(0, 2), a.sha256.slice(2, 4), a.sha256);
    age(pathA, 2 * 3_600_000);
    await store.put(streamOf(Buffer.from('%PDF-a'))); // the same bytes uploaded again: its row is on its way
    const asked: string[] = [];
    const result = await store.sweep(async (h) => {
      asked.push(h);
      return false;
    }, 3_600_000);
    expect(result.deleted).toBe(0);
    expect(await store.exists(a.sha256)).toBe(true);
  });
});
