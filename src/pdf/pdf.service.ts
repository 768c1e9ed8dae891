import { createHash } from 'node:crypto';
import { domainToASCII } from 'node:url';
import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  DEFAULT_RECIPIENTS,
  FIRST_LINE_INDENT,
  Inline,
  loadFonts,
  OfficialDocument,
  recipientsBlock,
  Run,
  signatureBlock,
  TYPE,
} from './layout';
import type { DocumentSigner } from '../signing/document-signer';
import { signPdf } from '../signing/pdf-signature';
import type {
  AuthorityBlock,
  DocumentSeal,
  ChangeNoticeConfirmationPdfData,
  InspectionRecordPdfData,
  LicensePdfData,
} from './pdf.types';
import {
  formatVietnameseDate,
  formatVietnamInstant,
  placeAndDate,
  upperVi,
  vietnamMidnight,
} from './vietnamese-format';

/** Lower-case hex SHA-256 of a buffer (the digest stored with each rendered document). */
export function sha256Hex(buf: Buffer | Uint8Array): string {
  return createHash('sha256').update(buf).digest('hex');
}

export const LICENSE_TITLE = 'GIẤY PHÉP THIẾT LẬP TRANG THÔNG TIN ĐIỆN TỬ TỔNG HỢP TRÊN MẠNG';

const KIND_LABEL: Record<LicensePdfData['kind'], string> = {
  NEW: 'cấp mới',
  AMENDMENT: 'sửa đổi, bổ sung',
  EXTENSION: 'gia hạn',
  REISSUE: 'cấp lại',
  CHANGE_NOTICE: 'cập nhật theo thông báo thay đổi',
};

const KIND_REQUEST: Record<LicensePdfData['kind'], string> = {
  NEW: 'hồ sơ đề nghị cấp giấy phép',
  AMENDMENT: 'hồ sơ đề nghị sửa đổi, bổ sung giấy phép',
  EXTENSION: 'hồ sơ đề nghị gia hạn giấy phép',
  REISSUE: 'hồ sơ đề nghị cấp lại giấy phép',
  CHANGE_NOTICE: 'văn bản thông báo thay đổi thông tin',
};

/** The obligations printed under Điều 3 when the data gives none (Decree 72/2013 as amended; Circular 09/2014). */
export const DEFAULT_OBLIGATIONS: readonly string[] = [
  'Tuân thủ các quy định của pháp luật về báo chí, sở hữu trí tuệ, quảng cáo và về quản lý, cung cấp, sử dụng dịch vụ Internet và thông tin trên mạng;',
  'Chỉ tổng hợp, trích dẫn nguyên văn, chính xác thông tin từ các nguồn tin chính thức nêu tại Điều 2, ghi rõ tên tác giả, tên cơ quan nguồn tin và thời gian đăng phát; không tự sản xuất tin, bài;',
  'Lưu trữ thông tin tổng hợp tối thiểu 90 ngày kể từ thời điểm đăng tải và nhật ký xử lý thông tin tối thiểu 02 năm; có phương án dự phòng bảo đảm an toàn, an ninh thông tin;',
  'Gỡ bỏ thông tin vi phạm pháp luật chậm nhất 03 giờ kể từ khi có yêu cầu của cơ quan nhà nước có thẩm quyền;',
  'Hiển thị trên trang chủ tên tổ chức, số giấy phép, ngày cấp, cơ quan cấp phép và người chịu trách nhiệm quản lý nội dung;',
  'Báo cáo định kỳ hằng năm trước ngày 15 tháng 01 và báo cáo đột xuất theo yêu cầu của cơ quan quản lý nhà nước;',
  'Đề nghị sửa đổi, bổ sung giấy phép khi thay đổi tên tổ chức, nơi đặt máy chủ, người chịu trách nhiệm quản lý nội dung, nội dung và phạm vi thông tin; thông báo bằng văn bản trong thời hạn 10 ngày làm việc khi thay đổi chủ sở hữu hoặc địa chỉ trụ sở chính.',
];

