import type { ParsedInput, SignInResult } from '../../../shared/contract/index.js';
import type { DeclaredDevice } from '../../../shared/domain/devices.js';
import { markArrived } from '../../db/repositories/booking-repo.js';
import { latestExceptionByBooking } from '../../db/repositories/exception-repo.js';
import { setVisitBooking } from '../../db/repositories/visit-repo.js';
import { audit, nowIso, type ServiceContext } from '../../core/context.js';
import { requireSetUp } from '../admin/setup.js';
import { bookedName, bookingForInvite } from '../safeguarding/bookings.js';
import { deviceUseMarker } from '../safeguarding/exception-state.js';
import { acknowledgementFor, badgeCodeFor, deviceCount, findOrCreateVisitor, recordVisit } from './sign-in.js';

/** One scan at the kiosk: the booked details become the visit, and any approval made in advance applies. */
export async function signInWithInvite(ctx: ServiceContext, input: ParsedInput<'visit.signInWithInvite'>): Promise<SignInResult> {
  await requireSetUp(ctx);
  return ctx.db.transaction(async () => {
    const booking = await bookingForInvite(ctx, input.code);
    const visitorId = await findOrCreateVisitor(ctx, { ...bookedName(booking), organisation: booking.organisation });
    const acknowledgementId = await acknowledgementFor(ctx, visitorId, input.acknowledgedPolicyVersionId, input.signature);
    // Devices the DSL approved in advance stay with the visitor: only the rest go to the office.
    const devices = withoutApproved(input.devices, await approvedDevices(ctx, booking.id));
    const visitId = await recordVisit(ctx, { visitorId, visitorType: booking.visitor_type, visiting: booking.host, acknowledgementId, devices });
    await setVisitBooking(ctx.db, visitId, booking.id);
    await markArrived(ctx.db, booking.id, visitId);
    await audit(ctx, 'visit.sign_in', 'visit', visitId, { visitorId, bookingId: booking.id, invite: true });
    return { visitId, firstName: booking.first_name, devicesToHandIn: deviceCount(devices), badgeCode: await badgeCodeFor(ctx, visitId) };
  });
}

async function approvedDevices(ctx: ServiceContext, bookingId: number): Promise<DeclaredDevice[]> {
  const row = (await latestExceptionByBooking(ctx.db, [bookingId])).get(bookingId);
  if (!row || !deviceUseMarker(row, nowIso(ctx))?.approved) return [];
  return JSON.parse(row.devices_json) as DeclaredDevice[];
}

export function withoutApproved(declared: readonly DeclaredDevice[], approved: readonly DeclaredDevice[]): DeclaredDevice[] {
  return declared
    .map((d) => ({ kind: d.kind, quantity: d.quantity - (approved.find((a) => a.kind === d.kind)?.quantity ?? 0) }))
    .filter((d) => d.quantity > 0);
}
