/**
 * Checks the rendered PDFs with poppler-utils (pdftotext, pdfinfo, pdffonts, pdftoppm) and zbar-tools (zbarimg).
 * These tools are required: a missing tool fails the tests with the package to install, it never skips them.
 *   apt-get install -y poppler-utils zbar-tools
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Test } from '@nestjs/testing';
import { MARGINS, OfficialDocument, parsedFontsReused, setParsedFontReuse } from './layout';
import { PdfModule } from './pdf.module';
import { PdfService, sha256Hex } from './pdf.service';
import type { ChangeNoticeConfirmationPdfData, InspectionRecordPdfData, LicensePdfData } from './pdf.types';
import { qrMatrix } from './qr';
import { sampleLicenseData } from './render-sample';

// ----- tools -----

function requireTool(tool: string, versionArg: string, debianPackage: string): void {
  const probe = spawnSync(tool, [versionArg], { encoding: 'utf8' });
  if (probe.error) {
    throw new Error(
      `${tool} is not installed: these PDF tests need it. Install it with "apt-get install -y ${debianPackage}".`,
    );
  }
}

let tmp: string;
let counter = 0;

/** Set PDF_SPEC_OUT=<dir> to keep every PDF the tests render (to look at them). */
function writeTemp(buf: Buffer, name = 'doc'): string {
  const file = path.join(tmp, `${name}-${++counter}.pdf`);
  fs.writeFileSync(file, buf);
  const keep = process.env.PDF_SPEC_OUT;
  if (keep) {
    fs.mkdirSync(keep, { recursive: true });
    fs.copyFileSync(file, path.join(keep, path.basename(file)));
  }
  return file;
}

/**
 * The text of the document as `pdftotext -layout` gives it, without the page numbers in the top margin of pages
 * 2 and up (so that a value running across a page break reads as one).
 */
function pdfText(buf: Buffer): string {
  const file = writeTemp(buf);
  const out = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).normalize('NFC');
  return out
    .split('\f')
    .map((page, i) => (i === 0 ? page : page.replace(/^\s*\d+[ \t]*\n/, '')))
    .join('\n');
}

/** The text in reading order (`pdftotext` without -layout): columns come out as blocks. */
function readingText(buf: Buffer): string {
  const file = writeTemp(buf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).normalize('NFC');
}

/** Whitespace runs (line breaks, layout padding) collapsed to one space. */
function flat(text: string): string {
  return text.replace(/\s+/g, ' ');
}

function compact(text: string): string {
  return text.replace(/\s+/g, '');
}

function pageCount(buf: Buffer): number {
  const out = execFileSync('pdfinfo', [writeTemp(buf)], { encoding: 'utf8' });
  const m = /^Pages:\s+(\d+)/m.exec(out);
  if (!m) throw new Error(`pdfinfo gave no page count:\n${out}`);
  return Number(m[1]);
}

interface FontRow {
  name: string;
  emb: string;
}

function pdfFonts(buf: Buffer): FontRow[] {
  const out = execFileSync('pdffonts', [writeTemp(buf)], { encoding: 'utf8' });
  const lines = out.trim().split('\n').slice(2);
  return lines.map((line) => {
    const cols = line.trim().split(/\s+/);
    // name type… encoding emb sub uni object-number generation
    return { name: cols[0], emb: cols[cols.length - 5] };
  });
}

interface Word {
  page: number;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  text: string;
}

/** Every word with its box, from `pdftotext -bbox`. */
function words(buf: Buffer): { pages: { width: number; height: number }[]; words: Word[] } {
  const html = execFileSync('pdftotext', ['-bbox', writeTemp(buf), '-'], { encoding: 'utf8' });
  const pages: { width: number; height: number }[] = [];
  const list: Word[] = [];
  const re =
    /<page width="([\d.]+)" height="([\d.]+)">|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(html))) {
    if (m[1]) {
      pages.push({ width: Number(m[1]), height: Number(m[2]) });
    } else {
      list.push({
        page: pages.length,
        xMin: Number(m[3]),
        yMin: Number(m[4]),
        xMax: Number(m[5]),
        yMax: Number(m[6]),
        text: m[7],
      });
    }
  }
  return { pages, words: list };
}

