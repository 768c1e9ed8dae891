import { createHash, KeyObject, sign as rsaSign, verify as rsaVerify, X509Certificate } from 'node:crypto';
import forge from 'node-forge';

/**
 * CMS SignedData for PAdES baseline B-B (ETSI EN 319 142-1 §6.3), built with node-forge's ASN.1 encoder and signed
 * with Node's crypto. forge's own PKCS#7 signer cannot add the signing-certificate-v2 attribute that B-B requires,
 * and always adds a signing-time attribute, which B-B forbids (the claimed time is the signature dictionary's /M).
 */

const { asn1 } = forge;
const U = asn1.Class.UNIVERSAL;
const T = asn1.Type;

export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
} as const;

type Asn1 = forge.asn1.Asn1;

const oid = (o: string): Asn1 => asn1.create(U, T.OID, false, asn1.oidToDer(o).getBytes());
const seq = (items: Asn1[]): Asn1 => asn1.create(U, T.SEQUENCE, true, items);
const set = (items: Asn1[]): Asn1 => asn1.create(U, T.SET, true, items);
const octets = (b: Buffer): Asn1 => asn1.create(U, T.OCTETSTRING, false, b.toString('binary'));
const int = (n: number): Asn1 => asn1.create(U, T.INTEGER, false, asn1.integerToDer(n).getBytes());
const nul = (): Asn1 => asn1.create(U, T.NULL, false, '');
const der = (a: Asn1): Buffer => Buffer.from(asn1.toDer(a).getBytes(), 'binary');
// parseAllBytes: false: the PDF pads the message with zeros after its end (the typings know only `strict`).
const fromDer = (b: Buffer): Asn1 =>
  asn1.fromDer(forge.util.createBuffer(b.toString('binary')), { parseAllBytes: false } as unknown as boolean);
const attribute = (type: string, value: Asn1): Asn1 => seq([oid(type), set([value])]);

/** DER orders the members of a SET OF by their encodings (X.690 §11.6). */
function derSet(items: Asn1[], tagClass = U, type: number = T.SET): Asn1 {
  const sorted = items.map((i) => ({ i, d: der(i) })).sort((a, b) => Buffer.compare(a.d, b.d));
  return asn1.create(
    tagClass,
    type,
    true,
    sorted.map((x) => x.i),
  );
}

export interface CmsSigningKey {
  privateKey: KeyObject;
  certificateDer: Buffer;
  /** Further certificates of the chain (intermediate CAs), embedded after the signer's. */
  chainDer?: Buffer[];
}

/** A detached CMS SignedData over `content`. Deterministic for RSA keys (PKCS#1 v1.5). */
export function signDetachedCms(content: Buffer, key: CmsSigningKey): Buffer {
  if (key.privateKey.asymmetricKeyType !== 'rsa') {
    // ECDSA and RSA-PSS draw a random number per signature: the same document would not give the same bytes.
    throw new RangeError('Only RSA keys can sign documents (the signature must be deterministic)');
  }
  const cert = fromDer(key.certificateDer);
  const tbs = (cert.value as Asn1[])[0].value as Asn1[];
  // tbsCertificate: [0] version (v2/v3), serialNumber, signature, issuer, …
  const offset = tbs[0].tagClass === asn1.Class.CONTEXT_SPECIFIC ? 1 : 0;
  const serial = tbs[offset];
  const issuer = tbs[offset + 2];
  const sha256Alg = seq([oid(OID.sha256), nul()]);

  const attrs = [
    attribute(OID.contentType, oid(OID.data)),
    attribute(OID.messageDigest, octets(createHash('sha256').update(content).digest())),
    // SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 }; ESSCertIDv2 with the default
    // hash algorithm (SHA-256): SEQUENCE { certHash, issuerSerial } (RFC 5035).
    attribute(
      OID.signingCertificateV2,
      seq([
        seq([
          seq([
            octets(createHash('sha256').update(key.certificateDer).digest()),
            seq([seq([asn1.create(asn1.Class.CONTEXT_SPECIFIC, 4, true, [issuer])]), serial]),
          ]),
        ]),
      ]),
    ),
  ];
  // The signature covers the attributes encoded as a SET OF (RFC 5652 §5.4); the message carries them as [0].
  const signedAttrs = derSet(attrs);
  const signature = rsaSign('sha256', der(signedAttrs), key.privateKey);
  const signerInfo = seq([
    int(1),
    seq([issuer, serial]),
    sha256Alg,
    derSet(attrs, asn1.Class.CONTEXT_SPECIFIC, 0),
    seq([oid(OID.rsaEncryption), nul()]),
    octets(signature),
  ]);
  const certificates = [key.certificateDer, ...(key.chainDer ?? [])].map(fromDer);
  const signedData = seq([
    int(1),
    set([sha256Alg]),
    seq([oid(OID.data)]),
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, certificates),
    set([signerInfo]),
  ]);
  return der(seq([oid(OID.signedData), asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [signedData])]));
}

