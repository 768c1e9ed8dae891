/**
 * The legal figures and texts the product enforces, with their sources: the seed of the `legal_parameters`,
 * `legal_bases` and violation-type source columns (migration 1764550000000) and the source of
 * `docs/legal-basis.md`. What a running deployment applies is the database, which the authority's legal staff
 * change through the API from a date on; this file is what a new database starts with.
 *
 * Decree 147/2024/NĐ-CP replaced Decree 72/2013/NĐ-CP (as amended by Decree 27/2018/NĐ-CP) on 25 December 2024.
 * The procedural figures below were read in Decree 72/27 and are carried over to Decree 147 unconfirmed: the
 * Decree 147 rows are `verified: false` until the legal staff confirm the article.
 */

export const PARAMETER_UNITS = ['working_days', 'days', 'months', 'years', 'hours', 'count', 'month_day'] as const;
export type ParameterUnit = (typeof PARAMETER_UNITS)[number];

/** The day Decree 72/2013/NĐ-CP took effect. */
export const DECREE_72_IN_FORCE = '2013-09-01';
/** The day Decree 147/2024/NĐ-CP took effect (and Decree 72/2013, 27/2018 ceased to). */
export const DECREE_147_IN_FORCE = '2024-12-25';

export interface ParameterVersionSeed {
  effectiveFrom: string;
  value: number | string;
  basis: string;
  verified: boolean;
}

/** The largest numeric legal figure accepted (far above any statutory period or count). */
export const LEGAL_VALUE_MAX = 1_000_000;

export interface ParameterDefinition {
  key: string;
  unit: ParameterUnit;
  /** The rule that reads it, in English, for the legal staff's review. */
  rule: string;
  /** Where the rule lives in the code (for the review document). */
  enforcedIn: string;
  /** Inclusive bounds of an admissible value (numeric units); month_day values are checked as dates. */
  min?: number;
  max?: number;
  /** Whether an authority may have its own value (the law lets provinces differ, or the authority sets it). */
  perAuthority: boolean;
  versions: ParameterVersionSeed[];
}

/** The basis of a figure carried over from Decree 72/27 (its value) to Decree 147 (article unconfirmed). */
const D147_UNCONFIRMED = 'Nghị định 147/2024/NĐ-CP (điều khoản chưa được xác nhận)';

/** Two rows per figure taken from Decree 72/27: the verified Decree 72 row, and the unconfirmed Decree 147 row. */
function carriedOver(value: number | string, decree72Basis: string): ParameterVersionSeed[] {
  return [
    { effectiveFrom: DECREE_72_IN_FORCE, value, basis: decree72Basis, verified: true },
    { effectiveFrom: DECREE_147_IN_FORCE, value, basis: D147_UNCONFIRMED, verified: false },
  ];
}

const processing = (type: string, label: string): ParameterDefinition => ({
  key: `PROCESSING_WORKING_DAYS_${type}`,
  unit: 'working_days',
  rule: `Decision on a ${label} dossier, counted from the day the complete dossier (or its last supplement) was received`,
  enforcedIn: 'src/applications/applications.service.ts (CONFIRM_COMPLETE)',
  min: 1,
  max: 365,
  perAuthority: true,
  versions: carriedOver(
    10,
    `Nghị định 72/2013/NĐ-CP, Điều 23${type === 'NEW' ? 'e' : 'h'} (sửa đổi bởi Nghị định 27/2018/NĐ-CP)`,
  ),
});