function capitalizeFirst(text: string): string {
  return text.length === 0 ? text : text.charAt(0).toLocaleUpperCase('vi-VN') + text.slice(1);
}

/** Ends a list item with ';' (or '.' for the last one) unless it already ends with punctuation. */
function punctuate(text: string, last: boolean): string {
  const t = text.trim();
  return /[.;:!?]$/.test(t) ? t : `${t}${last ? '.' : ';'}`;
}

/** 'KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC' → 'GIÁM ĐỐC': the title of the head in whose name the document is signed. */
function headTitle(signerTitle: string): string {
  const first = signerTitle.split('\n')[0]?.trim() ?? '';
  return first.replace(/^(KT|TM|TL|TUQ|Q)\.\s*/i, '');
}

function authorityInText(a: AuthorityBlock): string {
  return a.nameInText?.trim() || a.name;
}

/** 'xứnghệ.vn' → 'xứnghệ.vn (xn--xngh-…)': IDNs also shown in their ASCII form. */
function domainLabel(domain: string): string {
  const d = domain.trim();
  if (!/[^ -~]/.test(d)) {
    return d; // printable ASCII only
  }
  const ascii = domainToASCII(d);
  return ascii && ascii !== d ? `${d} (${ascii})` : d;
}

function labelled(label: string, value: string, valueFont: Run['font'] = 'regular'): Run[] {
  return [
    { text: `${label}: `, font: 'regular' },
    { text: value, font: valueFont },
  ];
}

function requireText(value: string | undefined, what: string): void {
  if (!value || !value.trim()) {
    throw new RangeError(`${what} is required`);
  }
}

/** Why the authority signs (the signature dictionary's /Reason). */
const SIGNING_REASON = 'Ký ban hành văn bản';

/**
 * Prepares the signature of a sealed document (`seal` present in its data): the visible block and the placeholder.
 * A document without a seal was issued before documents were signed and is rendered as it was.
 */
function prepareSeal(
  d: OfficialDocument,
  seal: DocumentSeal | undefined,
  signer: DocumentSigner | undefined,
  a: AuthorityBlock,
): DocumentSigner | undefined {
  if (!seal) return undefined;
  if (!signer) throw new RangeError('A sealed document needs its signer');
  const signedAt = new Date(seal.signedAt);
  if (Number.isNaN(signedAt.getTime())) throw new RangeError('The seal’s signing time is not a date');
  d.seal({
    signerName: signer.identity.commonName,
    signedAt,
    signedAtText: formatVietnamInstant(signedAt),
    development: signer.identity.development,
    reason: SIGNING_REASON,
    location: a.placeName,
  });
  return signer;
}

async function finishSigned(d: OfficialDocument, signer: DocumentSigner | undefined): Promise<Buffer> {
  const bytes = await d.finish();
  return signer ? signPdf(bytes, signer) : bytes;
}

/**
 * Renders the official documents as PDF: pure functions of their data (same data → same bytes), fonts embedded,
 * Vietnamese text extractable.
 */
@Injectable()
export class PdfService implements OnModuleInit {
  static sha256Hex(buf: Buffer | Uint8Array): string {
    return sha256Hex(buf);
  }

  /** Reads and parses the fonts at startup: a missing font file fails the boot, not the first render. */
  onModuleInit(): void {
    loadFonts();
  }

