import type { ParsedInput, PrintStatus, RollCallRecord } from '../../../shared/contract.js';
import { describeDevices } from '../../../shared/domain/devices.js';
import { fullName } from '../../../shared/domain/names.js';
import { buildRollCallPdf, type RollCallPerson } from '../../documents/roll-call.js';
import { inTransaction } from '../../db/connection.js';
import { CommandError } from '../command-error.js';
import { onSite } from '../console-views.js';
import { actingStaffId, audit, nowIso } from '../context.js';
import { keepAndPrint, type OutputContext } from '../document-output.js';
import { withNameWarning } from '../name-warning.js';
import { printedAuditMark, type AuditTrail } from '../audit-trail.js';
import { readSetting } from '../settings-store.js';

function noteFor(v: ReturnType<typeof onSite>['visits'][number]): string | null {
  if (v.deviceUse?.approved) return `Device use approved: ${v.deviceUse.permittedAreas}`;
  if (v.itemsInSafe > 0) return `${v.itemsInSafe} ${v.itemsInSafe === 1 ? 'item' : 'items'} in the safe`;
  const declared = v.devicesDeclared.reduce((n, d) => n + d.quantity, 0);
  return declared > 0 ? `Declared ${describeDevices(v.devicesDeclared)}` : null;
}

/** The evacuation list, printed on the A4 printer at once: in an emergency nobody should have to ask how. */
export async function printRollCall(ctx: OutputContext & { auditTrail: AuditTrail }): Promise<{ people: number; print: PrintStatus }> {
  const visits = onSite(ctx).visits;
  const at = nowIso(ctx);
  const people: RollCallPerson[] = visits.map((v) => ({
    name: fullName(v),
    organisation: v.organisation,
    visiting: v.visiting,
    signedInAt: v.signedInAt,
    note: noteFor(v),
  }));
  const pdf = await buildRollCallPdf({ settingName: readSetting(ctx.db, 'setting.name') ?? 'Safe Hands', printedAt: at, printedBy: ctx.actor.label, people, auditMark: printedAuditMark(ctx.auditTrail) });
  inTransaction(ctx.db, () => audit(ctx, 'rollcall.print', 'roll_call', null, { people: people.length }));
  const print = await keepAndPrint(
    ctx,
    pdf,
    { folder: 'roll-calls', fileName: `roll-call-${at.replace(/[:.]/g, '-')}.pdf` },
    { name: readSetting(ctx.db, 'printing.a4Printer'), purpose: 'A4 documents' },
  );
  return { people: people.length, print: withNameWarning(print, people.map((p) => p.name), 'evacuation list') };
}

/** The finished roll call: a snapshot of who was on site and who was accounted for, and who took it. */
export function saveRollCall(ctx: OutputContext, input: ParsedInput<'rollcall.save'>): RollCallRecord {
  const by = actingStaffId(ctx);
  return inTransaction(ctx.db, () => {
    const visits = onSite(ctx).visits;
    const onSiteIds = new Set(visits.map((v) => v.visitId));
    const stray = input.accountedVisitIds.find((id) => !onSiteIds.has(id));
    if (stray !== undefined) throw new CommandError('conflict', 'Someone ticked is no longer signed in. Refresh the list and tick again.');
    const accounted = new Set(input.accountedVisitIds);
    const people = visits.map((v) => ({ visitId: v.visitId, name: fullName(v), accounted: accounted.has(v.visitId) }));
    const at = nowIso(ctx);
    const id = Number(
      ctx.db
        .prepare('INSERT INTO roll_calls (taken_at, taken_by, note, people_json, on_site, accounted) VALUES (?, ?, ?, ?, ?, ?)')
        .run(at, by, input.note, JSON.stringify(people), people.length, accounted.size).lastInsertRowid,
    );
    audit(ctx, 'rollcall.save', 'roll_call', id, { onSite: people.length, accounted: accounted.size });
    return {
      rollCallId: id, takenAt: at, takenBy: ctx.actor.label, onSite: people.length, accounted: accounted.size,
      missing: people.filter((p) => !p.accounted).map((p) => p.name),
    };
  });
}
