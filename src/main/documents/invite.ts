import { formatDay } from '../../shared/domain/time.js';
import { box, centred, gap, MM, qr, rule, stack, text } from './blocks.js';
import { defaultFontSet, type FontSet } from './fonts.js';
import { nameText } from './name-block.js';
import { groupScanCode } from '../../shared/domain/scan-code.js';
import { renderDocument } from './render-document.js';
import { TextShaper, type TextStyle } from './text.js';

export interface InviteData {
  settingName: string;
  visitorName: string;
  organisation: string | null;
  host: string;
  /** YYYY-MM-DD, the UK day the visit is booked for. */
  expectedDate: string;
  expectedTime: string | null;
  token: string;
  /** The DSL's approval, when one was given in advance. */
  deviceUse: { permittedUse: string; permittedAreas: string } | null;
}

const A4: [number, number] = [210 * MM, 297 * MM];
const MARGIN = 20 * MM;

/** An A4 invitation whose QR code signs the visitor in at the kiosk with one scan. */
export function buildInvitePdf(data: InviteData, fonts: FontSet = defaultFontSet()): Promise<Buffer> {
  const shaper = new TextShaper(fonts);
  const width = A4[0] - 2 * MARGIN;
  const s = (role: TextStyle['role'], size: number, extra: Partial<TextStyle> = {}): TextStyle => ({ role, size, ...extra });
  const grey = { color: '#444444' };
  const when = `${formatDay(data.expectedDate)}${data.expectedTime ? `, ${data.expectedTime}` : ''}`;
  const code = qr(data.token, 50 * MM);
  const content = stack([
    text(shaper, data.settingName, s('bold', 22), width),
    gap(4),
    text(shaper, 'Your invitation to visit', s('bold', 14, grey), width),
    rule(width, 1.2, { space: 10 }),
    nameText(shaper, data.visitorName, s('bold', 20), width),
    data.organisation ? text(shaper, data.organisation, s('regular', 13), width) : gap(0),
    gap(10),
    text(shaper, `When: ${when}`, s('regular', 13), width),
    gap(3),
    text(shaper, `Visiting: ${data.host}`, s('regular', 13), width),
    gap(18),
    centred(code, code.width, width),
    gap(6),
    text(shaper, 'Scan this code at the reception screen to sign in.', s('bold', 13), width, { align: 'center' }),
    gap(3),
    text(shaper, `Or ask at the office and give this code: ${groupScanCode(data.token)}`, s('regular', 10, grey), width, { align: 'center' }),
    gap(16),
    data.deviceUse
      ? box(width, { padding: 10, border: 1.2 }, (w) =>
          stack([
            text(shaper, 'Device use approved in advance', s('bold', 12), w),
            gap(3),
            text(shaper, `Permitted use: ${data.deviceUse!.permittedUse}`, s('regular', 11), w),
            text(shaper, `Permitted areas: ${data.deviceUse!.permittedAreas}`, s('regular', 11), w),
          ]))
      : text(
          shaper,
          'When you arrive you will be asked to hand your phone, smart watch and any other device that can take photos or record to the office. You will get a receipt to collect them when you leave.',
          s('regular', 11),
          width,
        ),
  ]);
  return renderDocument(
    { title: `Invitation for ${data.visitorName}`, author: data.settingName, subject: 'Visit invitation' },
    A4,
    [[{ block: content, x: MARGIN, y: MARGIN }]],
  );
}