  /** The license (giấy phép), one version of it, with the QR code to the public registry on page 1. */
  async renderLicense(data: LicensePdfData, signer?: DocumentSigner): Promise<Buffer> {
    requireText(data.number, 'The license number');
    requireText(data.verificationUrl, 'The verification URL');
    if (data.site.domains.length === 0) throw new RangeError('A license names at least one domain');
    if (data.site.informationSources.length === 0) throw new RangeError('A license names at least one source');

    const a = data.authority;
    const d = new OfficialDocument({
      title: `Giấy phép số ${data.number}`,
      author: authorityInText(a),
      subject: `${capitalizeFirst(LICENSE_TITLE.toLocaleLowerCase('vi-VN'))}: ${data.site.name}`,
      keywords: data.site.domains.join(', '),
      date: vietnamMidnight(data.signedOn),
    });
    const sealedBy = prepareSeal(d, data.seal, signer, a);

    d.verificationStrip({
      url: data.verificationUrl,
      code: data.verificationCode,
      caption: 'Kiểm tra hiệu lực của giấy phép: quét mã QR hoặc truy cập địa chỉ',
    });
    d.header({
      parentBody: a.parentBody,
      name: a.name,
      number: data.number,
      placeDate: placeAndDate(a.placeName, data.signedOn),
    });
    d.title(['GIẤY PHÉP THIẾT LẬP TRANG THÔNG TIN ĐIỆN TỬ', 'TỔNG HỢP TRÊN MẠNG'], { gapAfter: 2 });
    if (data.kind !== 'NEW' || data.version > 1) {
      d.centered(
        `(Cấp lần đầu ${formatVietnameseDate(data.issuedOn)}; ${KIND_LABEL[data.kind]} ` +
          `${formatVietnameseDate(data.signedOn)} - phiên bản số ${data.version})`,
        { font: 'italic', size: 12, gapAfter: 2 },
      );
    }
    d.moveDown(8);
    d.centered(upperVi(a.deciderTitle?.trim() || `${headTitle(a.signerTitle)} ${a.name}`), {
      font: 'bold',
      size: TYPE.body,
      gapAfter: 8,
    });

    const bases = data.legalBases ?? this.defaultLegalBases(data);
    for (const basis of bases) {
      d.paragraph(basis, { font: 'italic', gapAfter: 3 });
    }
    d.moveDown(4);
    d.centered('QUYẾT ĐỊNH:', { font: 'bold', size: TYPE.body, gapAfter: 8 });

    // Điều 1 — the licensee
    const l = data.licensee;
    d.paragraph(
      [
        { text: 'Điều 1. ', font: 'bold' },
        { text: 'Cho phép ' },
        { text: l.name, font: 'bold' },
        { text: ' thiết lập trang thông tin điện tử tổng hợp trên mạng.' },
      ],
      { keepWithNext: 2 * d.lineHeight() },
    );
    const particulars: Inline[] = [
      labelled('Tên tổ chức', l.name),
      labelled('Trụ sở chính', l.headOffice),
      [{ text: `Điện thoại: ${l.phone}; thư điện tử: ${l.email}` }],
      labelled('Số Giấy chứng nhận đăng ký doanh nghiệp (hoặc quyết định thành lập)', l.registrationNumber),
    ];
    if (l.legalRepresentative?.trim()) {
      particulars.push(labelled('Người đại diện theo pháp luật', l.legalRepresentative));
    }
    if (l.owner?.trim()) particulars.push(labelled('Chủ sở hữu', l.owner));
    d.list(particulars, { align: 'left' });

    // Điều 2 — the site
    const s = data.site;
    d.paragraph(
      [
        { text: 'Điều 2. ', font: 'bold' },
        { text: 'Trang thông tin điện tử tổng hợp được cấp phép có các nội dung sau:' },
      ],
      { keepWithNext: 2 * d.lineHeight() },
    );
    let n = 0;
    const item = (content: Inline, keepWithNext = 0): void => {
      n += 1;
      if (keepWithNext) d.ensureSpace(d.lineHeight() + keepWithNext);
      d.list([content], { marker: () => `${n}.`, markerWidth: 20, gapAfter: 3 });
    };
    const sub = (items: string[]): void => {
      d.list(
        items.map((t, i) => t + (i === items.length - 1 ? '.' : ';')),
        { left: FIRST_LINE_INDENT + 20, markerWidth: 12, align: 'left', gapAfter: 4 },
      );
    };
    item(labelled('Tên trang thông tin điện tử', s.name, 'bold'));
    item([{ text: 'Tên miền:' }], d.lineHeight());
    sub(s.domains.map(domainLabel));
    item(labelled('Nội dung thông tin, phạm vi', s.contentScope));
    if (s.sections && s.sections.length > 0) {
      item(labelled('Các chuyên mục', s.sections.map((x) => x.trim()).join('; ') + '.'));
    }
    item(
      [
        {
          text:
            'Nguồn tin: tổng hợp, trích dẫn nguyên văn, chính xác thông tin từ các nguồn tin chính thức sau ' +
            '(có văn bản thỏa thuận kèm theo hồ sơ):',
        },
      ],
      d.lineHeight(),
    );
    d.list(
      s.informationSources.map((src, i) => punctuate(src, i === s.informationSources.length - 1)),
      {
        left: FIRST_LINE_INDENT + 20,
        markerWidth: 24,
        marker: (i) => `${n}.${i + 1}.`,
        align: 'left',
        gapAfter: 4,
      },
    );
    const m = s.contentManager;
    const managerRuns: Run[] = [
      { text: 'Người chịu trách nhiệm quản lý nội dung: ' },
      { text: m.fullName, font: 'bold' },
      { text: `, ${m.position}` },
    ];
    const contact = [m.phone ? `điện thoại: ${m.phone}` : '', m.email ? `thư điện tử: ${m.email}` : '']
      .filter(Boolean)
      .join('; ');
    managerRuns.push({ text: contact ? `; ${contact}.` : '.' });
    item(managerRuns);
    item(labelled('Nơi đặt máy chủ', s.serverLocation));

    // Điều 3 — obligations and validity
    d.paragraph([{ text: 'Điều 3. ', font: 'bold' }, { text: l.name, font: 'bold' }, { text: ' có trách nhiệm:' }], {
      keepWithNext: 2 * d.lineHeight(),
    });
    const obligations = data.obligations ?? DEFAULT_OBLIGATIONS;
    d.list(
      obligations.map((o, i) => punctuate(o, i === obligations.length - 1)),
      { marker: (i) => `${String.fromCharCode(97 + (i % 26))})`, markerWidth: 18 },
    );
    const recipients = recipientsBlock(a.recipients ?? DEFAULT_RECIPIENTS);
    const signature = signatureBlock(a.signerTitle, a.signerName, undefined, { seal: true });
    const keepWithFollowing = d.closingHeight(recipients, signature);
    const note = data.previousNumberNote?.trim();
    const validity = `Giấy phép có giá trị đến ${formatVietnameseDate(data.expiresOn)}.${note ? '' : '/.'}`;
    if (note) {
      d.paragraph(validity);
      d.paragraph(`${punctuate(note, true)}/.`, { font: 'italic', keepWithFollowing });
    } else {
      d.paragraph(validity, { keepWithFollowing });
    }

    d.closing(recipients, signature);
    return finishSigned(d, sealedBy);
  }

