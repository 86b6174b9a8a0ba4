import { gap, row, rule, stack, text, type Block } from './blocks.js';
import type { TextShaper, TextStyle } from './text.js';

/** A text style of this weight and size, grey or another colour if given. */
export function style(role: TextStyle['role'], size: number, color?: string): TextStyle {
  return { role, size, ...(color ? { color } : {}) };
}

/**
 * The parts of an A4 paper that people sign (a pupil's exception agreement, a member of staff's device
 * permission): labelled lines of what was agreed, headed sections, and rows of lines to write a signature,
 * a name and a date on. One set, so every signed paper the office files looks and reads the same.
 */
export function signedPaperParts(shaper: TextShaper, width: number, labelWidth: number) {
  const line = (label: string, value: string): Block =>
    stack([row([
      { block: text(shaper, label, style('bold', 10.5), labelWidth), width: labelWidth },
      { block: text(shaper, value, style('regular', 10.5), width - labelWidth - 8), width: width - labelWidth - 8 },
    ], 8), gap(5)]);
  const section = (heading: string, body: string): Block =>
    stack([gap(6), text(shaper, heading, style('bold', 12), width), gap(3), text(shaper, body, style('regular', 10.5), width), gap(4)]);
  // A line to write on, with what goes there printed small beneath it.
  const writeOn = (label: string, w: number): Block => stack([gap(30), rule(w, 0.8), gap(2), text(shaper, label, style('regular', 8.5, '#444444'), w)]);
  /** Who signs, then their boxes side by side, each [what goes there, its share of the width]. */
  const signatureRow = (who: string, boxes: [string, number][]): Block => {
    const gutter = 10;
    const total = boxes.reduce((n, [, share]) => n + share, 0);
    const usable = width - gutter * (boxes.length - 1);
    return stack([
      gap(8),
      text(shaper, who, style('bold', 11), width),
      row(boxes.map(([label, share]) => ({ block: writeOn(label, (usable * share) / total), width: (usable * share) / total })), gutter),
    ]);
  };
  return { line, section, signatureRow };
}
