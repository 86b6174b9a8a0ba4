/**
 * A tiny box layout for printed documents: every block knows its height before anything is drawn, so a
 * roll receipt's page can be cut to exactly the length of its content, and an A4 page can be checked to
 * fit before it is drawn.
 */
import { drawQr, qrOuterSize } from './qr.js';
import { drawLines, type Align, type TextShaper, type TextStyle } from './text.js';

export interface Block {
  readonly height: number;
  draw(doc: PDFKit.PDFDocument, x: number, y: number): void;
}

export const MM = 72 / 25.4;

export function gap(height: number): Block {
  return { height, draw() {} };
}

export function stack(blocks: readonly (Block | null | false | undefined)[]): Block {
  const present = blocks.filter((b): b is Block => Boolean(b));
  return {
    height: present.reduce((sum, b) => sum + b.height, 0),
    draw(doc, x, y) {
      let top = y;
      for (const block of present) {
        block.draw(doc, x, top);
        top += block.height;
      }
    },
  };
}

export interface TextBlockOptions {
  align?: Align;
  maxLines?: number;
  /**
   * Wrap into the same number of lines but as evenly as possible, so a centred heading never leaves one
   * word alone on its last line.
   */
  balance?: boolean;
}

export function text(shaper: TextShaper, content: string, style: TextStyle, width: number, options: TextBlockOptions = {}): Block {
  let lines = shaper.wrap(content, style, width, options.maxLines);
  if (options.balance && lines.length > 1 && options.maxLines === undefined) {
    let low = width / 2;
    let high = width;
    for (let i = 0; i < 8; i++) {
      const mid = (low + high) / 2;
      const tried = shaper.wrap(content, style, mid);
      if (tried.length === lines.length) {
        high = mid;
        lines = tried;
      } else {
        low = mid;
      }
    }
  }
  return {
    height: lines.length * shaper.lineHeight(style),
    draw(doc, x, y) {
      drawLines(doc, shaper, lines, style, x, y, width, options.align ?? 'left');
    },
  };
}

export function rule(width: number, thickness: number, options: { color?: string; dash?: number; space?: number } = {}): Block {
  const space = options.space ?? 0;
  return {
    height: thickness + 2 * space,
    draw(doc, x, y) {
      const mid = y + space + thickness / 2;
      doc.save().lineWidth(thickness).strokeColor(options.color ?? '#000000');
      if (options.dash) doc.dash(options.dash, { space: options.dash });
      doc.moveTo(x, mid).lineTo(x + width, mid).stroke();
      doc.restore();
    },
  };
}

export interface Column {
  block: Block;
  width: number;
  align?: 'top' | 'bottom';
}

/** Columns side by side, `gutter` apart; as tall as the tallest. */
export function row(columns: readonly Column[], gutter: number): Block {
  const height = Math.max(0, ...columns.map((c) => c.block.height));
  return {
    height,
    draw(doc, x, y) {
      let left = x;
      for (const column of columns) {
        const top = column.align === 'bottom' ? y + height - column.block.height : y;
        column.block.draw(doc, left, top);
        left += column.width + gutter;
      }
    },
  };
}

/** Place a block of `innerWidth` in the middle of `width`. */
export function centred(block: Block, innerWidth: number, width: number): Block {
  return {
    height: block.height,
    draw(doc, x, y) {
      block.draw(doc, x + (width - innerWidth) / 2, y);
    },
  };
}

export interface BoxOptions {
  padding: number;
  border?: number;
  fill?: string;
  /** Stretch to at least this height (e.g. to match a neighbouring column). */
  minHeight?: number;
}

/** A block drawn inside a bordered and/or filled box `width` wide; the inner block is laid out for the inside. */
export function box(width: number, options: BoxOptions, inner: (innerWidth: number) => Block): Block {
  const border = options.border ?? 0;
  const inset = options.padding + border;
  const content = inner(width - 2 * inset);
  const height = Math.max(content.height + 2 * inset, options.minHeight ?? 0);
  return {
    height,
    draw(doc, x, y) {
      if (options.fill) doc.save().rect(x, y, width, height).fill(options.fill).restore();
      if (border > 0) {
        doc.save().lineWidth(border).strokeColor('#000000')
          .rect(x + border / 2, y + border / 2, width - border, height - border).stroke().restore();
      }
      content.draw(doc, x + inset, y + (height - content.height) / 2);
    },
  };
}

/** A QR code whose symbol is `symbolSize` wide; the block includes the quiet zone around it. */
export function qr(content: string, symbolSize: number): Block & { width: number } {
  const size = qrOuterSize(content, symbolSize);
  return {
    width: size,
    height: size,
    draw(doc, x, y) {
      drawQr(doc, content, x, y, size);
    },
  };
}