  /** The inspection record (biên bản kiểm tra) of a periodic or ad hoc inspection. */
  async renderInspectionRecord(data: InspectionRecordPdfData, signer?: DocumentSigner): Promise<Buffer> {
    requireText(data.recordNumber, 'The record number');
    if (data.team.length === 0) throw new RangeError('An inspection team has at least one member');
    const a = data.authority;
    const kindText = data.kind === 'PERIODIC' ? 'định kỳ' : 'đột xuất';
    const d = new OfficialDocument({
      title: `Biên bản kiểm tra số ${data.recordNumber}`,
      author: authorityInText(a),
      subject: `Biên bản kiểm tra ${kindText}: ${data.licensee.name}`,
      keywords: data.license.domains.join(', '),
      date: vietnamMidnight(data.inspectedOn),
    });
    const sealedBy = prepareSeal(d, data.seal, signer, a);
    if (data.verificationUrl) {
      d.verificationStrip({
        url: data.verificationUrl,
        code: data.verificationCode ?? '',
        caption: 'Kiểm tra biên bản: quét mã QR hoặc truy cập địa chỉ',
      });
    }
    d.header({ parentBody: a.parentBody, name: a.name, number: data.recordNumber });
    d.title(['BIÊN BẢN KIỂM TRA'], { gapAfter: 0 });
    d.centered('Việc chấp hành quy định về thiết lập, hoạt động trang thông tin điện tử tổng hợp', {
      font: 'bold',
      gapAfter: 0,
    });
    d.centered(`(Kiểm tra ${kindText})`, { font: 'italic', gapAfter: 12 });
    for (const basis of data.legalBases ?? []) d.paragraph(basis, { font: 'italic', gapAfter: 3 });

    d.paragraph(
      `Hôm nay, ${formatVietnameseDate(data.inspectedOn)}, tại ${data.place.trim()}, Đoàn kiểm tra của ` +
        `${authorityInText(a)} tiến hành kiểm tra ${kindText} việc chấp hành quy định của pháp luật về trang ` +
        `thông tin điện tử tổng hợp đối với ${data.licensee.name}.`,
    );

    let section = 0;
    const roman = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII'];
    const heading = (text: string): void => {
      d.paragraph([{ text: `${roman[section++]}. ${upperVi(text)}`, font: 'bold' }], {
        keepWithNext: 2 * d.lineHeight(),
        gapAfter: 4,
      });
    };

    heading('Thành phần');
    d.paragraph([{ text: '1. Đoàn kiểm tra:', font: 'bold' }], { keepWithNext: d.lineHeight(), gapAfter: 3 });
    d.list(
      data.team.map((t, i) => {
        const role = t.role?.trim() ? ` - ${t.role.trim()}` : '';
        return [
          { text: t.fullName, font: 'bold' as const },
          { text: punctuate(`, ${t.position}${role}`, i === data.team.length - 1) },
        ];
      }),
      { align: 'left' },
    );
    d.paragraph([{ text: '2. Đối tượng được kiểm tra:', font: 'bold' }], {
      keepWithNext: d.lineHeight(),
      gapAfter: 3,
    });
    const li = data.licensee;
    const subject: Inline[] = [
      labelled('Tên tổ chức', li.name, 'bold'),
      labelled('Trụ sở chính', li.headOffice),
      labelled('Số Giấy chứng nhận đăng ký doanh nghiệp (hoặc quyết định thành lập)', li.registrationNumber),
    ];
    if (li.representative?.trim()) subject.push(labelled('Người đại diện', li.representative));
    subject.push(
      labelled(
        'Giấy phép thiết lập trang thông tin điện tử tổng hợp',
        `số ${data.license.number} cấp ${formatVietnameseDate(data.license.issuedOn)}`,
      ),
      labelled('Tên miền', data.license.domains.map(domainLabel).join('; ')),
    );
    d.list(subject, { align: 'left' });

    heading('Nội dung kiểm tra');
    d.paragraph(data.scope);

    heading('Kết quả kiểm tra');
    if (data.findings.length > 0) {
      d.list(
        data.findings.map((f, i) => punctuate(f, i === data.findings.length - 1)),
        { marker: (i) => `${i + 1}.`, markerWidth: 20 },
      );
    } else {
      d.paragraph('Không ghi nhận nội dung nào.');
    }

    if (data.violations && data.violations.length > 0) {
      heading('Hành vi vi phạm');
      const v = data.violations;
      d.list(
        v.map((x, i) => [
          { text: `${x.title.trim().replace(/[.:;]$/, '')}: `, font: 'bold' as const },
          { text: `${x.description.trim().replace(/[.;]$/, '')} ` },
          { text: `(mã vi phạm: ${x.code})`, font: 'italic' as const },
          { text: i === v.length - 1 ? '.' : ';' },
        ]),
        { marker: (i) => `${i + 1}.`, markerWidth: 20 },
      );
    }

    heading('Kết luận');
    d.paragraph(data.conclusion);

    heading('Yêu cầu khắc phục');
    if (data.remedies.length > 0) {
      d.list(
        data.remedies.map((r, i) => {
          const due = r.dueOn ? ` (thời hạn hoàn thành: trước ${formatVietnameseDate(r.dueOn)})` : '';
          return punctuate(`${r.description.trim().replace(/[.;]$/, '')}${due}`, i === data.remedies.length - 1);
        }),
        { marker: (i) => `${i + 1}.`, markerWidth: 20 },
      );
    } else {
      d.paragraph('Không có yêu cầu khắc phục.');
    }

    const leader = data.team.find((t) => /trưởng đoàn/i.test(t.role ?? '')) ?? data.team[0];
    const licenseeSignature = signatureBlock(
      'ĐẠI DIỆN TỔ CHỨC\nĐƯỢC KIỂM TRA',
      li.representative?.trim() || ' ',
      '(Ký, ghi rõ họ tên, đóng dấu)',
    );
    const leaderSignature = signatureBlock('TRƯỞNG ĐOÀN KIỂM TRA', leader.fullName, '(Ký, ghi rõ họ tên)', {
      seal: true,
    });
    d.paragraph(
      `Biên bản được lập thành 02 bản có giá trị pháp lý như nhau, Đoàn kiểm tra giữ 01 bản, ${li.name} giữ ` +
        '01 bản. Biên bản đã được đọc lại cho những người có tên trên cùng nghe, thống nhất và ký tên dưới đây./.',
      { keepWithFollowing: d.closingHeight(licenseeSignature, leaderSignature) },
    );
    d.closing(licenseeSignature, leaderSignature);
    return finishSigned(d, sealedBy);
  }

