import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  bearer,
  Cast,
  createApplication,
  createCast,
  expectProblem,
  fileApplicationTo,
  fireApplicationOk,
  registerOwner,
  samplePdf,
  uploadDocument,
} from '../support/factories';
import { API, startTestApp, TestApp } from '../support/test-app';

/** Every file under the store (stored contents and temp files): what an upload left on disk. */
function filesOnDisk(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    let names: string[];
    try {
      names = readdirSync(d);
    } catch {
      return; // not created yet
    }
    for (const n of names) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

/** A PDF of about `bytes` bytes, distinct per call (no content-addressed sharing). */
function pdfOf(bytes: number, seed: string): Buffer {
  const head = samplePdf(seed);
  return Buffer.concat([head, Buffer.alloc(Math.max(0, bytes - head.length), 0x20)]);
}

describe('uploads are checked before a byte is stored; quota; a draft keeps only its latest version', () => {
  let t: TestApp;
  let cast: Cast;
  const QUOTA = 64 * 1024;
  beforeAll(async () => {
    t = await startTestApp({ env: { ORGANIZATION_STORAGE_QUOTA_BYTES: String(QUOTA) } });
    cast = await createCast(t);
  });
  afterAll(() => t.close());

  it.each([
    ['to a dossier id that does not exist', 404, 'NOT_FOUND', () => '00000000-0000-4000-8000-000000000000'],
    ['to a dossier that is not a UUID', 404, 'NOT_FOUND', () => 'not-a-uuid'],
  ])('%s: %i, nothing on disk', async (_label, status, code, id) => {
    const before = filesOnDisk(t.config.fileStoreDir);
    const r = await uploadDocument(t, cast.owner.token, id(), 'APPLICATION_FORM', pdfOf(2 * 1024 * 1024, 'x'));
    expectProblem(r, status, code);
    expect(filesOnDisk(t.config.fileStoreDir)).toEqual(before);
  });

  it('to another organization’s dossier: 404, nothing on disk', async () => {
    const app = await createApplication(t, cast.owner, cast.authority.id);
    const stranger = await registerOwner(t);
    const before = filesOnDisk(t.config.fileStoreDir);
    const r = await uploadDocument(t, stranger.token, app.id, 'APPLICATION_FORM', pdfOf(512 * 1024, 'y'));
    expectProblem(r, 404, 'NOT_FOUND');
    expect(filesOnDisk(t.config.fileStoreDir)).toEqual(before);
  });

  it('to a submitted dossier (not editable): 409; of a kind the dossier does not take: 422; nothing on disk', async () => {
    const submitted = await fileApplicationTo(t, cast, 'SUBMITTED');
    const draft = await createApplication(t, cast.owner, cast.authority.id);
    const before = filesOnDisk(t.config.fileStoreDir);
    expectProblem(
      await uploadDocument(t, cast.owner.token, submitted.id, 'APPLICATION_FORM', pdfOf(4096, 'z')),
      409,
      'NOT_EDITABLE',
    );
    expectProblem(
      await uploadDocument(t, cast.owner.token, draft.id, 'NOT_A_KIND', pdfOf(4096, 'w')),
      422,
      'UNKNOWN_DOCUMENT_KIND',
    );
    expect(filesOnDisk(t.config.fileStoreDir)).toEqual(before);
    // The contract does not order the fields: a kind sent after the file is still accepted (checked after the body).
    const late = await t.http
      .post(`${API}/applications/${draft.id}/documents`)
      .set(bearer(cast.owner.token))
      .attach('file', pdfOf(4096, 'v'), 'a.pdf')
      .field('kind', 'APPLICATION_FORM');
    expect(late.status).toBe(201);
    expect(late.body).toMatchObject({ kind: 'APPLICATION_FORM', contentType: 'application/pdf' });
    const lateWrongKind = await t.http
      .post(`${API}/applications/${draft.id}/documents`)
      .set(bearer(cast.owner.token))
      .attach('file', pdfOf(4096, 'u'), 'b.pdf')
      .field('kind', 'NOT_A_KIND');
    expectProblem(lateWrongKind, 422, 'UNKNOWN_DOCUMENT_KIND');
  });

  it('a draft keeps only its latest version of a kind; once submitted every version is kept', async () => {
    const app = await fileApplicationTo(t, cast, 'DRAFT');
    const docs = async () =>
      (await t.http.get(`${API}/applications/${app.id}/documents?all=true`).set(bearer(cast.owner.token))).body as {
        kind: string;
        superseded: boolean;
      }[];
    const countOf = async (kind: string) => (await docs()).filter((d) => d.kind === kind).length;
    expect(await countOf('APPLICATION_FORM')).toBe(1);
    for (const seed of ['v2', 'v3']) {
      const r = await uploadDocument(t, cast.owner.token, app.id, 'APPLICATION_FORM', pdfOf(2048, seed));
      expect(r.status).toBe(201);
    }
    expect(await countOf('APPLICATION_FORM')).toBe(1);

    // Submitted, then asked for a supplement: the versions the authority may have seen are kept.
    await fireApplicationOk(t, cast.owner.token, app.id, { event: 'SUBMIT' });
    await fireApplicationOk(t, cast.appraiser.token, app.id, { event: 'START_REVIEW' });
    await fireApplicationOk(t, cast.appraiser.token, app.id, {
      event: 'REQUEST_SUPPLEMENT',
      items: ['Đơn đề nghị có chữ ký'],
      reason: 'Đơn chưa ký',
    });
    const r = await uploadDocument(t, cast.owner.token, app.id, 'APPLICATION_FORM', pdfOf(2048, 'v4'));
    expect(r.status).toBe(201);
    const all = (await docs()).filter((d) => d.kind === 'APPLICATION_FORM');
    expect(all).toHaveLength(2);
    expect(all.filter((d) => d.superseded)).toHaveLength(1);
  });

  it('an organization’s documents stay within ORGANIZATION_STORAGE_QUOTA_BYTES', async () => {
    const owner = await registerOwner(t);
    const ownCast = { ...cast, owner };
    const app = await createApplication(t, owner, ownCast.authority.id);
    const first = await uploadDocument(t, owner.token, app.id, 'APPLICATION_FORM', pdfOf(40 * 1024, 'q1'));
    expect(first.status).toBe(201);
    // 40 KiB stored; another 40 KiB would pass 64 KiB.
    const over = await uploadDocument(t, owner.token, app.id, 'OPERATION_PLAN', pdfOf(40 * 1024, 'q2'));
    expectProblem(over, 422, 'STORAGE_QUOTA_EXCEEDED');
    expect(over.body).toMatchObject({ usedBytes: first.body.size, quotaBytes: QUOTA });
    const fits = await uploadDocument(t, owner.token, app.id, 'OPERATION_PLAN', pdfOf(24 * 1024, 'q3'));
    expect(fits.status).toBe(201);
    // Full (64 KiB of 64): a next upload is refused before its body is read.
    const before = filesOnDisk(t.config.fileStoreDir);
    const full = await uploadDocument(t, owner.token, app.id, 'ENTERPRISE_REGISTRATION', pdfOf(8 * 1024, 'q4'));
    expectProblem(full, 422, 'STORAGE_QUOTA_EXCEEDED');
    expect(filesOnDisk(t.config.fileStoreDir)).toEqual(before);
  });
});
