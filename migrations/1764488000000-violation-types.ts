import { MigrationInterface, QueryRunner } from 'typeorm';

interface SeedEntry {
  code: string;
  effectiveFrom: string;
  titleVi: string;
  titleEn: string;
  legalBasis: string;
  minFine: number;
  maxFine: number;
  additional: string[];
  remedial: string[];
  verified: boolean;
  grave?: boolean;
}

const M = 1_000_000;
/** Decree 119/2020/ND-CP took effect on 1 December 2020. */
const D119 = '2020-12-01';
/** Decree 174/2026/ND-CP: effective date taken as 1 January 2026 (to confirm by the authority's legal staff). */
const D174 = '2026-01-01';

const HOMEPAGE: Omit<SeedEntry, 'effectiveFrom' | 'legalBasis' | 'verified'> = {
  code: 'HOMEPAGE_DISCLOSURE',
  titleVi: 'Trang chủ không ghi đầy đủ tên tổ chức, số giấy phép hoặc người chịu trách nhiệm quản lý nội dung',
  titleEn: 'Homepage lacks the operator, the license number or the person responsible for content',
  minFine: 10 * M,
  maxFine: 20 * M,
  additional: [],
  remedial: ['Buộc bổ sung đầy đủ thông tin trên trang chủ'],
};
const DOMAIN: Omit<SeedEntry, 'effectiveFrom' | 'legalBasis' | 'verified'> = {
  code: 'DOMAIN_OR_SERVER',
  titleVi: 'Không sử dụng tên miền ".vn" hoặc không lưu trữ thông tin trên máy chủ có địa chỉ IP ở Việt Nam',
  titleEn: 'No ".vn" domain, or data not stored on servers with a Vietnamese IP address',
  minFine: 10 * M,
  maxFine: 20 * M,
  additional: [],
  remedial: [],
};
const LINKS: Omit<SeedEntry, 'effectiveFrom' | 'legalBasis' | 'verified'> = {
  code: 'FALSE_OR_ILLEGAL_LINKS',
  titleVi: 'Liên kết đến nội dung vi phạm pháp luật; đăng tin sai sự thật, vu khống',
  titleEn: 'Links to unlawful content; false or defamatory news',
  minFine: 20 * M,
  maxFine: 30 * M,
  additional: [],
  remedial: ['Buộc gỡ bỏ thông tin sai sự thật, vi phạm pháp luật'],
};
const WORKS: Omit<SeedEntry, 'effectiveFrom' | 'legalBasis' | 'verified'> = {
  code: 'WORKS_WITHOUT_CONSENT',
  titleVi: 'Đăng tác phẩm khi chưa được chủ sở hữu đồng ý; giả mạo trang thông tin điện tử; quảng cáo bị cấm',
  titleEn: "Posting works without the right holder's consent; impersonating a site; banned advertising",
  minFine: 30 * M,
  maxFine: 40 * M,
  additional: ['Tịch thu tang vật, phương tiện được sử dụng để vi phạm hành chính'],
  remedial: [],
};

/**
 * The catalogue of the legal review notes in docs/legal-basis.md ("Violations and fines"). Rows whose range is "to confirm" get a conservative
 * range and verified=false. Rows based on Decree 174/2026 also get a Decree 119/2020 predecessor (same range,
 * unverified) so that violations found before 2026 are judged by an entry in force on their day.
 */
