import type { ExceptionView } from '../../shared/domain/exceptions.js';
import { EXCEPTION_PURPOSE_LABELS } from '../../shared/domain/exceptions.js';
import { describeDevices } from '../../shared/domain/devices.js';
import { formatDateTime } from '../../shared/domain/time.js';
import { box, gap, qr, row, rule, stack, text, type Block } from './blocks.js';
import { defaultFontSet, type FontSet } from './fonts.js';
import { nameText } from './name-block.js';
import { A4, A4_MARGIN } from './paged-table.js';
import { groupScanCode } from '../../shared/domain/scan-code.js';
import { renderDocument } from './render-document.js';
import { TextShaper, type TextStyle } from './text.js';

export interface ExceptionRecordData {
  settingName: string;
  visitorName: string;
  exception: ExceptionView;
  recordToken: string;
}

/** The DSL's approval on paper: for the visitor to carry and for the safeguarding file. */
export function buildExceptionRecordPdf(data: ExceptionRecordData, fonts: FontSet = defaultFontSet()): Promise<Buffer> {
  const shaper = new TextShaper(fonts);
  const width = A4[0] - 2 * A4_MARGIN;
  const e = data.exception;
  const s = (role: TextStyle['role'], size: number, color?: string): TextStyle => ({ role, size, ...(color ? { color } : {}) });
  const labelWidth = 130;
  const line = (label: string, value: string): Block =>
    stack([row([{ block: text(shaper, label, s('bold', 10.5), labelWidth), width: labelWidth }, { block: text(shaper, value, s('regular', 10.5), width - labelWidth - 8), width: width - labelWidth - 8 }], 8), gap(5)]);
  const code = qr(data.recordToken, 32 * 2.835);
  const state = e.revokedAt
    ? `REVOKED ${formatDateTime(e.revokedAt)} by ${e.revokedBy ?? ''}: ${e.revokeReason ?? ''}`
    : e.validUntil
      ? `Approved until ${formatDateTime(e.validUntil)}`
      : 'Approved for this visit only';
  const head = row(
    [
      {
        block: stack([
          text(shaper, data.settingName, s('bold', 18), width - code.width - 12),
          gap(3),
          text(shaper, 'Device use exception: approved by the Designated Safeguarding Lead', s('bold', 12), width - code.width - 12),
          gap(6),
          nameText(shaper, data.visitorName, s('bold', 16), width - code.width - 12),
        ]),
        width: width - code.width - 12,
      },
      { block: stack([code, text(shaper, 'Scan to check it is current', s('regular', 7.5), code.width, { align: 'center' })]), width: code.width },
    ],
    12,
  );
  const checklist = e.riskChecklist.map((c) => `${c.checked ? '[x]' : '[ ]'} ${c.item}`).join('\n');
  const content = stack([
    head,
    rule(width, 1.2, { space: 8 }),
    box(width, { padding: 6, border: 1.5 }, (w) => text(shaper, state, s('bold', 12), w, { align: 'center' })),
    gap(10),
    line('Purpose', e.purpose === 'other' ? `Other: ${e.purposeDetail ?? ''}` : EXCEPTION_PURPOSE_LABELS[e.purpose]),
    line('Devices', describeDevices(e.devices)),
    line('Permitted use', e.permittedUse),
    line('Permitted areas', e.permittedAreas),
    line('Conditions', e.conditions ?? 'None'),
    line('Valid from', formatDateTime(e.validFrom)),
    line('Approved', `${formatDateTime(e.approvedAt)} by ${e.approvedBy}`),
    gap(6),
    text(shaper, 'Risk assessment', s('bold', 12), width),
    gap(4),
    ...checklist.split('\n').map((l) => stack([text(shaper, l, s('regular', 10), width), gap(2)])),
    e.riskNotes ? stack([gap(4), line('Notes', e.riskNotes)]) : gap(0),
    gap(10),
    text(shaper, `Record code: ${groupScanCode(data.recordToken)}`, s('regular', 9, '#444444'), width),
    text(shaper, 'Never photograph or record children. If children come into the area, put the device away.', s('bold', 10.5), width),
  ]);
  return renderDocument(
    { title: `Device exception for ${data.visitorName}`, author: data.settingName, subject: 'Device use exception' },
    A4,
    [[{ block: content, x: A4_MARGIN, y: A4_MARGIN }]],
  );
}
