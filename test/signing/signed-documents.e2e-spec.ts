/**
 * Signed documents through the whole application: pdfsig (poppler-utils) is the outside judge.
 *   apt-get install -y poppler-utils
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Response } from 'supertest';
import { authorityP12 } from '../support/certificates';
import { bearer, createAuthority, createCast, expectProblem } from '../support/factories';
import { API, startTestApp, TestApp } from '../support/test-app';
import { approve } from '../licenses/license-fixtures';

function binary(res: Response, cb: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
}

const dir = mkdtempSync(join(tmpdir(), 'gis-signed-'));
let n = 0;

/** pdfsig's report; it prints UTF-8 names as if they were Latin-1 in some builds: undone line by line. */
function pdfsig(pdf: Buffer): string {
  const file = join(dir, `doc-${++n}.pdf`);
  writeFileSync(file, pdf);
  const r = spawnSync('pdfsig', [file], { encoding: 'utf8' });
  if (r.error) throw new Error('pdfsig is not installed: apt-get install -y poppler-utils');
  return `${r.stdout}${r.stderr}`
    .split('\n')
    .map((line) => {
      const fixed = Buffer.from(line, 'latin1').toString('utf8');
      return [...line].some((c) => c.charCodeAt(0) > 0xff) || fixed.includes('\ufffd') ? line : fixed;
    })
    .join('\n');
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const NGHE_AN = 'Sở Văn hóa, Thể thao và Du lịch Nghệ An';
const HA_TINH = 'Sở Văn hóa, Thể thao và Du lịch Hà Tĩnh';

describe('signed documents (PAdES)', () => {
  let t: TestApp;
  let cast: Awaited<ReturnType<typeof createCast>>;
  let ngheAn: { id: string };
  let devLicense: string;
  let ngheAnLicense: string;
  const ngheAnFile = join(dir, 'nghe-an.p12');
  const haTinhFile = join(dir, 'ha-tinh.p12');

  beforeAll(async () => {
    writeFileSync(ngheAnFile, authorityP12(NGHE_AN, 'mật khẩu Nghệ An'));
    writeFileSync(haTinhFile, authorityP12(HA_TINH, 'mật khẩu Hà Tĩnh'));
    process.env.SIGNING_TEST_NGHE_AN = 'mật khẩu Nghệ An';
    process.env.SIGNING_TEST_HA_TINH = 'mật khẩu Hà Tĩnh';
    t = await startTestApp();
    cast = await createCast(t);
    ngheAn = await createAuthority(t);
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const licensePdf = (app: TestApp, token: string, id: string) =>
    app.http.get(`${API}/licenses/${id}/pdf`).set(bearer(token)).buffer(true).parse(binary);
  const settings = (token: string, authorityId: string, body: Record<string, unknown>) =>
    t.http.put(`${API}/authorities/${authorityId}/signing-settings`).set(bearer(token)).send(body);
  const verify = async (app: TestApp, id: string) => {
    const l = await app.http.get(`${API}/licenses/${id}`).set(bearer(app.adminToken));
    const r = await app.http
      .get(`${API}/public/licenses/verify`)
      .query({ number: l.body.number, code: l.body.verificationCode });
    expect(r.status).toBe(200);
    return r.body;
  };

  it('without a certificate: the development certificate signs, validly, and the document says it is not valid', async () => {
    devLicense = (await approve(t, { authorityId: cast.authority.id, owner: cast.owner, approver: cast.approver }))
      .licenseId;
    const r = await licensePdf(t, cast.owner.token, devLicense);
    expect(r.status).toBe(200);
    const report = pdfsig(r.body);
    expect(report).toMatch(/Signer Certificate Common Name: gis-licensing-api development signer/);
    expect(report).toMatch(/Signature Validation: Signature is Valid/);
    expect(report).toMatch(/Total document signed/);
    const v = await verify(t, devLicense);
    expect(v.signature).toMatchObject({ status: 'VALID', valid: true, development: true, matchesRecordedDigest: true });
    expect(v.signature.signer.commonName).toBe('gis-licensing-api development signer');
    // the recorded digest is the signed file's
    const [recorded] = await t.ds.query(`SELECT pdf_sha256 FROM license_versions WHERE license_id = $1`, [devLicense]);
    expect(recorded.pdf_sha256).toBe(sha256(r.body));
  });

  it('an authority’s PKCS#12: the passphrase comes from the environment, documents name the authority', async () => {
    const set = await settings(t.adminToken, ngheAn.id, {
      certificateFile: ngheAnFile,
      passphraseEnv: 'SIGNING_TEST_NGHE_AN',
    });
    expect(set.status).toBe(200);
    expect(set.body.signer).toMatchObject({ commonName: NGHE_AN, development: false });
    expect(JSON.stringify(set.body)).not.toContain('mật khẩu');
    const audit = await t.ds.query(`SELECT data FROM audit_events WHERE action = 'authority.signing_certificate_set'`);
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain('mật khẩu');

    ngheAnLicense = (await approve(t, { authorityId: ngheAn.id, owner: cast.owner, approver: cast.approver }))
      .licenseId;
    const r = await licensePdf(t, cast.owner.token, ngheAnLicense);
    expect(r.status).toBe(200);
    const report = pdfsig(r.body);
    expect(report).toContain(`Signer Certificate Common Name: ${NGHE_AN}`);
    expect(report).toMatch(/Signature Validation: Signature is Valid/);
    const v = await verify(t, ngheAnLicense);
    expect(v.signature).toMatchObject({ status: 'VALID', valid: true, development: false });
    expect(v.signature.signer.commonName).toBe(NGHE_AN);

    // one byte of the signed range changed: invalid
    const tampered = Buffer.from(r.body as Buffer);
    const at = tampered.indexOf('/Title (');
    tampered[at + 8] ^= 0x01;
    expect(pdfsig(tampered)).toMatch(/Signature Validation: Digest Mismatch/);
  });

  it('signing settings: refused for a file that cannot sign, for non-admins, for malformed input', async () => {
    const get = () => t.http.get(`${API}/authorities/${ngheAn.id}/signing-settings`).set(bearer(t.adminToken));
    const before = await get();
    expect(before.status).toBe(200);
    expectProblem(
      await settings(t.adminToken, ngheAn.id, { certificateFile: ngheAnFile, passphraseEnv: 'SIGNING_TEST_HA_TINH' }),
      422,
      'SIGNING_CERTIFICATE_UNUSABLE',
    );
    expectProblem(
      await settings(t.adminToken, ngheAn.id, { certificateFile: ngheAnFile, passphraseEnv: 'SIGNING_TEST_UNSET' }),
      422,
      'SIGNING_CERTIFICATE_UNUSABLE',
    );
    expectProblem(
      await settings(t.adminToken, ngheAn.id, { certificateFile: join(dir, 'missing.p12') }),
      422,
      'SIGNING_CERTIFICATE_UNUSABLE',
    );
    expectProblem(
      await settings(t.adminToken, ngheAn.id, { certificateFile: ngheAnFile, passphraseEnv: 'JWT_SECRET' }),
      400,
    );
    expectProblem(await settings(t.adminToken, ngheAn.id, { certificateFile: 'relative.p12' }), 400);
    expectProblem(await settings(t.adminToken, ngheAn.id, { certificateFile: ngheAnFile, extra: 1 }), 400);
    expectProblem(await settings(t.adminToken, ngheAn.id, {}), 400);
    expectProblem(await settings(cast.approver.token, ngheAn.id, { certificateFile: null }), 403);
    expectProblem(
      await t.http.get(`${API}/authorities/${ngheAn.id}/signing-settings`).set(bearer(cast.owner.token)),
      403,
    );
    expectProblem(await t.http.get(`${API}/authorities/${ngheAn.id}/signing-settings`), 401);
    expectProblem(await settings(t.adminToken, '00000000-0000-4000-8000-000000000000', { certificateFile: null }), 404);
    expect((await get()).body).toEqual(before.body);
    const dev = await t.http.get(`${API}/authorities/${cast.authority.id}/signing-settings`).set(bearer(t.adminToken));
    expect(dev.body).toMatchObject({ certificateFile: null, passphraseEnv: null, signer: { development: true } });
  });

  it('survives a second replica and a restart; another authority’s certificate is reported as such', async () => {
    const [dev, signed] = await Promise.all(
      [devLicense, ngheAnLicense].map(async (id) => {
        const r = await licensePdf(t, cast.owner.token, id);
        return r.body as Buffer;
      }),
    );
    const replica = await startTestApp({ databaseName: t.database });
    let restarted: TestApp | undefined;
    try {
      // the same version is the same bytes on a second replica (its own cache, the certificates read from files)
      expect(sha256((await licensePdf(replica, cast.owner.token, devLicense)).body)).toBe(sha256(dev));
      expect(sha256((await licensePdf(replica, cast.owner.token, ngheAnLicense)).body)).toBe(sha256(signed));

      // the authority's file is replaced by another authority's certificate; an instance started afterwards
      // (nothing cached) signs with what the settings now name, and the verification says so
      expect(
        (
          await settings(t.adminToken, ngheAn.id, {
            certificateFile: haTinhFile,
            passphraseEnv: 'SIGNING_TEST_HA_TINH',
          })
        ).status,
      ).toBe(200);
      restarted = await startTestApp({ databaseName: t.database });
      expect(sha256((await licensePdf(restarted, cast.owner.token, devLicense)).body)).toBe(sha256(dev));
      const r = await licensePdf(restarted, cast.owner.token, ngheAnLicense);
      expect(pdfsig(r.body)).toContain(`Signer Certificate Common Name: ${HA_TINH}`);
      const v = await verify(restarted, ngheAnLicense);
      expect(v.signature).toMatchObject({ status: 'SIGNER_MISMATCH', valid: false, matchesRecordedDigest: false });
      expect(v.signature.signer.commonName).toBe(HA_TINH);
    } finally {
      await restarted?.close();
      await replica.close();
    }
  });
});
