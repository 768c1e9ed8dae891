import { MigrationInterface, QueryRunner } from 'typeorm';
import {
  DECREE_174_IN_FORCE,
  DECREE_174_WRONG_DATE,
  LEGAL_BASES,
  LEGAL_PARAMETERS,
  REQUIREMENT_BASES,
  VIOLATION_SOURCES,
} from '../src/legal/legal-catalog';

/**
 * The law as data (Decree 147/2024/NĐ-CP in force since 25 December 2024): effective-dated legal parameters and
 * "Căn cứ" lines (each with an optional per-authority row), the sources of the violation-type entries with the
 * corrected date of Decree 174/2026 (1 July 2026, unverified), the requirement catalogue's references under Decree
 * 147, the dossier's receipt date for the statutory clock, and the proof document of a change of name.
 */
export class LegalData1764550000000 implements MigrationInterface {
  name = 'LegalData1764550000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE legal_parameters (
        id bigserial PRIMARY KEY,
        key text NOT NULL,
        authority_id uuid REFERENCES authorities(id),
        effective_from date NOT NULL,
        value text NOT NULL,
        unit text NOT NULL,
        basis text NOT NULL,
        verified boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid REFERENCES users(id),
        CONSTRAINT legal_parameters_key_chk CHECK (key ~ '^[A-Z][A-Z0-9_]{1,63}$'),
        CONSTRAINT legal_parameters_basis_chk CHECK (length(btrim(basis)) > 0),
        CONSTRAINT legal_parameters_uq UNIQUE NULLS NOT DISTINCT (key, authority_id, effective_from)
      )`);
    for (const p of LEGAL_PARAMETERS) {
      for (const v of p.versions) {
        await q.query(
          `INSERT INTO legal_parameters (key, effective_from, value, unit, basis, verified)
           VALUES ($1, $2, $3, $4, $5, $6)`,
          [p.key, v.effectiveFrom, String(v.value), p.unit, v.basis, v.verified],
        );
      }
    }
    // The per-authority processing periods and suspension limits set so far become per-authority rows from the
    // day Decree 72 took effect (they were the authority's figures for every date until now).
    await q.query(`
      INSERT INTO legal_parameters (key, authority_id, effective_from, value, unit, basis, verified)
      SELECT CASE o.application_type WHEN 'CHANGE_NOTICE' THEN 'CHANGE_NOTICE_CONFIRMATION_WORKING_DAYS'
                                     ELSE 'PROCESSING_WORKING_DAYS_' || o.application_type END,
             o.authority_id, DATE '2013-09-01', o.processing_working_days::text, 'working_days',
             'Thiết lập của cơ quan cấp phép', false
      FROM authority_processing_overrides o`);
    await q.query(`
      INSERT INTO legal_parameters (key, authority_id, effective_from, value, unit, basis, verified)
      SELECT 'LICENSE_SUSPENSION_MONTHS', s.authority_id, DATE '2013-09-01', s.suspension_max_months::text, 'months',
             'Thiết lập của cơ quan cấp phép', false
      FROM authority_license_settings s`);

    await q.query(`
      CREATE TABLE legal_bases (
        id bigserial PRIMARY KEY,
        document_type text NOT NULL,
        authority_id uuid REFERENCES authorities(id),
        effective_from date NOT NULL,
        lines jsonb NOT NULL,
        verified boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid REFERENCES users(id),
        CONSTRAINT legal_bases_type_chk CHECK (
          document_type IN ('LICENSE', 'INSPECTION_RECORD', 'CHANGE_NOTICE_CONFIRMATION')),
        CONSTRAINT legal_bases_lines_chk CHECK (jsonb_typeof(lines) = 'array' AND jsonb_array_length(lines) > 0),
        CONSTRAINT legal_bases_uq UNIQUE NULLS NOT DISTINCT (document_type, authority_id, effective_from)
      )`);
    for (const b of LEGAL_BASES) {
      await q.query(
        `INSERT INTO legal_bases (document_type, effective_from, lines, verified) VALUES ($1, $2, $3, $4)`,
        [b.documentType, b.effectiveFrom, JSON.stringify(b.lines), b.verified],
      );
    }
    // The authority's own function decision, printed as one of its "Căn cứ" lines.
    await q.query(`ALTER TABLE authorities ADD COLUMN function_basis text`);

    // Violation types: source text, article, clause and the deprivation term an entry allows.
    await q.query(`
      ALTER TABLE violation_types
        ADD COLUMN source_text text,
        ADD COLUMN article text,
        ADD COLUMN clause text,
        ADD COLUMN deprivation_min_months integer,
        ADD COLUMN deprivation_max_months integer,
        ADD CONSTRAINT violation_types_deprivation_chk CHECK (
          (deprivation_min_months IS NULL AND deprivation_max_months IS NULL) OR
          (deprivation_min_months BETWEEN 1 AND 24 AND deprivation_max_months BETWEEN deprivation_min_months AND 24))`);
    // Decree 174/2026 is in force from 1 July 2026 (not 1 January), and its entries are unconfirmed: each entry is
    // copied to its right date, and the misdated one is removed unless a violation was already judged by it (the
    // past is not rewritten: such a row stays, and the legal staff see it in the catalogue's history).
    await q.query(
      `INSERT INTO violation_types (code, effective_from, title_vi, title_en, legal_basis, min_fine, max_fine,
         additional_measures, remedial_measures, grave, verified, created_by)
       SELECT code, $1::date, title_vi, title_en, legal_basis, min_fine, max_fine, additional_measures,
              remedial_measures, grave, false, created_by
       FROM violation_types WHERE effective_from = $2::date AND legal_basis LIKE 'Nghị định 174/2026%'
       ON CONFLICT (code, effective_from) DO NOTHING`,
      [DECREE_174_IN_FORCE, DECREE_174_WRONG_DATE],
    );
    await q.query(
      `DELETE FROM violation_types t WHERE t.effective_from = $1::date AND t.legal_basis LIKE 'Nghị định 174/2026%'
         AND NOT EXISTS (SELECT 1 FROM violations v WHERE v.type_code = t.code AND v.type_effective_from = t.effective_from)`,
      [DECREE_174_WRONG_DATE],
    );
    for (const s of VIOLATION_SOURCES) {
      await q.query(
        `UPDATE violation_types SET source_text = $3, article = $4, clause = $5,
           deprivation_min_months = $6, deprivation_max_months = $7
         WHERE code = $1 AND effective_from = $2`,
        [
          s.code,
          s.effectiveFrom,
          s.sourceText,
          s.article,
          s.clause,
          s.deprivationMinMonths ?? null,
          s.deprivationMaxMonths ?? null,
        ],
      );
    }
    // Entries without a seeded source (added by other migrations or an admin): the text named in legal_basis.
    await q.query(`UPDATE violation_types SET source_text = legal_basis WHERE source_text IS NULL`);
    await q.query(`ALTER TABLE violation_types ALTER COLUMN source_text SET NOT NULL`);

    // Requirement catalogue: references under Decree 147/2024, unverified until the legal staff confirm them.
    await q.query(`ALTER TABLE requirements ADD COLUMN legal_basis_verified boolean NOT NULL DEFAULT false`);
    for (const [type, basis] of Object.entries(REQUIREMENT_BASES)) {
      await q.query(`UPDATE requirements SET legal_basis = $2 WHERE application_type = $1`, [type, basis]);
    }
    // A change of the organization's name is an amendment; its proof is the amended registration (Decree 147
    // replacing Decree 72 art. 23h: documents proving the changes).
    await q.query(
      `INSERT INTO requirements (application_type, kind, title_vi, title_en, required, legal_basis, position)
       VALUES ('AMENDMENT', 'NAME_CHANGE_PROOF',
         'Bản sao hợp lệ Giấy chứng nhận đăng ký doanh nghiệp hoặc quyết định ghi nhận tên mới của tổ chức (khi đổi tên)',
         'Valid copy of the registration certificate or decision showing the organization''s new name (name change)',
         false, $1, (SELECT max(position) + 1 FROM requirements WHERE application_type = 'AMENDMENT'))`,
      [REQUIREMENT_BASES.AMENDMENT],
    );

    // The statutory clock counts from the receipt of the complete dossier (or its last supplement).
    await q.query(`
      ALTER TABLE applications
        ADD COLUMN received_on date,
        ADD COLUMN completeness_due_at timestamptz,
        ADD COLUMN organization_name text,
        ADD CONSTRAINT applications_org_name_chk CHECK (organization_name IS NULL OR length(btrim(organization_name)) > 0)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE applications DROP COLUMN received_on, DROP COLUMN completeness_due_at,
      DROP COLUMN organization_name`);
    await q.query(`DELETE FROM requirements WHERE kind = 'NAME_CHANGE_PROOF'`);
    await q.query(`ALTER TABLE requirements DROP COLUMN legal_basis_verified`);
    await q.query(`ALTER TABLE violation_types DROP CONSTRAINT violation_types_deprivation_chk,
      DROP COLUMN source_text, DROP COLUMN article, DROP COLUMN clause,
      DROP COLUMN deprivation_min_months, DROP COLUMN deprivation_max_months`);
    await q.query(`ALTER TABLE authorities DROP COLUMN function_basis`);
    await q.query(`DROP TABLE legal_bases`);
    await q.query(`DROP TABLE legal_parameters`);
  }
}
