import { MigrationInterface, QueryRunner } from 'typeorm';

const TYPES = `'NEW', 'AMENDMENT', 'EXTENSION', 'REISSUE', 'CHANGE_NOTICE'`;
const STATES = `'DRAFT', 'SUBMITTED', 'IN_REVIEW', 'SUPPLEMENT_REQUESTED', 'IN_APPRAISAL', 'PENDING_DECISION', 'APPROVED',
  'REJECTED', 'RETURNED', 'WITHDRAWN'`;

const B_NEW = 'Điều 23đ Nghị định 72/2013/NĐ-CP (sửa đổi bởi Nghị định 27/2018/NĐ-CP)';
const B_23H = 'Điều 23h Nghị định 72/2013/NĐ-CP (sửa đổi bởi Nghị định 27/2018/NĐ-CP)';

/** The dossier documents per application type (docs/legal-basis.md, "Dossiers"): [type, kind, vi, en, required, basis]. */
const REQUIREMENTS: [string, string, string, string, boolean, string][] = [
  [
    'NEW',
    'APPLICATION_FORM',
    'Đơn đề nghị cấp giấy phép thiết lập trang thông tin điện tử tổng hợp (Mẫu số 23)',
    'Application for a license to set up a general e-information site (Form 23)',
    true,
    B_NEW,
  ],
  [
    'NEW',
    'ENTERPRISE_REGISTRATION',
    'Bản sao hợp lệ Giấy chứng nhận đăng ký doanh nghiệp hoặc Quyết định thành lập',
    'Valid copy of the enterprise registration certificate or establishment decision',
    true,
    B_NEW,
  ],
  [
    'NEW',
    'ASSOCIATION_CHARTER',
    'Điều lệ hoạt động (đối với tổ chức hội, đoàn thể)',
    'Charter (associations only)',
    false,
    B_NEW,
  ],
  [
    'NEW',
    'OPERATION_PLAN',
    'Đề án hoạt động có chữ ký, dấu của người đứng đầu tổ chức',
    'Operation plan, signed and sealed by the head of the organization',
    true,
    B_NEW,
  ],
  [
    'NEW',
    'SOURCE_CONSENTS',
    'Văn bản chấp thuận của các tổ chức cung cấp nguồn tin',
    'Written consent of each source organization',
    true,
    B_NEW,
  ],
  [
    'AMENDMENT',
    'AMENDMENT_REQUEST',
    'Văn bản đề nghị sửa đổi, bổ sung giấy phép, nêu rõ nội dung và lý do thay đổi',
    'Written request for an amendment, stating the changes and the reasons',
    true,
    B_23H,
  ],
  ['AMENDMENT', 'CHANGE_PROOF', 'Tài liệu chứng minh nội dung thay đổi', 'Documents proving the changes', true, B_23H],
  [
    'EXTENSION',
    'EXTENSION_REQUEST',
    'Văn bản đề nghị gia hạn giấy phép, nêu rõ thời hạn đề nghị gia hạn',
    'Written request for an extension, stating the extension period',
    true,
    B_23H,
  ],
  [
    'REISSUE',
    'REISSUE_REQUEST',
    'Văn bản đề nghị cấp lại giấy phép, nêu rõ số, ngày cấp và lý do (bị mất, bị hư hỏng)',
    'Written request for a reissue, with the license number, date and reason (lost or damaged)',
    true,
    B_23H,
  ],
  [
    'REISSUE',
    'DAMAGED_ORIGINAL',
    'Bản gốc giấy phép bị hư hỏng (nếu có)',
    'The damaged original license, if any',
    false,
    B_23H,
  ],
  [
    'CHANGE_NOTICE',
    'CHANGE_NOTICE_LETTER',
    'Văn bản thông báo thay đổi chủ sở hữu hoặc địa chỉ trụ sở chính',
    'Notice of a change of owner or head-office address',
    true,
    B_23H,
  ],
  ['CHANGE_NOTICE', 'CHANGE_PROOF', 'Tài liệu chứng minh việc thay đổi', 'Documents proving the change', true, B_23H],
];

/**
 * Applications (dossiers) and their appraisal: the requirements catalogue and processing periods as data, the
 * applications with their statutory clock, supplement requests and appraisal records.
 */