  /** The authority's letter confirming a notified change (owner, head office) of a licensed site. */
  async renderChangeNoticeConfirmation(
    data: ChangeNoticeConfirmationPdfData,
    signer?: DocumentSigner,
  ): Promise<Buffer> {
    requireText(data.letterNumber, 'The letter number');
    if (data.changes.length === 0) throw new RangeError('A confirmation lists at least one change');
    const a = data.authority;
    const d = new OfficialDocument({
      title: `Văn bản số ${data.letterNumber}`,
      author: authorityInText(a),
      subject: `Xác nhận thông báo thay đổi thông tin: ${data.recipientName}`,
      date: vietnamMidnight(data.signedOn),
    });
    const sealedBy = prepareSeal(d, data.seal, signer, a);
    if (data.verificationUrl) {
      d.verificationStrip({
        url: data.verificationUrl,
        code: data.verificationCode ?? '',
        caption: 'Kiểm tra văn bản: quét mã QR hoặc truy cập địa chỉ',
      });
    }
    d.header({
      parentBody: a.parentBody,
      name: a.name,
      number: data.letterNumber,
      summary: 'V/v xác nhận thông báo thay đổi thông tin',
      placeDate: placeAndDate(a.placeName, data.signedOn),
    });
    d.moveDown(4);
    d.centered(`Kính gửi: ${data.recipientName.trim()}.`, { size: TYPE.title, gapAfter: 12 });
    for (const basis of data.legalBases ?? []) d.paragraph(basis, { font: 'italic', gapAfter: 3 });

    const who = authorityInText(a);
    d.paragraph(
      `${capitalizeFirst(formatVietnameseDate(data.receivedOn))}, ${who} nhận được văn bản của ` +
        `${data.recipientName} thông báo thay đổi thông tin của trang thông tin điện tử tổng hợp đã được cấp ` +
        `Giấy phép số ${data.licenseNumber} ${formatVietnameseDate(data.licenseIssuedOn)}, cụ thể như sau:`,
    );
    data.changes.forEach((c, i) => {
      d.paragraph([{ text: `${i + 1}. ${c.label}`, font: 'bold' }], { keepWithNext: d.lineHeight(), gapAfter: 3 });
      d.list([labelled('Thông tin trước khi thay đổi', c.before), labelled('Thông tin sau khi thay đổi', c.after)], {
        align: 'left',
        left: FIRST_LINE_INDENT + 8,
      });
    });
    d.paragraph(`Thời điểm thay đổi: ${formatVietnameseDate(data.changedOn)}.`);
    // Letters written before the legal bases became data (no `legalBases`) keep their original wording and bytes.
    const period = `${data.noticeWorkingDays ?? 10} ngày làm việc`;
    if (data.late && data.legalBases) {
      d.paragraph(
        `Việc thông báo được thực hiện quá thời hạn ${period} kể từ ngày thay đổi theo quy định. Đề nghị ` +
          `${data.recipientName} nghiêm túc thực hiện đúng thời hạn thông báo đối với các thay đổi tiếp theo; ` +
          'việc chậm thông báo có thể bị xem xét xử lý theo quy định của pháp luật.',
      );
    } else if (data.late) {
      d.paragraph(
        'Việc thông báo được thực hiện quá thời hạn 10 ngày làm việc kể từ ngày thay đổi theo quy định tại ' +
          'Nghị định số 72/2013/NĐ-CP (được sửa đổi, bổ sung bởi Nghị định số 27/2018/NĐ-CP). Đề nghị ' +
          `${data.recipientName} nghiêm túc thực hiện đúng thời hạn thông báo đối với các thay đổi tiếp theo; ` +
          'việc chậm thông báo có thể bị xem xét xử lý theo quy định của pháp luật.',
      );
    } else {
      d.paragraph(`Việc thông báo được thực hiện trong thời hạn ${period} kể từ ngày thay đổi theo quy định.`);
    }
    const recipients = recipientsBlock(a.recipients ?? DEFAULT_RECIPIENTS);
    const signature = signatureBlock(a.signerTitle, a.signerName, undefined, { seal: true });
    d.paragraph(
      `${who} xác nhận đã nhận được thông báo thay đổi nêu trên. Các nội dung khác của Giấy phép số ` +
        `${data.licenseNumber} giữ nguyên hiệu lực. Đề nghị ${data.recipientName} cập nhật thông tin thay đổi ` +
        'trên trang chủ của trang thông tin điện tử tổng hợp và thực hiện đúng các quy định của pháp luật về ' +
        'quản lý, cung cấp, sử dụng dịch vụ Internet và thông tin trên mạng./.',
      { keepWithFollowing: d.closingHeight(recipients, signature) },
    );
    d.closing(recipients, signature);
    return finishSigned(d, sealedBy);
  }

