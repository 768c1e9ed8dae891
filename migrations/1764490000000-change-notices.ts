import { MigrationInterface, QueryRunner } from 'typeorm';

const M = 1_000_000;

/**
 * Change notices (issue 7): a licensee notifies a new owner or head-office address within 10 working days and the
 * authority confirms within 7 (Decree 72/2013 art. 23h, as amended by Decree 27/2018). The notice is an application
 * of type CHANGE_NOTICE; this adds its particulars, its lateness, the violation opened from a late one, the
 * confirmation letters with their per-authority, per-year numbering, and a catalogue entry for late notification.
 * Runs after the reviews migration (1764489000000), whose `violations` table the application may point to.
 */
export class ChangeNotices1764490000000 implements MigrationInterface {
  name = 'ChangeNotices1764490000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE applications
        ADD COLUMN change_notice jsonb,
        ADD COLUMN late boolean,
        ADD COLUMN late_by_working_days integer,
        ADD COLUMN violation_id uuid REFERENCES violations(id)`);
    await q.query(`
      ALTER TABLE applications
        -- A change notice carries its particulars (the date and a new owner and/or head office); no other type does.
        ADD CONSTRAINT applications_change_notice_chk CHECK (
          (type = 'CHANGE_NOTICE') = (change_notice IS NOT NULL)
          AND (change_notice IS NULL OR (
            jsonb_typeof(change_notice) = 'object'
            AND change_notice->>'changedOn' ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'
            AND (change_notice ? 'newOwner' OR change_notice ? 'newHeadOfficeAddress')))),
        -- Lateness is measured once, at SUBMIT, and only for a change notice.
        ADD CONSTRAINT applications_late_chk CHECK (
          (late IS NULL) = (late_by_working_days IS NULL)
          AND (late IS NULL OR (type = 'CHANGE_NOTICE' AND late_by_working_days >= 0
            AND late = (late_by_working_days > 0)))),
        ADD CONSTRAINT applications_late_submitted_chk CHECK (late IS NULL OR submitted_at IS NOT NULL),
        -- A violation is opened only from a late notice.
        ADD CONSTRAINT applications_violation_chk CHECK (violation_id IS NULL OR late IS TRUE)`);
    await q.query(
      `CREATE UNIQUE INDEX applications_violation_uq ON applications (violation_id) WHERE violation_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX applications_late_notices_idx ON applications (authority_id, submitted_at) WHERE type = 'CHANGE_NOTICE'`,
    );

    // Official letters are numbered per authority and per year (Decree 30/2020 on official documents); never reused.
    await q.query(`
      CREATE TABLE change_notice_letter_series (
        authority_id uuid NOT NULL REFERENCES authorities(id),
        year integer NOT NULL,
        next_seq integer NOT NULL DEFAULT 1,
        PRIMARY KEY (authority_id, year),
        CONSTRAINT change_notice_letter_series_seq_chk CHECK (next_seq >= 1),
        CONSTRAINT change_notice_letter_series_year_chk CHECK (year BETWEEN 2000 AND 2200)
      )`);

    // The confirmation letter of an approved notice: the exact input of its PDF, so re-rendering gives the same bytes.
    await q.query(`
      CREATE TABLE change_notice_confirmations (
        application_id uuid PRIMARY KEY REFERENCES applications(id),
        authority_id uuid NOT NULL REFERENCES authorities(id),
        license_id uuid NOT NULL REFERENCES licenses(id),
        year integer NOT NULL,
        seq integer NOT NULL,
        letter_number text NOT NULL,
        signed_on date NOT NULL,
        document jsonb NOT NULL,
        pdf_sha256 char(64) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT change_notice_confirmations_number_uq UNIQUE (authority_id, letter_number),
        CONSTRAINT change_notice_confirmations_seq_uq UNIQUE (authority_id, year, seq),
        CONSTRAINT change_notice_confirmations_seq_chk CHECK (seq >= 1),
        CONSTRAINT change_notice_confirmations_sha_chk CHECK (pdf_sha256 ~ '^[0-9a-f]{64}$')
      )`);

    // Late notification of a change of owner or head office. The range is not in the seeded catalogue: conservative and
    // unverified, for the authority's legal staff to confirm (docs/legal-basis.md, "Violations and fines").
    await q.query(
      `INSERT INTO violation_types (code, effective_from, title_vi, title_en, legal_basis, min_fine, max_fine,
         additional_measures, remedial_measures, grave, verified)
       VALUES ($1, $2, $3, $4, $5, $6, $7, '[]'::jsonb, '[]'::jsonb, false, false)
       ON CONFLICT (code, effective_from) DO NOTHING`,
      [
        'LATE_CHANGE_NOTICE',
        '2020-12-01',
        'Không thông báo hoặc thông báo không đúng thời hạn về việc thay đổi chủ sở hữu, địa chỉ trụ sở chính',
        'Change of owner or head-office address not notified within 10 working days',
        'Nghị định 72/2013/NĐ-CP, Điều 23h (thời hạn thông báo); Nghị định 119/2020/NĐ-CP (khung phạt cần xác nhận)',
        5 * M,
        10 * M,
      ],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DELETE FROM violation_types WHERE code = 'LATE_CHANGE_NOTICE'
         AND NOT EXISTS (SELECT 1 FROM violations WHERE type_code = 'LATE_CHANGE_NOTICE')`,
    );
    await q.query(`DROP TABLE change_notice_confirmations`);
    await q.query(`DROP TABLE change_notice_letter_series`);
    await q.query(`DROP INDEX applications_late_notices_idx`);
    await q.query(`DROP INDEX applications_violation_uq`);
    await q.query(`
      ALTER TABLE applications
        DROP CONSTRAINT applications_violation_chk,
        DROP CONSTRAINT applications_late_submitted_chk,
        DROP CONSTRAINT applications_late_chk,
        DROP CONSTRAINT applications_change_notice_chk,
        DROP COLUMN violation_id,
        DROP COLUMN late_by_working_days,
        DROP COLUMN late,
        DROP COLUMN change_notice`);
  }
}
