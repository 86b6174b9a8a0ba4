import { formatDate } from '../../shared/domain/time.js';
import { box, gap, MM, qr, row, stack, text, type Block } from './blocks.js';
import { defaultFontSet, type FontSet } from './fonts.js';
import { nameText } from './name-block.js';
import { renderDocument } from './render-document.js';
import { TextShaper, type TextStyle } from './text.js';

/** Label stock the badge is laid out for: a Dymo 99014/30256-size label, or Brother 62 mm continuous tape. */
export const BADGE_LAYOUTS = ['dymo_2_25x4', 'brother_62mm'] as const;
export type BadgeLayout = (typeof BADGE_LAYOUTS)[number];

const SIZES: Record<BadgeLayout, [number, number]> = {
  // 4 in wide and 2.25 in tall, printed across the label.
  dymo_2_25x4: [4 * 72, 2.25 * 72],
  // 62 mm tape, cut at 100 mm.
  brother_62mm: [100 * MM, 62 * MM],
};

export interface BadgeData {
  settingName: string;
  name: string;
  organisation: string | null;
  host: string;
  signedInAt: string;
  token: string;
  /** "DEVICE USE APPROVED" or "ITEMS IN THE OFFICE SAFE", shown boxed so staff see it at a glance. */
  mark: string | null;
}

export function buildBadgePdf(data: BadgeData, layout: BadgeLayout, fonts: FontSet = defaultFontSet()): Promise<Buffer> {
  const shaper = new TextShaper(fonts);
  const [width, height] = SIZES[layout];
  const margin = 4 * MM;
  // About half the label's height: big enough for any scanner, leaving the name room to be read across a room.
  const code = qr(data.token, Math.min(height * 0.5, 30 * MM));
  const textWidth = width - 2 * margin - code.width - 6;
  const s = (role: TextStyle['role'], size: number, color?: string): TextStyle => ({ role, size, ...(color ? { color } : {}) });
  const details: Block = stack([
    text(shaper, 'VISITOR', s('bold', 9, '#444444'), textWidth),
    nameText(shaper, data.name, s('bold', 15), textWidth, { maxLines: 2, note: 'short' }),
    data.organisation ? text(shaper, data.organisation, s('regular', 10), textWidth, { maxLines: 1 }) : gap(0),
    gap(3),
    text(shaper, `Visiting: ${data.host}`, s('regular', 9), textWidth, { maxLines: 2 }),
    text(shaper, formatDate(data.signedInAt), s('regular', 9), textWidth),
    gap(4),
    data.mark ? box(textWidth, { padding: 3, border: 1.5 }, (w) => text(shaper, data.mark!, s('bold', 9.5), w, { align: 'center' })) : gap(0),
  ]);
  const side = stack([code, text(shaper, 'Scan to sign out', s('regular', 7.5), code.width, { align: 'center' })]);
  const content = stack([
    text(shaper, data.settingName, s('bold', 8, '#444444'), width - 2 * margin, { maxLines: 1 }),
    gap(3),
    row([{ block: details, width: textWidth }, { block: side, width: code.width }], 6),
  ]);
  return renderDocument(
    { title: `Visitor badge ${data.name}`, author: data.settingName, subject: 'Visitor badge' },
    [width, height],
    [[{ block: content, x: margin, y: margin }]],
  );
}
