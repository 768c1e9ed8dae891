import { createPrivateKey, KeyObject } from 'node:crypto';
import forge from 'node-forge';
import { signDetachedCms } from './cms';
import { DocumentSigner, identityOf, SignerIdentity } from './document-signer';

/** A PKCS#12 file that cannot be used to sign: unreadable, wrong passphrase, no key, no matching certificate. */
export class UnusableCertificateError extends Error {}

function derOf(cert: forge.pki.Certificate): Buffer {
  return Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary');
}

/**
 * Signs with the key and certificate of a PKCS#12 file, read once (the passphrase is used to open it and not kept).
 * Only RSA keys: their PKCS#1 v1.5 signatures are deterministic, so a re-rendered document gives the same bytes.
 */
export class P12DocumentSigner implements DocumentSigner {
  readonly identity: SignerIdentity;
  readonly certificateDer: Buffer;
  private readonly privateKey: KeyObject;
  private readonly chainDer: Buffer[];

  constructor(p12: Buffer, passphrase: string) {
    let parsed: forge.pkcs12.Pkcs12Pfx;
    try {
      parsed = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(p12.toString('binary')), false, passphrase);
    } catch {
      // forge's messages may quote bytes of the file; say only what the operator needs.
      throw new UnusableCertificateError('The PKCS#12 file cannot be read (not PKCS#12, or a wrong passphrase)');
    }
    const keyBags = [
      ...(parsed.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[forge.pki.oids.pkcs8ShroudedKeyBag] ?? []),
      ...(parsed.getBags({ bagType: forge.pki.oids.keyBag })[forge.pki.oids.keyBag] ?? []),
    ];
    const key = keyBags.find((b) => b.key)?.key as forge.pki.rsa.PrivateKey | undefined;
    if (!key) throw new UnusableCertificateError('The PKCS#12 file holds no RSA private key');
    const certs = (parsed.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? [])
      .map((b) => b.cert)
      .filter((c): c is forge.pki.Certificate => !!c);
    const own = certs.find((c) => {
      const pub = c.publicKey as forge.pki.rsa.PublicKey;
      return pub.n && pub.n.compareTo(key.n) === 0 && pub.e.compareTo(key.e) === 0;
    });
    if (!own) throw new UnusableCertificateError('No certificate in the PKCS#12 file matches its private key');
    this.privateKey = createPrivateKey(forge.pki.privateKeyToPem(key));
    this.certificateDer = derOf(own);
    this.chainDer = certs.filter((c) => c !== own).map(derOf);
    this.identity = identityOf(this.certificateDer);
  }

  signDetached(content: Buffer): Promise<Buffer> {
    return Promise.resolve(
      signDetachedCms(content, {
        privateKey: this.privateKey,
        certificateDer: this.certificateDer,
        chainDer: this.chainDer,
      }),
    );
  }
}
