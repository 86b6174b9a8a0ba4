import { join } from 'node:path';
import type { BookingView, ParsedInput } from '../../../shared/contract/index.js';
import { fullName, shortName, type PersonName } from '../../../shared/domain/names.js';
import { formatDay, ukDay, ukTime } from '../../../shared/domain/time.js';
import { buildInvitePdf } from '../../documents/invite.js';
import { bookingsOn, cancelBooking, findBookingBy, insertBooking, type BookingRow } from '../../db/repositories/booking-repo.js';
import { latestExceptionByBooking } from '../../db/repositories/exception-repo.js';
import { CommandError } from '../../core/command-error.js';
import { actingStaffId, audit, nowIso, type ServiceContext } from '../../core/context.js';
import { newReceiptToken } from '../custody/receipt-token.js';
import { keepDocument, type OutputContext } from '../../documents/document-output.js';
import { nameWarning } from '../../documents/name-warning.js';
import { readSetting } from '../admin/settings-store.js';
import { requireSetUp } from '../admin/setup.js';
import { currentPolicyOrFail, knownVisitorId, needsAcknowledgement, personFromForm } from '../visits/sign-in.js';
import { deviceUseMarker } from './exception-state.js';

async function toViews(ctx: ServiceContext, rows: readonly BookingRow[]): Promise<BookingView[]> {
  const now = nowIso(ctx);
  const today = ukDay(now);
  const dayOver = ukTime(now) >= await readSetting(ctx.db, 'day.endTime');
  const exceptions = await latestExceptionByBooking(ctx.db, rows.map((r) => r.id));
  return rows.map((r) => ({
    bookingId: r.id,
    firstName: r.first_name,
    lastName: r.last_name,
    familyNameFirst: r.family_name_first === 1,
    organisation: r.organisation,
    visitorType: r.visitor_type,
    host: r.host,
    expectedDate: r.expected_date,
    expectedTime: r.expected_time,
    status: r.status,
    noShow: r.status === 'expected' && (r.expected_date < today || (r.expected_date === today && dayOver)),
    visitId: r.visit_id,
    createdBy: r.created_by_name,
    exception: deviceUseMarker(exceptions.get(r.id), now),
  }));
}

export function bookedName(row: BookingRow): PersonName {
  return { firstName: row.first_name, lastName: row.last_name, familyNameFirst: row.family_name_first === 1 };
}

async function bookingOrFail(ctx: ServiceContext, id: number): Promise<BookingRow> {
  const row = await findBookingBy(ctx.db, 'id', id);
  if (!row) throw new CommandError('not_found', 'That booking could not be found.');
  return row;
}

export function createBooking(ctx: ServiceContext, input: ParsedInput<'booking.create'>): Promise<BookingView> {
  const by = actingStaffId(ctx);
  return ctx.db.transaction(async () => {
    if (input.expectedDate < ukDay(nowIso(ctx))) {
      throw new CommandError('invalid_input', 'That date has already passed.', { expectedDate: 'That date has already passed.' });
    }
    const { oneName: _, ...details } = input;
    const id = await insertBooking(ctx.db, {
      ...details, ...personFromForm(input), expectedTime: input.expectedTime ?? null, inviteToken: newReceiptToken(), createdAt: nowIso(ctx), createdBy: by,
    });
    await audit(ctx, 'booking.create', 'booking', id, { expectedDate: input.expectedDate, visitorType: input.visitorType });
    return (await toViews(ctx, [(await findBookingBy(ctx.db, 'id', id))!]))[0]!;
  });
}

export async function listBookings(ctx: ServiceContext, input: ParsedInput<'booking.list'>): Promise<{ date: string; bookings: BookingView[] }> {
  const date = input.date ?? ukDay(nowIso(ctx));
  return { date, bookings: await toViews(ctx, await bookingsOn(ctx.db, date)) };
}

