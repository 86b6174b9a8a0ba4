import type { PendingHandover } from '../../../shared/contract/index.js';
import type { DeclaredDevice } from '../../../shared/domain/devices.js';
import { latestExceptionByVisit } from '../../db/repositories/exception-repo.js';
import { declaredDevicesByVisit, listPendingHandovers } from '../../db/repositories/handover-repo.js';
import type { ServiceContext } from '../../core/context.js';
import { exceptionState } from '../safeguarding/exception-state.js';

/**
 * Devices declared at the kiosk that the office has not yet logged into the safe, oldest first. Devices a
 * device-use approval in force now lets the visitor keep are not waiting for the safe: they are set apart,
 * and a visitor with nothing else to hand in is not listed. Once the approval ends (revoked, expired) they
 * are waiting again.
 */
export async function pendingHandovers(ctx: ServiceContext): Promise<{ handovers: PendingHandover[] }> {
  const rows = await listPendingHandovers(ctx.db);
  const visitIds = rows.map((r) => r.visit_id);
  const devices = await declaredDevicesByVisit(ctx.db, visitIds);
  const exceptions = await latestExceptionByVisit(ctx.db, visitIds);
  const now = ctx.clock.now().toISOString();
  const handovers: PendingHandover[] = [];
  for (const r of rows) {
    const exception = exceptions.get(r.visit_id);
    // An approval made in advance for a booking was already taken off the handover when the visitor signed
    // in with the invitation (visits/sign-in-with-invite.ts): only an approval made for the visit itself is set apart here.
    const forThisVisit = exception !== undefined && exception.visit_id !== null && exceptionState(exception, now) === 'active';
    const approved = forThisVisit ? (JSON.parse(exception.devices_json) as DeclaredDevice[]) : [];
    const { toLog, kept } = setApart(devices.get(r.visit_id) ?? [], approved);
    if (toLog.length === 0 && kept.length > 0) continue;
    handovers.push({
      handoverId: r.handover_id,
      visitId: r.visit_id,
      firstName: r.first_name,
      lastName: r.last_name,
      familyNameFirst: r.family_name_first === 1,
      organisation: r.organisation,
      declaredAt: r.declared_at,
      visitorSignedOut: r.signed_out_at !== null,
      devices: toLog,
      devicesApproved: kept,
    });
  }
  return { handovers };
}

/** The declared devices an approval covers (kind by kind, up to the number approved), and the rest. */
function setApart(declared: readonly DeclaredDevice[], approved: readonly DeclaredDevice[]): { toLog: DeclaredDevice[]; kept: DeclaredDevice[] } {
  const toLog: DeclaredDevice[] = [];
  const kept: DeclaredDevice[] = [];
  for (const d of declared) {
    const allowed = Math.min(d.quantity, approved.filter((a) => a.kind === d.kind).reduce((n, a) => n + a.quantity, 0));
    if (allowed > 0) kept.push({ kind: d.kind, quantity: allowed });
    if (d.quantity > allowed) toLog.push({ kind: d.kind, quantity: d.quantity - allowed });
  }
  return { toLog, kept };
}
