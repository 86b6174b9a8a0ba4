import { DEVICE_KIND_LABELS } from '../../shared/domain/devices.js';
import type { LearnerExceptionView } from '../../shared/domain/learners.js';
import { formatDate, formatDateTime, formatDay } from '../../shared/domain/time.js';
import { box, gap, stack, text, type Block } from './blocks.js';
import { defaultFontSet, type FontSet } from './fonts.js';
import { nameText } from './name-block.js';
import { A4, A4_MARGIN, pagedTable } from './paged-table.js';
import { renderDocument } from './render-document.js';
import { signedPaperParts, style } from './signed-paper.js';
import { TextShaper } from './text.js';

export interface ExceptionAgreementData {
  settingName: string;
  exception: LearnerExceptionView;
  printedAt: string;
}


/** What the box at the top says: whether the pupil may use the device in school on the strength of this paper. */
export function agreementStanding(e: LearnerExceptionView): string {
  switch (e.state) {
    case 'awaiting_signatures':
      return 'Not in force yet: the pupil may not keep the device in school until the pupil and a parent or carer have signed this agreement and it is back at the office.';
    case 'not_started':
      return `Signed. In force from ${formatDay(e.validFrom)} to ${formatDay(e.validUntil)}.`;
    case 'in_force':
      return `Signed and in force until ${formatDay(e.validUntil)}.`;
    case 'expired':
      return `No longer in force: it ran out on ${formatDay(e.validUntil)}.`;
    case 'ended':
      return `No longer in force: ended on ${formatDate(e.ended!.at)} by ${e.ended!.by}. ${e.ended!.reason}`;
  }
}

/**
 * The written agreement a pupil and a parent or carer sign before a pupil's device is allowed in school
 * in exceptional circumstances (the school policy: expectations and sanctions "provided in writing and
 * agreed by the learner and their parents carers before use is permitted"). Unsigned, it carries lines to
 * sign on; once the office has recorded the signatures, a copy says who signed and when instead.
 */
export function buildExceptionAgreementPdf(data: ExceptionAgreementData, fonts: FontSet = defaultFontSet()): Promise<Buffer> {
  const shaper = new TextShaper(fonts);
  const width = A4[0] - 2 * A4_MARGIN;
  const e = data.exception;
  const s = style;
  const { line, section, signatureRow } = signedPaperParts(shaper, width, 120);

  const title = stack([
    text(shaper, data.settingName, s('bold', 18), width),
    gap(2),
    text(shaper, "Agreement for a pupil's device in exceptional circumstances", s('bold', 13), width),
    gap(8),
    nameText(shaper, e.pupilName, s('bold', 16), width),
    text(shaper, `Class or year group: ${e.classGroup}`, s('regular', 10.5), width),
    gap(8),
    box(width, { padding: 6, border: 1.5 }, (w) => text(shaper, agreementStanding(e), s('bold', 11.5), w, { align: 'center', balance: true })),
    gap(10),
  ]);

  const signatures = e.signed
    ? stack([
      gap(8),
      text(shaper, 'Signed', s('bold', 12), width),
      gap(3),
      text(
        shaper,
        `Signed on ${formatDay(e.signed.on)} by ${e.signed.learnerName} (the pupil) and ${e.signed.parentName} (${e.signed.parentRelationship}). `
          + `Recorded at the office by ${e.signed.recordedBy} on ${formatDateTime(e.signed.recordedAt)}.`,
        s('regular', 10.5),
        width,
      ),
    ])
    : stack([
      gap(8),
      text(shaper, 'We have read this agreement and agree to it.', s('bold', 12), width),
      signatureRow('The pupil', [['Signature', 3], ['Name in capitals', 3], ['Date', 1.4]]),
      signatureRow('Parent or carer', [['Signature', 3], ['Name in capitals', 2.2], ['Relationship', 1.6], ['Date', 1.4]]),
      gap(10),
      text(shaper, 'Please return the signed agreement to the school office. The device may be used in school only once the office has it.', s('regular', 9.5, '#444444'), width),
    ]);

  const rows: Block[] = [
    stack([
      line('Device', `${DEVICE_KIND_LABELS[e.deviceKind]}: ${e.deviceDescription}`),
      line('Why it is needed', e.reason),
      line('Days', `From ${formatDay(e.validFrom)} to ${formatDay(e.validUntil)}, both included`),
      line('Approved by', `${e.approvedBy}, on ${formatDate(e.recordedAt)}`),
    ]),
    section('What the device may be used for', e.permittedUse),
    section('What is expected of the pupil', e.expectations),
    section('If the device is misused', e.sanctions),
    signatures,
  ];
  const footNote = `Exception ${e.exceptionId} · printed ${formatDateTime(data.printedAt)}`;
  return renderDocument(
    { title: `Device agreement for ${e.pupilName}`, author: data.settingName, subject: "Pupil's device: exceptional circumstances" },
    A4,
    pagedTable(shaper, title, gap(0), rows, gap(0), A4, footNote),
  );
}
