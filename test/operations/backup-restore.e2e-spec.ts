import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { bearer, Cast, createCast, fileApplicationTo, samplePdf, uploadDocument } from '../support/factories';
import { dbUrl, withAdminClient } from '../support/pg';
import { API, startTestApp, TestApp } from '../support/test-app';

const run = promisify(execFile);
const BACKUP = join(__dirname, '..', '..', 'docs', 'ops', 'backup.sh');
const RESTORE = join(__dirname, '..', '..', 'docs', 'ops', 'restore.sh');

/** Row count of every table of the public schema, and the audit chain's head. */
async function snapshot(database: string): Promise<{ counts: Record<string, number>; head: string }> {
  const c = new Client({ connectionString: dbUrl(database) });
  await c.connect();
  try {
    const tables = await c.query<{ tablename: string }>(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
    );
    const counts: Record<string, number> = {};
    for (const { tablename } of tables.rows) {
      const r = await c.query<{ n: string }>(`SELECT count(*) AS n FROM "${tablename}"`);
      counts[tablename] = Number(r.rows[0].n);
    }
    const head = await c.query<{ hash: string }>('SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1');
    return { counts, head: head.rows[0].hash };
  } finally {
    await c.end();
  }
}

async function script(path: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('bash', [path, ...args], { env: { PATH: process.env.PATH ?? '' } });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: err.code ?? 1, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
  }
}

