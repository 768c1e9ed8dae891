/**
 * Shared drawing blocks for Vietnamese administrative documents (Decree 30/2020/NĐ-CP, Appendix I):
 * A4 portrait, margins top/bottom 20 mm, left 30 mm, right 20 mm; body 13 pt; title 14 pt bold centred;
 * the two-column header (authority / national motto); signature and recipients blocks; page numbers centred in
 * the top margin from page 2 on.
 *
 * Fonts: DejaVu Serif (a full TrueType font covering Vietnamese), shipped in ./fonts and loaded from
 * `path.join(__dirname, 'fonts', …)`, never from the system. The files are read and parsed once per process; the
 * parsed fonts, and the shaping of each word, are reused by every document (see `withShapingCache`).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import PDFDocument from 'pdfkit';
import { BYTE_RANGE_PLACEHOLDER, SIGNATURE_CONTENTS_BYTES } from '../signing/pdf-signature';
import { drawQrCode, qrMatrix, QR_QUIET_ZONE } from './qr';
import { upperVi } from './vietnamese-format';

// ---------------------------------------------------------------------------------------------------------------
// Fonts
// ---------------------------------------------------------------------------------------------------------------

export type FontRole = 'regular' | 'bold' | 'italic' | 'boldItalic';

export const FONT_FILES: Readonly<Record<FontRole, string>> = {
  regular: 'DejaVuSerif.ttf',
  bold: 'DejaVuSerif-Bold.ttf',
  italic: 'DejaVuSerif-Italic.ttf',
  boldItalic: 'DejaVuSerif-BoldItalic.ttf',
};

/** Names under which the fonts are registered in each document. */
const FONT_NAMES: Readonly<Record<FontRole, string>> = {
  regular: 'Serif',
  bold: 'Serif-Bold',
  italic: 'Serif-Italic',
  boldItalic: 'Serif-BoldItalic',
};

const ROLES: readonly FontRole[] = ['regular', 'bold', 'italic', 'boldItalic'];

/** A fontkit glyph as pdfkit uses it when encoding text. */
interface ShapedGlyph {
  readonly id: number;
  readonly codePoints: readonly number[];
  readonly advanceWidth: number;
}

interface GlyphPosition {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}

/** A parsed fontkit font, as far as this module relies on it. */
interface ParsedFont {
  layout(text: string, ...rest: unknown[]): { glyphs: readonly ShapedGlyph[]; positions: GlyphPosition[] };
  /** fontkit's glyph-object cache (see `shapeAlone`). */
  _glyphs: Record<number, unknown>;
}

interface CachedRun {
  glyphs: readonly ShapedGlyph[];
  positions: readonly Readonly<GlyphPosition>[];
}

export interface LoadedFonts {
  /** The raw TTF bytes, read once. */
  readonly files: Readonly<Record<FontRole, Buffer>>;
  /**
   * The parsed fonts wrapped with a process-wide shaping cache, handed to pdfkit in place of the bytes; undefined
   * if pdfkit/fontkit internals did not have the expected shape (the bytes are then used: slower, same output).
   */
  readonly shared: Readonly<Record<FontRole, object>> | undefined;
}

let loadedFonts: LoadedFonts | undefined;
let reuseParsedFonts = true;

/**
 * Bound on the shaped glyphs kept per face (a plain reset when reached: the output never depends on it). Counted in
 * glyphs, not entries: measured strings include whole paragraphs, unique per license, and 50 000 entries held
 * ~0.8 MB of heap per issued license until the reset (found by bench/: the heap grew to ~1 GB before clearing).
 */
const SHAPING_CACHE_GLYPHS = 60_000;

export function fontsDirectory(): string {
  return path.join(__dirname, 'fonts');
}

/**
 * Parses a TTF once through pdfkit itself: pdfkit's font factory accepts an already parsed fontkit font in place of
 * the bytes (`typeof src.layout === 'function'`). Returns undefined if the internals ever change shape.
 */
function parseOnce(bytes: Buffer): ParsedFont | undefined {
  try {
    const probe = new PDFDocument({ autoFirstPage: false });
    probe.font(bytes);
    const parsed = (probe as unknown as { _font?: { font?: Partial<ParsedFont> } })._font?.font;
    if (parsed && typeof parsed.layout === 'function' && parsed._glyphs && typeof parsed._glyphs === 'object') {
      return parsed as ParsedFont;
    }
  } catch {
    // fall through: use the bytes
  }
  return undefined;
}

/**
 * Shapes `text` as if the font had just been parsed. fontkit keeps one Glyph object per glyph id, carrying the code
 * points it was *first* created with; pdfkit writes those code points into the ToUnicode map. Writing a subset
 * creates the components of composite glyphs (the 'a' inside 'ạ') with no code points, so with a font shared
 * across documents, a later 'a' would extract as nothing and the bytes would depend on what was rendered before.
 * Shaping each word against an empty glyph cache makes the result a function of the font and the word alone.
 */
function shapeAlone(font: ParsedFont, text: string, ...rest: unknown[]) {
  const saved = font._glyphs;
  font._glyphs = {};
  try {
    return font.layout(text, ...rest);
  } finally {
    font._glyphs = saved;
  }
}

/**
 * Wraps a parsed font for pdfkit: everything is inherited from the fontkit font except `layout`, which returns
 * shaping results cached per process (fresh objects each time: pdfkit scales the positions in place). pdfkit
 * shapes each word (space-separated) separately, so the cache holds words.
 */
