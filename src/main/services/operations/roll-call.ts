import type { ParsedInput, PrintStatus, RollCallRecord } from '../../../shared/contract/index.js';
import { describeDevices } from '../../../shared/domain/devices.js';
import { fullName } from '../../../shared/domain/names.js';
import { buildRollCallPdf, type RollCallPerson } from '../../documents/roll-call.js';
import { insertRollCall } from '../../db/repositories/roll-call-repo.js';
import { CommandError } from '../../core/command-error.js';
import { onSite } from '../visits/on-site.js';
import { staffOnSite } from '../staff/staff-days.js';
import { formatDate } from '../../../shared/domain/time.js';
import type { StaffOnSite } from '../../../shared/contract/index.js';
import { actingStaffId, audit, nowIso } from '../../core/context.js';
import { keepAndPrint, type OutputContext } from '../../documents/document-output.js';
import { withNameWarning } from '../../documents/name-warning.js';
import { printedAuditMark, type AuditTrail } from '../../audit/audit-trail.js';
import { readSetting } from '../admin/settings-store.js';
import { carryPast, storageProblemInShort, writeIfStorageAllows } from '../../core/storage-failure.js';

function noteFor(v: Awaited<ReturnType<typeof onSite>>['visits'][number]): string | null {
  if (v.deviceUse?.approved) return `Device use approved: ${v.deviceUse.permittedAreas}`;
  if (v.itemsInSafe > 0) return `${v.itemsInSafe} ${v.itemsInSafe === 1 ? 'item' : 'items'} in the safe`;
  const declared = v.devicesDeclared.reduce((n, d) => n + d.quantity, 0);
  return declared > 0 ? `Declared ${describeDevices(v.devicesDeclared)}` : null;
}

/** What the person searching should know of a member of staff: a day they never signed out of, or their phone. */
function staffNoteFor(p: StaffOnSite): string | null {
  if (p.fromEarlierDay) return `Signed in ${formatDate(p.signedInAt)}, never signed out: may have gone home`;
  return p.devicesInSafe.length > 0 ? 'Phone in the safe' : null;
}

/**
 * The evacuation list, printed on the A4 printer at once: in an emergency nobody should have to ask how.
 *
 * A disk that refuses writes (full, read-only) stops neither part for the other nor the answer: the PDF is
 * still kept and printed when only the audit entry was refused, and when the PDF cannot be kept the office is
 * told why in a few words, with the list on screen to fall back on. The failure goes on the app's health, as
 * any refused write does (storage-watch.ts).
 */
export async function printRollCall(ctx: OutputContext & { auditTrail: AuditTrail }): Promise<{ people: number; print: PrintStatus }> {
  const visits = (await onSite(ctx)).visits;
  const at = nowIso(ctx);
  const people: RollCallPerson[] = visits.map((v) => ({
    name: fullName(v),
    organisation: v.organisation,
    visiting: v.visiting,
    signedInAt: v.signedInAt,
    note: noteFor(v),
  }));
  // Staff signed in for the day: a list of their own, after the visitors.
  const staff: RollCallPerson[] = (await staffOnSite(ctx)).staff.map((p) => ({
    name: p.displayName,
    organisation: null,
    visiting: '',
    signedInAt: p.signedInAt,
    note: staffNoteFor(p),
  }));
  const pdf = await buildRollCallPdf({
    settingName: await readSetting(ctx.db, 'setting.name') ?? 'Safe Hands', printedAt: at, printedBy: ctx.actor.label, people, staff,
    auditMark: await printedAuditMark(ctx.auditTrail),
  });
  await writeIfStorageAllows(ctx.db, 'rollcall.print', () => ctx.db.transaction(() => audit(ctx, 'rollcall.print', 'roll_call', null, { people: people.length, staff: staff.length })));
  let print: PrintStatus;
  try {
    print = await keepAndPrint(
      ctx,
      pdf,
      { folder: 'roll-calls', fileName: `roll-call-${at.replace(/[:.]/g, '-')}.pdf` },
      { name: await readSetting(ctx.db, 'printing.a4Printer'), purpose: 'A4 documents' },
    );
  } catch (err) {
    const failure = carryPast(ctx.db, err, null);
    if (!failure) throw err;
    print = { printed: false, reason: `Its PDF could not be saved: ${storageProblemInShort(failure.kind)}, so nothing was sent to the printer.`, documentId: null };
  }
  return { people: people.length + staff.length, print: withNameWarning(print, [...people, ...staff].map((p) => p.name), 'evacuation list') };
}

/**
 * Who was on site and who was ticked, read now: a stale tick (someone signed out meanwhile) is refused.
 * Visitors and staff are kept apart in the record (a staff entry has a staffDayId where a visitor's has a
 * visitId), and counted together.
 */
async function tally(ctx: OutputContext, input: ParsedInput<'rollcall.save'>) {
  const visits = (await onSite(ctx)).visits;
  const staff = (await staffOnSite(ctx)).staff;
  const onSiteIds = new Set(visits.map((v) => v.visitId));
  const staffIds = new Set(staff.map((p) => p.staffDayId));
  const stray = input.accountedVisitIds.some((id) => !onSiteIds.has(id)) || input.accountedStaffDayIds.some((id) => !staffIds.has(id));
  if (stray) throw new CommandError('conflict', 'Someone ticked is no longer signed in. Refresh the list and tick again.');
  const accounted = new Set(input.accountedVisitIds);
  const accountedStaff = new Set(input.accountedStaffDayIds);
  const visitors = visits.map((v) => ({ visitId: v.visitId, name: fullName(v), accounted: accounted.has(v.visitId) }));
  const staffPeople = staff.map((p) => ({ staffDayId: p.staffDayId, name: p.displayName, accounted: accountedStaff.has(p.staffDayId) }));
  return {
    people: [...visitors, ...staffPeople],
    accounted: accounted.size + accountedStaff.size,
    missing: visitors.filter((p) => !p.accounted).map((p) => p.name),
    missingStaff: staffPeople.filter((p) => !p.accounted).map((p) => p.name),
  };
}

/**
 * The finished roll call: a snapshot of who was on site and who was accounted for, and who took it.
 *
 * In a fire the answer (who is still missing) matters more than the record: a disk that refuses the write
 * still gets it, read from the database as it stands, with why it was not kept (`notSaved`).
 */
export async function saveRollCall(ctx: OutputContext, input: ParsedInput<'rollcall.save'>): Promise<RollCallRecord> {
  const by = actingStaffId(ctx);
  const at = nowIso(ctx);
  try {
    return await ctx.db.transaction(async () => {
      const { people, accounted, missing, missingStaff } = await tally(ctx, input);
      const id = await insertRollCall(ctx.db, { takenAt: at, takenBy: by, note: input.note, peopleJson: JSON.stringify(people), onSite: people.length, accounted });
      await audit(ctx, 'rollcall.save', 'roll_call', id, { onSite: people.length, accounted, staffOnSite: people.filter((p) => 'staffDayId' in p).length });
      return { rollCallId: id, takenAt: at, takenBy: ctx.actor.label, onSite: people.length, accounted, missing, missingStaff, notSaved: null };
    });
  } catch (err) {
    const failure = carryPast(ctx.db, err, 'rollcall.save');
    if (!failure) throw err;
    const { people, accounted, missing, missingStaff } = await tally(ctx, input);
    return {
      rollCallId: null, takenAt: at, takenBy: ctx.actor.label, onSite: people.length, accounted, missing, missingStaff,
      notSaved: `The roll call could not be saved: ${storageProblemInShort(failure.kind)}.`,
    };
  }
}