export function cancelBookingById(ctx: ServiceContext, input: ParsedInput<'booking.cancel'>): Promise<BookingView> {
  return ctx.db.transaction(async () => {
    const booking = await bookingOrFail(ctx, input.bookingId);
    if (!await cancelBooking(ctx.db, booking.id, input.reason)) {
      throw new CommandError('conflict', booking.status === 'arrived' ? 'That visitor has already arrived.' : 'That booking is already cancelled.');
    }
    await audit(ctx, 'booking.cancel', 'booking', booking.id, {});
    return (await toViews(ctx, [(await findBookingBy(ctx.db, 'id', booking.id))!]))[0]!;
  });
}

/**
 * The invitation PDF with its sign-in QR code, kept in the data folder and offered by a short-lived link,
 * with a warning for staff when the visitor's name has letters no font here can print: they print or send
 * it themselves, so the screen is the only place to say so before the visitor sees the boxes.
 */
export async function inviteDocument(ctx: OutputContext, input: ParsedInput<'booking.invite'>): Promise<{ documentId: string; warning?: string }> {
  const booking = await bookingOrFail(ctx, input.bookingId);
  if (booking.status !== 'expected') throw new CommandError('conflict', 'Invitations are only for visitors who are still expected.');
  const marker = (await toViews(ctx, [booking]))[0]!.exception;
  const visitorName = fullName(bookedName(booking));
  const pdf = await buildInvitePdf({
    settingName: await readSetting(ctx.db, 'setting.name') ?? 'Safe Hands',
    visitorName,
    organisation: booking.organisation,
    host: booking.host,
    expectedDate: booking.expected_date,
    expectedTime: booking.expected_time,
    token: booking.invite_token,
    deviceUse: marker?.approved ? { permittedUse: marker.permittedUse, permittedAreas: marker.permittedAreas } : null,
  });
  const { documentId } = await keepDocument(ctx, pdf, { folder: join('invites', booking.expected_date.slice(0, 4)), fileName: `invite-${booking.id}.pdf` });
  const warning = nameWarning([visitorName], 'invitation');
  return warning ? { documentId, warning } : { documentId };
}

/** The booking an invitation code opens at the kiosk today, or a plain reason it does not. */
export async function bookingForInvite(ctx: ServiceContext, code: string): Promise<BookingRow> {
  const booking = await findBookingBy(ctx.db, 'invite_token', code);
  if (!booking) throw new CommandError('not_found', 'We do not recognise that invitation. Please sign in another way or ask at the office.');
  if (booking.status === 'arrived') throw new CommandError('conflict', 'That invitation has already been used. Choose "I\'ve been here before" to sign in.');
  if (booking.status === 'cancelled') throw new CommandError('conflict', 'That visit was cancelled. Please ask at the office.');
  const today = ukDay(nowIso(ctx));
  if (booking.expected_date !== today) {
    const when = formatDay(booking.expected_date);
    throw new CommandError('conflict', booking.expected_date < today
      ? `That invitation was for ${when} and has expired. Please sign in another way or ask at the office.`
      : `That invitation is for ${when}. Please sign in another way today, or ask at the office.`);
  }
  return booking;
}

export async function lookupInvite(ctx: ServiceContext, input: ParsedInput<'invite.lookup'>): Promise<{ displayName: string; needsAcknowledgement: boolean; deviceUseApproved: boolean }> {
  await requireSetUp(ctx);
  const booking = await bookingForInvite(ctx, input.code);
  const person = { ...bookedName(booking), organisation: booking.organisation };
  const visitorId = await knownVisitorId(ctx, person);
  const marker = (await toViews(ctx, [booking]))[0]!.exception;
  return {
    displayName: shortName(bookedName(booking)),
    needsAcknowledgement: visitorId === undefined || await needsAcknowledgement(ctx, visitorId, (await currentPolicyOrFail(ctx)).id),
    deviceUseApproved: marker?.approved ?? false,
  };
}
