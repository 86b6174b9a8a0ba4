/**
 * QR codes drawn as vector squares, so they stay sharp at any printer resolution. Shared by receipts,
 * visitor badges and invites.
 */
import { create, type QRCodeErrorCorrectionLevel } from 'qrcode';

/** The white margin a scanner needs around the symbol, in modules (the QR specification asks for 4). */
export const QUIET_ZONE_MODULES = 4;

export interface QrMatrix {
  /** Modules per side, without the quiet zone. */
  readonly size: number;
  isDark(row: number, col: number): boolean;
}

export interface QrOptions {
  /** 'M' (15% damage recoverable) suits printed paper that gets folded and scuffed. */
  errorCorrectionLevel?: QRCodeErrorCorrectionLevel;
  quietZoneModules?: number;
  color?: string;
  background?: string;
}

export interface DrawnQr {
  /** Modules per side, quiet zone included. */
  modules: number;
  /** The side of one module in points. */
  moduleSize: number;
}

// A document measures its QR code before drawing it: keep the last few matrices rather than encode twice.
const recent = new Map<string, QrMatrix>();

export function qrMatrix(text: string, errorCorrectionLevel: QRCodeErrorCorrectionLevel = 'M'): QrMatrix {
  if (text.length === 0) throw new Error('A QR code needs some text to carry.');
  const key = `${errorCorrectionLevel}:${text}`;
  const known = recent.get(key);
  if (known) return known;
  const { modules } = create(text, { errorCorrectionLevel });
  const matrix: QrMatrix = { size: modules.size, isDark: (row, col) => Boolean(modules.get(row, col)) };
  if (recent.size >= 8) recent.delete(recent.keys().next().value!);
  recent.set(key, matrix);
  return matrix;
}

/**
 * The outer size (quiet zone included) to give `drawQr` so that the symbol itself, finder squares edge to
 * edge, is `symbolPt` wide.
 */
export function qrOuterSize(text: string, symbolPt: number, options: QrOptions = {}): number {
  const matrix = qrMatrix(text, options.errorCorrectionLevel ?? 'M');
  const quiet = options.quietZoneModules ?? QUIET_ZONE_MODULES;
  return (symbolPt * (matrix.size + 2 * quiet)) / matrix.size;
}

/**
 * Draw `text` as a QR code whose outer square, quiet zone included, is `sizePt` wide with its top-left
 * corner at (x, y). The quiet zone is painted white so nothing printed behind it can break a scan.
 */
export function drawQr(
  doc: PDFKit.PDFDocument,
  text: string,
  x: number,
  y: number,
  sizePt: number,
  options: QrOptions = {},
): DrawnQr {
  if (!(sizePt > 0)) throw new Error('A QR code needs a positive size.');
  const matrix = qrMatrix(text, options.errorCorrectionLevel ?? 'M');
  const quiet = options.quietZoneModules ?? QUIET_ZONE_MODULES;
  const modules = matrix.size + 2 * quiet;
  const moduleSize = sizePt / modules;

  doc.save();
  doc.rect(x, y, sizePt, sizePt).fill(options.background ?? '#ffffff');

  // One rectangle per horizontal run of dark modules, all filled as a single path: fewer operators,
  // and no hairline seams between neighbouring squares when a viewer anti-aliases.
  for (let row = 0; row < matrix.size; row++) {
    let col = 0;
    while (col < matrix.size) {
      if (!matrix.isDark(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < matrix.size && matrix.isDark(row, col)) col++;
      doc.rect(x + (quiet + start) * moduleSize, y + (quiet + row) * moduleSize, (col - start) * moduleSize, moduleSize);
    }
  }
  doc.fill(options.color ?? '#000000');
  doc.restore();
  return { modules, moduleSize };
}
