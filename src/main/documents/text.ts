/**
 * Measured, wrapped text for pdfkit documents, with per-character font fallback.
 *
 * pdfkit wraps text well in one font, but a visitor's name can mix scripts ("Li 王芳") that no single font
 * covers, and a receipt must know its exact height before the page exists. So text is laid out here:
 * split into grapheme clusters and words, each word given one font that can draw all of it (letters that
 * join or combine, as in Urdu, Punjabi or Tamil, only come out right within one font), wrapped into lines
 * of runs, then drawn run by run on a shared baseline.
 */
import type { FontRole, FontSet, LoadedFont } from './fonts.js';

/** Drawn in place of a character no available font has (the conventional "missing glyph" box). */
export const PLACEHOLDER = '\u25A1';
const ELLIPSIS = '\u2026';

export interface TextStyle {
  role: FontRole;
  /** Font size in points. */
  size: number;
  /** Line height as a multiple of the size. */
  leading?: number;
  color?: string;
}

export interface Run {
  font: LoadedFont;
  text: string;
  width: number;
  /** Right to left: drawn word by word from the right (pdfkit shapes each word on its own). */
  rtl?: boolean;
}

export interface Line {
  runs: Run[];
  width: number;
}

export type Align = 'left' | 'center' | 'right';

interface Cluster {
  text: string;
  font: LoadedFont;
  space: boolean;
  /** Text may break before and after this cluster without a space (ideographs). */
  breakAround: boolean;
  /** Text may break after this cluster (a hyphen or slash inside a word). */
  breakAfter: boolean;
  /** Part of a right-to-left stretch (Arabic, Hebrew): laid out as its own run, which fontkit reverses. */
  rtl: boolean;
  /** The character as typed, when no font could draw it and the placeholder box stands in. */
  missing?: string;
}

/** A grapheme cluster before it has a font: what must be drawn of it. */
interface Piece {
  /** As typed. */
  segment: string;
  /** What is drawn (invisible modifiers no font has are left out). */
  visible: string;
  codePoints: number[];
  space: boolean;
}

const DEFAULT_LEADING = 1.22;
const graphemes = new Intl.Segmenter('en-GB', { granularity: 'grapheme' });
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;
const RIGHT_TO_LEFT = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
const STRONG = /[\p{L}\p{N}]/u;
const IDEOGRAPHIC = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u;
// Invisible code points that only modify how a neighbour looks: dropped if no font has them.
const MODIFIERS = /[\ufe00-\ufe0f\u200b\u2060\ufeff\u00ad\u{1f3fb}-\u{1f3ff}\u{e0020}-\u{e007f}\u{e0100}-\u{e01ef}]/gu;

/** One line of plain text: line breaks, tabs and control characters become single spaces. */
export function cleanText(text: string): string {
  return text.normalize('NFC').replace(/[\s\p{Cc}]+/gu, ' ').trim();
}

export class TextShaper {
  constructor(readonly fonts: FontSet) {}

  fontFor(role: FontRole): LoadedFont {
    return this.fonts[role];
  }

  lineHeight(style: TextStyle): number {
    return style.size * (style.leading ?? DEFAULT_LEADING);
  }

  /** Width in points of `text` on one line. */
  measure(text: string, style: TextStyle): number {
    return this.toLine(this.clusters(cleanText(text), style.role), style.size).width;
  }

  /** Lay `text` out in lines no wider than `width`; with `maxLines`, the last kept line ends in "…". */
  wrap(text: string, style: TextStyle, width: number, maxLines?: number): Line[] {
    const clusters = this.clusters(cleanText(text), style.role);
    if (clusters.length === 0) return [];
    const lines = this.breakLines(clusters, style.size, width);
    if (maxLines !== undefined && maxLines > 0 && lines.length > maxLines) {
      const kept = lines.slice(0, maxLines);
      kept[maxLines - 1] = this.withEllipsis(kept[maxLines - 1]!, style, width);
      return kept.map((line) => this.toLine(line, style.size));
    }
    return lines.map((line) => this.toLine(line, style.size));
  }

