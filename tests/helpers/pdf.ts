/**
 * Look inside generated PDFs the way a person would: render the pages to images (poppler's pdftoppm),
 * read the QR code back from the image (jsqr), extract the text (pdftotext), and check page sizes (pdfinfo).
 * poppler-utils must be installed (tests/prerequisites.mjs, the first step of npm test, installs it).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import jsQRModule from 'jsqr';

const run = promisify(execFile);
const require = createRequire(import.meta.url);

/** A decoded PNG image: RGBA bytes, 4 per pixel, row by row. */
export interface PNG {
  width: number;
  height: number;
  data: Buffer;
}

// pngjs ships no type declarations; this is the one call the helpers use.
const pngjs = require('pngjs') as { PNG: { sync: { read(buffer: Buffer): PNG; write(png: PNG): Buffer } } };

// jsqr is CommonJS with an ES-style default export: under nodenext the function sits on `.default`.
type JsQr = typeof jsQRModule.default;
const jsQR: JsQr = (jsQRModule as unknown as { default?: JsQr }).default ?? (jsQRModule as unknown as JsQr);

async function withTempPdf<T>(pdf: Buffer, work: (dir: string, file: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'safe-hands-pdf-'));
  try {
    const file = join(dir, 'document.pdf');
    await writeFile(file, pdf);
    return await work(dir, file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Every page as an image, in page order. */
export async function renderPdfToPngs(pdf: Buffer, dpi = 200): Promise<PNG[]> {
  return withTempPdf(pdf, async (dir, file) => {
    await run('pdftoppm', ['-r', String(dpi), '-png', file, join(dir, 'page')]);
    const pages = (await readdir(dir)).filter((name) => /^page-\d+\.png$/.test(name));
    pages.sort((a, b) => Number(/(\d+)/.exec(a)![1]) - Number(/(\d+)/.exec(b)![1]));
    return Promise.all(pages.map(async (name) => pngjs.PNG.sync.read(await readFile(join(dir, name)))));
  });
}

/** Render the first page straight to a PNG file (for the docs' screenshots). */
export async function renderFirstPageToFile(pdf: Buffer, outFile: string, dpi = 150): Promise<void> {
  await withTempPdf(pdf, async (dir, file) => {
    const prefix = join(dir, 'shot');
    await run('pdftoppm', ['-r', String(dpi), '-png', '-singlefile', '-f', '1', '-l', '1', file, prefix]);
    await writeFile(outFile, await readFile(`${prefix}.png`));
  });
}

/** The text of the first QR code found in the image, or null. */
export function decodeQr(png: PNG): string | null {
  return readQr(png)?.text ?? null;
}

/** The first QR code in the image: its text and the symbol's width in pixels (finder edge to finder edge). */
export function readQr(png: PNG): { text: string; widthPx: number } | null {
  const pixels = new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.byteLength);
  const found = jsQR(pixels, png.width, png.height, { inversionAttempts: 'dontInvert' });
  if (!found) return null;
  const { topLeftCorner: left, topRightCorner: right } = found.location;
  return { text: found.data, widthPx: Math.hypot(right.x - left.x, right.y - left.y) };
}

/** The document's text; `layout` keeps the physical arrangement (columns side by side). */
export async function pdfText(pdf: Buffer, options: { layout?: boolean } = {}): Promise<string> {
  return withTempPdf(pdf, async (_dir, file) => {
    const args = [...(options.layout === false ? [] : ['-layout']), '-enc', 'UTF-8', file, '-'];
    const { stdout } = await run('pdftotext', args, { maxBuffer: 16 * 1024 * 1024 });
    return stdout;
  });
}

/** Collapse every run of whitespace to one space, so wrapped phrases can be searched for. */
export function flatten(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export interface PageSize {
  widthPt: number;
  heightPt: number;
  widthMm: number;
  heightMm: number;
}

/** The size of every page, from pdfinfo. */
export async function pdfPageSizes(pdf: Buffer): Promise<PageSize[]> {
  return withTempPdf(pdf, async (_dir, file) => {
    const { stdout: summary } = await run('pdfinfo', [file]);
    const pages = Number(/^Pages:\s+(\d+)/m.exec(summary)?.[1] ?? '0');
    const { stdout } = await run('pdfinfo', ['-f', '1', '-l', String(pages), file]);
    const sizes: PageSize[] = [];
    for (const match of stdout.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)) {
      const widthPt = Number(match[1]);
      const heightPt = Number(match[2]);
      sizes.push({ widthPt, heightPt, widthMm: (widthPt * 25.4) / 72, heightMm: (heightPt * 25.4) / 72 });
    }
    return sizes;
  });
}

/**
 * The bounding box of the non-white pixels of a page image: where the ink is. Used to check that text
 * stays inside the page margins.
 */
export function inkBounds(png: PNG, threshold = 200): { left: number; top: number; right: number; bottom: number } | null {
  let left = png.width;
  let top = png.height;
  let right = -1;
  let bottom = -1;
  for (let y = 0; y < png.height; y++) {
    for (let x = 0; x < png.width; x++) {
      const i = (y * png.width + x) * 4;
      const dark = png.data[i]! < threshold || png.data[i + 1]! < threshold || png.data[i + 2]! < threshold;
      if (dark) {
        if (x < left) left = x;
        if (x > right) right = x;
        if (y < top) top = y;
        if (y > bottom) bottom = y;
      }
    }
  }
  return right < 0 ? null : { left, top, right, bottom };
}
