import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Digitally signed documents (issue 16): each authority may name the PKCS#12 file holding its certificate and key,
 * and the environment variable that holds the file's passphrase. The passphrase itself is never stored.
 */
export class DocumentSigning1764570000000 implements MigrationInterface {
  name = 'DocumentSigning1764570000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE authorities
        ADD COLUMN signing_certificate_file text,
        ADD COLUMN signing_passphrase_env text,
        ADD CONSTRAINT authorities_signing_chk CHECK (
          (signing_certificate_file IS NOT NULL OR signing_passphrase_env IS NULL)
          AND (signing_passphrase_env IS NULL OR signing_passphrase_env ~ '^SIGNING_[A-Z0-9_]{1,64}$'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE authorities
        DROP CONSTRAINT authorities_signing_chk,
        DROP COLUMN signing_passphrase_env,
        DROP COLUMN signing_certificate_file`);
  }
}
