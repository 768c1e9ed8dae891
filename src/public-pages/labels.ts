import type { LicenseStatus } from '../licenses/license.entity';

/**
 * Every text the public pages show, in Vietnamese with full diacritics (one catalogue, so that wording is changed
 * in one place). The status words follow the license's lifecycle (docs/state-machines.md).
 */
export const STATUS_LABEL: Record<LicenseStatus, string> = {
  ACTIVE: 'Còn hiệu lực',
  SUSPENDED: 'Đang bị đình chỉ',
  REVOKED: 'Đã bị thu hồi',
  EXPIRED: 'Đã hết hạn',
  TERMINATED: 'Đã chấm dứt hoạt động',
};

export const T = {
  siteTitle: 'Tra cứu giấy phép trang thông tin điện tử tổng hợp',
  skipToContent: 'Bỏ qua, đến nội dung chính',
  registryTitle: 'Sổ đăng ký giấy phép trang thông tin điện tử tổng hợp',
  registryIntro:
    'Danh sách công khai các trang thông tin điện tử tổng hợp đã được cấp giấy phép. ' +
    'Tìm theo số giấy phép, tên miền, tên trang hoặc tên tổ chức được cấp phép.',
  searchLabel: 'Số giấy phép, tên miền, tên trang hoặc tổ chức',
  statusLabel: 'Tình trạng',
  allStatuses: 'Tất cả',
  searchButton: 'Tìm kiếm',
  clearFilters: 'Xóa bộ lọc',
  resultsNav: 'Phân trang kết quả',
  previousPage: 'Trang trước',
  nextPage: 'Trang sau',
  number: 'Số giấy phép',
  siteName: 'Tên trang thông tin',
  domains: 'Tên miền',
  licensee: 'Tổ chức được cấp phép',
  headOffice: 'Trụ sở chính',
  authority: 'Cơ quan cấp phép',
  issuedOn: 'Ngày cấp',
  expiresOn: 'Có giá trị đến hết ngày',
  suspendedUntil: 'Đình chỉ đến hết ngày',
  edition: 'Phiên bản giấy phép',
  status: 'Tình trạng',
  checkedAt: 'Thời điểm tra cứu',
  signature: 'Chữ ký số của bản giấy phép điện tử',
  licensePageLink: 'Xem giấy phép trong sổ đăng ký công khai',
  backToRegistry: 'Về trang tra cứu giấy phép',
  verifyHint:
    'Để xác thực một bản giấy phép, hãy quét mã QR in trên giấy phép: trang xác thực cho biết giấy phép đó ' +
    'có đúng do cơ quan nhà nước cấp hay không.',
  noPersonalData: 'Trang này chỉ hiển thị thông tin công khai của giấy phép, không có thông tin cá nhân.',
  footer: 'Thông tin công khai về giấy phép thiết lập trang thông tin điện tử tổng hợp.',
} as const;

/** "Tìm thấy 3 giấy phép" / "Không tìm thấy giấy phép nào". */
export function resultCount(total: number, term: string): string {
  if (total > 0) return `Tìm thấy ${String(total).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} giấy phép`;
  return term ? `Không tìm thấy giấy phép nào khớp với “${term}”` : 'Chưa có giấy phép nào';
}

export function pageOfPages(page: number, pages: number): string {
  return `Trang ${page} / ${pages}`;
}