/** Every legal figure, by key. The keys are stable: other modules and clients read them by name. */
export const LEGAL_PARAMETERS: readonly ParameterDefinition[] = [
  processing('NEW', 'NEW'),
  processing('AMENDMENT', 'AMENDMENT'),
  processing('EXTENSION', 'EXTENSION'),
  processing('REISSUE', 'REISSUE'),
  {
    key: 'CHANGE_NOTICE_CONFIRMATION_WORKING_DAYS',
    unit: 'working_days',
    rule: 'The authority confirms a change notice (owner, head office) in writing, counted from receipt of the complete notice',
    enforcedIn: 'src/applications/applications.service.ts (CONFIRM_COMPLETE of a CHANGE_NOTICE)',
    min: 1,
    max: 365,
    perAuthority: true,
    versions: carriedOver(7, 'Nghị định 72/2013/NĐ-CP, Điều 23h (sửa đổi bởi Nghị định 27/2018/NĐ-CP)'),
  },
  {
    key: 'COMPLETENESS_CHECK_WORKING_DAYS',
    unit: 'working_days',
    rule: 'The desk checks a received dossier for completeness (confirms it or requests a supplement) within this period',
    enforcedIn: 'src/applications/applications.service.ts (completeness deadline on the dossier)',
    min: 1,
    max: 60,
    perAuthority: true,
    versions: [
      {
        effectiveFrom: DECREE_147_IN_FORCE,
        value: 3,
        basis: 'Nghị định 147/2024/NĐ-CP (thời hạn kiểm tra tính đầy đủ của hồ sơ chưa được xác nhận)',
        verified: false,
      },
    ],
  },
  {
    key: 'CHANGE_NOTICE_WORKING_DAYS',
    unit: 'working_days',
    rule: 'A change of owner or head-office address is notified within this period of the change; a later notice is late',
    enforcedIn: 'src/applications/change-notice.ts (latenessOf)',
    min: 1,
    max: 365,
    perAuthority: false,
    versions: carriedOver(10, 'Nghị định 72/2013/NĐ-CP, Điều 23h (sửa đổi bởi Nghị định 27/2018/NĐ-CP)'),
  },
  {
    key: 'EXTENSION_MIN_DAYS_BEFORE_EXPIRY',
    unit: 'days',
    rule: 'An extension is filed at least this many calendar days before the license expires',
    enforcedIn: 'src/applications/term-rules.ts (checkLicenseFor)',
    min: 0,
    max: 365,
    perAuthority: false,
    versions: carriedOver(30, 'Nghị định 72/2013/NĐ-CP, Điều 23h (sửa đổi bởi Nghị định 27/2018/NĐ-CP)'),
  },
  {
    key: 'MAX_EXTENSIONS',
    unit: 'count',
    rule: 'A license is extended at most this many times',
    enforcedIn: 'src/applications/term-rules.ts, src/licenses/license-issuer.ts',
    min: 0,
    max: 20,
    perAuthority: false,
    versions: carriedOver(2, 'Nghị định 72/2013/NĐ-CP, Điều 23h (sửa đổi bởi Nghị định 27/2018/NĐ-CP)'),
  },
  {
    key: 'EXTENSION_MAX_YEARS',
    unit: 'years',
    rule: 'Each extension adds at most this many years past the current expiry',
    enforcedIn: 'src/applications/term-rules.ts, src/licenses/license-issuer.ts',
    min: 1,
    max: 10,
    perAuthority: false,
    versions: carriedOver(2, 'Nghị định 72/2013/NĐ-CP, Điều 23h (sửa đổi bởi Nghị định 27/2018/NĐ-CP)'),
  },
  {
    key: 'LICENSE_MAX_TERM_YEARS',
    unit: 'years',
    rule: 'A license runs at most this many years from its issue (what the applicant asks for, within it)',
    enforcedIn: 'src/applications/term-rules.ts (checkNewTerm), src/licenses/license-issuer.ts',
    min: 1,
    max: 50,
    perAuthority: false,
    versions: carriedOver(10, 'Nghị định 72/2013/NĐ-CP, Điều 23 khoản 6 (sửa đổi bởi Nghị định 27/2018/NĐ-CP)'),
  },
  {
    key: 'LICENSE_SUSPENSION_MONTHS',
    unit: 'months',
    rule:
      'A suspension under the licensing rules lasts this term; a longer one is refused (a deprivation imposed by a ' +
      'sanction decision follows its violation-type entry instead). The per-authority value is the authority ' +
      'license setting `suspensionMaxMonths`',
    enforcedIn: 'src/licenses/licenses.service.ts (SUSPEND)',
    min: 1,
    max: 12,
    perAuthority: true,
    versions: carriedOver(3, 'Nghị định 72/2013/NĐ-CP, Điều 23 khoản 11 (sửa đổi bởi Nghị định 27/2018/NĐ-CP)'),
  },
  {
    key: 'ANNUAL_REPORT_DUE_MONTH_DAY',
    unit: 'month_day',
    rule: 'The annual report on the previous year is due on this day (MM-DD) unless the authority set its own day',
    enforcedIn: 'src/reviews/reports.service.ts, src/reviews/reports.repository.ts',
    perAuthority: false,
    versions: [
      {
        effectiveFrom: DECREE_72_IN_FORCE,
        value: '01-15',
        basis: 'Thông tư 09/2014/TT-BTTTT, Điều 9 (báo cáo trước ngày 15 tháng 01)',
        verified: true,
      },
      {
        effectiveFrom: DECREE_147_IN_FORCE,
        value: '01-15',
        basis: 'Thông tư 09/2014/TT-BTTTT, Điều 9 (hiệu lực sau Nghị định 147/2024/NĐ-CP chưa được xác nhận)',
        verified: false,
      },
    ],
  },
  {
    key: 'CONTENT_REMOVAL_HOURS',
    unit: 'hours',
    rule: 'Unlawful content is removed within this many hours of the competent authority’s request',
    enforcedIn: 'content-removal requests (read by key)',
    min: 1,
    max: 720,
    perAuthority: false,
    versions: carriedOver(3, 'Nghị định 72/2013/NĐ-CP, Điều 23d khoản 2 (sửa đổi bởi Nghị định 27/2018/NĐ-CP)'),
  },
  {
    key: 'CONTENT_CORRECTION_WORKING_DAYS',
    unit: 'working_days',
    rule: 'A licensee corrects what a written correction request lists within this many working days, unless the request says otherwise',
    enforcedIn: 'correction requests (src/content-requests/request-deadlines.ts)',
    min: 1,
    max: 60,
    perAuthority: false,
    versions: carriedOver(10, 'Nghị định 72/2013/NĐ-CP, Điều 23 khoản 11 điểm b'),
  },
];

