import { readFile } from 'node:fs/promises';
import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { AuthoritiesRepository } from '../authorities/authorities.repository';
import type { Authority } from '../authorities/authority.entity';
import { APP_CONFIG, AppConfig } from '../config/config';
import { DomainError } from '../common/domain-error';
import { developmentSigner } from './development-certificate';
import { DocumentSigner, SignerIdentity } from './document-signer';
import { DocumentSignatureDto, SignerIdentityDto, SigningSettingsDto, SigningSettingsView } from './dto/signing.dto';
import { P12DocumentSigner, UnusableCertificateError } from './p12-signer';
import { checkPdfSignature } from './pdf-signature';

export const SIGNATURE_FORMAT = 'PAdES-B-B (ETSI.CAdES.detached, SHA-256)';

type SigningConfig = Pick<Authority, 'signingCertificateFile' | 'signingPassphraseEnv'>;

export function signerIdentityView(i: SignerIdentity): SignerIdentityDto {
  return {
    subject: i.subject,
    commonName: i.commonName,
    organization: i.organization,
    issuer: i.issuer,
    serialNumber: i.serialNumber,
    notBefore: i.notBefore.toISOString(),
    notAfter: i.notAfter.toISOString(),
    fingerprintSha256: i.fingerprintSha256,
    development: i.development,
  };
}

/**
 * Which certificate signs an authority's documents (its PKCS#12 file, or the installation's development
 * certificate), and what a signed document's signature says.
 */
@Injectable()
export class DocumentSigning implements OnModuleInit {
  private readonly logger = new Logger(DocumentSigning.name);
  private dev?: DocumentSigner;
  /** Opened PKCS#12 files, by file and passphrase variable: opening one costs a key derivation. */
  private readonly opened = new Map<string, Promise<DocumentSigner>>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly authorities: AuthoritiesRepository,
    private readonly audit: AuditService,
  ) {}

  /** Creates (first start) or reads the development certificate, so that every replica signs alike. */
  async onModuleInit(): Promise<void> {
    const { signer, created } = await developmentSigner(this.config.signingDevDir);
    this.dev = signer;
    if (created) {
      this.logger.warn(
        `Created a self-signed development signing certificate (${signer.identity.fingerprintSha256.slice(0, 16)}…)` +
          (this.config.signingDevDir ? ` in ${this.config.signingDevDir}` : ' in memory') +
          ': documents of authorities without a certificate of their own are marked not valid for use',
      );
    }
  }

  get development(): DocumentSigner {
    if (!this.dev) throw new Error('DocumentSigning used before module init');
    return this.dev;
  }

  /** The signer of an authority's documents. 503 when its configured file can no longer be used. */
  async signerFor(authority: SigningConfig): Promise<DocumentSigner> {
    if (!authority.signingCertificateFile) return this.development;
    try {
      return await this.open(authority.signingCertificateFile, authority.signingPassphraseEnv);
    } catch (e) {
      if (!(e instanceof UnusableCertificateError)) throw e;
      this.logger.error(`Signing certificate ${authority.signingCertificateFile}: ${e.message}`);
      throw new DomainError(
        'SIGNING_UNAVAILABLE',
        503,
        'The authority’s signing certificate cannot be used; the administrators have been told',
      );
    }
  }

  private open(file: string, passphraseEnv: string | null): Promise<DocumentSigner> {
    const key = `${file}\0${passphraseEnv ?? ''}`;
    let signer = this.opened.get(key);
    if (!signer) {
      signer = (async () => {
        let bytes: Buffer;
        try {
          bytes = await readFile(file);
        } catch (e) {
          throw new UnusableCertificateError(
            `The file cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`,
          );
        }
        const passphrase = passphraseEnv ? process.env[passphraseEnv] : '';
        if (passphrase === undefined) {
          throw new UnusableCertificateError(`The environment variable ${passphraseEnv} is not set on this server`);
        }
        return new P12DocumentSigner(bytes, passphrase);
      })();
      this.opened.set(key, signer);
      // A failure is not cached: the operator may fix the file or the environment and retry.
      signer.catch(() => this.opened.delete(key));
    }
    return signer;
  }

  async settings(authorityId: string): Promise<SigningSettingsView> {
    const a = await this.authorities.findById(authorityId);
    if (!a) throw DomainError.notFound('Authority');
    return this.settingsView(a, await this.signerFor(a));
  }

  /**
   * Names the authority's certificate file. The file is opened first: a path that cannot sign (unreadable, wrong
   * passphrase, no RSA key) is refused with 422 and nothing changes.
   */
  async setSettings(
    authorityId: string,
    dto: SigningSettingsDto,
    admin: AuthenticatedUser,
  ): Promise<SigningSettingsView> {
    const file = dto.certificateFile;
    const env = file ? (dto.passphraseEnv ?? null) : null;
    let signer: DocumentSigner = this.development;
    if (file) {
      this.opened.delete(`${file}\0${env ?? ''}`); // re-read: the file may have been replaced
      try {
        signer = await this.open(file, env);
      } catch (e) {
        if (!(e instanceof UnusableCertificateError)) throw e;
        throw DomainError.rule('SIGNING_CERTIFICATE_UNUSABLE', e.message, {
          errors: [{ field: 'certificateFile', message: e.message }],
        });
      }
    }
    return this.dataSource.transaction(async (em) => {
      const a = await this.authorities.findById(authorityId, em);
      if (!a) throw DomainError.notFound('Authority');
      await em.query(
        `UPDATE authorities SET signing_certificate_file = $2, signing_passphrase_env = $3 WHERE id = $1`,
        [a.id, file, env],
      );
      await this.audit.record(em, {
        actor: admin,
        action: 'authority.signing_certificate_set',
        entityType: 'authority',
        entityId: a.id,
        authorityId: a.id,
        data: { certificateFile: file, passphraseEnv: env, fingerprintSha256: signer.identity.fingerprintSha256 },
      });
      return this.settingsView({ signingCertificateFile: file, signingPassphraseEnv: env }, signer);
    });
  }

  private settingsView(a: SigningConfig, signer: DocumentSigner): SigningSettingsView {
    return {
      certificateFile: a.signingCertificateFile,
      passphraseEnv: a.signingPassphraseEnv,
      signer: signerIdentityView(signer.identity),
    };
  }

  /**
   * What a document's signature says. `recordedFingerprint`: the certificate the document was signed with at
   * issuance (null: issued before documents were signed).
   */
  report(pdf: Buffer, recordedFingerprint: string | null): DocumentSignatureDto {
    const check = checkPdfSignature(pdf);
    let status: DocumentSignatureDto['status'] = check.status;
    if (check.status === 'VALID' && recordedFingerprint && check.signer?.fingerprintSha256 !== recordedFingerprint) {
      status = 'SIGNER_MISMATCH';
    }
    return {
      status,
      valid: status === 'VALID',
      signer: check.signer ? signerIdentityView(check.signer) : null,
      signedAt: check.signedAt?.toISOString() ?? null,
      development: check.signer?.development ?? false,
      format: SIGNATURE_FORMAT,
    };
  }
}