  /** The characters of `text` that no available font can draw, as typed (one entry per character). */
  undrawable(text: string, role: FontRole = 'regular'): string[] {
    return this.clusters(cleanText(text), role).flatMap((c) => (c.missing === undefined ? [] : [c.missing]));
  }

  /**
   * Give every grapheme cluster a font, or the placeholder box. A word the primary font cannot wholly draw
   * goes, whole, to one fallback font; neighbouring such words share one font when one covers them all (a
   * Japanese name in kanji and kana stays in one style). Only when no font has a whole word does each
   * character get its own font, and a box where none has it.
   */
  private clusters(text: string, role: FontRole): Cluster[] {
    const primary = this.fonts[role];
    const out: Cluster[] = [];
    if (PRINTABLE_ASCII.test(text)) {
      for (const ch of text) out.push(makeCluster(ch, primary, false));
      return out;
    }
    const pieces: Piece[] = [];
    for (const { segment } of graphemes.segment(text)) {
      if (segment === ' ') {
        pieces.push({ segment, visible: ' ', codePoints: [32], space: true });
        continue;
      }
      let visible = segment.replace(MODIFIERS, '');
      if (PICTOGRAPHIC.test(visible)) visible = visible.replace(/\u200d/g, '');
      const codePoints = [...visible].map((ch) => ch.codePointAt(0)!);
      if (codePoints.length > 0) pieces.push({ segment, visible, codePoints, space: false });
    }

    const inPrimary = (piece: Piece) => piece.codePoints.every((cp) => primary.hasGlyph(cp));
    const words: { start: number; end: number; needsFallback: boolean }[] = [];
    pieces.forEach((piece, i) => {
      if (piece.space) return;
      const last = words[words.length - 1];
      if (last && last.end === i) last.end = i + 1;
      else words.push({ start: i, end: i + 1, needsFallback: false });
    });
    for (const word of words) word.needsFallback = !pieces.slice(word.start, word.end).every(inPrimary);
    // A right-to-left name (Urdu, Persian) goes to the fallback whole when any word of it needs one, so it
    // is not printed half in one style and half in another.
    const rtl = (word: (typeof words)[number]) => pieces.slice(word.start, word.end).some((p) => RIGHT_TO_LEFT.test(p.visible));
    for (let w = 0; w < words.length; ) {
      let end = w;
      while (end < words.length && rtl(words[end]!)) end++;
      if (end > w && words.slice(w, end).some((word) => word.needsFallback)) for (const word of words.slice(w, end)) word.needsFallback = true;
      w = Math.max(end, w + 1);
    }

    const fonts: (LoadedFont | 'missing')[] = pieces.map(() => primary);
    const fallbackFor = (from: number, to: number) => {
      const span = pieces.slice(from, to);
      return this.fonts.fallbackFor([...new Set(span.flatMap((p) => p.codePoints))], span.map((p) => p.visible).join(''));
    };
    for (let w = 0; w < words.length; w++) {
      if (!words[w]!.needsFallback) continue;
      let last = w;
      while (last + 1 < words.length && words[last + 1]!.needsFallback) last++;
      const together = fallbackFor(words[w]!.start, words[last]!.end);
      if (together) {
        fonts.fill(together, words[w]!.start, words[last]!.end);
      } else {
        for (const word of words.slice(w, last + 1)) {
          const whole = fallbackFor(word.start, word.end);
          if (whole) {
            fonts.fill(whole, word.start, word.end);
            continue;
          }
          for (let i = word.start; i < word.end; i++) {
            if (inPrimary(pieces[i]!)) continue;
            fonts[i] = fallbackFor(i, i + 1) ?? 'missing';
          }
        }
      }
      w = last;
    }

    pieces.forEach((piece, i) => {
      const font = fonts[i]!;
      if (font === 'missing') out.push({ ...makeCluster(PLACEHOLDER, primary, true), missing: piece.segment });
      else out.push(makeCluster(piece.visible, font, font !== primary));
    });
    resolveDirection(out);
    return out;
  }