export type LegalParameterKey =
  | 'PROCESSING_WORKING_DAYS_NEW'
  | 'PROCESSING_WORKING_DAYS_AMENDMENT'
  | 'PROCESSING_WORKING_DAYS_EXTENSION'
  | 'PROCESSING_WORKING_DAYS_REISSUE'
  | 'CHANGE_NOTICE_CONFIRMATION_WORKING_DAYS'
  | 'COMPLETENESS_CHECK_WORKING_DAYS'
  | 'CHANGE_NOTICE_WORKING_DAYS'
  | 'EXTENSION_MIN_DAYS_BEFORE_EXPIRY'
  | 'MAX_EXTENSIONS'
  | 'EXTENSION_MAX_YEARS'
  | 'LICENSE_MAX_TERM_YEARS'
  | 'LICENSE_SUSPENSION_MONTHS'
  | 'ANNUAL_REPORT_DUE_MONTH_DAY'
  | 'CONTENT_REMOVAL_HOURS'
  | 'CONTENT_CORRECTION_WORKING_DAYS';

export function parameterDefinition(key: string): ParameterDefinition | undefined {
  return LEGAL_PARAMETERS.find((p) => p.key === key);
}

/** The processing-period key of an application type. */
export function processingKey(
  type: 'NEW' | 'AMENDMENT' | 'EXTENSION' | 'REISSUE' | 'CHANGE_NOTICE',
): LegalParameterKey {
  return type === 'CHANGE_NOTICE' ? 'CHANGE_NOTICE_CONFIRMATION_WORKING_DAYS' : `PROCESSING_WORKING_DAYS_${type}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Legal bases ("Căn cứ" lines) per document type.

export const DOCUMENT_TYPES = ['LICENSE', 'INSPECTION_RECORD', 'CHANGE_NOTICE_CONFIRMATION'] as const;
export type LegalDocumentType = (typeof DOCUMENT_TYPES)[number];

/** Replaced, when a document is written, by the authority's own function decision line. */
export const FUNCTION_BASIS_TOKEN = '{authorityFunctionBasis}';

/** Texts no document may cite any more (repealed by Decree 147/2024/NĐ-CP on 25 December 2024). */
export const REPEALED_TEXTS = ['72/2013/NĐ-CP', '27/2018/NĐ-CP'] as const;

const PRESS_LAW = 'Căn cứ Luật Báo chí ngày 05 tháng 4 năm 2016;';
const DECREE_147 =
  'Căn cứ Nghị định số 147/2024/NĐ-CP ngày 09 tháng 11 năm 2024 của Chính phủ quy định quản lý, cung cấp, sử ' +
  'dụng dịch vụ Internet và thông tin trên mạng;';

export interface LegalBasisSeed {
  documentType: LegalDocumentType;
  effectiveFrom: string;
  lines: string[];
  verified: boolean;
}

/** The lines of a document signed while Decree 72/2013 (as amended by Decree 27/2018) was in force. */
const DECREE_72_LINES = [
  PRESS_LAW,
  'Căn cứ Nghị định số 72/2013/NĐ-CP ngày 15 tháng 7 năm 2013 của Chính phủ quy định quản lý, cung cấp, sử dụng ' +
    'dịch vụ Internet và thông tin trên mạng;',
  'Căn cứ Nghị định số 27/2018/NĐ-CP ngày 01 tháng 3 năm 2018 của Chính phủ sửa đổi, bổ sung một số điều của ' +
    'Nghị định số 72/2013/NĐ-CP;',
  FUNCTION_BASIS_TOKEN,
];

/**
 * The default "Căn cứ" lines of each document type (the authority's own lines replace them from a date). A document
 * is dated by its signing day: one signed before 25 December 2024 cites the decrees then in force; from that day,
 * Decree 147/2024 (no document signed since cites a repealed decree).
 */
export const LEGAL_BASES: readonly LegalBasisSeed[] = [
  ...DOCUMENT_TYPES.map((documentType) => ({
    documentType,
    effectiveFrom: DECREE_72_IN_FORCE,
    lines: DECREE_72_LINES,
    verified: true,
  })),
  {
    documentType: 'LICENSE',
    effectiveFrom: DECREE_147_IN_FORCE,
    lines: [PRESS_LAW, DECREE_147, FUNCTION_BASIS_TOKEN],
    verified: true,
  },
  {
    documentType: 'INSPECTION_RECORD',
    effectiveFrom: DECREE_147_IN_FORCE,
    lines: [PRESS_LAW, DECREE_147, FUNCTION_BASIS_TOKEN],
    verified: true,
  },
  {
    documentType: 'CHANGE_NOTICE_CONFIRMATION',
    effectiveFrom: DECREE_147_IN_FORCE,
    lines: [DECREE_147],
    verified: false,
  },
];

/** The generic function line when the authority recorded none. */
export function defaultFunctionBasis(authorityNameInText: string): string {
  return `Căn cứ quy định về chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của ${authorityNameInText};`;
}

/** Problems with a set of "Căn cứ" lines: empty lines, lines that are not a basis, repealed texts. */
export function legalBasisLineProblems(lines: readonly string[]): { index: number; message: string }[] {
  const problems: { index: number; message: string }[] = [];
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === FUNCTION_BASIS_TOKEN) return;
    if (!line.startsWith('Căn cứ '))
      problems.push({ index, message: `must start with "Căn cứ " or be ${FUNCTION_BASIS_TOKEN}` });
    const repealed = REPEALED_TEXTS.find((t) => citesText(line, t));
    if (repealed) problems.push({ index, message: `cites ${repealed}, repealed by Nghị định 147/2024/NĐ-CP` });
  });
  return problems;
}

/** Whether a text cites a decree number such as 72/2013/NĐ-CP (written with or without "số", NĐ or ND). */
export function citesText(text: string, decree: string): boolean {
  const [n, year] = decree.split('/');
  return new RegExp(`(^|[^0-9])${n}/${year}/N[ĐD]-CP`, 'iu').test(text);
}

// ---------------------------------------------------------------------------------------------------------------
// Sanctions: the source of each violation-type entry.

/** Decree 174/2026/NĐ-CP: signed 15 May 2026, in force 1 July 2026 per secondary sources (unverified). */
export const DECREE_174_IN_FORCE = '2026-07-01';
/** The date migration 1764488000000 wrongly gave Decree 174/2026 entries. */
export const DECREE_174_WRONG_DATE = '2026-01-01';

export interface ViolationSourceSeed {
  code: string;
  effectiveFrom: string;
  sourceText: string;
  article: string | null;
  clause: string | null;
  /** Months of deprivation of the right to use the license the entry allows as an additional sanction. */
  deprivationMinMonths?: number;
  deprivationMaxMonths?: number;
}

const D119 = '2020-12-01';
const N119 = 'Nghị định 119/2020/NĐ-CP';
const N174 = 'Nghị định 174/2026/NĐ-CP';

/** Source text, article and clause of every seeded entry (docs/legal-basis.md lists them for review). */
export const VIOLATION_SOURCES: readonly ViolationSourceSeed[] = [
  { code: 'HOMEPAGE_DISCLOSURE', effectiveFrom: D119, sourceText: N119, article: 'Điều 20', clause: null },
  {
    code: 'HOMEPAGE_DISCLOSURE',
    effectiveFrom: DECREE_174_IN_FORCE,
    sourceText: N174,
    article: 'Điều 93',
    clause: null,
  },
  {
    code: 'CITATION_NOT_VERBATIM',
    effectiveFrom: D119,
    sourceText: N119,
    article: 'Điều 20',
    clause: 'khoản 2 điểm a',
    deprivationMinMonths: 1,
    deprivationMaxMonths: 3,
  },
  { code: 'DOMAIN_OR_SERVER', effectiveFrom: D119, sourceText: N119, article: 'Điều 20', clause: null },
  {
    code: 'DOMAIN_OR_SERVER',
    effectiveFrom: DECREE_174_IN_FORCE,
    sourceText: N174,
    article: 'Điều 45',
    clause: 'khoản 1',
  },
  { code: 'FALSE_OR_ILLEGAL_LINKS', effectiveFrom: D119, sourceText: N119, article: 'Điều 20', clause: null },
  {
    code: 'FALSE_OR_ILLEGAL_LINKS',
    effectiveFrom: DECREE_174_IN_FORCE,
    sourceText: N174,
    article: 'Điều 93',
    clause: null,
  },
  { code: 'WORKS_WITHOUT_CONSENT', effectiveFrom: D119, sourceText: N119, article: 'Điều 20', clause: null },
  {
    code: 'WORKS_WITHOUT_CONSENT',
    effectiveFrom: DECREE_174_IN_FORCE,
    sourceText: N174,
    article: 'Điều 93',
    clause: null,
  },
  { code: 'GRAVE_CONTENT', effectiveFrom: D119, sourceText: N119, article: 'Điều 20', clause: null },
  { code: 'NO_LICENSE', effectiveFrom: D119, sourceText: N119, article: 'Điều 20', clause: 'khoản 5' },
  { code: 'OWN_NEWS_PRODUCTION', effectiveFrom: D119, sourceText: N119, article: 'Điều 20', clause: null },
  { code: 'OUT_OF_SCOPE', effectiveFrom: D119, sourceText: N119, article: 'Điều 20', clause: null },
  { code: 'NOT_STORED', effectiveFrom: D119, sourceText: N119, article: null, clause: null },
  { code: 'NO_REPORT', effectiveFrom: D119, sourceText: N119, article: 'Điều 21', clause: null },
  { code: 'LATE_CHANGE_NOTICE', effectiveFrom: D119, sourceText: N119, article: null, clause: null },
];

// ---------------------------------------------------------------------------------------------------------------
// The requirement catalogue's references.

const R_147 = 'Nghị định 147/2024/NĐ-CP (điều khoản chưa được xác nhận)';

/** The legal basis of the dossier documents per application type, under Decree 147/2024 (unverified). */
export const REQUIREMENT_BASES: Readonly<Record<string, string>> = {
  NEW: R_147,
  AMENDMENT: R_147,
  EXTENSION: R_147,
  REISSUE: R_147,
  CHANGE_NOTICE: R_147,
};
