import { ClientRequest, IncomingMessage, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { seedRegistryRows } from '../../bench/registry-seed';
import { Clock, SystemClock } from '../../src/common/clock';
import { MAX_CONCURRENT_EXPORTS } from '../../src/registry/open-data.service';
import { SchedulerService } from '../../src/scheduler/scheduler.service';
import { bearer, createCast, expectProblem, registerOwner } from '../support/factories';
import { dbUrl } from '../support/pg';
import { API, startTestApp, TestApp } from '../support/test-app';
import { approve, siteParticulars } from '../licenses/license-fixtures';

type PublicLicense = { number: string; status: string; [k: string]: unknown };
type FeedItem = { event: string; at: string; license: PublicLicense };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** RFC 4180: fields may be quoted; quotes inside are doubled; records end with CRLF. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else field += ch;
  }
  if (field !== '' || record.length) throw new Error('the last record does not end with CRLF');
  return records;
}

/** Opens the export, reads its first chunk and disconnects: the client gone mid-stream. */
function readFirstChunkAndHangUp(port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path }, (res) => {
      res.once('data', (chunk: Buffer) => {
        req.destroy();
        resolve(chunk.length);
      });
    });
    req.on('error', (e) => ((e as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(e)));
    req.end();
  });
}

/** Opens the export, receives its headers, then reads nothing more (a stalled client). */
function openAndStopReading(port: number, path: string): Promise<ClientRequest & { response: IncomingMessage }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path }, (res) => {
      expect(res.statusCode).toBe(200);
      res.pause();
      resolve(Object.assign(req, { response: res }));
    });
    req.on('error', (e) => ((e as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(e)));
    req.end();
  });
}

async function sessionsHoldingTheExport(database: string, admin: Client): Promise<number> {
  const r = await admin.query(
    `SELECT count(*)::int AS n FROM pg_stat_activity
     WHERE datname = $1 AND (state LIKE 'idle in transaction%' OR query LIKE '%registry_export%')
       AND pid <> pg_backend_pid()`,
    [database],
  );
  return r.rows[0].n as number;
}

