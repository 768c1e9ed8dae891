import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DocumentsService } from '../../src/documents/documents.service';
import { bearer, createCast, expectProblem, registerOwner, TestUser } from '../support/factories';
import { API, startTestApp, TestApp } from '../support/test-app';

type Cast = Awaited<ReturnType<typeof createCast>>;

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from('1 0 obj << /Type /Catalog >> endobj\n%%EOF\n')]);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 2)]);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Every content file in the store (the content-addressed tree, not temp files). */
function storedFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const a of readdirSync(dir).filter((n) => /^[0-9a-f]{2}$/.test(n))) {
    for (const b of readdirSync(join(dir, a))) out.push(...readdirSync(join(dir, a, b)));
  }
  return out;
}

function tempFiles(dir: string): string[] {
  return existsSync(join(dir, 'tmp')) ? readdirSync(join(dir, 'tmp')) : [];
}

async function createDraft(t: TestApp, owner: TestUser, authorityId: string): Promise<string> {
  const r = await t.http
    .post(`${API}/applications`)
    .set(bearer(owner.token))
    .send({
      type: 'NEW',
      authorityId,
      site: {
        name: 'Tin tức Sông Lam',
        domains: ['songlam.vn'],
        contentScope: 'Tổng hợp tin tức kinh tế, văn hóa, xã hội của tỉnh Nghệ An',
        informationSources: ['Báo Nghệ An (baonghean.vn)'],
        serverLocation: 'Trung tâm dữ liệu Viettel IDC, Hà Nội',
        contentManager: {
          fullName: 'Nguyễn Văn An',
          position: 'Giám đốc',
          phone: '0912345678',
          email: 'an@songlam.vn',
        },
      },
    });
  if (r.status !== 201) throw new Error(`application: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.id as string;
}

function upload(
  t: TestApp,
  token: string,
  appId: string,
  kind: string | null,
  content: Buffer,
  name: string,
  type = 'application/pdf',
) {
  const req = t.http.post(`${API}/applications/${appId}/documents`).set(bearer(token));
  if (kind !== null) req.field('kind', kind);
  return req.attach('file', content, { filename: name, contentType: type });
}

/** A hand-built multipart body, to send file names that supertest would not. */
function rawUpload(t: TestApp, token: string, appId: string, dispositionName: string) {
  const boundary = '----gis-test-boundary';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nASSOCIATION_CHARTER\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; ${dispositionName}\r\n`, 'utf8'),
    Buffer.from('Content-Type: application/pdf\r\n\r\n'),
    PDF,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return t.http
    .post(`${API}/applications/${appId}/documents`)
    .set(bearer(token))
    .set('Content-Type', `multipart/form-data; boundary=${boundary}`)
    .send(body);
}