  private width(clusters: readonly Cluster[], size: number): number {
    return this.toLine(clusters, size).width;
  }

  private breakLines(clusters: readonly Cluster[], size: number, maxWidth: number): Cluster[][] {
    // Pieces: the unbreakable stretches of text, each remembering whether a space came before it.
    const pieces: { clusters: Cluster[]; spaceBefore: Cluster | null }[] = [];
    let pendingSpace: Cluster | null = null;
    let current: Cluster[] | null = null;
    for (const cluster of clusters) {
      if (cluster.space) {
        pendingSpace ??= cluster;
        current = null;
        continue;
      }
      const previous = current?.[current.length - 1];
      if (!current || pendingSpace || (previous && (previous.breakAfter || previous.breakAround || cluster.breakAround))) {
        current = [];
        pieces.push({ clusters: current, spaceBefore: pendingSpace });
        pendingSpace = null;
      }
      current.push(cluster);
    }

    const lines: Cluster[][] = [];
    let line: Cluster[] = [];
    let lineWidth = 0;
    const fits = (w: number) => w <= maxWidth + 0.01;

    for (const piece of pieces) {
      const pieceWidth = this.width(piece.clusters, size);
      const space = line.length > 0 ? piece.spaceBefore : null;
      const gap = space ? this.width([space], size) : 0;
      if (line.length > 0 && fits(lineWidth + gap + pieceWidth)) {
        if (space) line.push(space);
        line.push(...piece.clusters);
        lineWidth += gap + pieceWidth;
        continue;
      }
      if (line.length > 0) lines.push(line);
      if (fits(pieceWidth)) {
        line = [...piece.clusters];
        lineWidth = pieceWidth;
        continue;
      }
      // A word wider than the column (a long code, an unspaced description): break between characters.
      // Summing single-cluster widths keeps this linear for a very long run of characters.
      line = [];
      lineWidth = 0;
      for (const cluster of piece.clusters) {
        const clusterWidth = this.width([cluster], size);
        if (line.length > 0 && !fits(lineWidth + clusterWidth)) {
          lines.push(line);
          line = [];
          lineWidth = 0;
        }
        line.push(cluster);
        lineWidth += clusterWidth;
      }
    }
    if (line.length > 0) lines.push(line);
    return lines;
  }

  private withEllipsis(line: Cluster[], style: TextStyle, maxWidth: number): Cluster[] {
    const ellipsis = makeCluster(ELLIPSIS, this.fonts[style.role], false);
    const kept = [...line];
    while (kept.length > 0 && this.width([...kept, ellipsis], style.size) > maxWidth) kept.pop();
    while (kept.length > 0 && kept[kept.length - 1]!.space) kept.pop();
    return [...kept, ellipsis];
  }

  private toLine(clusters: readonly Cluster[], size: number): Line {
    const runs: Run[] = [];
    let text = '';
    let font: LoadedFont | null = null;
    const flush = () => {
      if (font && text) runs.push({ font, text, width: font.widthOf(text, size), ...(rtl ? { rtl } : {}) });
    };
    let rtl = false;
    for (const cluster of clusters) {
      if (cluster.font !== font || cluster.rtl !== rtl) {
        flush();
        font = cluster.font;
        rtl = cluster.rtl;
        text = '';
      }
      text += cluster.text;
    }
    flush();
    return { runs, width: runs.reduce((sum, run) => sum + run.width, 0) };
  }
}

function makeCluster(text: string, font: LoadedFont, notInPrimary: boolean): Cluster {
  const space = text === ' ';
  return {
    text,
    font,
    space,
    breakAround: !space && (IDEOGRAPHIC.test(text) || (notInPrimary && PICTOGRAPHIC.test(text))),
    breakAfter: text === '-' || text === '/' || text === '\u2010' || text === '\u2013',
    rtl: RIGHT_TO_LEFT.test(text),
  };
}

/**
 * A simplified bidi pass for left-to-right documents: spaces and punctuation between two right-to-left
 * letters belong to that right-to-left stretch ("محمد علي" stays one run, drawn right to left); anywhere
 * else they stay left to right. Digits count as left to right.
 */