function withShapingCache(font: ParsedFont): object {
  const cache = new Map<string, CachedRun>();
  let glyphs = 0;
  const wrapped = Object.create(font) as ParsedFont;
  wrapped.layout = (text: string, ...rest: unknown[]) => {
    if (rest.some((r) => r !== null && r !== undefined)) {
      return shapeAlone(font, text, ...rest);
    }
    let run = cache.get(text);
    if (!run) {
      const shaped = shapeAlone(font, text);
      run = {
        glyphs: shaped.glyphs.map((g) =>
          Object.freeze({ id: g.id, codePoints: Object.freeze([...g.codePoints]), advanceWidth: g.advanceWidth }),
        ),
        positions: shaped.positions.map((p) =>
          Object.freeze({ xAdvance: p.xAdvance, yAdvance: p.yAdvance, xOffset: p.xOffset, yOffset: p.yOffset }),
        ),
      };
      if (glyphs + run.glyphs.length > SHAPING_CACHE_GLYPHS) {
        cache.clear();
        glyphs = 0;
      }
      cache.set(text, run);
      glyphs += run.glyphs.length;
    }
    const positions = run.positions.map((p) => ({ ...p }));
    return {
      glyphs: run.glyphs,
      positions,
      get advanceWidth(): number {
        return positions.reduce((w, p) => w + p.xAdvance, 0);
      },
    };
  };
  return wrapped;
}

/** Reads the four DejaVu Serif faces and parses them, once per process. */
export function loadFonts(): LoadedFonts {
  if (loadedFonts) {
    return loadedFonts;
  }
  const dir = fontsDirectory();
  const files = {} as Record<FontRole, Buffer>;
  const shared = {} as Record<FontRole, object>;
  let allParsed = true;
  for (const role of ROLES) {
    const file = path.join(dir, FONT_FILES[role]);
    if (!fs.existsSync(file)) {
      throw new Error(`Font file missing: ${file} (the build must copy src/pdf/fonts to dist/src/pdf/fonts)`);
    }
    files[role] = fs.readFileSync(file);
    const font = parseOnce(files[role]);
    if (font) shared[role] = withShapingCache(font);
    else allParsed = false;
  }
  loadedFonts = { files, shared: allParsed ? shared : undefined };
  return loadedFonts;
}

/**
 * Whether documents use the shared parsed fonts (default) or have pdfkit parse the bytes for each document.
 * Both give the same bytes (checked by the unit tests); sharing is several times faster. For tests and benchmarks.
 */
export function setParsedFontReuse(enabled: boolean): void {
  reuseParsedFonts = enabled;
}

/** True when the next document will use the shared parsed fonts. */
export function parsedFontsReused(): boolean {
  return reuseParsedFonts && loadFonts().shared !== undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Page geometry and type sizes
// ---------------------------------------------------------------------------------------------------------------

export const MM = 72 / 25.4;
export const MARGINS = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 20 * MM } as const;

export const TYPE = {
  body: 13,
  title: 14,
  header: 12,
  headerMotto: 13,
  number: 13,
  recipientsLabel: 12,
  recipients: 11,
  pageNumber: 13,
  small: 9,
} as const;

/** Extra leading added to the font's own line height (DejaVu Serif 13 pt: 15.1 + 1.5 ≈ 1.27 lines). */
export const LINE_GAP = 1.5;
/** Space after a paragraph (Decree 30: at least 6 pt). */
export const PARAGRAPH_GAP = 6;
/** First-line indent of body paragraphs (Decree 30: 1 to 1.27 cm). */
export const FIRST_LINE_INDENT = 10 * MM;
/** Width of the header's left column (authority); the right column (national motto) takes the rest. */
const HEADER_LEFT_WIDTH = 150;
/** Space between the header's two columns. */
const HEADER_GAP = 8;
/** Space between the end of the body and the closing blocks. */
const CLOSING_GAP = 10;
/** Blank space left for the handwritten signature and the seal. */
const SIGNATURE_SPACE = 90;

export const PRODUCER = 'gis-licensing-api (pdfkit)';
export const CREATOR = 'gis-licensing-api';

export const NATIONAL_NAME = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const NATIONAL_MOTTO = 'Độc lập - Tự do - Hạnh phúc';
export const DEFAULT_RECIPIENTS: readonly string[] = [
  'Như trên;',
  'Bộ Văn hóa, Thể thao và Du lịch (để b/c);',
  'Lưu: VT.',
];

/**
 * The visible part of the authority's digital signature, drawn in the blank space of the signer's block (where a
 * hand would sign), with the signature field over it.
 */
export interface SealAppearance {
  /** The certificate's common name. */
  signerName: string;
  /** The claimed signing time (the signature dictionary's /M). */
  signedAt: Date;
  /** The same, as printed ('14:05:09 ngày 03/12/2026', Vietnam time). */
  signedAtText: string;
  /** A development certificate: every page says the document is not valid for use. */
  development: boolean;
  reason: string;
  location: string;
}

/** The banner of documents signed with a development certificate (top of every page, in red). */
export const DEVELOPMENT_BANNER = 'BẢN THỬ NGHIỆM: ký bằng chứng thư số thử nghiệm - KHÔNG CÓ GIÁ TRỊ SỬ DỤNG';

/** A piece of text in one face; a paragraph is a list of runs. */
export interface Run {
  text: string;
  font?: FontRole;
}
export type Inline = string | Run[];

export interface DocumentMeta {
  title: string;
  author: string;
  subject: string;
  keywords?: string;
  /** Becomes CreationDate and ModDate: must come from the data, never from the clock. */
  date: Date;
}

export interface ParagraphOptions {
  font?: FontRole;
  size?: number;
  align?: 'left' | 'center' | 'right' | 'justify';
  /** First-line indent. */
  indent?: number;
  /** Left offset of the whole paragraph from the left margin. */
  left?: number;
  gapAfter?: number;
  /** Keep this much height (beyond the first line) on the same page, e.g. a heading with its first lines. */
  keepWithNext?: number;
  /**
   * Height of the block that follows (e.g. `closingHeight(…)`): if it cannot stand under the paragraph's last line,
   * the last two lines go to the next page with it, so that a signature never stands alone on a page.
   */
  keepWithFollowing?: number;
}