export class Applications1764484000000 implements MigrationInterface {
  name = 'Applications1764484000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE application_type_settings (
        application_type text PRIMARY KEY,
        processing_working_days integer NOT NULL,
        fee_vnd integer NOT NULL DEFAULT 0,
        CONSTRAINT application_type_settings_type_chk CHECK (application_type IN (${TYPES})),
        CONSTRAINT application_type_settings_days_chk CHECK (processing_working_days BETWEEN 1 AND 365),
        CONSTRAINT application_type_settings_fee_chk CHECK (fee_vnd >= 0)
      )`);
    // Decree 72 art. 23e, 23h: 10 working days for a decision; a change notice is confirmed within 7.
    await q.query(`
      INSERT INTO application_type_settings (application_type, processing_working_days) VALUES
        ('NEW', 10), ('AMENDMENT', 10), ('EXTENSION', 10), ('REISSUE', 10), ('CHANGE_NOTICE', 7)`);

    await q.query(`
      CREATE TABLE authority_processing_overrides (
        authority_id uuid NOT NULL REFERENCES authorities(id),
        application_type text NOT NULL REFERENCES application_type_settings(application_type),
        processing_working_days integer NOT NULL,
        PRIMARY KEY (authority_id, application_type),
        CONSTRAINT authority_processing_overrides_days_chk CHECK (processing_working_days BETWEEN 1 AND 365)
      )`);

    await q.query(`
      CREATE TABLE requirements (
        application_type text NOT NULL REFERENCES application_type_settings(application_type),
        kind text NOT NULL,
        title_vi text NOT NULL,
        title_en text NOT NULL,
        required boolean NOT NULL,
        legal_basis text NOT NULL,
        position integer NOT NULL,
        PRIMARY KEY (application_type, kind),
        CONSTRAINT requirements_kind_chk CHECK (kind ~ '^[A-Z][A-Z0-9_]{1,63}$'),
        CONSTRAINT requirements_position_uq UNIQUE (application_type, position)
      )`);
    const positions = new Map<string, number>();
    for (const [type, kind, vi, en, required, basis] of REQUIREMENTS) {
      const position = (positions.get(type) ?? 0) + 1;
      positions.set(type, position);
      await q.query(
        `INSERT INTO requirements (application_type, kind, title_vi, title_en, required, legal_basis, position)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [type, kind, vi, en, required, basis, position],
      );
    }

    await q.query(`
      CREATE TABLE applications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        type text NOT NULL,
        state text NOT NULL DEFAULT 'DRAFT',
        version integer NOT NULL DEFAULT 1,
        authority_id uuid NOT NULL REFERENCES authorities(id),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        license_id uuid,
        site jsonb,
        requested_expires_on date,
        reason text,
        assignee_id uuid REFERENCES users(id),
        recommended_by uuid REFERENCES users(id),
        recommendation text,
        decision_reason text,
        due_at timestamptz,
        clock_started_on date,
        clock_paused boolean NOT NULL DEFAULT false,
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        submitted_at timestamptz,
        decided_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT applications_type_chk CHECK (type IN (${TYPES})),
        CONSTRAINT applications_state_chk CHECK (state IN (${STATES})),
        CONSTRAINT applications_version_chk CHECK (version >= 1),
        CONSTRAINT applications_recommendation_chk CHECK (recommendation IN ('APPROVE', 'REJECT')),
        -- Every type but NEW concerns an existing license; a NEW one names the license it produced once approved.
        CONSTRAINT applications_license_chk CHECK (
          (type <> 'NEW' AND license_id IS NOT NULL) OR (type = 'NEW' AND (license_id IS NULL OR state = 'APPROVED'))),
        CONSTRAINT applications_new_site_chk CHECK (type <> 'NEW' OR site IS NOT NULL),
        -- A return or a refusal is written, with its reasons (Decree 72 art. 23e).
        CONSTRAINT applications_decision_reason_chk CHECK (
          state NOT IN ('RETURNED', 'REJECTED') OR decision_reason IS NOT NULL),
        CONSTRAINT applications_decided_chk CHECK (state NOT IN ('APPROVED', 'REJECTED') OR decided_at IS NOT NULL),
        CONSTRAINT applications_assignee_chk CHECK (
          state NOT IN ('IN_REVIEW', 'IN_APPRAISAL', 'PENDING_DECISION') OR assignee_id IS NOT NULL),
        CONSTRAINT applications_recommended_chk CHECK (
          state <> 'PENDING_DECISION' OR (recommended_by IS NOT NULL AND recommendation IS NOT NULL)),
        CONSTRAINT applications_clock_chk CHECK ((due_at IS NULL) = (clock_started_on IS NULL)),
        CONSTRAINT applications_submitted_chk CHECK (state IN ('DRAFT', 'WITHDRAWN') OR submitted_at IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX applications_authority_idx ON applications (authority_id, state, created_at)`);
    await q.query(`CREATE INDEX applications_organization_idx ON applications (organization_id, created_at)`);
    await q.query(`CREATE INDEX applications_assignee_idx ON applications (assignee_id) WHERE assignee_id IS NOT NULL`);
    await q.query(`CREATE INDEX applications_license_idx ON applications (license_id) WHERE license_id IS NOT NULL`);
    await q.query(`
      CREATE INDEX applications_running_clock_idx ON applications (authority_id, due_at)
      WHERE state IN ('IN_APPRAISAL', 'PENDING_DECISION') AND NOT clock_paused`);

    await q.query(`
      CREATE TABLE supplement_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL REFERENCES applications(id),
        items jsonb NOT NULL,
        reason text NOT NULL,
        requested_by uuid NOT NULL REFERENCES users(id),
        requested_at timestamptz NOT NULL DEFAULT now(),
        resolved_at timestamptz,
        CONSTRAINT supplement_requests_items_chk CHECK (jsonb_typeof(items) = 'array' AND jsonb_array_length(items) > 0),
        CONSTRAINT supplement_requests_reason_chk CHECK (length(btrim(reason)) > 0)
      )`);
    // At most one open supplement request per application.
    await q.query(
      `CREATE UNIQUE INDEX supplement_requests_open_uq ON supplement_requests (application_id) WHERE resolved_at IS NULL`,
    );
    await q.query(
      `CREATE INDEX supplement_requests_application_idx ON supplement_requests (application_id, requested_at)`,
    );

    await q.query(`
      CREATE TABLE appraisals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL REFERENCES applications(id),
        recommendation text NOT NULL,
        checklist jsonb NOT NULL,
        note text,
        appraiser_id uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT appraisals_recommendation_chk CHECK (recommendation IN ('APPROVE', 'REJECT')),
        CONSTRAINT appraisals_checklist_chk CHECK (jsonb_typeof(checklist) = 'array' AND jsonb_array_length(checklist) > 0)
      )`);
    await q.query(`CREATE INDEX appraisals_application_idx ON appraisals (application_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE appraisals`);
    await q.query(`DROP TABLE supplement_requests`);
    await q.query(`DROP TABLE applications`);
    await q.query(`DROP TABLE requirements`);
    await q.query(`DROP TABLE authority_processing_overrides`);
    await q.query(`DROP TABLE application_type_settings`);
  }
}