/** No word outside the text area (page numbers excepted, in the top margin) and no two words overlapping. */
function expectClean(buf: Buffer): void {
  const { pages, words: all } = words(buf);
  expect(pages.length).toBeGreaterThan(0);
  const tol = 1.5; // italic overhang
  for (const w of all) {
    const page = pages[w.page - 1];
    const where = `page ${w.page} word "${w.text}" [${w.xMin}, ${w.yMin}, ${w.xMax}, ${w.yMax}]`;
    expect({ where, ok: w.xMin >= MARGINS.left - tol }).toEqual({ where, ok: true });
    expect({ where, ok: w.xMax <= page.width - MARGINS.right + tol }).toEqual({ where, ok: true });
    expect({ where, ok: w.yMax <= page.height - MARGINS.bottom + tol }).toEqual({ where, ok: true });
    expect({ where, ok: w.yMin >= 10 }).toEqual({ where, ok: true });
  }
  for (let p = 1; p <= pages.length; p++) {
    const onPage = all.filter((w) => w.page === p);
    for (let i = 0; i < onPage.length; i++) {
      for (let j = i + 1; j < onPage.length; j++) {
        const a = onPage[i];
        const b = onPage[j];
        const dx = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
        const dy = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
        if (dx > 0.5 && dy > 0.5) {
          throw new Error(`Words overlap on page ${p}: "${a.text}" and "${b.text}"`);
        }
      }
    }
  }
}

// ----- fixtures -----

function license(overrides: Partial<LicensePdfData> = {}): LicensePdfData {
  return { ...sampleLicenseData(), ...overrides };
}

function manySources(n: number): string[] {
  return Array.from(
    { length: n },
    (_, i) =>
      `Nguồn tin chính thức số ${i + 1}: Báo điện tử Tiếng nói Xứ Nghệ chuyên trang ${i + 1} (nguon${i + 1}.vn)`,
  );
}

const inspection: InspectionRecordPdfData = {
  authority: {
    parentBody: 'UBND TỈNH NGHỆ AN',
    name: 'Sở Thông tin và Truyền thông',
    nameInText: 'Sở Thông tin và Truyền thông tỉnh Nghệ An',
    placeName: 'Nghệ An',
    signerTitle: 'GIÁM ĐỐC',
    signerName: 'Lê Văn Hùng',
  },
  recordNumber: '12/BB-STTTT',
  inspectedOn: '2026-03-05',
  place: 'trụ sở Công ty Cổ phần Truyền thông Xứ Nghệ, số 25 đường Lê Hồng Phong, phường Thành Vinh',
  kind: 'PERIODIC',
  licensee: {
    name: 'Công ty Cổ phần Truyền thông Xứ Nghệ',
    headOffice: 'Số 25, đường Lê Hồng Phong, phường Thành Vinh, tỉnh Nghệ An',
    registrationNumber: '2901234567',
    representative: 'Phan Đức Thắng',
  },
  license: { number: '44/GP-STTTT', issuedOn: '2026-03-05', domains: ['xunghe.vn', 'xứnghệ.vn'] },
  team: [
    { fullName: 'Trần Thị Minh Nguyệt', position: 'Phó Giám đốc Sở', role: 'Trưởng đoàn' },
    { fullName: 'Đặng Quốc Việt', position: 'Chuyên viên phòng Thông tin - Báo chí - Xuất bản', role: 'Thành viên' },
    { fullName: 'Võ Thị Hồng Nhung', position: 'Chuyên viên Thanh tra Sở' },
  ],
  scope:
    'Kiểm tra việc chấp hành các quy định của Giấy phép số 44/GP-STTTT: nguồn tin và văn bản thỏa thuận, việc trích ' +
    'dẫn nguyên văn, quảng cáo, tên miền .vn và máy chủ tại Việt Nam, thông tin trên trang chủ.',
  findings: [
    'Trang chủ hiển thị đầy đủ số giấy phép, cơ quan cấp phép và người chịu trách nhiệm quản lý nội dung',
    'Có 03 tin, bài trích dẫn không ghi rõ nguồn tin và thời gian đăng phát',
    'Máy chủ đặt tại Trung tâm dữ liệu Viettel IDC, có địa chỉ IP tại Việt Nam',
  ],
  conclusion: 'Cơ bản chấp hành đúng quy định; có sai sót trong việc ghi nguồn tin đối với một số tin, bài trích dẫn.',
  remedies: [
    {
      description: 'Bổ sung đầy đủ tên nguồn tin và thời gian đăng phát cho 03 tin, bài nêu trên',
      dueOn: '2026-03-20',
    },
    { description: 'Rà soát quy trình kiểm tra tin, bài trước khi đăng tải' },
  ],
  violations: [
    {
      code: 'CITATION_NOT_VERBATIM',
      title: 'Trích dẫn không ghi rõ nguồn tin',
      description: 'Đăng tải 03 tin, bài không ghi tên cơ quan nguồn tin và thời gian đăng phát',
    },
  ],
};