export interface ListOptions {
  font?: FontRole;
  size?: number;
  align?: 'left' | 'justify';
  /** Offset of the marker from the left margin. */
  left?: number;
  /** Minimum width reserved for the marker (widened to the widest marker); the text hangs after it. */
  markerWidth?: number;
  /** Marker for item i (0-based); default '-'. */
  marker?: (index: number) => string;
  /** Space after each item. */
  itemGap?: number;
  /** Space after the list. */
  gapAfter?: number;
}

/** A block of one column at the end of the document (signature, recipients): measured, then drawn. */
export interface ColumnBlock {
  /**
   * For signature blocks: the height above the blank space for the signature. When two signature blocks stand side
   * by side, both use the larger value so that the names line up.
   */
  head?(doc: OfficialDocument, width: number): number;
  height(doc: OfficialDocument, width: number, head?: number): number;
  draw(doc: OfficialDocument, x: number, y: number, width: number, head?: number): void;
}

type Align = 'left' | 'center' | 'right' | 'justify';

/** Where a word too long for the line is preferably cut (after these characters). */
const SOFT_BREAK_AFTER = new Set(['/', '?', '&', '=', '-', '_', '.', ',', ';', ':']);

/** Tolerance when comparing widths and heights, in points. */
const EPS = 0.01;

interface Piece {
  text: string;
  font: FontRole;
  width: number;
}

/** A word: non-space text, possibly in several faces ('Nghệ' in bold followed by ',' in regular). */
interface Token {
  pieces: Piece[];
  width: number;
  /** Width of the space before the word (in the face the space was written in). */
  space: number;
  spaceFont: FontRole;
  /** A line break ('\n') precedes the word. */
  breakBefore: boolean;
}

interface Line {
  tokens: Token[];
  /** Width of the words and the spaces between them, before justification. */
  natural: number;
  indent: number;
  /** Whether the line may be stretched (not the last line of a paragraph nor a line ended by '\n'). */
  justify: boolean;
  height: number;
}

function nfc(text: string): string {
  return text.normalize('NFC');
}

function runsOf(content: Inline, font: FontRole): Run[] {
  const runs = typeof content === 'string' ? [{ text: content, font }] : content;
  return runs.filter((r) => r.text.length > 0).map((r) => ({ text: nfc(r.text), font: r.font ?? font }));
}

/**
 * One official document being drawn. Text flows with pdfkit's line wrapper (which opens new pages at the bottom
 * margin); blocks that must stay whole (signature, headings with their first lines) are measured first.
 * The parsed fonts are shared by all documents; nothing a document does to them changes another's output.
 */
export class OfficialDocument {
  readonly doc: PDFKit.PDFDocument;
  private readonly output: Promise<Buffer>;
  /** Width and line-height cache of this document (fonts are per document, so is the cache). */
  private readonly widths = new Map<string, number>();
  private finished = false;
  private sealAppearance?: SealAppearance;
  private sealPlaced = false;

  constructor(meta: DocumentMeta) {
    const fonts = loadFonts();
    this.doc = new PDFDocument({
      size: 'A4',
      margins: { ...MARGINS },
      bufferPages: true,
      compress: true,
      lang: 'vi-VN',
      displayTitle: true,
      // no default font: pdfkit would otherwise load Helvetica (unused, never embedded) for every document
      font: null as unknown as string,
      info: {
        Title: nfc(meta.title),
        Author: nfc(meta.author),
        Subject: nfc(meta.subject),
        ...(meta.keywords ? { Keywords: nfc(meta.keywords) } : {}),
        Creator: CREATOR,
        Producer: PRODUCER,
        CreationDate: meta.date,
        ModDate: meta.date,
      },
    });
    const chunks: Uint8Array[] = [];
    this.output = new Promise<Buffer>((resolve, reject) => {
      this.doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
      this.doc.on('end', () => resolve(Buffer.concat(chunks)));
      this.doc.on('error', reject);
    });
    const shared = reuseParsedFonts ? fonts.shared : undefined;
    for (const role of ROLES) {
      const source = shared ? shared[role] : fonts.files[role];
      this.doc.registerFont(FONT_NAMES[role], source as PDFKit.Mixins.PDFFontSource);
    }
    this.setFont('regular', TYPE.body);
  }

  // ----- geometry -----

