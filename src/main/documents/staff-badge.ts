import { groupScanCode } from '../../shared/domain/scan-code.js';
import { formatDate } from '../../shared/domain/time.js';
import { BADGE_LAYOUTS, type BadgeLayout } from './badge.js';
import { gap, MM, qr, row, stack, text, type Block } from './blocks.js';
import { defaultFontSet, type FontSet } from './fonts.js';
import { nameText } from './name-block.js';
import { renderDocument } from './render-document.js';
import { TextShaper, type TextStyle } from './text.js';

/** Same label stock as the visitor badge: one printer, one roll. */
const SIZES: Record<BadgeLayout, [number, number]> = {
  dymo_2_25x4: [4 * 72, 2.25 * 72],
  brother_62mm: [100 * MM, 62 * MM],
};

export interface StaffBadgeData {
  settingName: string;
  name: string;
  issuedAt: string;
  /** The code the QR carries: shown only here, on paper (the database keeps its hash). */
  code: string;
}

/**
 * A member of staff's badge: their name, "STAFF" so nobody takes it for a visitor's, and the QR code the
 * kiosk's scanner reads to sign them in or out. The code is printed under the QR in groups of four, for a
 * scanner that cannot read a creased badge: typed at the kiosk it does the same.
 */
export function buildStaffBadgePdf(data: StaffBadgeData, layout: BadgeLayout, fonts: FontSet = defaultFontSet()): Promise<Buffer> {
  if (!BADGE_LAYOUTS.includes(layout)) throw new Error(`Unknown badge layout ${layout}`);
  const shaper = new TextShaper(fonts);
  const [width, height] = SIZES[layout];
  const margin = 4 * MM;
  const code = qr(data.code, Math.min(height * 0.5, 30 * MM));
  const textWidth = width - 2 * margin - code.width - 6;
  const s = (role: TextStyle['role'], size: number, color?: string): TextStyle => ({ role, size, ...(color ? { color } : {}) });
  const details: Block = stack([
    text(shaper, 'STAFF', s('bold', 9, '#444444'), textWidth),
    nameText(shaper, data.name, s('bold', 15), textWidth, { maxLines: 2, note: 'short' }),
    gap(4),
    text(shaper, 'Scan at the reception screen to sign in or out of work.', s('regular', 9), textWidth, { maxLines: 3 }),
    gap(3),
    text(shaper, `Issued ${formatDate(data.issuedAt)}. If lost, tell the office: it will be replaced and this one stops working.`, s('regular', 7.5, '#444444'), textWidth, { maxLines: 4 }),
  ]);
  const side = stack([code, text(shaper, groupScanCode(data.code), s('regular', 6.5), code.width, { align: 'center', maxLines: 2 })]);
  const content = stack([
    text(shaper, data.settingName, s('bold', 8, '#444444'), width - 2 * margin, { maxLines: 1 }),
    gap(3),
    row([{ block: details, width: textWidth }, { block: side, width: code.width }], 6),
  ]);
  return renderDocument(
    { title: `Staff badge ${data.name}`, author: data.settingName, subject: 'Staff badge' },
    [width, height],
    [[{ block: content, x: margin, y: margin }]],
  );
}