const confirmation: ChangeNoticeConfirmationPdfData = {
  authority: {
    parentBody: 'UBND TỈNH NGHỆ AN',
    name: 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG',
    nameInText: 'Sở Thông tin và Truyền thông tỉnh Nghệ An',
    placeName: 'Nghệ An',
    signerTitle: 'KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC',
    signerName: 'Hoàng Văn Minh',
    recipients: ['Như trên;', 'Lưu: VT, TTBCXB.'],
  },
  letterNumber: '15/STTTT-TTĐT',
  signedOn: '2026-02-05',
  recipientName: 'Công ty Cổ phần Truyền thông Xứ Nghệ',
  licenseNumber: '44/GP-STTTT',
  licenseIssuedOn: '2025-10-15',
  changes: [
    {
      label: 'Địa chỉ trụ sở chính',
      before: 'Số 25, đường Lê Hồng Phong, phường Thành Vinh, tỉnh Nghệ An',
      after: 'Tầng 5, tòa nhà Dầu khí, số 7 đường Quang Trung, phường Trường Vinh, tỉnh Nghệ An',
    },
    { label: 'Chủ sở hữu', before: 'Ông Phan Đức Thắng', after: 'Công ty TNHH Đầu tư Bắc Trung Bộ' },
  ],
  changedOn: '2026-01-12',
  receivedOn: '2026-01-30',
  late: true,
};

// ----- tests -----

