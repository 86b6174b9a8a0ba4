import { DEVICE_KIND_LABELS } from '../../shared/domain/devices.js';
import { STAFF_PERMISSION_PURPOSE_LABELS, type StaffPermissionView } from '../../shared/domain/staff-permissions.js';
import { formatDate, formatDateTime, formatDay } from '../../shared/domain/time.js';
import { box, gap, row, stack, text, type Block } from './blocks.js';
import { defaultFontSet, type FontSet } from './fonts.js';
import { nameText } from './name-block.js';
import { A4, A4_MARGIN, pagedTable } from './paged-table.js';
import { renderDocument } from './render-document.js';
import { signedPaperParts, style } from './signed-paper.js';
import { TextShaper } from './text.js';

export interface StaffPermissionDocumentData {
  settingName: string;
  permission: StaffPermissionView;
  printedAt: string;
}


function daysWords(p: StaffPermissionView): string {
  return p.validUntil === null
    ? `From ${formatDay(p.validFrom)} until the headteacher ends it`
    : `From ${formatDay(p.validFrom)} to ${formatDay(p.validUntil)}, both included`;
}

/** What the box at the top says: whether the member of staff may use the device on the strength of this paper. */
export function permissionStanding(p: StaffPermissionView): string {
  switch (p.state) {
    case 'awaiting_signature':
      return 'Not in force yet: the device may not be used until you have signed this permission and it is back at the office.';
    case 'not_started':
      return `Signed. In force from ${formatDay(p.validFrom)}.`;
    case 'in_force':
      return p.validUntil === null ? 'Signed and in force until it is ended.' : `Signed and in force until ${formatDay(p.validUntil)}.`;
    case 'expired':
      return `No longer in force: it ran out on ${formatDay(p.validUntil!)}.`;
    case 'ended':
      return `No longer in force: ended on ${formatDate(p.ended!.at)} by ${p.ended!.by}. ${p.ended!.reason}`;
  }
}

/** What every permission reminds the member of staff of, from both policies' staff sections. */
const ALWAYS = [
  'This permission covers only the device, use and places written above. Everything else in the mobile and smart technology policy still applies.',
  'Never use a personal device to take photos or videos of children, or to contact pupils, parents or carers.',
  'Keep the device locked with a PIN or password, and keep Bluetooth and AirDrop hidden or switched off.',
  'Put the device away and stop using it if children could see its screen, or if asked to by the headteacher or the DSL.',
  'Misuse is dealt with under the staff code of conduct, and may end this permission.',
];

/**
 * The headteacher's written permission for a member of staff to use their own device (school §4: "unless
 * written permission has been given by the headteacher"; remote learning "with prior approval from the
 * headteacher, following a formal risk assessment"). Unsigned, it carries lines for the headteacher and the
 * member of staff to sign; once the office has recorded the member of staff's signature, a copy says when
 * instead.
 */
export function buildStaffPermissionPdf(data: StaffPermissionDocumentData, fonts: FontSet = defaultFontSet()): Promise<Buffer> {
  const shaper = new TextShaper(fonts);
  const width = A4[0] - 2 * A4_MARGIN;
  const p = data.permission;
  const s = style;
  const { line, section, signatureRow } = signedPaperParts(shaper, width, 130);

  const title = stack([
    text(shaper, data.settingName, s('bold', 18), width),
    gap(2),
    text(shaper, 'Permission to use a personal device at work', s('bold', 13), width),
    gap(8),
    nameText(shaper, p.staffName, s('bold', 16), width),
    gap(8),
    box(width, { padding: 6, border: 1.5 }, (w) => text(shaper, permissionStanding(p), s('bold', 11.5), w, { align: 'center', balance: true })),
    gap(10),
  ]);

  const purpose = p.purposeDetail === null
    ? STAFF_PERMISSION_PURPOSE_LABELS[p.purpose]
    : p.purpose === 'other' ? p.purposeDetail : `${STAFF_PERMISSION_PURPOSE_LABELS[p.purpose]}: ${p.purposeDetail}`;
  const risk = p.riskAssessedOn === null ? 'Not needed for this use' : `Done on ${formatDay(p.riskAssessedOn)}`;

  const signatures = p.signed
    ? stack([
      gap(8),
      text(shaper, 'Signed', s('bold', 12), width),
      gap(3),
      text(
        shaper,
        `Approved by ${p.approvedBy}, who typed their own PIN on ${formatDateTime(p.recordedAt)}. Signed by ${p.staffName} on ${formatDay(p.signed.on)}; `
          + `recorded at the office by ${p.signed.recordedBy} on ${formatDateTime(p.signed.recordedAt)}.`,
        s('regular', 10.5),
        width,
      ),
    ])
    : stack([
      gap(8),
      signatureRow('Headteacher or leader', [['Signature', 3], ['Name in capitals', 3], ['Date', 1.4]]),
      gap(16),
      text(shaper, 'I have read this permission and will use my device only as it says.', s('bold', 11), width),
      signatureRow('Member of staff', [['Signature', 3], ['Name in capitals', 3], ['Date', 1.4]]),
      gap(10),
      text(shaper, 'Please return the signed permission to the office. It is in force only once the office has recorded it.', s('regular', 9.5, '#444444'), width),
    ]);

  const rows: Block[] = [
    stack([
      line('Device', `${DEVICE_KIND_LABELS[p.deviceKind]}: ${p.deviceDescription}`),
      line('What for', purpose),
      line('Where on site', p.permittedAreas),
      line('Days', daysWords(p)),
      line('Risk assessment', risk),
      line('Approved by', `${p.approvedBy}, on ${formatDate(p.recordedAt)}`),
    ]),
    section('What the device may be used for', p.permittedUse),
    p.conditions === null ? gap(0) : section('Conditions', p.conditions),
    stack([
      gap(6),
      text(shaper, 'Always', s('bold', 12), width),
      gap(3),
      ...ALWAYS.map((l) => stack([row([
        { block: text(shaper, '•', s('regular', 10.5), 10), width: 10 },
        { block: text(shaper, l, s('regular', 10.5), width - 14), width: width - 14 },
      ], 4), gap(3)])),
      gap(4),
    ]),
    signatures,
  ];
  const footNote = `Permission ${p.permissionId} · printed ${formatDateTime(data.printedAt)}`;
  return renderDocument(
    { title: `Device permission for ${p.staffName}`, author: data.settingName, subject: "Staff member's personal device" },
    A4,
    pagedTable(shaper, title, gap(0), rows, gap(0), A4, footNote),
  );
}
