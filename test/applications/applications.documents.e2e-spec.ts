import { createHash } from 'node:crypto';
import {
  bearer,
  Cast,
  createApplication,
  createCast,
  expectProblem,
  fileApplicationTo,
  fireApplicationOk,
  requirementKinds,
  samplePdf,
  samplePng,
  uploadDocument,
} from '../support/factories';
import { API, startTestApp, TestApp } from '../support/test-app';

describe('applications: dossier documents', () => {
  let t: TestApp;
  let cast: Cast;
  let other: Cast;
  beforeAll(async () => {
    t = await startTestApp();
    [cast, other] = await Promise.all([createCast(t), createCast(t)]);
  });
  afterAll(() => t.close());

  const download = (appId: string, docId: string, token: string) =>
    t.http
      .get(`${API}/applications/${appId}/documents/${docId}/content`)
      .set(bearer(token))
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });

  const get = (appId: string, docId: string, token: string) =>
    t.http.get(`${API}/applications/${appId}/documents/${docId}/content`).set(bearer(token));

  it('uploads each required kind, lists them on the application and downloads the same bytes', async () => {
    const app = await createApplication(t, cast.owner, cast.authority.id);
    const kinds = await requirementKinds(t);
    const uploaded: Record<string, { id: string; sha256: string }> = {};
    for (const kind of kinds) {
      const file = kind === 'OPERATION_PLAN' ? samplePng() : samplePdf(kind);
      const r = await uploadDocument(t, cast.owner.token, app.id, kind, file, `${kind}.bin`);
      expect(r.status).toBe(201);
      expect(r.body).toMatchObject({
        id: expect.any(String),
        kind,
        fileName: `${kind}.bin`,
        size: file.length,
        sha256: createHash('sha256').update(file).digest('hex'),
        contentType: kind === 'OPERATION_PLAN' ? 'image/png' : 'application/pdf',
      });
      uploaded[kind] = r.body;
    }
    const read = await t.http.get(`${API}/applications/${app.id}`).set(bearer(cast.owner.token));
    expect(read.body.documents.map((d: { kind: string }) => d.kind).sort()).toEqual([...kinds].sort());

    const got = await download(app.id, uploaded.APPLICATION_FORM.id, cast.owner.token);
    expect(got.status).toBe(200);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(
      createHash('sha256')
        .update(got.body as Buffer)
        .digest('hex'),
    ).toBe(uploaded.APPLICATION_FORM.sha256);

    // Staff of the authority read the documents once the dossier is filed; nobody else ever does.
    await fireApplicationOk(t, cast.owner.token, app.id, { event: 'SUBMIT' });
    expect((await download(app.id, uploaded.APPLICATION_FORM.id, cast.appraiser.token)).status).toBe(200);
    expectProblem(await get(app.id, uploaded.APPLICATION_FORM.id, other.appraiser.token), 404, 'NOT_FOUND');
    expectProblem(await get(app.id, uploaded.APPLICATION_FORM.id, other.owner.token), 404, 'NOT_FOUND');
    const foreign = await fileApplicationTo(t, other, 'SUBMITTED');
    // A document id under another application's path names nothing.
    expectProblem(await get(foreign.id, uploaded.APPLICATION_FORM.id, other.owner.token), 404, 'NOT_FOUND');
    expectProblem(await get(app.id, '00000000-0000-4000-8000-000000000000', cast.owner.token), 404);
  });

  it('judges the type by the bytes: a text file named .pdf is 415 and leaves nothing behind', async () => {
    const app = await createApplication(t, cast.owner, cast.authority.id);
    const r = await uploadDocument(
      t,
      cast.owner.token,
      app.id,
      'APPLICATION_FORM',
      Buffer.from('not a pdf at all'),
      'don.pdf',
    );
    expectProblem(r, 415, 'UNSUPPORTED_MEDIA_TYPE');
    const rows = await t.ds.query(`SELECT count(*)::int AS n FROM documents WHERE owner_id = $1`, [app.id]);
    expect(rows[0].n).toBe(0);
  });

  it('a missing kind or file is 400; a kind the type does not list is 422 UNKNOWN_DOCUMENT_KIND', async () => {
    const app = await createApplication(t, cast.owner, cast.authority.id);
    const noKind = await t.http
      .post(`${API}/applications/${app.id}/documents`)
      .set(bearer(cast.owner.token))
      .attach('file', samplePdf(), 'a.pdf');
    expectProblem(noKind, 400, 'VALIDATION_FAILED');
    expect(noKind.body.errors.map((e: { field: string }) => e.field)).toContain('kind');
    const noFile = await t.http
      .post(`${API}/applications/${app.id}/documents`)
      .set(bearer(cast.owner.token))
      .field('kind', 'APPLICATION_FORM');
    expectProblem(noFile, 400, 'VALIDATION_FAILED');
    const unknown = await uploadDocument(t, cast.owner.token, app.id, 'EXTENSION_REQUEST');
    expectProblem(unknown, 422, 'UNKNOWN_DOCUMENT_KIND');
    expect(unknown.body.kinds).toEqual(await requirementKinds(t, 'NEW', false));
  });

  it('only the owner uploads (403), only to their own dossier (404), only while editable (409)', async () => {
    const app = await fileApplicationTo(t, cast, 'SUBMITTED');
    expectProblem(await uploadDocument(t, cast.owner.token, app.id, 'ASSOCIATION_CHARTER'), 409, 'NOT_EDITABLE');
    expectProblem(await uploadDocument(t, cast.appraiser.token, app.id, 'ASSOCIATION_CHARTER'), 403, 'FORBIDDEN');
    expectProblem(await uploadDocument(t, other.owner.token, app.id, 'ASSOCIATION_CHARTER'), 404, 'NOT_FOUND');
    // Back in SUPPLEMENT_REQUESTED the owner may add documents again.
    await fireApplicationOk(t, cast.appraiser.token, app.id, { event: 'START_REVIEW' });
    await fireApplicationOk(t, cast.appraiser.token, app.id, {
      event: 'REQUEST_SUPPLEMENT',
      items: ['Điều lệ hoạt động'],
      reason: 'Tổ chức là hội, cần điều lệ',
    });
    const r = await uploadDocument(t, cast.owner.token, app.id, 'ASSOCIATION_CHARTER');
    expect(r.status).toBe(201);
    const audit = await t.http.get(`${API}/audit?entityType=application&entityId=${app.id}`).set(bearer(t.adminToken));
    expect(audit.body.items.filter((a: { action: string }) => a.action === 'document.uploaded')).toHaveLength(5);
  });
});