describe('PdfService', () => {
  let service: PdfService;

  beforeAll(async () => {
    requireTool('pdftotext', '-v', 'poppler-utils');
    requireTool('pdfinfo', '-v', 'poppler-utils');
    requireTool('pdffonts', '-v', 'poppler-utils');
    requireTool('pdftoppm', '-v', 'poppler-utils');
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pdf-spec-'));
    const moduleRef = await Test.createTestingModule({ imports: [PdfModule] }).compile();
    service = moduleRef.get(PdfService);
  });

  afterAll(() => {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  describe('license', () => {
    let pdf: Buffer;
    let text: string;
    const data = sampleLicenseData();

    beforeAll(async () => {
      pdf = await service.renderLicense(data);
      text = pdfText(pdf);
    });

    it('is a PDF', () => {
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdf.subarray(-6).toString('latin1')).toContain('%%EOF');
    });

    it('contains every particular with exact diacritics', () => {
      const t = flat(text);
      const expected = [
        'Số: 44/GP-STTTT',
        'GIẤY PHÉP THIẾT LẬP TRANG THÔNG TIN ĐIỆN TỬ TỔNG HỢP TRÊN MẠNG',
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        'UBND TỈNH NGHỆ AN',
        'Nghệ An, ngày 05 tháng 3 năm 2026',
        'GIÁM ĐỐC SỞ THÔNG TIN VÀ TRUYỀN THÔNG',
        'Căn cứ Luật Báo chí ngày 05 tháng 4 năm 2016;',
        'Căn cứ Nghị định số 147/2024/NĐ-CP',
        'QUYẾT ĐỊNH:',
        'Điều 1. Cho phép Công ty Cổ phần Truyền thông Xứ Nghệ thiết lập trang thông tin điện tử tổng hợp trên mạng.',
        `Trụ sở chính: ${data.licensee.headOffice}`,
        `Điện thoại: ${data.licensee.phone}; thư điện tử: ${data.licensee.email}`,
        data.licensee.registrationNumber,
        'Điều 2.',
        `Tên trang thông tin điện tử: ${data.site.name}`,
        ...data.site.domains,
        'xn--',
        `Nội dung thông tin, phạm vi: ${data.site.contentScope}`,
        ...data.site.sections!,
        ...data.site.informationSources,
        `Người chịu trách nhiệm quản lý nội dung: ${data.site.contentManager.fullName}, ${data.site.contentManager.position}`,
        data.site.contentManager.phone!,
        data.site.contentManager.email!,
        `Nơi đặt máy chủ: ${data.site.serverLocation}`,
        'Điều 3.',
        'Giấy phép có giá trị đến ngày 04 tháng 3 năm 2031',
        'Nơi nhận:',
        'KT. GIÁM ĐỐC',
        'PHÓ GIÁM ĐỐC',
        'Hoàng Văn Minh',
        'Mã xác thực: 7K3M-Q9PX',
      ];
      for (const s of expected) {
        expect({ missing: s, found: t.includes(s.normalize('NFC')) }).toEqual({ missing: s, found: true });
      }
      expect(flat(readingText(pdf))).toContain('UBND TỈNH NGHỆ AN SỞ THÔNG TIN VÀ TRUYỀN THÔNG');
      // the verification URL wraps in the caption: compare without whitespace
      expect(compact(text)).toContain(compact(data.verificationUrl));
      // each recipient
      for (const r of data.authority.recipients!) {
        expect(compact(text)).toContain(compact(r));
      }
    });

    it('flows the 12 sources of the sample onto page 2 and numbers the pages from 2 on', () => {
      const raw = execFileSync('pdftotext', ['-layout', writeTemp(pdf), '-'], { encoding: 'utf8' });
      const pages = raw.split('\f').filter((p) => p.trim().length > 0);
      expect(pages.length).toBeGreaterThanOrEqual(2);
      expect(pageCount(pdf)).toBe(pages.length);
      expect(pages[1].trimStart().startsWith('2')).toBe(true);
      expect(pages[0]).not.toMatch(/^\s*1\s*$/m);
    });

    it('keeps every word inside the text area and no two words overlap', () => {
      expectClean(pdf);
    });

    it('is byte-identical for the same data (and the same sha256), even after other renders', async () => {
      const again = await service.renderLicense(sampleLicenseData());
      await service.renderLicense(license({ number: '45/GP-STTTT' }));
      const third = await service.renderLicense(sampleLicenseData());
      expect(again.equals(pdf)).toBe(true);
      expect(third.equals(pdf)).toBe(true);
      expect(sha256Hex(again)).toBe(sha256Hex(pdf));
      expect(PdfService.sha256Hex(pdf)).toMatch(/^[0-9a-f]{64}$/);
      expect(PdfService.sha256Hex(pdf)).toBe(sha256Hex(pdf));
    });

    it('derives the document dates from the signing date, never from the clock', () => {
      const info = execFileSync('pdfinfo', ['-isodates', writeTemp(pdf)], { encoding: 'utf8' });
      expect(info).toMatch(/CreationDate:\s+2026-03-04T17:00:00Z/);
      expect(info).toMatch(/ModDate:\s+2026-03-04T17:00:00Z/);
      expect(info).toMatch(/Producer:\s+gis-licensing-api/);
    });

    it.each<[string, (d: LicensePdfData) => void]>([
      ['the number', (d) => (d.number = '45/GP-STTTT')],
      ['a source', (d) => (d.site.informationSources[3] = 'Báo điện tử Tổ quốc (toquoc.vn)')],
      ['the phone', (d) => (d.licensee.phone = '0238 3 844 557')],
      ['the expiry date', (d) => (d.expiresOn = '2031-03-05')],
      ['the verification URL', (d) => (d.verificationUrl = d.verificationUrl + 'X')],
      ['the signing date', (d) => (d.signedOn = '2026-03-06')],
    ])('changes its bytes when %s changes', async (_what, mutate) => {
      const changed = sampleLicenseData();
      mutate(changed);
      const other = await service.renderLicense(changed);
      expect(other.equals(pdf)).toBe(false);
      expect(sha256Hex(other)).not.toBe(sha256Hex(pdf));
    });

    it('embeds every font, and only DejaVu Serif', () => {
      const fonts = pdfFonts(pdf);
      expect(fonts.length).toBeGreaterThanOrEqual(3);
      for (const f of fonts) {
        expect(f).toEqual({ name: expect.stringMatching(/\+DejaVuSerif(-Bold|-Italic|-BoldItalic)?$/), emb: 'yes' });
      }
    });

    it('has a QR code on page 1 that decodes to the verification URL', () => {
      requireTool('zbarimg', '--version', 'zbar-tools');
      const file = writeTemp(pdf, 'qr');
      const base = path.join(tmp, 'qr-page1');
      execFileSync('pdftoppm', ['-png', '-r', '200', '-f', '1', '-l', '1', '-singlefile', file, base]);
      const decoded = execFileSync('zbarimg', ['--raw', '-q', `${base}.png`], { encoding: 'utf8' }).trim();
      expect(decoded).toBe(data.verificationUrl);
    });

    it('reuses the parsed fonts across documents', () => {
      expect(parsedFontsReused()).toBe(true);
    });
  });

  describe('shared parsed fonts', () => {
    afterEach(() => setParsedFontReuse(true));

    it('give the same bytes as fonts parsed afresh for each document, whatever was rendered before', async () => {
      const render = async () => [
        await service.renderChangeNoticeConfirmation(confirmation),
        await service.renderInspectionRecord(inspection),
        await service.renderLicense(sampleLicenseData()),
        await service.renderChangeNoticeConfirmation(confirmation),
      ];
      setParsedFontReuse(false);
      const fresh = await render();
      setParsedFontReuse(true);
      const shared = await render();
      for (let i = 0; i < fresh.length; i++) {
        expect(sha256Hex(shared[i])).toBe(sha256Hex(fresh[i]));
      }
      // the letter after a license (whose bold 'ạ' and 'à' embed the composite glyph 'a') still extracts 'Địa'
      expect(flat(pdfText(shared[3]))).toContain('1. Địa chỉ trụ sở chính');
    });

    it('let documents be drawn interleaved without changing their bytes', async () => {
      const draw = (d: OfficialDocument, text: string): void => d.paragraph(text, { font: 'bold' });
      const meta = { title: 'a', author: 'b', subject: 'c', date: new Date(Date.UTC(2026, 0, 1)) };
      const alone = new OfficialDocument(meta);
      draw(alone, 'Địa chỉ');
      const aloneBytes = await alone.finish();
      const first = new OfficialDocument(meta);
      const second = new OfficialDocument(meta);
      draw(second, 'Hạnh phúc, người già, nhà');
      draw(first, 'Địa chỉ');
      const secondBytes = await second.finish();
      const firstBytes = await first.finish();
      expect(firstBytes.equals(aloneBytes)).toBe(true);
      expect(flat(pdfText(firstBytes))).toContain('Địa chỉ');
      expect(flat(pdfText(secondBytes))).toContain('Hạnh phúc, người già, nhà');
    });
  });

  describe('license with 40 sources', () => {
    it('flows onto at least 2 pages without losing any source', async () => {
      const d = sampleLicenseData();
      d.site.informationSources = manySources(40);
      const pdf = await service.renderLicense(d);
      expect(pageCount(pdf)).toBeGreaterThanOrEqual(2);
      const t = flat(pdfText(pdf));
      for (const s of d.site.informationSources) {
        expect({ missing: s, found: t.includes(s) }).toEqual({ missing: s, found: true });
      }
      // no source printed twice (nothing duplicated at a page break)
      for (let i = 1; i <= 40; i++) {
        expect(t.split(`(nguon${i}.vn)`).length - 1).toBe(1);
      }
      expect(t).toContain('Giấy phép có giá trị đến ngày 04 tháng 3 năm 2031');
      expect(t).toContain('Hoàng Văn Minh');
      expectClean(pdf);
    });
  });

  describe('license variants', () => {
    it('wraps long unbreakable values instead of cutting them, and renders the note of a reissue', async () => {
      const d = sampleLicenseData();
      const longToken = 'https://' + 'rat-dai-khong-co-khoang-trang-'.repeat(8) + 'het.vn';
      d.kind = 'REISSUE';
      d.version = 3;
      d.signedOn = '2027-02-05';
      d.site.serverLocation = `Máy chủ dự phòng ${longToken}`;
      d.licensee.name =
        'Công ty Trách nhiệm hữu hạn Một thành viên Dịch vụ Truyền thông và Quảng cáo Đa phương tiện Bắc Trung Bộ';
      d.authority.signerTitle = 'GIÁM ĐỐC';
      d.authority.recipients = undefined;
      d.previousNumberNote = 'Giấy phép này thay thế Giấy phép số 44/GP-STTTT cấp ngày 05 tháng 3 năm 2026';
      const pdf = await service.renderLicense(d);
      const text = pdfText(pdf);
      const t = flat(text);
      expect(compact(text)).toContain(compact(longToken));
      expect(t).toContain(d.licensee.name);
      expect(t).toContain('Giấy phép này thay thế Giấy phép số 44/GP-STTTT cấp ngày 05 tháng 3 năm 2026');
      expect(t).toContain('(Cấp lần đầu ngày 05 tháng 3 năm 2026; cấp lại ngày 05 tháng 02 năm 2027 - phiên bản số 3)');
      expect(t).toContain('Nghệ An, ngày 05 tháng 02 năm 2027');
      expect(t).toContain('Xét hồ sơ đề nghị cấp lại giấy phép');
      // default recipients
      expect(t).toContain('Bộ Văn hóa, Thể thao và Du lịch (để b/c);');
      expect(t).toContain('Lưu: VT.');
      expectClean(pdf);
    });

    it('refuses a license without domains or sources', async () => {
      const d = sampleLicenseData();
      d.site.domains = [];
      await expect(service.renderLicense(d)).rejects.toThrow(RangeError);
    });
  });

  describe('inspection record', () => {
    let pdf: Buffer;
    let t: string;

    beforeAll(async () => {
      pdf = await service.renderInspectionRecord(inspection);
      t = flat(pdfText(pdf));
    });

    it('contains every particular', () => {
      const expected = [
        'Số: 12/BB-STTTT',
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        'BIÊN BẢN KIỂM TRA',
        '(Kiểm tra định kỳ)',
        'Hôm nay, ngày 05 tháng 3 năm 2026',
        inspection.place,
        ...inspection.team.map((m) => m.fullName),
        ...inspection.team.map((m) => m.position),
        'Trưởng đoàn',
        inspection.licensee.name,
        inspection.licensee.headOffice,
        inspection.licensee.registrationNumber,
        'Phan Đức Thắng',
        'số 44/GP-STTTT cấp ngày 05 tháng 3 năm 2026',
        ...inspection.license.domains,
        inspection.scope,
        ...inspection.findings,
        inspection.conclusion,
        'Bổ sung đầy đủ tên nguồn tin và thời gian đăng phát cho 03 tin, bài nêu trên (thời hạn hoàn thành: trước ngày 20 tháng 3 năm 2026)',
        'Rà soát quy trình kiểm tra tin, bài trước khi đăng tải',
        'Trích dẫn không ghi rõ nguồn tin: Đăng tải 03 tin, bài không ghi tên cơ quan nguồn tin và thời gian đăng phát (mã vi phạm: CITATION_NOT_VERBATIM).',
        'TRƯỞNG ĐOÀN KIỂM TRA',
        'Trần Thị Minh Nguyệt',
      ];
      for (const s of expected) {
        expect({ missing: s, found: t.includes(s) }).toEqual({ missing: s, found: true });
      }
      // the authority name wraps inside the header's left column: read it in reading order, upper-cased
      expect(flat(readingText(pdf))).toContain('UBND TỈNH NGHỆ AN SỞ THÔNG TIN VÀ TRUYỀN THÔNG');
    });

    it('is deterministic, clean, and embeds its fonts', async () => {
      const again = await service.renderInspectionRecord(inspection);
      expect(again.equals(pdf)).toBe(true);
      const adHoc = await service.renderInspectionRecord({ ...inspection, kind: 'AD_HOC' });
      expect(adHoc.equals(pdf)).toBe(false);
      expect(flat(pdfText(adHoc))).toContain('(Kiểm tra đột xuất)');
      expectClean(pdf);
      for (const f of pdfFonts(pdf)) expect(f.emb).toBe('yes');
    });
  });

  describe('change-notice confirmation', () => {
    let pdf: Buffer;
    let t: string;

    beforeAll(async () => {
      pdf = await service.renderChangeNoticeConfirmation(confirmation);
      t = flat(pdfText(pdf));
    });

    it('contains every particular', () => {
      const expected = [
        'Số: 15/STTTT-TTĐT',
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        'Nghệ An, ngày 05 tháng 02 năm 2026',
        'Kính gửi: Công ty Cổ phần Truyền thông Xứ Nghệ.',
        'Ngày 30 tháng 01 năm 2026, Sở Thông tin và Truyền thông tỉnh Nghệ An nhận được',
        'Giấy phép số 44/GP-STTTT ngày 15 tháng 10 năm 2025',
        ...confirmation.changes.flatMap((c) => [c.label, c.before, c.after]),
        'Thời điểm thay đổi: ngày 12 tháng 01 năm 2026.',
        'quá thời hạn 10 ngày làm việc',
        'Nơi nhận:',
        'Như trên;',
        'KT. GIÁM ĐỐC',
        'PHÓ GIÁM ĐỐC',
        'Hoàng Văn Minh',
      ];
      for (const s of expected) {
        expect({ missing: s, found: t.includes(s) }).toEqual({ missing: s, found: true });
      }
      expect(flat(readingText(pdf))).toContain('V/v xác nhận thông báo thay đổi thông tin');
    });

    it('says when the notice was on time', async () => {
      const onTime = flat(pdfText(await service.renderChangeNoticeConfirmation({ ...confirmation, late: false })));
      expect(onTime).toContain('trong thời hạn 10 ngày làm việc');
      expect(onTime).not.toContain('quá thời hạn');
    });

    it('is deterministic and clean, with an optional QR code that decodes', async () => {
      const again = await service.renderChangeNoticeConfirmation(confirmation);
      expect(again.equals(pdf)).toBe(true);
      expectClean(pdf);
      requireTool('zbarimg', '--version', 'zbar-tools');
      const url = 'https://tracuu-giayphep.nghean.example.vn/van-ban/15-STTTT-TTDT';
      const withQr = await service.renderChangeNoticeConfirmation({
        ...confirmation,
        verificationUrl: url,
        verificationCode: 'QX7P-22KD',
      });
      const base = path.join(tmp, 'letter-qr');
      execFileSync('pdftoppm', ['-png', '-r', '200', '-f', '1', '-l', '1', '-singlefile', writeTemp(withQr), base]);
      expect(execFileSync('zbarimg', ['--raw', '-q', `${base}.png`], { encoding: 'utf8' }).trim()).toBe(url);
      expectClean(withQr);
    });
  });
});

describe('qrMatrix', () => {
  it('merges horizontal runs and covers only dark modules', () => {
    const m = qrMatrix('https://example.vn/a');
    expect(m.size).toBeGreaterThanOrEqual(21);
    // the top-left finder pattern: a run of 7 on row 0 starting at column 0
    expect(m.runs[0]).toEqual({ row: 0, col: 0, length: 7 });
    for (let i = 1; i < m.runs.length; i++) {
      const a = m.runs[i - 1];
      const b = m.runs[i];
      if (a.row === b.row) expect(b.col).toBeGreaterThan(a.col + a.length); // never two touching runs
    }
  });

  it('refuses an empty text', () => {
    expect(() => qrMatrix('')).toThrow(RangeError);
  });
});

describe('sha256Hex', () => {
  it('hashes as expected', () => {
    expect(sha256Hex(Buffer.from(''))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});
