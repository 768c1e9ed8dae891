import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Dossier documents: immutable rows pointing at content-addressed files (SHA-256). A newer document of the same
 * owner and kind supersedes the earlier one, which stays readable.
 */
export class Documents1764483000000 implements MigrationInterface {
  name = 'Documents1764483000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE documents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        owner_type text NOT NULL,
        owner_id uuid NOT NULL,
        kind text NOT NULL,
        file_name text NOT NULL,
        content_type text NOT NULL,
        size bigint NOT NULL,
        sha256 char(64) NOT NULL,
        superseded_by uuid REFERENCES documents(id) DEFERRABLE INITIALLY DEFERRED,
        uploaded_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT documents_content_type_chk CHECK (content_type IN ('application/pdf', 'image/png', 'image/jpeg')),
        CONSTRAINT documents_size_chk CHECK (size > 0),
        CONSTRAINT documents_sha256_chk CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        CONSTRAINT documents_owner_type_chk CHECK (owner_type ~ '^[a-z][a-z_]{0,31}$'),
        CONSTRAINT documents_kind_chk CHECK (kind ~ '^[A-Z][A-Z0-9_]{0,63}$'),
        CONSTRAINT documents_file_name_chk CHECK (length(file_name) BETWEEN 1 AND 200),
        CONSTRAINT documents_not_self_superseded_chk CHECK (superseded_by IS NULL OR superseded_by <> id)
      )`);
    await q.query(`CREATE INDEX documents_owner_idx ON documents (owner_type, owner_id)`);
    // At most one current document per owner and kind (a new upload supersedes the previous one).
    await q.query(
      `CREATE UNIQUE INDEX documents_current_uq ON documents (owner_type, owner_id, kind) WHERE superseded_by IS NULL`,
    );
    // The sweeper asks "is this content referenced?".
    await q.query(`CREATE INDEX documents_sha256_idx ON documents (sha256)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE documents`);
  }
}