describe('operations: backup (pg_dump + file store) and a tested restore', () => {
  let t: TestApp;
  let restored: TestApp | undefined;
  let cast: Cast;
  let appId: string;
  let licenseId: string;
  let documentId: string;
  const extraPdf = samplePdf(`Tài liệu bổ sung ${randomBytes(6).toString('hex')}`);
  const work = mkdtempSync(join(tmpdir(), 'gis-backup-'));
  const restoredFiles = join(work, 'restored-files');
  let restoredDb = '';
  let backupDir = '';

  beforeAll(async () => {
    t = await startTestApp();
    restoredDb = `${t.database}_restored`;
    cast = await createCast(t);
    // A licensed site (every required document uploaded, issued), and one more dossier with a distinct file.
    const approved = await fileApplicationTo(t, cast, 'APPROVED');
    licenseId = String(approved.licenseId);
    const draft = await fileApplicationTo(t, cast, 'DRAFT');
    appId = draft.id;
    const up = await uploadDocument(t, cast.owner.token, appId, 'APPLICATION_FORM', extraPdf, 'don-de-nghi.pdf');
    expect(up.status).toBe(201);
    documentId = up.body.id as string;
  });

  afterAll(async () => {
    await restored?.close();
    await t.close();
    if (restoredDb) await withAdminClient((c) => c.query(`DROP DATABASE IF EXISTS ${restoredDb} WITH (FORCE)`));
    rmSync(work, { recursive: true, force: true });
  });

  it('backs up into a timestamped directory with a dump, the files and their checksums', async () => {
    const r = await script(BACKUP, [
      '--database-url',
      dbUrl(t.database),
      '--file-store',
      t.config.fileStoreDir,
      '--out',
      join(work, 'backups'),
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    backupDir = r.stdout.trim().split('\n').pop() ?? '';
    expect(backupDir).toMatch(/gis-backup-\d{8}T\d{6}Z$/);
    const listing = await run('ls', [backupDir]);
    expect(listing.stdout.split('\n').filter(Boolean).sort()).toEqual([
      'SHA256SUMS',
      'database.dump',
      'files.tar.gz',
      'manifest.txt',
    ]);
  });

  it('restores into a new database and file store: same rows, the audit chain verifies, the files are back', async () => {
    const before = await snapshot(t.database);
    const r = await script(RESTORE, [
      '--backup',
      backupDir,
      '--database-url',
      dbUrl(restoredDb),
      '--file-store',
      restoredFiles,
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);

    const after = await snapshot(restoredDb);
    expect(after.counts).toEqual(before.counts);
    expect(after.head).toBe(before.head);
    expect(after.counts.licenses).toBeGreaterThanOrEqual(1);
    expect(after.counts.documents).toBeGreaterThanOrEqual(2);

    // The application itself on the restored copy.
    restored = await startTestApp({ databaseName: restoredDb, env: { FILE_STORE_DIR: restoredFiles } });
    const verify = await restored.http.get(`${API}/audit/verify`).set(bearer(restored.adminToken));
    expect(verify.status).toBe(200);
    expect(verify.body).toMatchObject({ valid: true });
    expect(verify.body.checked).toBe(before.counts.audit_events);

    const content = await restored.http
      .get(`${API}/applications/${appId}/documents/${documentId}/content`)
      .set(bearer(restored.adminToken))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(content.status).toBe(200);
    expect(Buffer.compare(content.body as Buffer, extraPdf)).toBe(0);

    // Every stored document of the source has its file in the restored store.
    const missing = await restored.ds.query(`SELECT sha256 FROM documents`);
    for (const { sha256 } of missing as { sha256: string }[]) {
      const file = await run('test', ['-f', join(restoredFiles, sha256.slice(0, 2), sha256.slice(2, 4), sha256)])
        .then(() => true)
        .catch(() => false);
      expect(file).toBe(true);
    }

    const license = await restored.http.get(`${API}/licenses/${licenseId}`).set(bearer(restored.adminToken));
    expect(license.status).toBe(200);
    const pdf = await restored.http.get(`${API}/licenses/${licenseId}/pdf`).set(bearer(restored.adminToken));
    expect(pdf.status).toBe(200);
  });

  it('refuses to overwrite a non-empty database or file store without --force', async () => {
    const r = await script(RESTORE, [
      '--backup',
      backupDir,
      '--database-url',
      dbUrl(restoredDb),
      '--file-store',
      join(work, 'other-files'),
    ]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/not empty.*--force/);

    const emptyDb = `${t.database}_e`;
    try {
      const files = await script(RESTORE, [
        '--backup',
        backupDir,
        '--database-url',
        dbUrl(emptyDb),
        '--file-store',
        restoredFiles,
      ]);
      expect(files.code).not.toBe(0);
      expect(files.stderr).toMatch(/file store .* not empty/);
    } finally {
      await withAdminClient((c) => c.query(`DROP DATABASE IF EXISTS ${emptyDb} WITH (FORCE)`));
    }
  });

  it('refuses a backup whose checksums do not match', async () => {
    const copy = join(work, 'tampered');
    await run('cp', ['-r', backupDir, copy]);
    await run('bash', ['-c', `printf 'x' >> "${copy}/files.tar.gz"`]);
    const r = await script(RESTORE, [
      '--backup',
      copy,
      '--database-url',
      dbUrl(`${t.database}_x`),
      '--file-store',
      join(work, 'x-files'),
    ]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/checksum/);
  });

  it('with --force replaces the database and unpacks over the store', async () => {
    await restored?.close();
    restored = undefined;
    // Something written after the backup disappears with the restore.
    const edit = new Client({ connectionString: dbUrl(restoredDb) });
    await edit.connect();
    try {
      await edit.query(`UPDATE authorities SET name = 'ĐÃ ĐỔI SAU SAO LƯU' WHERE id = $1`, [cast.authority.id]);
    } finally {
      await edit.end();
    }
    const r = await script(RESTORE, [
      '--backup',
      backupDir,
      '--database-url',
      dbUrl(restoredDb),
      '--file-store',
      restoredFiles,
      '--force',
    ]);
    expect(r.code).toBe(0);
    const c = new Client({ connectionString: dbUrl(restoredDb) });
    await c.connect();
    try {
      const a = await c.query<{ name: string }>('SELECT name FROM authorities WHERE id = $1', [cast.authority.id]);
      expect(a.rows[0].name).not.toBe('ĐÃ ĐỔI SAU SAO LƯU');
    } finally {
      await c.end();
    }
  });
});
