import type { SiteParticulars } from '../applications/approval.port';
import type { Authority } from '../authorities/authority.entity';
import { considerationLine } from '../pdf/pdf.service';
import type { AuthorityBlock, LicensePdfData } from '../pdf/pdf.types';
import { formatVietnameseDate } from '../pdf/vietnamese-format';
import type { Licensee, LicenseVersionKind } from './license.entity';

/**
 * The public verification link printed as a QR code on new license versions: the verification page, which also
 * answers JSON to a client that asks for it. Short (a smaller QR code) and unguessable (the code alone names the
 * license). Versions issued before it printed `/api/v1/public/licenses/verify?number=…&code=…`, which keeps
 * working; each version stores the URL it printed in its document, so their PDFs stay byte-identical.
 */
export function verificationUrl(publicBaseUrl: string, code: string): string {
  return `${publicBaseUrl}/v/${encodeURIComponent(code)}`;
}

/** The authority block of a license as the authority's record reads on the day of signing. */
export function authorityBlock(a: Authority, signerName: string): AuthorityBlock {
  return {
    parentBody: a.parentBody,
    name: a.name,
    placeName: a.province,
    signerTitle: a.signerTitle,
    signerName,
  };
}

/** The legal figures a license's obligations (Điều 3) state, as in force on its signing date. */
export interface ObligationFigures {
  contentRemovalHours: number;
  /** MM-DD of the annual report's due day (ANNUAL_REPORT_DUE_MONTH_DAY, or the authority's own). */
  annualReportDueMonthDay: string;
  changeNoticeWorkingDays: number;
}

/**
 * The obligations printed under Điều 3, with the figures in force (CONTENT_REMOVAL_HOURS, the annual report's due
 * day, CHANGE_NOTICE_WORKING_DAYS). With the seeded figures (3 hours, 15 January, 10 working days) the text is the
 * renderer's default word for word, so documents read the same as before the figures became data.
 */
export function licenseObligations(f: ObligationFigures): string[] {
  const [month, day] = f.annualReportDueMonthDay.split('-');
  return [
    'Tuân thủ các quy định của pháp luật về báo chí, sở hữu trí tuệ, quảng cáo và về quản lý, cung cấp, sử dụng dịch vụ Internet và thông tin trên mạng;',
    'Chỉ tổng hợp, trích dẫn nguyên văn, chính xác thông tin từ các nguồn tin chính thức nêu tại Điều 2, ghi rõ tên tác giả, tên cơ quan nguồn tin và thời gian đăng phát; không tự sản xuất tin, bài;',
    'Lưu trữ thông tin tổng hợp tối thiểu 90 ngày kể từ thời điểm đăng tải và nhật ký xử lý thông tin tối thiểu 02 năm; có phương án dự phòng bảo đảm an toàn, an ninh thông tin;',
    `Gỡ bỏ thông tin vi phạm pháp luật chậm nhất ${String(f.contentRemovalHours).padStart(2, '0')} giờ kể từ khi có yêu cầu của cơ quan nhà nước có thẩm quyền;`,
    'Hiển thị trên trang chủ tên tổ chức, số giấy phép, ngày cấp, cơ quan cấp phép và người chịu trách nhiệm quản lý nội dung;',
    `Báo cáo định kỳ hằng năm trước ngày ${day} tháng ${month} và báo cáo đột xuất theo yêu cầu của cơ quan quản lý nhà nước;`,
    'Đề nghị sửa đổi, bổ sung giấy phép khi thay đổi tên tổ chức, nơi đặt máy chủ, người chịu trách nhiệm quản lý nội dung, nội dung và phạm vi thông tin; ' +
      `thông báo bằng văn bản trong thời hạn ${f.changeNoticeWorkingDays} ngày làm việc khi thay đổi chủ sở hữu hoặc địa chỉ trụ sở chính.`,
  ];
}

export interface LicenseDocumentInput {
  authority: AuthorityBlock;
  number: string;
  edition: number;
  kind: LicenseVersionKind;
  signedOn: string;
  issuedOn: string;
  expiresOn: string;
  licensee: Licensee;
  site: SiteParticulars;
  verificationUrl: string;
  verificationCode: string;
  /** For a later version: the date the version it replaces was signed. */
  previousSignedOn?: string;
  /** The 'Căn cứ …' lines in force on `signedOn` (the authority's legal-basis data). */
  legalBases: string[];
  /** The obligations (Điều 3) with the legal figures in force on `signedOn`. */
  obligations: string[];
}

/**
 * The complete input of one version's PDF. It is stored with the version, so that re-rendering later gives the
 * same bytes even after the authority's signer or the server's public URL changed.
 */
export function licenseDocument(i: LicenseDocumentInput): LicensePdfData {
  const data: LicensePdfData = {
    authority: i.authority,
    number: i.number,
    version: i.edition,
    kind: i.kind,
    signedOn: i.signedOn,
    issuedOn: i.issuedOn,
    expiresOn: i.expiresOn,
    licensee: {
      name: i.licensee.name,
      headOffice: i.licensee.headOffice,
      phone: i.licensee.phone,
      email: i.licensee.email,
      registrationNumber: i.licensee.registrationNumber,
      ...(i.licensee.legalRepresentative ? { legalRepresentative: i.licensee.legalRepresentative } : {}),
      ...(i.licensee.owner ? { owner: i.licensee.owner } : {}),
    },
    site: {
      name: i.site.name,
      domains: [...i.site.domains],
      contentScope: i.site.contentScope,
      ...(i.site.sections?.length ? { sections: [...i.site.sections] } : {}),
      informationSources: [...i.site.informationSources],
      serverLocation: i.site.serverLocation,
      contentManager: {
        fullName: i.site.contentManager.fullName,
        position: i.site.contentManager.position,
      },
    },
    verificationUrl: i.verificationUrl,
    verificationCode: i.verificationCode,
  };
  // The bases in force on the signing date, stored with the version so that it always renders the same.
  data.legalBases = [...i.legalBases, considerationLine(data)];
  data.obligations = [...i.obligations];
  if (i.previousSignedOn && i.kind !== 'NEW') {
    data.previousNumberNote =
      `Giấy phép này thay thế Giấy phép số ${i.number} ` +
      `${i.previousSignedOn === i.issuedOn ? 'cấp' : 'ký'} ${formatVietnameseDate(i.previousSignedOn)}.`;
  }
  return data;
}
