import type { LicenseSignature, Verification } from '../../registry/registry.service';
import { formatDate, formatInstant } from '../format';
import { markup, SafeHtml } from '../html';
import { T } from '../labels';
import { layout } from './layout';
import { fact, licenseFacts } from './license-facts';

interface Band {
  kind: 'valid' | 'invalid' | 'unknown';
  icon: string;
  /** What the reader must take away in three seconds, in capitals on the band. */
  headline: string;
  detail?: string;
}

/** The answer in words, colour and icon: green ✓ only for a license in force; everything else red ✗. */
export function bandOf(v: Verification): Band {
  if (!('number' in v)) {
    return {
      kind: 'unknown',
      icon: '✗',
      headline: 'KHÔNG TÌM THẤY GIẤY PHÉP',
      detail: 'Mã xác thực không đúng: giấy phép này không có trong sổ đăng ký, có thể là giả mạo.',
    };
  }
  switch (v.status) {
    case 'ACTIVE':
      return {
        kind: 'valid',
        icon: '✓',
        headline: 'GIẤY PHÉP CÒN HIỆU LỰC',
        detail: `Đến hết ngày ${formatDate(v.expiresOn)}`,
      };
    case 'SUSPENDED':
      return {
        kind: 'invalid',
        icon: '✗',
        headline: 'GIẤY PHÉP ĐANG BỊ ĐÌNH CHỈ',
        detail: v.suspendedUntil ? `Đến hết ngày ${formatDate(v.suspendedUntil)}` : undefined,
      };
    case 'REVOKED':
      return { kind: 'invalid', icon: '✗', headline: 'GIẤY PHÉP ĐÃ BỊ THU HỒI' };
    case 'EXPIRED':
      return {
        kind: 'invalid',
        icon: '✗',
        headline: 'GIẤY PHÉP ĐÃ HẾT HẠN',
        detail: `Hết hạn ngày ${formatDate(v.expiresOn)}`,
      };
    case 'TERMINATED':
      return { kind: 'invalid', icon: '✗', headline: 'GIẤY PHÉP ĐÃ CHẤM DỨT HIỆU LỰC' };
  }
}

/** What the signature check of the latest version's PDF found, in words (docs/signatures.md). */
export function signatureText(s: NonNullable<LicenseSignature>): string {
  const signer = s.signer?.commonName ?? '';
  switch (s.status) {
    case 'VALID':
      return s.development
        ? `Ký bằng chứng thư thử nghiệm (${signer}): không có giá trị sử dụng`
        : `Hợp lệ, ký bởi ${signer}`;
    case 'INVALID':
      return 'Không hợp lệ: bản điện tử đã bị sửa đổi sau khi ký';
    case 'SIGNER_MISMATCH':
      return 'Không khớp: bản điện tử được ký bằng chứng thư khác với chứng thư của cơ quan cấp phép';
    case 'UNSIGNED':
      return 'Không có (giấy phép cấp trước khi áp dụng chữ ký số)';
  }
}

function band(b: Band): SafeHtml {
  const detail = b.detail ? markup`<span class="band-detail">${b.detail}</span>` : '';
  return markup`<h1 class="band band-${b.kind}" id="verdict"><span class="band-icon" aria-hidden="true">${b.icon}</span>${b.headline}${detail}</h1>`;
}

/**
 * The page the QR code on a license opens: first the band (valid, suspended until …, revoked, expired, not
 * found), then the license's public particulars and when the check was made, in the authority's time zone.
 */
export function verificationPage(v: Verification, checkedAt: Date, timeZone: string): string {
  const b = bandOf(v);
  const when = formatInstant(checkedAt, timeZone);
  const checked = markup`<p class="checked">${T.checkedAt}: <time datetime="${checkedAt.toISOString()}">${when}</time></p>`;
  const body =
    'number' in v
      ? markup`${band(b)}
<div class="wrap">
<h2>${v.siteName}</h2>
${licenseFacts(v, { extra: v.signature ? [fact(T.signature, signatureText(v.signature))] : [] })}
${checked}
<p class="no-print"><a href="/registry/${v.id}">${T.licensePageLink}</a></p>
</div>`
      : markup`${band(b)}
<div class="wrap">
${checked}
<p class="note">${T.verifyHint}</p>
<p class="no-print"><a href="/registry">${T.backToRegistry}</a></p>
</div>`;
  const title = `${b.headline} – ${'number' in v ? v.number : T.siteTitle}`;
  return layout({ title, body, noindex: true });
}