export interface CmsCheck {
  /** The signer's certificate (the one the signer info names), DER; null when the message names none we can find. */
  signerCertificateDer: Buffer | null;
  /** The message digest attribute equals SHA-256 of the content. */
  digestMatches: boolean;
  /** The signature over the signed attributes verifies with the certificate's public key. */
  signatureValid: boolean;
  /** The signing-time attribute, if the message has one (PAdES B-B messages made here have none). */
  signingTime: Date | null;
}

function bytesOf(a: Asn1): Buffer {
  return Buffer.from(a.value as string, 'binary');
}

function oidOf(a: Asn1): string {
  return asn1.derToOid(forge.util.createBuffer(a.value as string));
}

/**
 * Checks a detached CMS SignedData against its content: digest and signature (SHA-256 with RSA or ECDSA, whatever
 * the certificate's key is). Chain and revocation are not judged here. Throws RangeError on a malformed message.
 */
export function checkDetachedCms(cms: Buffer, content: Buffer): CmsCheck {
  let signedData: Asn1[];
  try {
    const ci = fromDer(cms).value as Asn1[];
    if (oidOf(ci[0]) !== OID.signedData) throw new RangeError('not SignedData');
    signedData = ((ci[1].value as Asn1[])[0].value as Asn1[]) ?? [];
  } catch (e) {
    throw new RangeError(`Malformed CMS message: ${(e as Error).message}`, { cause: e });
  }
  const certs = signedData.find((x) => x.tagClass === asn1.Class.CONTEXT_SPECIFIC && x.type === 0);
  const signerInfos = signedData[signedData.length - 1].value as Asn1[];
  const si = signerInfos[0]?.value as Asn1[] | undefined;
  if (!si) throw new RangeError('Malformed CMS message: no signer info');
  const sid = si[1].value as Asn1[];
  const sidSerial = der(sid[1]);
  let signerCertificateDer: Buffer | null = null;
  for (const c of (certs?.value as Asn1[] | undefined) ?? []) {
    const tbs = (c.value as Asn1[])[0].value as Asn1[];
    const offset = tbs[0].tagClass === asn1.Class.CONTEXT_SPECIFIC ? 1 : 0;
    if (der(tbs[offset]).equals(sidSerial) && der(tbs[offset + 2]).equals(der(sid[0]))) {
      signerCertificateDer = der(c);
      break;
    }
  }
  const attrs = si.find((x) => x.tagClass === asn1.Class.CONTEXT_SPECIFIC && x.type === 0);
  const signature = bytesOf(si[si.length - 1]);
  let digestMatches = false;
  let signingTime: Date | null = null;
  let signed: Buffer;
  if (attrs) {
    for (const a of attrs.value as Asn1[]) {
      const [type, values] = a.value as Asn1[];
      const v = (values.value as Asn1[])[0];
      if (oidOf(type) === OID.messageDigest) {
        digestMatches = bytesOf(v).equals(createHash('sha256').update(content).digest());
      } else if (oidOf(type) === OID.signingTime) {
        signingTime =
          v.type === T.UTCTIME ? asn1.utcTimeToDate(v.value as string) : asn1.generalizedTimeToDate(v.value as string);
      }
    }
    signed = der(asn1.create(U, T.SET, true, attrs.value as Asn1[]));
  } else {
    signed = content;
    digestMatches = true;
  }
  let signatureValid = false;
  if (signerCertificateDer) {
    try {
      const key = new X509Certificate(signerCertificateDer).publicKey;
      signatureValid = rsaVerify('sha256', signed, key, signature);
    } catch {
      signatureValid = false;
    }
  }
  return { signerCertificateDer, digestMatches, signatureValid, signingTime };
}
