import type { PrintStatus } from '../../../shared/contract/index.js';
import { DEVICE_KIND_LABELS } from '../../../shared/domain/devices.js';
import { CUSTODY_REASON_LABELS, ownerLine } from '../../../shared/domain/custody.js';
import { fullName } from '../../../shared/domain/names.js';
import { audit, nowIso } from '../../core/context.js';
import { carryPast, storageProblemInShort, writeIfStorageAllows } from '../../core/storage-failure.js';
import { keepAndPrint, type OutputContext } from '../../documents/document-output.js';
import { buildEndOfDayPdf, type EndOfDayData } from '../../documents/end-of-day.js';
import { withNameWarning } from '../../documents/name-warning.js';
import { printedAuditMark, type AuditTrail } from '../../audit/audit-trail.js';
import { readSetting } from '../admin/settings-store.js';
import { endOfDayReport } from './end-of-day.js';

/** Where printed end-of-day reports are kept: retention-files.ts removes them once past the period. */
export const END_OF_DAY_FOLDER = 'end-of-day';

/**
 * The end-of-day report as a PDF with the setting's name, kept and sent to the A4 printer, as the roll call
 * is: a browser at a second desk gets the PDF to open, the desktop app a printed page. As for the roll
 * call, a disk that refuses the audit entry still gets its paper, and one that refuses the PDF is told why.
 */
export async function printEndOfDay(ctx: OutputContext & { auditTrail: AuditTrail }): Promise<{ print: PrintStatus }> {
  const report = await endOfDayReport(ctx);
  const at = nowIso(ctx);
  const data: EndOfDayData = {
    settingName: await readSetting(ctx.db, 'setting.name') ?? 'Safe Hands',
    date: report.date,
    endOfDay: report.endOfDay,
    printedAt: at,
    printedBy: ctx.actor.label,
    notSignedOut: report.notSignedOut.map((v) => ({
      name: fullName(v), organisation: v.organisation, visiting: v.visiting, signedInAt: v.signedInAt, itemsInSafe: v.itemsInSafe,
    })),
    inSafe: report.inSafe.map((g) => ({
      name: g.ownerName,
      owner: ownerLine(g.ownerType, g.ownerDetail),
      items: g.items.map((i) => [
        `${DEVICE_KIND_LABELS[i.kind]}, bag ${i.bagSlot}`,
        i.description,
        i.reason === 'confiscated' ? `${CUSTODY_REASON_LABELS.confiscated}${i.confiscationReason ? `: ${i.confiscationReason}` : ''}` : null,
      ].filter(Boolean).join(' · ')),
      heldSince: g.oldestLoggedAt,
      receiptNumbers: g.receipts.map((r) => r.receiptNumber),
      pastEndOfDay: g.pastEndOfDay,
    })),
    noShows: report.noShows,
    auditMark: await printedAuditMark(ctx.auditTrail),
  };
  const pdf = await buildEndOfDayPdf(data);
  const items = data.inSafe.reduce((n, o) => n + o.items.length, 0);
  await writeIfStorageAllows(ctx.db, 'endofday.print', () =>
    ctx.db.transaction(() => audit(ctx, 'endofday.print', 'end_of_day', null, { notSignedOut: data.notSignedOut.length, itemsInSafe: items })));
  let print: PrintStatus;
  try {
    print = await keepAndPrint(
      ctx,
      pdf,
      { folder: END_OF_DAY_FOLDER, fileName: `end-of-day-${at.replace(/[:.]/g, '-')}.pdf` },
      { name: await readSetting(ctx.db, 'printing.a4Printer'), purpose: 'A4 documents' },
    );
  } catch (err) {
    const failure = carryPast(ctx.db, err, null);
    if (!failure) throw err;
    print = { printed: false, reason: `Its PDF could not be saved: ${storageProblemInShort(failure.kind)}, so nothing was sent to the printer.`, documentId: null };
  }
  const names = [...data.notSignedOut.map((v) => v.name), ...data.inSafe.map((o) => o.name)];
  return { print: withNameWarning(print, names, 'end-of-day report') };
}