const SEED: SeedEntry[] = [
  {
    ...HOMEPAGE,
    effectiveFrom: D119,
    legalBasis: 'Nghị định 119/2020/NĐ-CP, Điều 20 (khung phạt cần xác nhận)',
    verified: false,
  },
  { ...HOMEPAGE, effectiveFrom: D174, legalBasis: 'Nghị định 174/2026/NĐ-CP, Điều 93', verified: true },
  {
    code: 'CITATION_NOT_VERBATIM',
    effectiveFrom: D119,
    titleVi:
      'Trích dẫn thông tin không nguyên văn, không ghi rõ nguồn; cho phép bình luận của độc giả dưới tin trích dẫn',
    titleEn: 'Quoting not verbatim or without naming the source; reader comments under quoted items',
    legalBasis: 'Nghị định 119/2020/NĐ-CP, Điều 20 khoản 2 điểm a',
    minFine: 20 * M,
    maxFine: 30 * M,
    additional: ['Tước quyền sử dụng giấy phép từ 01 tháng đến 03 tháng'],
    remedial: [],
    verified: true,
  },
  {
    ...DOMAIN,
    effectiveFrom: D119,
    legalBasis: 'Nghị định 119/2020/NĐ-CP, Điều 20 (khung phạt cần xác nhận)',
    verified: false,
  },
  { ...DOMAIN, effectiveFrom: D174, legalBasis: 'Nghị định 174/2026/NĐ-CP, Điều 45 khoản 1', verified: true },
  {
    ...LINKS,
    effectiveFrom: D119,
    legalBasis: 'Nghị định 119/2020/NĐ-CP, Điều 20 (khung phạt cần xác nhận)',
    verified: false,
  },
  { ...LINKS, effectiveFrom: D174, legalBasis: 'Nghị định 174/2026/NĐ-CP, Điều 93', verified: true },
  {
    ...WORKS,
    effectiveFrom: D119,
    legalBasis: 'Nghị định 119/2020/NĐ-CP, Điều 20 (khung phạt cần xác nhận)',
    verified: false,
  },
  { ...WORKS, effectiveFrom: D174, legalBasis: 'Nghị định 174/2026/NĐ-CP, Điều 93', verified: true },
  {
    code: 'GRAVE_CONTENT',
    effectiveFrom: D119,
    titleVi: 'Đăng nội dung chống Nhà nước, bịa đặt, xuyên tạc lịch sử; tiết lộ bí mật nhà nước',
    titleEn: 'Anti-state, fabricated or history-distorting content; disclosure of state secrets',
    legalBasis: 'Nghị định 119/2020/NĐ-CP, Điều 20',
    minFine: 150 * M,
    maxFine: 200 * M,
    additional: ['Thu hồi giấy phép'],
    remedial: ['Buộc gỡ bỏ thông tin vi phạm'],
    verified: true,
    grave: true,
  },
  {
    code: 'NO_LICENSE',
    effectiveFrom: D119,
    titleVi: 'Thiết lập trang thông tin điện tử tổng hợp khi không có giấy phép hoặc giấy phép đã hết hạn',
    titleEn: 'Operating a general site without a (valid) license',
    legalBasis: 'Nghị định 119/2020/NĐ-CP, Điều 20 khoản 5',
    minFine: 20 * M,
    maxFine: 30 * M,
    additional: [],
    remedial: ['Buộc thu hồi tên miền'],
    verified: false,
  },
  {
    code: 'OWN_NEWS_PRODUCTION',
    effectiveFrom: D119,
    titleVi: 'Tự sản xuất tin, bài hoặc đặt lại tiêu đề tin, bài trích dẫn',
    titleEn: 'Producing its own news articles, or retitling quoted ones',
    legalBasis: 'Nghị định 119/2020/NĐ-CP, Điều 20',
    minFine: 20 * M,
    maxFine: 30 * M,
    additional: [],
    remedial: ['Buộc gỡ bỏ tin, bài vi phạm'],
    verified: false,
  },
  {
    code: 'OUT_OF_SCOPE',
    effectiveFrom: D119,
    titleVi: 'Đăng thông tin ngoài phạm vi, nguồn tin đã được cấp phép',
    titleEn: 'Content outside the licensed scope or sources',
    legalBasis: 'Nghị định 119/2020/NĐ-CP, Điều 20',
    minFine: 10 * M,
    maxFine: 20 * M,
    additional: [],
    remedial: ['Buộc gỡ bỏ thông tin vi phạm'],
    verified: false,
  },
  {
    code: 'NOT_STORED',
    effectiveFrom: D119,
    titleVi: 'Không lưu trữ nội dung tổng hợp tối thiểu 90 ngày hoặc nhật ký xử lý thông tin tối thiểu 02 năm',
    titleEn: 'Not keeping aggregated content for 90 days or logs for 2 years',
    legalBasis: 'Nghị định 72/2013/NĐ-CP, Điều 23b; Nghị định 119/2020/NĐ-CP',
    minFine: 10 * M,
    maxFine: 20 * M,
    additional: [],
    remedial: [],
    verified: false,
  },
  {
    code: 'NO_REPORT',
    effectiveFrom: D119,
    titleVi: 'Không thực hiện chế độ báo cáo định kỳ hoặc đột xuất theo quy định',
    titleEn: 'Periodic or ad hoc report not filed',
    legalBasis: 'Nghị định 119/2020/NĐ-CP, Điều 21',
    minFine: 5 * M,
    maxFine: 10 * M,
    additional: [],
    remedial: [],
    verified: false,
  },
];

/** The violations catalogue, as data with effective dates (docs/legal-basis.md, "Violations and fines"). */
export class ViolationTypes1764488000000 implements MigrationInterface {
  name = 'ViolationTypes1764488000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE violation_types (
        code text NOT NULL,
        effective_from date NOT NULL,
        title_vi text NOT NULL,
        title_en text NOT NULL,
        legal_basis text NOT NULL,
        min_fine bigint NOT NULL,
        max_fine bigint NOT NULL,
        additional_measures jsonb NOT NULL DEFAULT '[]'::jsonb,
        remedial_measures jsonb NOT NULL DEFAULT '[]'::jsonb,
        grave boolean NOT NULL DEFAULT false,
        verified boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid REFERENCES users(id),
        PRIMARY KEY (code, effective_from),
        CONSTRAINT violation_types_code_chk CHECK (code ~ '^[A-Z][A-Z0-9_]{1,63}$'),
        CONSTRAINT violation_types_fine_chk CHECK (min_fine >= 0 AND max_fine >= min_fine),
        CONSTRAINT violation_types_measures_chk CHECK (
          jsonb_typeof(additional_measures) = 'array' AND jsonb_typeof(remedial_measures) = 'array'),
        CONSTRAINT violation_types_titles_chk CHECK (length(title_vi) > 0 AND length(title_en) > 0)
      )`);
    for (const e of SEED) {
      await q.query(
        `INSERT INTO violation_types (code, effective_from, title_vi, title_en, legal_basis, min_fine, max_fine,
           additional_measures, remedial_measures, grave, verified)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          e.code,
          e.effectiveFrom,
          e.titleVi,
          e.titleEn,
          e.legalBasis,
          e.minFine,
          e.maxFine,
          JSON.stringify(e.additional),
          JSON.stringify(e.remedial),
          e.grave ?? false,
          e.verified,
        ],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE violation_types`);
  }
}