describe('open data: the export and the change feed (PostgreSQL)', () => {
  let t: TestApp;
  let cast: Awaited<ReturnType<typeof createCast>>;
  let clock: SystemClock;
  const NOW = new Date('2026-04-01T03:00:00Z');

  beforeAll(async () => {
    t = await startTestApp();
    clock = t.app.get(Clock) as SystemClock;
    clock.set(NOW);
    cast = await createCast(t);
  });
  afterAll(async () => {
    clock.reset();
    await t.close();
  });

  const feed = (query: string) => t.http.get(`${API}/public/licenses/changes${query}`);
  const exportAs = (format: string) => t.http.get(`${API}/public/licenses/export?format=${format}`).buffer(true);
  const committedChanges = async () =>
    Number((await t.ds.query(`SELECT count(*)::int AS n FROM registry_changes`))[0].n);

  /**
   * Follows the feed from `since` until it has returned `expected` changes, then checks that nothing more comes.
   * The watermark may hold a change back while any transaction on the server (another test file's) is older than
   * it: poll, never give up early.
   */
  async function follow(since: string, expected: number, limit = 3): Promise<{ items: FeedItem[]; next: string }> {
    const items: FeedItem[] = [];
    let next = since;
    for (let tries = 0; items.length < expected && tries < 400; tries++) {
      const r = await feed(`?since=${encodeURIComponent(next)}&limit=${limit}`);
      expect(r.status).toBe(200);
      expect(r.body.items.length).toBeLessThanOrEqual(limit);
      if (r.body.items.length === 0) await sleep(50);
      else expect(r.body.next).not.toBe(next);
      items.push(...r.body.items);
      next = r.body.next;
    }
    const rest = await feed(`?since=${encodeURIComponent(next)}`);
    expect(rest.body).toEqual({ items: [], next });
    return { items, next };
  }

  function apply(state: Map<string, PublicLicense>, items: FeedItem[]): Map<string, PublicLicense> {
    for (const i of items) state.set(i.license.id as string, i.license);
    return state;
  }

  it('a client following the feed from the start ends with exactly the registry (every kind of change)', async () => {
    const a = await approve(t, {
      authorityId: cast.authority.id,
      owner: cast.owner,
      approver: cast.approver,
      decidedOn: '2026-03-05',
      requestedExpiresOn: '2031-03-04',
      site: siteParticulars({ name: 'Tin "Nhanh", Nghệ An', domains: ['tinnhanh.vn'] }),
    });
    const b = await approve(t, { authorityId: cast.authority.id, owner: cast.owner, approver: cast.approver });
    const c = await approve(t, { authorityId: cast.authority.id, owner: cast.owner, approver: cast.approver });
    const d = await approve(t, { authorityId: cast.authority.id, owner: cast.owner, approver: cast.approver });
    await approve(t, {
      authorityId: cast.authority.id,
      owner: cast.owner,
      approver: cast.approver,
      requestedExpiresOn: '2026-04-30',
    });
    const version = (type: 'AMENDMENT' | 'EXTENSION' | 'REISSUE' | 'CHANGE_NOTICE', extra: object) =>
      approve(t, {
        type,
        licenseId: a.licenseId,
        authorityId: cast.authority.id,
        owner: cast.owner,
        approver: cast.approver,
        decidedOn: '2026-03-20',
        ...extra,
      });
    await version('AMENDMENT', { site: siteParticulars({ name: 'Tin Nhanh mới', domains: ['tinnhanh.vn', 'tn.vn'] }) });
    await version('EXTENSION', { requestedExpiresOn: '2033-03-04' });
    await version('REISSUE', { site: null, reason: 'Bị mất' });
    await version('CHANGE_NOTICE', {
      site: null,
      changeNotice: { changedOn: '2026-03-18', newHeadOfficeAddress: '5 Trần Phú, thành phố Vinh, Nghệ An' },
    });
    const fire = (id: string, token: string, body: object) =>
      t.http.post(`${API}/licenses/${id}/transitions`).set(bearer(token)).send(body);
    const suspend = { event: 'SUSPEND', until: '2026-06-30', reason: 'Vi phạm', decisionNumber: '12/QĐ-STTTT' };
    expect((await fire(b.licenseId, cast.approver.token, suspend)).status).toBe(200);
    expect((await fire(b.licenseId, cast.approver.token, { event: 'REINSTATE' })).status).toBe(200);
    expect((await fire(c.licenseId, cast.approver.token, { event: 'REVOKE', reason: 'Tái phạm' })).status).toBe(200);
    expect((await fire(d.licenseId, cast.owner.token, { event: 'SURRENDER' })).status).toBe(200);
    clock.set(new Date('2026-04-30T18:00:00Z'));
    await t.app.get(SchedulerService).runDaily();
    clock.set(NOW);

    const { items, next } = await follow('', await committedChanges());
    expect(items.map((i) => i.event)).toEqual(
      expect.arrayContaining([
        'ISSUED',
        'AMENDED',
        'EXTENDED',
        'REISSUED',
        'CHANGE_NOTICE',
        'SUSPENDED',
        'REINSTATED',
        'REVOKED',
        'SURRENDERED',
        'EXPIRED',
      ]),
    );
    expect(items).toHaveLength(await committedChanges());
    const aNumber = items.find((i) => i.event === 'ISSUED' && i.license.siteName === 'Tin "Nhanh", Nghệ An')!.license
      .number;
    const ofA = items.filter((i) => i.license.number === aNumber);
    expect(ofA.map((i) => i.event)).toEqual(['ISSUED', 'AMENDED', 'EXTENDED', 'REISSUED', 'CHANGE_NOTICE']);
    // Each item carries the registry fields as they were after that change, and when it was made.
    expect(ofA[1].license).toMatchObject({ siteName: 'Tin Nhanh mới', domains: ['tinnhanh.vn', 'tn.vn'] });
    expect(ofA[2].license).toMatchObject({ expiresOn: '2033-03-04' });
    expect(ofA[4].license).toMatchObject({ headOffice: '5 Trần Phú, thành phố Vinh, Nghệ An' });
    expect(ofA[0].at).toBe(NOW.toISOString());
    expect(items.find((i) => i.event === 'EXPIRED')!.at).toBe('2026-04-30T18:00:00.000Z');
    const codes: string[] = (await t.ds.query(`SELECT verification_code FROM licenses`)).map(
      (r: { verification_code: string }) => r.verification_code,
    );
    expect(codes.length).toBeGreaterThan(0);
    for (const i of items) {
      const raw = JSON.stringify(i);
      for (const secret of ['0912345678', '@', 'verification', ...codes]) expect(raw).not.toContain(secret);
    }

    // The registry as the export gives it equals the state rebuilt from the feed.
    const exported: PublicLicense[] = JSON.parse((await exportAs('json')).text);
    const byNumber = (m: Map<string, PublicLicense>) =>
      [...m.values()].sort((x, y) => x.number.localeCompare(y.number));
    expect(byNumber(apply(new Map(), items))).toEqual(byNumber(new Map(exported.map((l) => [l.id as string, l]))));
    expect(exported).toHaveLength(5);

    // Nothing new: an empty page and the same cursor; a later change comes next, once.
    const idle = await feed(`?since=${next}`);
    expect(idle.body).toEqual({ items: [], next });
    expect((await fire(b.licenseId, cast.approver.token, { event: 'REVOKE', reason: 'Vi phạm lần hai' })).status).toBe(
      200,
    );
    const later = await follow(next, 1);
    expect(later.items.map((i) => i.event)).toEqual(['REVOKED']);
    expect(later.items[0].license.status).toBe('REVOKED');
  });

  it('never skips a change whose transaction commits after a later one (the reader polls in between)', async () => {
    const first = await approve(t, { authorityId: cast.authority.id, owner: cast.owner, approver: cast.approver });
    const second = await approve(t, { authorityId: cast.authority.id, owner: cast.owner, approver: cast.approver });
    const start = (await follow('', await committedChanges())).next;

    // Transaction A takes its sequence number first and stays open on a connection of its own.
    const raw = new Client({ connectionString: dbUrl(t.database) });
    await raw.connect();
    try {
      await raw.query('BEGIN');
      await raw.query(`UPDATE licenses SET status = 'REVOKED', version = version + 1 WHERE id = $1`, [first.licenseId]);
      await raw.query(
        `INSERT INTO workflow_history (entity_type, entity_id, event, from_state, to_state, actor_role, at)
         VALUES ('license', $1, 'REVOKE', 'ACTIVE', 'REVOKED', 'approver', $2)`,
        [first.licenseId, NOW],
      );
      const [{ seq: seqA }] = (
        await raw.query(`SELECT max(seq)::text AS seq FROM registry_changes WHERE license_id = $1`, [first.licenseId])
      ).rows;

      // Transaction B, later in sequence, commits first (through the API).
      const s = await t.http
        .post(`${API}/licenses/${second.licenseId}/transitions`)
        .set(bearer(cast.approver.token))
        .send({ event: 'REVOKE', reason: 'Vi phạm' });
      expect(s.status).toBe(200);
      const [{ seq: seqB }] = await t.ds.query(
        `SELECT max(seq)::text AS seq FROM registry_changes WHERE license_id = $1`,
        [second.licenseId],
      );
      expect(BigInt(seqB)).toBeGreaterThan(BigInt(seqA));

      // The reader polls while A is open: B is committed, but handing it out now would move the cursor past A.
      const between = await feed(`?since=${start}`);
      expect(between.status).toBe(200);
      expect(between.body.items).toEqual([]);
      expect(between.body.next).toBe(start);

      await raw.query('COMMIT');
    } finally {
      await raw.end();
    }
    const after = await follow(start, 2);
    expect(after.items.map((i) => [i.event, i.license.status])).toEqual([
      ['REVOKED', 'REVOKED'],
      ['REVOKED', 'REVOKED'],
    ]);
    expect(new Set(after.items.map((i) => i.license.number)).size).toBe(2);
  });

  it('exports CSV (RFC 4180, BOM, header), JSON and NDJSON with the same records and validators', async () => {
    await approve(t, {
      authorityId: cast.authority.id,
      owner: cast.owner,
      approver: cast.approver,
      site: siteParticulars({ name: '=HYPERLINK("x"), tin\r\nmới', domains: ['congthuc.vn', 'ct.vn'] }),
    });
    const json = await exportAs('json');
    expect(json.status).toBe(200);
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(json.headers['content-disposition']).toBe('attachment; filename="registry-licenses-2026-04-01.json"');
    const records: PublicLicense[] = JSON.parse(json.text);
    const registry = await t.http.get(`${API}/public/licenses?pageSize=100`);
    expect(records).toHaveLength(registry.body.total);
    const sorted = (l: PublicLicense[]) => [...l].sort((x, y) => x.number.localeCompare(y.number));
    expect(sorted(records)).toEqual(sorted(registry.body.items));

    const nd = await exportAs('ndjson');
    expect(nd.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
    expect(nd.headers['content-disposition']).toContain('.ndjson"');
    const lines = nd.text.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.map((l) => JSON.parse(l))).toEqual(records);

    const csv = await exportAs('csv');
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8; header=present');
    expect(csv.headers['content-disposition']).toContain('.csv"');
    const bytes = Buffer.from(csv.text, 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(csv.text.slice(1));
    expect(rows[0]).toEqual([
      'id',
      'number',
      'organizationName',
      'headOffice',
      'siteName',
      'domains',
      'status',
      'issuedOn',
      'expiresOn',
      'suspendedUntil',
      'edition',
      'authorityCode',
      'authorityName',
      'authorityProvince',
    ]);
    expect(rows).toHaveLength(records.length + 1);
    const tricky = rows.find((r) => r[5] === 'congthuc.vn ct.vn')!;
    // Quoted (comma, quote, CRLF kept), and neutralized for spreadsheets (a leading = would run as a formula).
    expect(tricky[4]).toBe(`'=HYPERLINK("x"), tin\r\nmới`);
    const jsonOf = records.find((r) => r.id === tricky[0])!;
    expect(tricky[1]).toBe(jsonOf.number);
    expect(tricky.slice(6, 11)).toEqual([jsonOf.status, jsonOf.issuedOn, jsonOf.expiresOn, '', '1']);
    expect(tricky.slice(11)).toEqual([cast.authority.code, 'Sở Thông tin và Truyền thông', 'Nghệ An']);
    expect(csv.text).not.toContain('0912345678');

    // Validators: the same registry, the same ETag per format; 304 on either condition; a change moves them.
    const etag = json.headers.etag;
    expect(etag).toMatch(/^"registry-json-\d+-\d+"$/);
    expect(csv.headers.etag).not.toBe(etag);
    const lastModified = json.headers['last-modified'];
    const [{ latest }] = await t.ds.query(`SELECT max(at) AS latest FROM registry_changes`);
    expect(lastModified).toBe(new Date(latest).toUTCString());
    expect((await exportAs('json')).headers.etag).toBe(etag);
    const cond = (h: Record<string, string>) =>
      t.http.get(`${API}/public/licenses/export?format=json`).set(h).buffer(true);
    const notModified = await cond({ 'If-None-Match': etag });
    expect(notModified.status).toBe(304);
    expect(notModified.text ?? '').toBe('');
    expect(notModified.headers.etag).toBe(etag);
    expect((await cond({ 'If-None-Match': `"other", W/${etag}` })).status).toBe(304);
    expect((await cond({ 'If-Modified-Since': lastModified })).status).toBe(304);
    expect((await cond({ 'If-Modified-Since': 'not a date' })).status).toBe(200);
    expect((await cond({ 'If-None-Match': '"other"', 'If-Modified-Since': lastModified })).status).toBe(200);

    clock.set(new Date(new Date(latest).getTime() + 3_600_000));
    await approve(t, { authorityId: cast.authority.id, owner: cast.owner, approver: cast.approver });
    clock.set(NOW);
    const changed = await cond({ 'If-None-Match': etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
    expect((await cond({ 'If-Modified-Since': lastModified })).status).toBe(200);
  });

  it('refuses a bad format or cursor with problem+json', async () => {
    for (const q of ['', '?format=xml', '?format=CSV', '?format=csv&format=json', '?format[]=csv']) {
      expectProblem(await t.http.get(`${API}/public/licenses/export${q}`), 400, 'VALIDATION_FAILED');
    }
    const forged = Buffer.from('v1.1.99999999999999999999').toString('base64url');
    for (const q of ['?since=%21%21', `?since=${forged}`, '?since=djIuMS4x', '?limit=0', '?limit=1001', '?limit=x']) {
      expectProblem(await feed(q), 400, 'VALIDATION_FAILED');
    }
  });

  it('streams 20 000 rows from a cursor and releases the connection when the client hangs up mid-stream', async () => {
    await seedRegistryRows(t.ds, {
      count: 20_000,
      authorityId: cast.authority.id,
      organizationId: cast.owner.organizationId as string,
      createdBy: cast.owner.id,
      at: NOW,
      tag: 'S',
    });
    const nd = await exportAs('ndjson');
    expect(nd.text.split('\n').length - 1).toBe(Number((await t.ds.query(`SELECT count(*) AS n FROM licenses`))[0].n));

    const server = t.app.getHttpServer();
    if (!server.listening) await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as AddressInfo).port;
    const admin = new Client({ connectionString: dbUrl(t.database) });
    await admin.connect();
    try {
      for (const format of ['csv', 'json', 'ndjson']) {
        expect(await readFirstChunkAndHangUp(port, `${API}/public/licenses/export?format=${format}`)).toBeGreaterThan(
          0,
        );
      }
      let held = -1;
      for (let i = 0; i < 100 && held !== 0; i++) {
        held = await sessionsHoldingTheExport(t.database, admin);
        if (held) await sleep(50);
      }
      expect(held).toBe(0);
    } finally {
      await admin.end();
    }
    // More abandoned exports than the concurrency cap: every slot came back.
    for (let i = 0; i < 6; i++) {
      expect((await t.http.get(`${API}/public/licenses/export?format=csv`).set('If-None-Match', '*')).status).toBe(304);
    }
    expect((await t.http.get(`${API}/public/licenses?pageSize=1`)).status).toBe(200);

    // Clients that stop reading hold their export (backpressure: the server waits, it does not buffer the rest);
    // past the cap a fifth export is refused with 429, and the slots come back when those clients leave.
    const stalled = await Promise.all(
      Array.from({ length: MAX_CONCURRENT_EXPORTS }, () =>
        openAndStopReading(port, `${API}/public/licenses/export?format=json`),
      ),
    );
    try {
      expectProblem(await t.http.get(`${API}/public/licenses/export?format=csv`), 429, 'RATE_LIMITED');
    } finally {
      for (const req of stalled) req.destroy();
    }
    let status = 0;
    for (let i = 0; i < 100 && status !== 304; i++) {
      status = (await t.http.get(`${API}/public/licenses/export?format=csv`).set('If-None-Match', '*')).status;
      if (status !== 304) await sleep(50);
    }
    expect(status).toBe(304);

    // The database connection fails mid-stream: the client sees the download cut, never a complete-looking file.
    const victim = await openAndStopReading(port, `${API}/public/licenses/export?format=ndjson`);
    const killer = new Client({ connectionString: dbUrl(t.database) });
    await killer.connect();
    try {
      const r = await killer.query(
        `SELECT pg_terminate_backend(pid) AS done FROM pg_stat_activity
         WHERE datname = $1 AND query LIKE '%registry_export%' AND pid <> pg_backend_pid()`,
        [t.database],
      );
      expect(r.rows).toHaveLength(1);
    } finally {
      await killer.end();
    }
    const outcome = await new Promise<string>((resolve) => {
      const res = victim.response;
      res.on('aborted', () => resolve('cut'));
      res.on('error', () => resolve('cut'));
      res.on('close', () => resolve(res.complete ? 'complete' : 'cut'));
      res.on('end', () => resolve(res.complete ? 'complete' : 'cut'));
      res.resume();
    });
    expect(outcome).toBe('cut');
    expect((await t.http.get(`${API}/public/licenses?pageSize=1`)).status).toBe(200);
  }, 180_000);
});

describe('open data on the embedded default (PGlite)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ embedded: true });
    (t.app.get(Clock) as SystemClock).set(new Date('2026-04-01T03:00:00Z'));
  }, 180_000);
  afterAll(async () => {
    (t.app.get(Clock) as SystemClock).reset();
    await t.close();
  });

  it('the feed and the export agree, and an abandoned export frees the only connection', async () => {
    const cast = await createCast(t);
    const other = await registerOwner(t, { name: 'Công ty TNHH Đà Nẵng Xanh' });
    const a = await approve(t, { authorityId: cast.authority.id, owner: cast.owner, approver: cast.approver });
    await approve(t, { authorityId: cast.authority.id, owner: other, approver: cast.approver });
    const s = await t.http
      .post(`${API}/licenses/${a.licenseId}/transitions`)
      .set(bearer(cast.approver.token))
      .send({ event: 'SUSPEND', until: '2026-06-30', reason: 'Vi phạm', decisionNumber: '1/QĐ' });
    expect(s.status).toBe(200);

    const first = await t.http.get(`${API}/public/licenses/changes?limit=2`);
    const second = await t.http.get(`${API}/public/licenses/changes?since=${first.body.next}`);
    const items: FeedItem[] = [...first.body.items, ...second.body.items];
    expect(items.map((i) => i.event)).toEqual(['ISSUED', 'ISSUED', 'SUSPENDED']);
    const state = new Map(items.map((i) => [i.license.number, i.license]));
    const exported: PublicLicense[] = JSON.parse(
      (await t.http.get(`${API}/public/licenses/export?format=json`).buffer(true)).text,
    );
    expect(exported.sort((x, y) => x.number.localeCompare(y.number))).toEqual(
      [...state.values()].sort((x, y) => x.number.localeCompare(y.number)),
    );

    await seedRegistryRows(t.ds, {
      count: 5_000,
      authorityId: cast.authority.id,
      organizationId: cast.owner.organizationId as string,
      createdBy: cast.owner.id,
      at: new Date('2026-04-01T03:00:00Z'),
      tag: 'E',
    });
    const server = t.app.getHttpServer();
    if (!server.listening) await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as AddressInfo).port;
    await readFirstChunkAndHangUp(port, `${API}/public/licenses/export?format=ndjson`);
    // The single PGlite connection is free again: these would wait forever otherwise.
    const after = await t.http.get(`${API}/public/licenses?pageSize=1`);
    expect(after.body.total).toBe(5_002);
    const nd = await t.http.get(`${API}/public/licenses/export?format=ndjson`).buffer(true);
    expect(nd.text.split('\n').length - 1).toBe(5_002);
  }, 180_000);
});