describe('documents: upload, storage and download of dossier documents', () => {
  let t: TestApp;
  let cast: Cast;
  let appId: string;
  beforeAll(async () => {
    t = await startTestApp();
    cast = await createCast(t);
    appId = await createDraft(t, cast.owner, cast.authority.id);
  });
  afterAll(() => t.close());

  it('stores a PDF: 201 with id, kind, sanitized name, size, SHA-256 and the sniffed type; file under its hash', async () => {
    const r = await upload(t, cast.owner.token, appId, 'APPLICATION_FORM', PDF, 'Đơn đề nghị.pdf');
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      id: expect.any(String),
      kind: 'APPLICATION_FORM',
      fileName: 'Đơn đề nghị.pdf',
      size: PDF.length,
      sha256: sha(PDF),
      contentType: 'application/pdf',
      superseded: false,
    });
    const hex = sha(PDF);
    expect(existsSync(join(t.config.fileStoreDir, hex.slice(0, 2), hex.slice(2, 4), hex))).toBe(true);
    expect(tempFiles(t.config.fileStoreDir)).toEqual([]);
  });

  it('judges the type by the bytes: PNG bytes named .pdf are stored as image/png, JPEG as image/jpeg', async () => {
    const png = await upload(t, cast.owner.token, appId, 'OPERATION_PLAN', PNG, 'ke-hoach.pdf', 'application/pdf');
    expect(png.status).toBe(201);
    expect(png.body.contentType).toBe('image/png');
    const jpeg = await upload(t, cast.owner.token, appId, 'SOURCE_CONSENTS', JPEG, 'chap-thuan.png', 'image/png');
    expect(jpeg.status).toBe(201);
    expect(jpeg.body.contentType).toBe('image/jpeg');
  });

  it('refuses non-PDF/PNG/JPEG bytes with 415 whatever the name or declared type, and keeps nothing', async () => {
    const before = storedFiles(t.config.fileStoreDir).length;
    for (const [content, name, type] of [
      [Buffer.from('just some text, honestly'), 'x.pdf', 'application/pdf'],
      [Buffer.from('GIF89a....'), 'anh.png', 'image/png'],
      [Buffer.from('<html><script>alert(1)</script></html>'), 'trang.jpg', 'image/jpeg'],
      [Buffer.from('MZ\x90\x00'), 'setup.pdf', 'application/octet-stream'],
    ] as const) {
      const r = await upload(t, cast.owner.token, appId, 'ENTERPRISE_REGISTRATION', content, name, type);
      expectProblem(r, 415, 'UNSUPPORTED_MEDIA_TYPE');
    }
    expect(storedFiles(t.config.fileStoreDir)).toHaveLength(before);
    expect(tempFiles(t.config.fileStoreDir)).toEqual([]);
    const list = await t.http.get(`${API}/applications/${appId}/documents`).set(bearer(cast.owner.token));
    expect((list.body as { kind: string }[]).map((d) => d.kind)).not.toContain('ENTERPRISE_REGISTRATION');
  });

  it('a missing kind or file, a malformed kind, an extra field or a second file is a 400 naming the field', async () => {
    const noKind = await upload(t, cast.owner.token, appId, null, PDF, 'a.pdf');
    expectProblem(noKind, 400, 'VALIDATION_FAILED');
    expect(noKind.body.errors).toContainEqual(expect.objectContaining({ field: 'kind' }));

    const badKind = await upload(t, cast.owner.token, appId, '../../etc', PDF, 'a.pdf');
    expectProblem(badKind, 400, 'VALIDATION_FAILED');
    expect(badKind.body.errors).toContainEqual(expect.objectContaining({ field: 'kind' }));

    const noFile = await t.http
      .post(`${API}/applications/${appId}/documents`)
      .set(bearer(cast.owner.token))
      .field('kind', 'APPLICATION_FORM');
    expectProblem(noFile, 400, 'VALIDATION_FAILED');
    expect(noFile.body.errors).toContainEqual(expect.objectContaining({ field: 'file' }));

    const json = await t.http
      .post(`${API}/applications/${appId}/documents`)
      .set(bearer(cast.owner.token))
      .send({ kind: 'APPLICATION_FORM' });
    expectProblem(json, 400, 'VALIDATION_FAILED');
    expect(json.body.errors).toContainEqual(expect.objectContaining({ field: 'file' }));

    const extra = await upload(t, cast.owner.token, appId, 'APPLICATION_FORM', PDF, 'a.pdf').field('admin', 'true');
    expectProblem(extra, 400, 'VALIDATION_FAILED');
    expect(extra.body.errors).toContainEqual(expect.objectContaining({ field: 'admin' }));

    const two = await upload(t, cast.owner.token, appId, 'APPLICATION_FORM', PDF, 'a.pdf').attach('file', PNG, 'b.png');
    expectProblem(two, 400, 'VALIDATION_FAILED');
    expect(two.body.errors).toContainEqual(expect.objectContaining({ field: 'file' }));

    const wrongField = await t.http
      .post(`${API}/applications/${appId}/documents`)
      .set(bearer(cast.owner.token))
      .field('kind', 'APPLICATION_FORM')
      .attach('document', PDF, 'a.pdf');
    expectProblem(wrongField, 400, 'VALIDATION_FAILED');
    expect(wrongField.body.errors).toContainEqual(expect.objectContaining({ field: 'file' }));
  });

  it('keeps only a sanitized display name: paths, control characters, long names, Vietnamese', async () => {
    const cases: [string, (n: string) => void][] = [
      ['../../etc/passwd', (n) => expect(n).toBe('passwd')],
      ['..\\..\\windows\\win.ini', (n) => expect(n).toBe('win.ini')],
      ['ảnh hồ sơ.pdf', (n) => expect(n).toBe('ảnh hồ sơ.pdf')],
      [
        `${'ạ'.repeat(300)}.pdf`,
        (n) => {
          expect(Array.from(n)).toHaveLength(200);
          expect(n.endsWith('.pdf')).toBe(true);
        },
      ],
    ];
    for (const [name, check] of cases) {
      const r = await upload(t, cast.owner.token, appId, 'ASSOCIATION_CHARTER', PDF, name);
      expect(r.status).toBe(201);
      check(r.body.fileName as string);
    }
    // Control and bidi characters can only arrive encoded (RFC 5987 filename*); a raw one breaks the part header.
    const encoded = await rawUpload(t, cast.owner.token, appId, `filename*=UTF-8''bad%01na%07me%E2%80%AE.pdf`);
    expect(encoded.status).toBe(201);
    expect(encoded.body.fileName).toBe('badname.pdf');
    const raw = await rawUpload(t, cast.owner.token, appId, 'filename="bad\u0001name.pdf"');
    expectProblem(raw, 400, 'VALIDATION_FAILED');
    // Nothing but content-addressed names ever reached the store.
    for (const f of storedFiles(t.config.fileStoreDir)) expect(f).toMatch(/^[0-9a-f]{64}$/);
    expect(existsSync(join(t.config.fileStoreDir, 'passwd'))).toBe(false);
  });

  it('on a draft never submitted, a new upload of a kind replaces the previous one (issue 12)', async () => {
    // Kept once submitted: see uploads-checked-first.e2e-spec.ts.
    const first = await upload(t, cast.owner.token, appId, 'SOURCE_CONSENTS', PDF, 'v1.pdf');
    const v2 = Buffer.concat([PDF, Buffer.from('% second version\n')]);
    const second = await upload(t, cast.owner.token, appId, 'SOURCE_CONSENTS', v2, 'v2.pdf');
    expect(second.status).toBe(201);
    const current = await t.http.get(`${API}/applications/${appId}/documents`).set(bearer(cast.owner.token));
    const consents = (current.body as { id: string; kind: string }[]).filter((d) => d.kind === 'SOURCE_CONSENTS');
    expect(consents.map((d) => d.id)).toEqual([second.body.id]);
    const all = await t.http.get(`${API}/applications/${appId}/documents?all=true`).set(bearer(cast.owner.token));
    expect((all.body as { id: string }[]).map((d) => d.id)).not.toContain(first.body.id);
    const old = await t.http
      .get(`${API}/applications/${appId}/documents/${first.body.id}/content`)
      .set(bearer(cast.owner.token));
    expectProblem(old, 404, 'NOT_FOUND');
  });

  it('concurrent uploads of the same kind to a draft: all succeed, exactly one remains', async () => {
    const contents = Array.from({ length: 4 }, (_, i) => Buffer.concat([PDF, Buffer.from(`% racer ${i}\n`)]));
    const results = await Promise.all(
      contents.map((c, i) => upload(t, cast.owner.token, appId, 'OPERATION_PLAN', c, `racer-${i}.pdf`)),
    );
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    const all = await t.http.get(`${API}/applications/${appId}/documents?all=true`).set(bearer(cast.owner.token));
    const plans = (all.body as { id: string; kind: string; superseded: boolean }[]).filter(
      (d) => d.kind === 'OPERATION_PLAN',
    );
    expect(plans).toHaveLength(1);
    expect(plans[0].superseded).toBe(false);
    expect(results.map((r) => r.body.id)).toContain(plans[0].id);
  });

  it('downloads the bytes with the row type, an RFC 5987 attachment name, nosniff and the SHA-256 ETag', async () => {
    const up = await upload(t, cast.owner.token, appId, 'APPLICATION_FORM', JPEG, 'ảnh hồ sơ.pdf', 'application/pdf');
    for (const user of [cast.owner]) {
      const r = await t.http
        .get(`${API}/applications/${appId}/documents/${up.body.id}/content`)
        .set(bearer(user.token))
        .buffer(true)
        .parse((res, cb) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => cb(null, Buffer.concat(chunks)));
        });
      expect(r.status).toBe(200);
      expect(r.headers['content-type']).toBe('image/jpeg');
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      expect(r.headers['etag']).toBe(`"${sha(JPEG)}"`);
      expect(r.headers['content-disposition']).toBe(
        `attachment; filename="anh ho so.pdf"; filename*=UTF-8''%E1%BA%A3nh%20h%E1%BB%93%20s%C6%A1.pdf`,
      );
      expect(r.body).toEqual(JPEG);
    }
  });

  it("hides another organization's or authority's documents (404), and refuses uploads by staff (403)", async () => {
    const up = await upload(t, cast.owner.token, appId, 'APPLICATION_FORM', PDF, 'a.pdf');
    const stranger = await registerOwner(t);
    const otherCast = await createCast(t);
    for (const user of [stranger, otherCast.appraiser]) {
      const r = await t.http
        .get(`${API}/applications/${appId}/documents/${up.body.id}/content`)
        .set(bearer(user.token));
      expectProblem(r, 404, 'NOT_FOUND');
      const u = await upload(t, user.token, appId, 'APPLICATION_FORM', PDF, 'a.pdf');
      expectProblem(u, user.role === 'site_owner' ? 404 : 403);
    }
    // A document id of another dossier is not found through this one.
    const otherApp = await createDraft(t, otherCast.owner, otherCast.authority.id);
    const theirs = await upload(t, otherCast.owner.token, otherApp, 'APPLICATION_FORM', PNG, 'b.png');
    const cross = await t.http
      .get(`${API}/applications/${appId}/documents/${theirs.body.id}/content`)
      .set(bearer(cast.owner.token));
    expectProblem(cross, 404, 'NOT_FOUND');
    const staffUpload = await upload(t, cast.appraiser.token, appId, 'APPLICATION_FORM', PDF, 'a.pdf');
    expectProblem(staffUpload, 403, 'FORBIDDEN');
    expectProblem(await t.http.get(`${API}/applications/${appId}/documents/${up.body.id}/content`), 401);
  });

  it("once the dossier is submitted, its authority's staff download it too", async () => {
    const reg = await upload(t, cast.owner.token, appId, 'ENTERPRISE_REGISTRATION', PNG, 'dkkd.png');
    expect(reg.status).toBe(201);
    const submit = await t.http
      .post(`${API}/applications/${appId}/transitions`)
      .set(bearer(cast.owner.token))
      .send({ event: 'SUBMIT' });
    expect(submit.status).toBe(200);
    for (const user of [cast.appraiser, cast.approver]) {
      const r = await t.http
        .get(`${API}/applications/${appId}/documents/${reg.body.id}/content`)
        .set(bearer(user.token));
      expect(r.status).toBe(200);
      expect(r.headers['content-type']).toBe('image/png');
    }
    // Documents of a submitted dossier cannot be changed by upload any more.
    const late = await upload(t, cast.owner.token, appId, 'ENTERPRISE_REGISTRATION', PNG, 'dkkd.png');
    expect(late.status).toBe(409);
  });

  it('uploads are audited as document.uploaded on the application', async () => {
    const r = await t.http
      .get(`${API}/audit?entityType=application&entityId=${appId}&pageSize=100`)
      .set(bearer(t.adminToken));
    const uploads = (r.body.items as { action: string; data: Record<string, unknown> }[]).filter(
      (e) => e.action === 'document.uploaded',
    );
    expect(uploads.length).toBeGreaterThan(5);
    expect(uploads[0].data).toMatchObject({
      kind: 'APPLICATION_FORM',
      sha256: sha(PDF),
      contentType: 'application/pdf',
    });
  });

  it('the sweeper deletes files no row references and never one that a row references', async () => {
    const service = t.app.get(DocumentsService);
    // A draft's replaced upload leaves its file unreferenced: an orphan.
    const draft = await createDraft(t, cast.owner, cast.authority.id);
    const orphanBytes = Buffer.concat([PNG, Buffer.from('orphan')]);
    expect((await upload(t, cast.owner.token, draft, 'ASSOCIATION_CHARTER', orphanBytes, 'x.png')).status).toBe(201);
    const replacement = Buffer.concat([PDF, Buffer.from('% charter\n')]);
    expect((await upload(t, cast.owner.token, draft, 'ASSOCIATION_CHARTER', replacement, 'y.pdf')).status).toBe(201);
    expect(storedFiles(t.config.fileStoreDir)).toContain(sha(orphanBytes));
    // What rows reference (the drafts' replaced versions earlier in this file are orphans too).
    const referencedBefore = ((await t.ds.query(`SELECT DISTINCT sha256 FROM documents`)) as { sha256: string }[]).map(
      (r) => r.sha256,
    );
    expect(referencedBefore).not.toContain(sha(orphanBytes));

    const result = await service.sweepOrphans(0);
    expect(result.deleted).toBeGreaterThanOrEqual(1);
    expect(storedFiles(t.config.fileStoreDir)).not.toContain(sha(orphanBytes));
    expect(storedFiles(t.config.fileStoreDir).sort()).toEqual(referencedBefore.sort());
    // Every document still downloads.
    const all = await t.http.get(`${API}/applications/${appId}/documents?all=true`).set(bearer(cast.owner.token));
    for (const d of all.body as { id: string }[]) {
      const r = await t.http
        .get(`${API}/applications/${appId}/documents/${d.id}/content`)
        .set(bearer(cast.owner.token));
      expect(r.status).toBe(200);
    }
  });
});

