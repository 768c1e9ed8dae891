import {
  DEFAULT_RECIPIENTS,
  FIRST_LINE_INDENT,
  OfficialDocument,
  recipientsBlock,
  signatureBlock,
} from '../pdf/layout';
import type { AuthorityBlock } from '../pdf/pdf.types';
import { formatVietnameseDate, placeAndDate, vietnamMidnight } from '../pdf/vietnamese-format';

/** One section of the synthesis report: a heading and its lines ("label: value"). */
export interface SynthesisSection {
  heading: string;
  lines: { label: string; value: string }[];
}

export interface SynthesisPdfData {
  authority: AuthorityBlock;
  /** e.g. 'BC-STTTT': the report's number is filled in at signing ("Số:     /BC-STTTT"). */
  numberSuffix: string;
  signedOn: string;
  periodLabel: string; // '6 tháng đầu năm 2026' | 'năm 2026'
  coversFrom: string;
  coversTo: string;
  recipient: string; // 'Ủy ban nhân dân tỉnh Nghệ An'
  sections: SynthesisSection[];
  units: { name: string; status: string }[];
}

/**
 * The authority's synthesis report to the Provincial People's Committee (the provincial plan: the department
 * synthesizes the units' and localities' half-yearly and annual reports), Decree 30/2020 layout, fonts embedded.
 */
export async function renderSynthesisReport(data: SynthesisPdfData): Promise<Buffer> {
  const a = data.authority;
  const d = new OfficialDocument({
    title: `Báo cáo ${data.periodLabel}`,
    author: a.nameInText?.trim() || a.name,
    subject: `Kết quả quản lý trang thông tin điện tử tổng hợp ${data.periodLabel}`,
    date: vietnamMidnight(data.signedOn),
  });
  d.header({
    parentBody: a.parentBody,
    name: a.name,
    number: `      /${data.numberSuffix}`,
    placeDate: placeAndDate(a.placeName, data.signedOn),
  });
  d.moveDown(4);
  d.title(['BÁO CÁO'], { gapAfter: 2 });
  d.centered(`Kết quả quản lý trang thông tin điện tử tổng hợp ${data.periodLabel}`, { font: 'bold', gapAfter: 4 });
  d.centered(`(Số liệu từ ${formatVietnameseDate(data.coversFrom)} đến ${formatVietnameseDate(data.coversTo)})`, {
    font: 'italic',
    gapAfter: 10,
  });
  d.centered(`Kính gửi: ${data.recipient}.`, { gapAfter: 10 });
  data.sections.forEach((s, i) => {
    d.paragraph([{ text: `${toRoman(i + 1)}. ${s.heading}`, font: 'bold' }], {
      indent: 0,
      keepWithNext: 3 * d.lineHeight(),
    });
    d.list(
      s.lines.map((l) => `${l.label}: ${l.value}`),
      { align: 'left', left: FIRST_LINE_INDENT, gapAfter: 6 },
    );
  });
  d.paragraph(
    [{ text: `${toRoman(data.sections.length + 1)}. Tình hình báo cáo của các đơn vị, địa phương`, font: 'bold' }],
    {
      indent: 0,
      keepWithNext: 3 * d.lineHeight(),
    },
  );
  d.list(data.units.length ? data.units.map((u) => `${u.name}: ${u.status}`) : ['Chưa có đơn vị báo cáo.'], {
    align: 'left',
    left: FIRST_LINE_INDENT,
    gapAfter: 6,
  });
  const recipients = recipientsBlock(a.recipients ?? DEFAULT_RECIPIENTS);
  const signature = signatureBlock(a.signerTitle, a.signerName);
  d.paragraph(`Trên đây là báo cáo kết quả quản lý trang thông tin điện tử tổng hợp ${data.periodLabel}./.`, {
    keepWithFollowing: d.closingHeight(recipients, signature),
  });
  d.closing(recipients, signature);
  return d.finish();
}

function toRoman(n: number): string {
  const r = ['', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];
  return r[n] ?? String(n);
}
