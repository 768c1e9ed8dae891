/**
 * Plain input data for the official documents rendered by PdfService. No entity, no database access:
 * callers map their records to these shapes. All dates are calendar dates `YYYY-MM-DD` (Vietnam time).
 */

export interface AuthorityBlock {
  parentBody: string; // e.g. 'UBND TỈNH NGHỆ AN'
  name: string; // e.g. 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG' (render upper-case)
  placeName: string; // 'Nghệ An' — used in the place/date line
  signerTitle: string; // 'GIÁM ĐỐC' (or 'KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC' — support \n)
  signerName: string;
  recipients?: string[]; // default: ['Như trên;', 'Bộ Văn hóa, Thể thao và Du lịch (để b/c);', 'Lưu: VT.']
  /**
   * The authority's name as written inside a sentence, e.g. 'Sở Thông tin và Truyền thông tỉnh Nghệ An'
   * (Vietnamese capitalisation of names cannot be derived from the upper-case form). Default: `name`.
   */
  nameInText?: string;
  /**
   * The decision-maker heading above the legal bases of a license, e.g. 'GIÁM ĐỐC SỞ THÔNG TIN VÀ TRUYỀN THÔNG'.
   * Default: the head's title taken from `signerTitle` (without 'KT.'/'TM.'/'Q.') followed by `name`.
   */
  deciderTitle?: string;
  /** The 'Căn cứ …' line naming the act on the authority's functions. Default: a generic line. */
  functionBasis?: string;
  /** Who proposes the decision inside the authority, e.g. 'Trưởng phòng Thông tin - Báo chí - Xuất bản'. */
  proposingUnit?: string;
}

/**
 * The digital signature a document carries, fixed when it is issued (stored with its data, so that a re-render
 * signs alike). Documents stored without one were issued before documents were signed and stay unsigned.
 */
export interface DocumentSeal {
  /** The claimed signing time: the decision's instant, from the application clock (ISO 8601). */
  signedAt: string;
  /** SHA-256 (hex) of the certificate the authority signed with at issuance. */
  certificateSha256: string;
}

export interface LicensePdfData {
  authority: AuthorityBlock;
  number: string; // '44/GP-STTTT'
  version: number; // 1 for the original; higher for amendments/extensions/reissues
  kind: 'NEW' | 'AMENDMENT' | 'EXTENSION' | 'REISSUE' | 'CHANGE_NOTICE';
  signedOn: string; // YYYY-MM-DD: the date of this version's decision
  issuedOn: string; // YYYY-MM-DD: first issue
  expiresOn: string; // YYYY-MM-DD
  /**
   * The 'Căn cứ …' lines and the closing 'Xét …' line, as in force on `signedOn` (the authority's legal-basis data).
   * Absent only in documents stored before the lines became data: those keep the renderer's original lines.
   */
  legalBases?: string[];
  licensee: {
    name: string;
    headOffice: string;
    phone: string;
    email: string;
    registrationNumber: string;
    legalRepresentative?: string;
    /** The owner (controlling member) named by a confirmed change notice; printed when present. */
    owner?: string;
  };
  site: {
    name: string;
    domains: string[];
    contentScope: string;
    sections?: string[];
    informationSources: string[];
    serverLocation: string;
    contentManager: { fullName: string; position: string; phone?: string; email?: string };
  };
  verificationUrl: string; // encoded in the QR code
  verificationCode: string; // printed small under the QR
  previousNumberNote?: string; // for a reissue/amendment: e.g. 'Giấy phép này thay thế Giấy phép số 44/GP-STTTT cấp ngày …' — render it when present
  /** Reference of the application dossier quoted in 'Xét đề nghị của …', e.g. 'hồ sơ số HS-2026-000123'. */
  applicationReference?: string;
  /** Obligations listed under Điều 3. Default: the obligations of Decree 72/2013 as amended (see pdf.service). */
  obligations?: string[];
  seal?: DocumentSeal;
}

export interface InspectionRecordPdfData {
  authority: AuthorityBlock;
  recordNumber: string; // '12/BB-STTTT'
  inspectedOn: string; // YYYY-MM-DD
  place: string;
  kind: 'PERIODIC' | 'AD_HOC';
  licensee: { name: string; headOffice: string; registrationNumber: string; representative?: string };
  license: { number: string; issuedOn: string; domains: string[] };
  team: { fullName: string; position: string; role?: string }[]; // role e.g. 'Trưởng đoàn'
  scope: string;
  findings: string[];
  conclusion: string;
  remedies: { description: string; dueOn?: string }[];
  violations?: { code: string; title: string; description: string }[];
  /** The 'Căn cứ …' lines in force on the day of the inspection; absent in records stored before they were data. */
  legalBases?: string[];
  /** Optional: a QR code and code to check the record online, drawn at the bottom of page 1. */
  verificationUrl?: string;
  verificationCode?: string;
  seal?: DocumentSeal;
}

export interface ChangeNoticeConfirmationPdfData {
  authority: AuthorityBlock;
  letterNumber: string; // '15/STTTT-TTĐT'
  signedOn: string;
  recipientName: string; // the licensee
  licenseNumber: string;
  licenseIssuedOn: string;
  changes: { label: string; before: string; after: string }[]; // e.g. 'Địa chỉ trụ sở chính'
  changedOn: string;
  receivedOn: string;
  late: boolean;
  /** The 'Căn cứ …' lines in force on `signedOn`; absent in letters stored before they were data (original text). */
  legalBases?: string[];
  /** The notice period in force (CHANGE_NOTICE_WORKING_DAYS) when the letter was written; default 10. */
  noticeWorkingDays?: number;
  /** Optional: a QR code and code to check the letter online, drawn at the bottom of page 1. */
  verificationUrl?: string;
  verificationCode?: string;
  seal?: DocumentSeal;
}