  /**
   * The 'Căn cứ …' lines printed when the data gives none: only licenses issued before the lines became data (their
   * stored document has no `legalBases`), so their bytes never change. New versions store the lines in force.
   */
  defaultLegalBases(data: LicensePdfData): string[] {
    const a = data.authority;
    const functionBasis =
      a.functionBasis?.trim() ||
      `Căn cứ quy định về chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của ${authorityInText(a)}`;
    return [
      'Căn cứ Luật Báo chí ngày 05 tháng 4 năm 2016;',
      'Căn cứ Nghị định số 72/2013/NĐ-CP ngày 15 tháng 7 năm 2013 của Chính phủ quy định quản lý, cung cấp, sử dụng ' +
        'dịch vụ Internet và thông tin trên mạng;',
      'Căn cứ Nghị định số 27/2018/NĐ-CP ngày 01 tháng 3 năm 2018 của Chính phủ sửa đổi, bổ sung một số điều của ' +
        'Nghị định số 72/2013/NĐ-CP;',
      'Căn cứ Nghị định số 147/2024/NĐ-CP ngày 09 tháng 11 năm 2024 của Chính phủ quy định quản lý, cung cấp, sử ' +
        'dụng dịch vụ Internet và thông tin trên mạng;',
      punctuate(functionBasis.replace(/[.;]$/, ''), false),
      considerationLine(data),
    ];
  }
}

/** The closing 'Xét …' line under a license's legal bases (the request it decides). */
export function considerationLine(
  data: Pick<LicensePdfData, 'kind' | 'licensee' | 'applicationReference' | 'authority'>,
) {
  const dossier = data.applicationReference?.trim() ? ` (${data.applicationReference.trim()})` : '';
  const proposing = data.authority.proposingUnit?.trim()
    ? ` và đề nghị của ${data.authority.proposingUnit.trim()}`
    : '';
  return `Xét ${KIND_REQUEST[data.kind]} của ${data.licensee.name}${dossier}${proposing}.`;
}