function resolveDirection(clusters: Cluster[]): void {
  if (!clusters.some((c) => c.rtl)) return;
  let i = 0;
  while (i < clusters.length) {
    if (clusters[i]!.rtl || STRONG.test(clusters[i]!.text)) {
      i++;
      continue;
    }
    const start = i;
    while (i < clusters.length && !clusters[i]!.rtl && !STRONG.test(clusters[i]!.text)) i++;
    const before = clusters[start - 1];
    const after = clusters[i];
    if (before?.rtl && after?.rtl) for (let j = start; j < i; j++) clusters[j]!.rtl = true;
  }
}

const registered = new WeakMap<PDFKit.PDFDocument, Set<string>>();

function useFont(doc: PDFKit.PDFDocument, font: LoadedFont, size: number): void {
  let keys = registered.get(doc);
  if (!keys) {
    keys = new Set();
    registered.set(doc, keys);
  }
  if (!keys.has(font.key)) {
    // pdfkit takes a parsed fontkit font wherever it takes a file; its typings only list files.
    doc.registerFont(font.key, font.font as unknown as Buffer);
    keys.add(font.key);
  }
  doc.font(font.key).fontSize(size);
}

/**
 * Draw laid-out lines with the top of the first line box at `top`. Returns the height used.
 */
export function drawLines(
  doc: PDFKit.PDFDocument,
  shaper: TextShaper,
  lines: readonly Line[],
  style: TextStyle,
  x: number,
  top: number,
  width: number,
  align: Align = 'left',
): number {
  const lineHeight = shaper.lineHeight(style);
  const primary = shaper.fontFor(style.role);
  // Centre the font's ascent + descent inside the line box; every run shares the primary's baseline.
  const inkHeight = (primary.ascent + primary.descent) * style.size;
  const baselineOffset = (lineHeight - inkHeight) / 2 + primary.ascent * style.size;
  const color = style.color ?? '#000000';
  doc.fillColor(color);
  const put = (font: LoadedFont, text: string, at: number, baseline: number) => {
    useFont(doc, font, style.size);
    if (style.role === 'bold' && font !== primary) {
      // The fallback fonts ship in one weight: outline a bold line's letters as well as filling them, so
      // "Li 王芳 Wang" is one weight, and thin strokes survive a thermal printer.
      doc.save().lineWidth(style.size / 28).strokeColor(color);
      doc.text(text, at, baseline, { lineBreak: false, baseline: 'alphabetic', fill: true, stroke: true });
      doc.restore();
    } else {
      doc.text(text, at, baseline, { lineBreak: false, baseline: 'alphabetic' });
    }
  };
  lines.forEach((line, index) => {
    let cursor = x;
    if (align === 'center') cursor = x + (width - line.width) / 2;
    else if (align === 'right') cursor = x + width - line.width;
    const baseline = top + index * lineHeight + baselineOffset;
    for (let r = 0; r < line.runs.length; ) {
      const run = line.runs[r]!;
      if (!run.rtl) {
        put(run.font, run.text, cursor, baseline);
        cursor += run.width;
        r++;
        continue;
      }
      // pdfkit lays text out a word at a time (fontkit mirrors each word); the words themselves must be
      // placed right to left, across every run of the right-to-left stretch (a word in a fallback font
      // is a run of its own): the first word typed ends at the right edge.
      const parts: { font: LoadedFont; text: string; width: number }[] = [];
      while (r < line.runs.length && line.runs[r]!.rtl) {
        const rtlRun = line.runs[r++]!;
        for (const part of rtlRun.text.split(/( +)/).filter(Boolean)) parts.push({ font: rtlRun.font, text: part, width: rtlRun.font.widthOf(part, style.size) });
      }
      let right = cursor + parts.reduce((sum, part) => sum + part.width, 0);
      cursor = right;
      for (const part of parts) {
        right -= part.width;
        if (part.text.trim()) put(part.font, part.text, right, baseline);
      }
    }
  });
  return lines.length * lineHeight;
}
