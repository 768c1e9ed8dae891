import * as QRCode from 'qrcode';

/** A horizontal run of dark modules in one row of the symbol, in module units. */
export interface QrRun {
  row: number;
  col: number;
  length: number;
}

export interface QrMatrix {
  /** Modules per side, without the quiet zone. */
  size: number;
  runs: QrRun[];
}

/** The minimum light margin around a QR symbol, in modules (ISO/IEC 18004). */
export const QR_QUIET_ZONE = 4;

/**
 * The module matrix of `text` at error-correction level M, reduced to horizontal runs of dark modules.
 * Deterministic: qrcode picks the version and mask from the data alone.
 */
export function qrMatrix(text: string): QrMatrix {
  if (!text) {
    throw new RangeError('Cannot encode an empty text in a QR code');
  }
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = modules.size;
  const runs: QrRun[] = [];
  for (let row = 0; row < size; row++) {
    let col = 0;
    while (col < size) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < size && modules.get(row, col)) {
        col++;
      }
      runs.push({ row, col: start, length: col - start });
    }
  }
  return { size, runs };
}

/** The minimal subset of pdfkit's vector API used here (keeps this file testable without a document). */
export interface QrCanvas {
  save(): unknown;
  restore(): unknown;
  rect(x: number, y: number, w: number, h: number): unknown;
  fill(color?: string): unknown;
}

/**
 * Draws the QR code of `text` as vector rectangles, one per horizontal run, filled as a single path (no seams
 * between rows when rasterised). `(x, y)` is the top-left corner of the symbol itself; `size` its side in points.
 * The caller keeps `QR_QUIET_ZONE` modules of blank space around it.
 * Returns the module size in points.
 */
export function drawQrCode(canvas: QrCanvas, text: string, x: number, y: number, size: number): number {
  const matrix = qrMatrix(text);
  const module = size / matrix.size;
  canvas.save();
  for (const run of matrix.runs) {
    canvas.rect(x + run.col * module, y + run.row * module, run.length * module, module);
  }
  canvas.fill('#000000');
  canvas.restore();
  return module;
}
