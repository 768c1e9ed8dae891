import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import forge from 'node-forge';
import { DEVELOPMENT_OU } from './document-signer';
import { P12DocumentSigner } from './p12-signer';

export const DEVELOPMENT_P12 = 'development-signing.p12';
/** The development file's passphrase: not a secret (the certificate is worthless by design), a format requirement. */
export const DEVELOPMENT_PASSPHRASE = 'development-only';

/**
 * A self-signed RSA certificate for an installation that has no authority certificate yet. Its subject says it is
 * not valid for use (OU = DEVELOPMENT_OU), and so do the documents it signs. Fixed validity (2000–2099): it does
 * not depend on any clock, so documents re-rendered years later still verify.
 */
export function createDevelopmentP12(): Buffer {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString());
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
  // A positive serial of 16 random bytes (RFC 5280 §4.1.2.2).
  cert.serialNumber = '01' + randomBytes(15).toString('hex');
  cert.validity.notBefore = new Date('2000-01-01T00:00:00Z');
  cert.validity.notAfter = new Date('2099-12-31T23:59:59Z');
  const subject = [
    { name: 'commonName', value: 'gis-licensing-api development signer' },
    { shortName: 'OU', value: DEVELOPMENT_OU },
    { name: 'organizationName', value: 'gis-licensing-api' },
    { name: 'countryName', value: 'VN' },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true },
  ]);
  cert.sign(key, forge.md.sha256.create());
  const p12 = forge.pkcs12.toPkcs12Asn1(key, [cert], DEVELOPMENT_PASSPHRASE, { algorithm: '3des' });
  return Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary');
}

/**
 * The installation's development signer: read from `<dir>/development-signing.p12`, created there on first start.
 * Replicas that share the directory race to create it: the file appears whole (link of a finished temporary file,
 * which fails if another process got there first) and everyone then reads the winner's. `dir` null: in memory only
 * (an in-memory database keeps nothing across restarts either).
 */
export async function developmentSigner(dir: string | null): Promise<{ signer: P12DocumentSigner; created: boolean }> {
  if (!dir) return { signer: new P12DocumentSigner(createDevelopmentP12(), DEVELOPMENT_PASSPHRASE), created: true };
  const file = join(dir, DEVELOPMENT_P12);
  try {
    return { signer: new P12DocumentSigner(await readFile(file), DEVELOPMENT_PASSPHRASE), created: false };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(tmp, createDevelopmentP12(), { mode: 0o600 });
  let created = true;
  try {
    await link(tmp, file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    created = false;
  } finally {
    await unlink(tmp).catch(() => undefined);
  }
  return { signer: new P12DocumentSigner(await readFile(file), DEVELOPMENT_PASSPHRASE), created };
}