describe('documents: size limit', () => {
  let t: TestApp;
  let cast: Cast;
  let appId: string;
  beforeAll(async () => {
    t = await startTestApp({ env: { UPLOAD_MAX_BYTES: '2048' } });
    cast = await createCast(t);
    appId = await createDraft(t, cast.owner, cast.authority.id);
  });
  afterAll(() => t.close());

  it('a file over UPLOAD_MAX_BYTES is a 413 and leaves no row, no file and no temp file', async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(4096, 0x20)]);
    const r = await upload(t, cast.owner.token, appId, 'APPLICATION_FORM', big, 'lon.pdf');
    expectProblem(r, 413, 'PAYLOAD_TOO_LARGE');
    expect(storedFiles(t.config.fileStoreDir)).toEqual([]);
    expect(tempFiles(t.config.fileStoreDir)).toEqual([]);
    const list = await t.http.get(`${API}/applications/${appId}/documents?all=true`).set(bearer(cast.owner.token));
    expect(list.body).toEqual([]);
  });

  it('a file of exactly UPLOAD_MAX_BYTES is accepted', async () => {
    const exact = Buffer.concat([PDF, Buffer.alloc(2048 - PDF.length, 0x20)]);
    const r = await upload(t, cast.owner.token, appId, 'APPLICATION_FORM', exact, 'vua.pdf');
    expect(r.status).toBe(201);
    expect(r.body.size).toBe(2048);
  });
});
