import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataDirLockedError, lockDataDir } from '../../src/database/embedded-postgres';
import { ensureBuilt, launchServer, LaunchedServer } from '../quality/server';

/**
 * The embedded default's DATA_DIR lock is a kernel lock (flock): whatever a lock file says, a live server excludes
 * another, and a dead one (killed, crashed, rebooted) never blocks the next start.
 */
describe('DATA_DIR lock', () => {
  const dirs: string[] = [];
  const servers: LaunchedServer[] = [];
  const tmp = (prefix: string) => {
    const d = mkdtempSync(join(tmpdir(), prefix));
    dirs.push(d);
    return d;
  };
  const launch = async (dataDir: string) => {
    const s = await launchServer({ dataDir, fileStoreDir: join(dataDir, 'files') });
    servers.push(s);
    return s;
  };

  beforeAll(async () => {
    await ensureBuilt();
  }, 360_000);

  afterEach(async () => {
    for (const s of servers.splice(0)) await s.kill('SIGKILL');
  });

  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  describe('in one process', () => {
    it('refuses a second holder and is free again once released', () => {
      const dir = tmp('gis-lock-');
      const release = lockDataDir(dir);
      expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
      expect(() => lockDataDir(dir)).toThrow(/in use by another server process \(pid \d+/);
      release();
      release(); // idempotent
      const again = lockDataDir(dir);
      again();
    });

    it.each([
      ['a live unrelated pid (1)', () => '1'],
      ['our own pid', () => String(process.pid)],
      ['garbage', () => 'not a pid at all\n'],
    ])('takes a lock file left naming %s', (_name, content) => {
      const dir = tmp('gis-lock-');
      writeFileSync(join(dir, 'server.lock'), content());
      const release = lockDataDir(dir);
      expect(readFileSync(join(dir, 'server.lock'), 'utf8')).toContain(`pid ${process.pid}`);
      release();
    });

    it('is held against another process while we hold it, and free for it after', () => {
      const dir = tmp('gis-lock-');
      const release = lockDataDir(dir);
      const probe = (): string =>
        execFileSync(
          process.execPath,
          [
            '-e',
            `const fs=require('fs'),{flockSync}=require('fs-ext');const fd=fs.openSync(${JSON.stringify(
              join(dir, 'server.lock'),
            )},'a+');try{flockSync(fd,'exnb');process.stdout.write('free')}catch(e){process.stdout.write(e.code)}`,
          ],
          { encoding: 'utf8' },
        );
      expect(probe()).toBe('EAGAIN');
      release();
      expect(probe()).toBe('free');
    });
  });

  describe('spawned servers', () => {
    it('starts at once after the previous server was killed with SIGKILL', async () => {
      const dir = tmp('gis-data-');
      const first = await launch(dir);
      await first.waitHealthy(120_000);
      await first.kill('SIGKILL');
      const second = await launch(dir);
      await second.waitHealthy(120_000);
    }, 300_000);

    it('starts over a lock file naming a live unrelated process or its own future pid', async () => {
      const dir = tmp('gis-data-');
      writeFileSync(join(dir, 'server.lock'), '1');
      const first = await launch(dir);
      await first.waitHealthy(120_000);
      await first.kill('SIGKILL');
      // What a container restart looks like: the lock names the pid the new server is about to get.
      writeFileSync(join(dir, 'server.lock'), `pid ${first.proc.pid}`);
      const second = await launch(dir);
      await second.waitHealthy(120_000);
    }, 300_000);

    it('lets exactly one of two servers started together open the directory', async () => {
      const dir = tmp('gis-data-');
      const [a, b] = await Promise.all([launch(dir), launch(dir)]);
      const outcome = async (s: LaunchedServer) => {
        try {
          await s.waitHealthy(120_000);
          return 'up';
        } catch {
          return `exit ${await s.exited}`;
        }
      };
      const results = await Promise.all([outcome(a), outcome(b)]);
      expect([...results].sort()).toEqual(['exit 75', 'up']);
      const loser = results[0] === 'up' ? b : a;
      expect(loser.output()).toMatch(/DATA_DIR .* is in use by another server process/);
    }, 300_000);
  });
});
