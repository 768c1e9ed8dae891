import {
  DEFAULT_RECIPIENTS,
  FIRST_LINE_INDENT,
  OfficialDocument,
  recipientsBlock,
  Run,
  signatureBlock,
  TYPE,
} from './layout';
import type { AuthorityBlock } from './pdf.types';
import { placeAndDate, vietnamMidnight } from './vietnamese-format';

/**
 * An official letter (công văn) of the authority, Decree 30/2020 layout: the header with its number and "V/v"
 * summary, "Kính gửi", numbered paragraphs with optional bullet lists, recipients and signature. The oversight
 * letters (direction to apply for a license, correction and removal requests) are all of this shape. The data is
 * stored with the letter, so it always renders to the same bytes.
 */
export interface OfficialLetterPdfData {
  authority: AuthorityBlock;
  letterNumber: string;
  signedOn: string;
  /** After "V/v", e.g. 'đề nghị làm thủ tục cấp giấy phép thiết lập trang thông tin điện tử tổng hợp'. */
  summary: string;
  recipient: string;
  /** Paragraphs in order; a paragraph may carry a list of items printed under it. */
  body: { text: string; items?: string[]; bold?: boolean }[];
  recipients?: string[];
}

function authorityInText(a: AuthorityBlock): string {
  return a.nameInText?.trim() || a.name;
}

export async function renderOfficialLetter(data: OfficialLetterPdfData): Promise<Buffer> {
  if (!data.letterNumber.trim()) throw new RangeError('The letter number is required');
  if (data.body.length === 0) throw new RangeError('A letter has at least one paragraph');
  const a = data.authority;
  const d = new OfficialDocument({
    title: `Văn bản số ${data.letterNumber}`,
    author: authorityInText(a),
    subject: `V/v ${data.summary}`,
    date: vietnamMidnight(data.signedOn),
  });
  d.header({
    parentBody: a.parentBody,
    name: a.name,
    number: data.letterNumber,
    summary: `V/v ${data.summary}`,
    placeDate: placeAndDate(a.placeName, data.signedOn),
  });
  d.moveDown(4);
  d.centered(`Kính gửi: ${data.recipient.trim()}.`, { size: TYPE.title, gapAfter: 12 });
  const recipients = recipientsBlock(data.recipients ?? a.recipients ?? DEFAULT_RECIPIENTS);
  const signature = signatureBlock(a.signerTitle, a.signerName);
  data.body.forEach((p, i) => {
    const last = i === data.body.length - 1 && !p.items?.length;
    const content: Run[] = [{ text: p.text, font: p.bold ? 'bold' : 'regular' }];
    d.paragraph(content, last ? { keepWithFollowing: d.closingHeight(recipients, signature) } : {});
    if (p.items?.length) {
      d.list(p.items, { align: 'left', left: FIRST_LINE_INDENT, gapAfter: 4 });
    }
  });
  d.closing(recipients, signature);
  return d.finish();
}
