import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Violations no longer require a license (issue 15): their subject is a license, a site operating without one
 * (added by the unlicensed-sites migration) or an offender identified otherwise, an organization or an individual.
 * The offender's kind decides the fine range: an individual pays half of an organization's (Decree 119/2020 art. 4;
 * Decree 15/2020 art. 4). Existing rows are violations of a license by its licensee, an organization.
 */
export class ViolationSubjects1764560000000 implements MigrationInterface {
  name = 'ViolationSubjects1764560000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE violations
        ALTER COLUMN license_id DROP NOT NULL,
        ALTER COLUMN organization_id DROP NOT NULL,
        ADD COLUMN subject_kind text NOT NULL DEFAULT 'LICENSE',
        ADD COLUMN offender_kind text,
        ADD COLUMN offender_name text,
        ADD COLUMN offender_id_number text,
        ADD COLUMN offender_address text`);
    await q.query(`UPDATE violations SET offender_kind = 'ORGANIZATION'`);
    await q.query(`ALTER TABLE violations ALTER COLUMN subject_kind DROP DEFAULT`);
    await q.query(`
      ALTER TABLE violations
        ADD CONSTRAINT violations_subject_kind_chk CHECK (subject_kind IN ('LICENSE', 'UNLICENSED_SITE', 'OFFENDER')),
        -- a license's violation names the license and its licensee (an organization); no other subject names one
        ADD CONSTRAINT violations_license_subject_chk CHECK (
          (subject_kind = 'LICENSE') = (license_id IS NOT NULL)
          AND (subject_kind <> 'LICENSE' OR (organization_id IS NOT NULL AND offender_kind = 'ORGANIZATION'))),
        ADD CONSTRAINT violations_offender_kind_chk CHECK (
          offender_kind IS NULL OR offender_kind IN ('ORGANIZATION', 'INDIVIDUAL')),
        -- an offender identified otherwise has a kind and a name
        ADD CONSTRAINT violations_offender_subject_chk CHECK (
          subject_kind <> 'OFFENDER' OR (offender_kind IS NOT NULL AND length(offender_name) > 0)),
        -- nobody is fined without knowing who they are, and so which range applies
        ADD CONSTRAINT violations_sanction_offender_chk CHECK (sanctioned_at IS NULL OR offender_kind IS NOT NULL)`);
    await q.query(`CREATE INDEX violations_subject_idx ON violations (authority_id, subject_kind)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM violations WHERE subject_kind <> 'LICENSE'`);
    await q.query(`DROP INDEX violations_subject_idx`);
    await q.query(`
      ALTER TABLE violations
        DROP CONSTRAINT violations_sanction_offender_chk,
        DROP CONSTRAINT violations_offender_subject_chk,
        DROP CONSTRAINT violations_offender_kind_chk,
        DROP CONSTRAINT violations_license_subject_chk,
        DROP CONSTRAINT violations_subject_kind_chk,
        DROP COLUMN offender_address,
        DROP COLUMN offender_id_number,
        DROP COLUMN offender_name,
        DROP COLUMN offender_kind,
        DROP COLUMN subject_kind,
        ALTER COLUMN organization_id SET NOT NULL,
        ALTER COLUMN license_id SET NOT NULL`);
  }
}