  get left(): number {
    return this.doc.page.margins.left;
  }
  get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }
  get right(): number {
    return this.left + this.width;
  }
  /** The lowest y text may reach on the current page. */
  get maxY(): number {
    return this.doc.page.maxY();
  }
  get y(): number {
    return this.doc.y;
  }
  set y(value: number) {
    this.doc.y = value;
  }

  setFont(role: FontRole, size: number): this {
    this.doc.font(FONT_NAMES[role]).fontSize(size);
    return this;
  }

  /** Height of one line in `role`/`size`, leading included. */
  lineHeight(role: FontRole = 'regular', size: number = TYPE.body): number {
    this.setFont(role, size);
    return this.doc.currentLineHeight(true) + LINE_GAP;
  }

  widthOf(text: string, role: FontRole, size: number): number {
    return this.measure(nfc(text), role, size);
  }

  /** Height that `content` takes when wrapped to `width` (same line breaking as when drawn). */
  heightOf(content: Inline, role: FontRole, size: number, width: number, indent = 0): number {
    return this.breakLines(this.tokenize(runsOf(content, role), size), size, width, indent).reduce(
      (h, line) => h + line.height,
      0,
    );
  }

  newPage(): void {
    this.doc.addPage();
    this.doc.x = this.left;
    this.doc.y = this.doc.page.margins.top;
  }

  /** Starts a new page unless `height` fits between the current position and the bottom margin. */
  ensureSpace(height: number): void {
    if (this.doc.y + height > this.maxY + 0.01) {
      this.newPage();
    }
  }

  moveDown(points: number): void {
    this.doc.y += points;
  }

  /**
   * Draws `content` at an absolute position, wrapped to `width`, without ever opening a page. Returns the y below
   * the text.
   */
  textAt(
    content: Inline,
    x: number,
    y: number,
    width: number,
    opts: { font?: FontRole; size?: number; align?: Align } = {},
  ): number {
    const size = opts.size ?? TYPE.body;
    const lines = this.breakLines(this.tokenize(runsOf(content, opts.font ?? 'regular'), size), size, width, 0);
    const bottom = this.drawLines(lines, x, y, width, size, opts.align ?? 'left', false);
    this.doc.x = this.left;
    return bottom;
  }

  /**
   * One line centred in a column, shrunk by half points down to `minSize` to fit on one line; wraps if even that
   * is too wide. Returns the y below it.
   */
  fittedLine(text: string, x: number, y: number, width: number, font: FontRole, size: number, minSize: number): number {
    let s = size;
    while (s > minSize && this.widthOf(text, font, s) > width) {
      s -= 0.5;
    }
    return this.textAt(text, x, y, width, { font, size: s, align: 'center' });
  }

  rule(x1: number, x2: number, y: number, lineWidth = 0.6): void {
    this.doc.save().lineWidth(lineWidth).moveTo(x1, y).lineTo(x2, y).stroke('#000000').restore();
  }

  // ----- blocks -----

  /**
   * The Decree 30 header. Left: parent body (upper case), issuing authority (upper case, bold), a short rule, the
   * number `Số: …` and, for letters, the summary `V/v …`. Right: national name (bold), motto (bold) with a rule of
   * its own length under it, then place and date in italics, on the same line as the number.
   */
  header(h: { parentBody: string; name: string; number: string; summary?: string; placeDate?: string }): void {
    const top = this.doc.page.margins.top;
    const lx = this.left;
    const lw = HEADER_LEFT_WIDTH;
    const rx = this.left + lw + HEADER_GAP;
    const rw = this.width - lw - HEADER_GAP;

    // left column
    let ly = top;
    if (h.parentBody.trim()) {
      ly = this.fittedLine(upperVi(h.parentBody), lx, ly, lw, 'regular', TYPE.header, 11);
    }
    ly = this.textAt(upperVi(h.name), lx, ly, lw, { font: 'bold', size: TYPE.header, align: 'center' });
    const leftRule = lw / 3;
    this.rule(lx + (lw - leftRule) / 2, lx + (lw + leftRule) / 2, ly + 1.5);
    ly += 4;

    // right column
    let ry = this.fittedLine(NATIONAL_NAME, rx, top, rw, 'bold', TYPE.header, 10);
    ry = this.fittedLine(NATIONAL_MOTTO, rx, ry, rw, 'bold', TYPE.headerMotto, 11);
    const mottoWidth = Math.min(this.widthOf(NATIONAL_MOTTO, 'bold', TYPE.headerMotto), rw);
    this.rule(rx + (rw - mottoWidth) / 2, rx + (rw + mottoWidth) / 2, ry + 1.5);
    ry += 4;

    // number and place/date on one line
    const row = Math.max(ly, ry) + 8;
    let lBottom = this.fittedLine(`Số: ${h.number}`, lx, row, lw, 'regular', TYPE.number, 11);
    if (h.summary) {
      lBottom = this.textAt(h.summary, lx, lBottom + 2, lw, { font: 'regular', size: TYPE.header, align: 'center' });
    }
    let rBottom = row;
    if (h.placeDate) {
      // a long place name: shrink a little, then break after the place ('…, ngày … năm …' stays whole)
      const comma = h.placeDate.indexOf(', ');
      if (this.widthOf(h.placeDate, 'italic', 12) > rw && comma > 0) {
        rBottom = this.fittedLine(h.placeDate.slice(0, comma + 1), rx, row, rw, 'italic', TYPE.body, 11);
        rBottom = this.fittedLine(h.placeDate.slice(comma + 2), rx, rBottom, rw, 'italic', TYPE.body, 11);
      } else {
        rBottom = this.fittedLine(h.placeDate, rx, row, rw, 'italic', TYPE.body, 12);
      }
    }
    this.doc.x = this.left;
    this.doc.y = Math.max(lBottom, rBottom) + 16;
  }

  /** Title lines, bold, centred; each line shrinks down to 12 pt before wrapping. */
  title(lines: string[], opts: { size?: number; font?: FontRole; gapAfter?: number } = {}): void {
    const size = opts.size ?? TYPE.title;
    const font = opts.font ?? 'bold';
    this.ensureSpace(this.lineHeight(font, size) * Math.max(lines.length, 1) + 3 * this.lineHeight());
    let y = this.doc.y;
    for (const line of lines) {
      y = this.fittedLine(line, this.left, y, this.width, font, size, 12);
    }
    this.doc.y = y + (opts.gapAfter ?? PARAGRAPH_GAP);
  }

  /** A centred line (or wrapped lines) in the flow, e.g. 'QUYẾT ĐỊNH:' or an italic note under the title. */
  centered(text: string, opts: { font?: FontRole; size?: number; gapAfter?: number } = {}): void {
    this.paragraph(text, { font: opts.font, size: opts.size, align: 'center', indent: 0, gapAfter: opts.gapAfter });
  }

  /**
   * A paragraph made of runs in different faces (e.g. a bold label and its value), wrapped to the text width and
   * flowing onto new pages. Never starts on the last line of a page when `keepWithNext` asks for more room.
   */
  paragraph(content: Inline, opts: ParagraphOptions = {}): void {
    const font = opts.font ?? 'regular';
    const size = opts.size ?? TYPE.body;
    const runs = runsOf(content, font);
    if (runs.length === 0) {
      return;
    }
    const left = opts.left ?? 0;
    this.ensureSpace(this.lineHeight(font, size) + (opts.keepWithNext ?? 0));
    this.flow(
      runs,
      this.left + left,
      this.width - left,
      size,
      opts.align ?? 'justify',
      opts.indent ?? FIRST_LINE_INDENT,
      undefined,
      opts.keepWithFollowing ? (opts.gapAfter ?? PARAGRAPH_GAP) + opts.keepWithFollowing : 0,
    );
    this.doc.y += opts.gapAfter ?? PARAGRAPH_GAP;
  }

  /** Wraps runs from the current position, opening pages as needed; leaves `doc.y` below the last line. */
  private flow(
    runs: Run[],
    x: number,
    width: number,
    size: number,
    align: Align,
    indent: number,
    onFirstLine?: (y: number) => void,
    following = 0,
  ): void {
    const lines = this.breakLines(this.tokenize(runs, size), size, width, indent);
    this.doc.y = this.drawLines(lines, x, this.doc.y, width, size, align, true, onFirstLine, following);
    this.doc.x = this.left;
  }

  // ----- line breaking -----
  //
  // pdfkit's own wrapper breaks after '/' and '-' (a number such as 44/GP-STTTT could be split over two lines) and
  // cannot justify text whose font changes within a paragraph. This small engine breaks only at spaces (a word
  // longer than the line is cut by characters, never lost), justifies runs of mixed faces, and is used both to
  // measure and to draw, so measured heights are exact.

  private measure(text: string, font: FontRole, size: number): number {
    const key = `${font}|${size}|${text}`;
    let w = this.widths.get(key);
    if (w === undefined) {
      this.setFont(font, size);
      w = this.doc.widthOfString(text);
      this.widths.set(key, w);
    }
    return w;
  }

  /** Splits runs into words (maximal non-space sequences, possibly spanning faces) with the space before each. */
  private tokenize(runs: Run[], size: number): Token[] {
    const tokens: Token[] = [];
    let open: Token | undefined;
    let spaceFont: FontRole | undefined;
    let breakBefore = false;
    for (const run of runs) {
      const font = run.font ?? 'regular';
      for (const part of run.text.split(/([ \t\r\n]+)/)) {
        if (part.length === 0) continue;
        if (/^[ \t\r\n]+$/.test(part)) {
          open = undefined;
          if (part.includes('\n')) breakBefore = true;
          spaceFont ??= font;
          continue;
        }
        const piece: Piece = { text: part, font, width: this.measure(part, font, size) };
        if (open) {
          open.pieces.push(piece);
          open.width += piece.width;
          continue;
        }
        const sf = spaceFont ?? font;
        open = { pieces: [piece], width: piece.width, space: this.measure(' ', sf, size), spaceFont: sf, breakBefore };
        tokens.push(open);
        spaceFont = undefined;
        breakBefore = false;
      }
    }
    return tokens;
  }

  private lineHeightOf(font: FontRole, size: number): number {
    const key = `lh|${font}|${size}`;
    let h = this.widths.get(key);
    if (h === undefined) {
      h = this.lineHeight(font, size);
      this.widths.set(key, h);
    }
    return h;
  }

  /** Cuts a word wider than `width` into pieces that fit, character by character. */
  private splitToken(token: Token, firstWidth: number, restWidth: number, size: number): Token[] {
    const out: Token[] = [];
    let current: Token = { ...token, pieces: [], width: 0 };
    for (const piece of token.pieces) {
      let rest = Array.from(piece.text);
      while (rest.length > 0) {
        const width = out.length === 0 ? firstWidth : restWidth;
        // the longest prefix of `rest` that fits after what `current` already holds
        let n = rest.length;
        while (n > 0 && current.width + this.measure(rest.slice(0, n).join(''), piece.font, size) > width + EPS) {
          n--;
        }
        if (n === 0 && current.pieces.length === 0 && out.length > 0) n = 1; // one glyph wider than a line
        if (n < rest.length) {
          // prefer to cut after a separator of URLs and identifiers, if that keeps at least half of the line
          for (let k = n; k > n / 2; k--) {
            if (SOFT_BREAK_AFTER.has(rest[k - 1])) {
              n = k;
              break;
            }
          }
        }
        if (n === 0) {
          out.push(current);
          current = { ...token, pieces: [], width: 0, breakBefore: false };
          continue;
        }
        const text = rest.slice(0, n).join('');
        const w = this.measure(text, piece.font, size);
        current.pieces.push({ text, font: piece.font, width: w });
        current.width += w;
        rest = rest.slice(n);
        if (rest.length > 0) {
          out.push(current);
          current = { ...token, pieces: [], width: 0, breakBefore: false };
        }
      }
    }
    if (current.pieces.length > 0) out.push(current);
    return out;
  }

  private breakLines(tokens: Token[], size: number, width: number, indent: number): Line[] {
    const lines: Line[] = [];
    const newLine = (ind: number): Line => ({ tokens: [], natural: 0, indent: ind, justify: false, height: 0 });
    let line = newLine(indent);
    const push = (justify: boolean): void => {
      if (line.tokens.length > 0) {
        line.justify = justify;
        line.height = Math.max(...line.tokens.flatMap((t) => t.pieces.map((p) => this.lineHeightOf(p.font, size))));
        lines.push(line);
      }
      line = newLine(0);
    };
    const add = (t: Token): void => {
      line.natural += (line.tokens.length > 0 ? t.space : 0) + t.width;
      line.tokens.push(t);
    };
    for (const token of tokens) {
      if (token.breakBefore && line.tokens.length > 0) push(false);
      const gap = line.tokens.length > 0 ? token.space : 0;
      if (line.natural + gap + token.width <= width - line.indent + EPS) {
        add(token);
        continue;
      }
      if (token.width <= width + EPS) {
        // fits on a line of its own
        if (line.tokens.length > 0) push(true);
        if (token.width <= width - line.indent + EPS) {
          add(token);
          continue;
        }
      }
      // too long for any line: cut it, starting in the space left on the current line when there is some
      const room = width - line.indent - line.natural - gap;
      if (line.tokens.length > 0 && room < 3 * token.space) push(true);
      const first = line.tokens.length > 0 ? room : width - line.indent;
      const chunks = this.splitToken(token, first, width, size);
      chunks.forEach((chunk, i) => {
        if (chunk.pieces.length === 0) {
          push(false); // nothing fitted in the room left: start on the next line
          return;
        }
        add(chunk);
        if (i < chunks.length - 1) push(false); // a line ending inside a cut word is not stretched
      });
    }
    push(false);
    return lines;
  }

  /**
   * Draws broken lines from `y`; with `paginate`, a line that would cross the bottom margin goes to a new page.
   * Consecutive words in one face are drawn as one string (pdfkit spreads justified words with `wordSpacing`).
   */
  private drawLines(
    lines: Line[],
    x: number,
    y: number,
    width: number,
    size: number,
    align: Align,
    paginate: boolean,
    onFirstLine?: (y: number) => void,
    following = 0,
  ): number {
    const breaks = paginate ? this.pageBreaks(lines, y, following) : new Set<number>();
    let cy = y;
    lines.forEach((line, index) => {
      if (breaks.has(index)) {
        this.newPage();
        cy = this.doc.y;
      }
      if (index === 0) onFirstLine?.(cy);
      const avail = width - line.indent;
      let cx = x + line.indent;
      let extra = 0;
      if (align === 'justify' && line.justify && line.tokens.length > 1) {
        extra = Math.max(0, (avail - line.natural) / (line.tokens.length - 1));
      } else if (align === 'center') {
        cx += (avail - line.natural) / 2;
      } else if (align === 'right') {
        cx += avail - line.natural;
      }
      let seg: { font: FontRole; text: string; x: number } | undefined;
      const flush = (): void => {
        if (seg) {
          this.setFont(seg.font, size);
          this.doc.text(seg.text, seg.x, cy, { lineBreak: false, wordSpacing: extra > 0 ? extra : undefined });
          seg = undefined;
        }
      };
      line.tokens.forEach((t, i) => {
        if (i > 0) cx += t.space + extra;
        const only = t.pieces.length === 1 ? t.pieces[0] : undefined;
        if (seg && only && only.font === seg.font && t.spaceFont === seg.font) {
          seg.text += ` ${only.text}`;
          cx += t.width;
          return;
        }
        flush();
        t.pieces.forEach((p, k) => {
          seg = { font: p.font, text: p.text, x: cx };
          if (k < t.pieces.length - 1) flush();
          cx += p.width;
        });
      });
      flush();
      cy += line.height;
    });
    this.doc.x = this.left;
    return cy;
  }

  /**
   * The indexes of the lines that start a new page when `lines` are drawn from `y`. A paragraph never leaves its
   * first line alone at the bottom of a page (orphan) nor its last line alone at the top of the next (widow).
   * `following`: height of a block that must not start a page without at least two lines of this paragraph.
   */
  private pageBreaks(lines: Line[], y: number, following = 0): Set<number> {
    const breaks = new Set<number>();
    const n = lines.length;
    let i = 0;
    let top = y;
    let max = this.maxY;
    let fresh = y <= this.doc.page.margins.top + EPS;
    while (i < n) {
      let k = 0;
      let yy = top;
      while (i + k < n && yy + lines[i + k].height <= max + EPS) {
        yy += lines[i + k].height;
        k++;
      }
      if (i + k >= n) {
        const pageHeight = this.doc.page.height - MARGINS.top - MARGINS.bottom;
        if (following > 0 && yy + following > max + EPS && following < pageHeight / 2) {
          let keep = n - i - Math.min(2, n - i); // lines left on this page
          if (!fresh && i === 0 && keep === 1) keep = 0; // no orphan
          if (keep > 0 || !fresh) breaks.add(i + keep);
        }
        break;
      }
      if (!fresh) {
        if (n - (i + k) === 1 && k >= 2) k -= 1; // widow: carry one more line over
        if (i === 0 && k === 1 && n >= 2) k = 0; // orphan: move the start of the paragraph over
      }
      if (fresh && k === 0) k = 1; // a line taller than a page: draw it anyway
      i += k;
      breaks.add(i);
      top = MARGINS.top;
      max = this.doc.page.height - MARGINS.bottom;
      fresh = true;
    }
    return breaks;
  }

  /**
   * A list whose items hang after their marker ('-', '+', '1.', 'a)'). Items wrap, and the list flows onto new
   * pages: an item never starts on a page where its first line does not fit, so a marker is never left alone.
   */
  list(items: Inline[], opts: ListOptions = {}): void {
    const font = opts.font ?? 'regular';
    const size = opts.size ?? TYPE.body;
    const left = opts.left ?? FIRST_LINE_INDENT;
    const marker = opts.marker ?? (() => '-');
    let markerWidth = opts.markerWidth ?? 14;
    for (let i = 0; i < items.length; i++) {
      markerWidth = Math.max(markerWidth, this.widthOf(marker(i), font, size) + 5);
    }
    const lh = this.lineHeight(font, size);
    const itemGap = opts.itemGap ?? 1.5;
    items.forEach((item, index) => {
      const runs = runsOf(item, font);
      const drawMarker = (y: number): void => {
        this.textAt(marker(index), this.left + left, y, markerWidth, { font, size });
      };
      this.ensureSpace(lh);
      if (runs.length > 0) {
        // the marker goes with the first line, wherever pagination puts it
        const x = this.left + left + markerWidth;
        this.flow(runs, x, this.width - left - markerWidth, size, opts.align ?? 'justify', 0, drawMarker);
      } else {
        drawMarker(this.doc.y);
        this.doc.y += lh;
      }
      this.doc.y += itemGap;
    });
    this.doc.y += (opts.gapAfter ?? PARAGRAPH_GAP) - itemGap;
  }

  /**
   * The closing blocks side by side, top-aligned (Decree 30: 'Nơi nhận' on the left starts on the line of the
   * signer's title on the right). Both are kept whole: if they do not fit, they move to a new page.
   */
  closing(leftBlock: ColumnBlock | undefined, rightBlock: ColumnBlock, gapBefore = CLOSING_GAP): void {
    const { leftWidth, rightWidth, head, need } = this.closingLayout(leftBlock, rightBlock);
    this.doc.y += gapBefore;
    this.ensureSpace(need);
    const y = this.doc.y;
    leftBlock?.draw(this, this.left, y, leftWidth, head);
    rightBlock.draw(this, this.left + leftWidth, y, rightWidth, head);
    this.doc.x = this.left;
    this.doc.y = y + need + PARAGRAPH_GAP;
  }

  /** The height `closing(leftBlock, rightBlock)` will take, gap included (for `keepWithFollowing`). */
  closingHeight(leftBlock: ColumnBlock | undefined, rightBlock: ColumnBlock, gapBefore = CLOSING_GAP): number {
    return gapBefore + this.closingLayout(leftBlock, rightBlock).need;
  }

  private closingLayout(leftBlock: ColumnBlock | undefined, rightBlock: ColumnBlock) {
    const leftWidth = this.width * 0.45;
    const rightWidth = this.width - leftWidth;
    const head =
      leftBlock?.head && rightBlock.head
        ? Math.max(leftBlock.head(this, leftWidth), rightBlock.head(this, rightWidth))
        : undefined;
    const need = Math.max(
      leftBlock ? leftBlock.height(this, leftWidth, head) : 0,
      rightBlock.height(this, rightWidth, head),
    );
    return { leftWidth, rightWidth, head, need };
  }

  /**
   * Reserves a strip at the bottom of the current page (page 1) and draws a QR code in it, with the verification
   * code under the symbol and a caption to its right. Body text on this page stops above the strip.
   */
  verificationStrip(v: { url: string; code: string; caption: string }): void {
    const symbolSize = 21 * MM;
    const module = symbolSize / qrMatrix(v.url).size;
    const quiet = QR_QUIET_ZONE * module;
    const codeSize = 8;
    const codeLine = this.lineHeight('regular', codeSize);
    const stripHeight = quiet + symbolSize + 2 + codeLine;
    const page = this.doc.page;
    const bottom = page.height - MARGINS.bottom;
    const top = bottom - stripHeight;
    page.margins.bottom = page.height - top + 6;

    this.rule(this.left, this.right, top, 0.4);
    const qx = this.left;
    const qy = top + quiet;
    drawQrCode(this.doc, v.url, qx, qy, symbolSize);
    this.textAt(v.code, qx - quiet, qy + symbolSize + 2, symbolSize + 2 * quiet, {
      font: 'regular',
      size: codeSize,
      align: 'center',
    });
    const tx = qx + symbolSize + quiet + 4;
    const tw = this.right - tx;
    let ty = qy;
    ty = this.textAt(`Mã xác thực: ${v.code}`, tx, ty, tw, { font: 'bold', size: 10 });
    ty = this.textAt(v.caption, tx, ty + 1, tw, { font: 'italic', size: TYPE.small });
    this.textAt(v.url, tx, ty + 1, tw, { font: 'regular', size: TYPE.small });
    this.doc.x = this.left;
    this.doc.y = this.doc.page.margins.top;
  }

  /** Page numbers centred in the top margin, from page 2 on (Decree 30). */
  private numberPages(): void {
    const range = this.doc.bufferedPageRange();
    for (let i = range.start + 1; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      const size = TYPE.pageNumber;
      const lh = this.lineHeight('regular', size);
      this.textAt(String(i + 1), this.left, (MARGINS.top - lh) / 2 + 2, this.width, {
        font: 'regular',
        size,
        align: 'center',
      });
    }
  }

  /**
   * The document will carry a digital signature: the signer's block draws its visible part and the signature
   * field (`drawSeal`), `finish()` leaves the placeholder that `signPdf` fills.
   */
  seal(appearance: SealAppearance): void {
    this.sealAppearance = appearance;
  }

  get sealed(): boolean {
    return this.sealAppearance !== undefined;
  }

  /**
   * Draws the visible signature in the box (x, y, width, height) of the current page and puts the signature field
   * (a widget annotation whose value is the signature dictionary, with a placeholder for the CMS message) over it.
   */
  drawSeal(x: number, y: number, width: number, height: number): void {
    const s = this.sealAppearance;
    if (!s || this.sealPlaced) return;
    this.sealPlaced = true;
    const colour = s.development ? '#b00000' : '#1f3a93';
    this.doc.save().lineWidth(0.8).rect(x, y, width, height).stroke(colour).restore();
    this.doc.save().fillColor(colour);
    let cy = y + 4;
    cy = this.textAt(
      [
        { text: 'Ký số bởi: ', font: 'regular' },
        { text: s.signerName, font: 'bold' },
      ],
      x + 5,
      cy,
      width - 10,
      {
        size: TYPE.small,
      },
    );
    cy = this.textAt(`Thời gian ký: ${s.signedAtText}`, x + 5, cy, width - 10, { size: TYPE.small });
    if (s.development) {
      this.textAt('Chứng thư số thử nghiệm - văn bản không có giá trị sử dụng', x + 5, cy, width - 10, {
        font: 'bold',
        size: TYPE.small,
      });
    }
    this.doc.restore();
    const signature = this.doc.ref({
      Type: 'Sig',
      Filter: 'Adobe.PPKLite',
      SubFilter: 'ETSI.CAdES.detached',
      ByteRange: [0, BYTE_RANGE_PLACEHOLDER, BYTE_RANGE_PLACEHOLDER, BYTE_RANGE_PLACEHOLDER],
      Contents: Buffer.alloc(SIGNATURE_CONTENTS_BYTES),
      M: s.signedAt,
      Name: new String(s.signerName),
      Reason: new String(s.reason),
      Location: new String(s.location),
      Prop_Build: { App: { Name: CREATOR } },
    });
    (signature as unknown as { end(): void }).end();
    this.doc.initForm();
    this.doc.annotate(x, y, width, height, {
      Subtype: 'Widget',
      FT: 'Sig',
      T: new String('Chu ky so'),
      F: 4, // print
      V: signature,
      P: this.doc.page.dictionary,
    } as unknown as PDFKit.Mixins.AnnotationOption);
    const page = this.doc.page as unknown as { annotations: PDFKit.PDFKitReference[] };
    const widget = page.annotations[page.annotations.length - 1];
    const form = (this.doc as unknown as { _root: { data: { AcroForm: { data: Record<string, unknown> } } } })._root
      .data.AcroForm.data;
    (form.Fields as unknown[]).push(widget);
    form.SigFlags = 3; // SignaturesExist | AppendOnly
    delete form.NeedAppearances;
  }

  /** The red banner of a development signature, in the top margin of every page. */
  private developmentBanners(): void {
    const range = this.doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      this.doc.save().fillColor('#b00000');
      this.textAt(DEVELOPMENT_BANNER, this.left, 8, this.width, { font: 'bold', size: TYPE.small, align: 'center' });
      this.doc.restore();
    }
  }

  /** Numbers the pages, closes the document and resolves with its bytes. */
  finish(): Promise<Buffer> {
    if (!this.finished) {
      this.finished = true;
      if (this.sealAppearance && !this.sealPlaced) {
        throw new Error('A sealed document needs a signature block that draws the seal');
      }
      if (this.sealAppearance?.development) this.developmentBanners();
      this.numberPages();
      this.doc.end();
    }
    return this.output;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Closing blocks
// ---------------------------------------------------------------------------------------------------------------

/**
 * Signature block: the signer's authority and title in upper-case bold (one line per `\n`, e.g. 'KT. GIÁM ĐỐC' /
 * 'PHÓ GIÁM ĐỐC'), an optional italic note, blank space for the signature and seal, then the name in bold.
 */
export function signatureBlock(title: string, name: string, note?: string, opts: { seal?: boolean } = {}): ColumnBlock {
  const titleText = title
    .split('\n')
    .map((l) => upperVi(l.trim()))
    .filter((l) => l.length > 0)
    .join('\n');
  const head = (doc: OfficialDocument, width: number): number =>
    doc.heightOf(titleText, 'bold', TYPE.body, width) +
    (note ? doc.heightOf(note, 'italic', TYPE.recipients, width) : 0);
  return {
    head,
    height(doc, width, headHeight) {
      const h = Math.max(headHeight ?? 0, head(doc, width));
      return h + SIGNATURE_SPACE + doc.heightOf(name, 'bold', TYPE.body, width);
    },
    draw(doc, x, y, width, headHeight) {
      let cy = doc.textAt(titleText, x, y, width, { font: 'bold', size: TYPE.body, align: 'center' });
      if (note) doc.textAt(note, x, cy, width, { font: 'italic', size: TYPE.recipients, align: 'center' });
      cy = y + Math.max(headHeight ?? 0, head(doc, width));
      if (opts.seal && doc.sealed) doc.drawSeal(x + 10, cy + 8, width - 20, SIGNATURE_SPACE - 16);
      doc.textAt(name, x, cy + SIGNATURE_SPACE, width, { font: 'bold', size: TYPE.body, align: 'center' });
    },
  };
}

/** Recipients block: 'Nơi nhận:' in bold italic 12 pt, then the items in 11 pt, each after '- '. */
export function recipientsBlock(items: readonly string[]): ColumnBlock {
  const dash = 9;
  const measure = (doc: OfficialDocument, width: number): number => {
    let h = doc.heightOf('Nơi nhận:', 'boldItalic', TYPE.recipientsLabel, width);
    for (const item of items) h += doc.heightOf(item, 'regular', TYPE.recipients, width - dash);
    return h;
  };
  return {
    height: measure,
    draw(doc, x, y, width) {
      let cy = doc.textAt('Nơi nhận:', x, y, width, { font: 'boldItalic', size: TYPE.recipientsLabel });
      for (const item of items) {
        doc.textAt('-', x, cy, dash, { font: 'regular', size: TYPE.recipients });
        cy = doc.textAt(item, x + dash, cy, width - dash, { font: 'regular', size: TYPE.recipients });
      }
    },
  };
}
