import type {
  ParsedInput, PrintStatus, ReceiptView, StaffDaySignedIn, StaffDaySignedOut, StaffDayWay, StaffDeviceInSafe, StaffDeviceOut, StaffOnSite,
} from '../../../shared/contract/index.js';
import { formatTime, ukDay } from '../../../shared/domain/time.js';
import { itemsOfReceipts } from '../../db/repositories/custody-repo.js';
import {
  findStaffDay, insertStaffDay, openStaffDay, openStaffDays, signOutStaffDay, staffItemsInSafe, staffOnSiteReceipts, type StaffDayRow,
} from '../../db/repositories/staff-day-repo.js';
import { findStaff, listActiveStaff, type Staff } from '../../db/repositories/staff-repo.js';
import { CommandError } from '../../core/command-error.js';
import { actingStaffId, audit, nowIso, type ServiceContext } from '../../core/context.js';
import type { OutputContext } from '../../documents/document-output.js';
import { readSetting } from '../admin/settings-store.js';
import { requireSetUp } from '../admin/setup.js';
import { logItems } from '../custody/log-items.js';
import { outputReceipt } from '../custody/receipt-output.js';
import { returnItems } from '../custody/release.js';
import type { PinContext } from './pin-pepper.js';
import { confirmStaff, keepUpgradedPin, upgradedPinHash, withStaffPin, type PinEntry, type UsableStaff } from './staff-auth.js';
import { permissionsInForceByStaff } from './staff-permissions.js';

/**
 * Staff days: a member of staff signs in when they arrive for work and out when they leave, at the console
 * they unlocked or at the kiosk with their PIN. Where the setting keeps staff phones in the safe (nursery §4),
 * the phone goes in with the sign-in, in the same transaction, through the same path as logging any item
 * (custody.log): one receipt, one custody record, whoever owns it.
 */

type Phone = ParsedInput<'staffDay.signIn'>['phone'];

/** The account a signing-in or -out is for: active, or nothing happens. */
export const activeStaff: UsableStaff = (staff) => {
  if (!staff || !staff.active) throw new CommandError('not_found', 'That staff account is not available. Choose your name from the list.', { staffId: 'Choose your name.' });
  return staff;
};

/** A wrong PIN at the kiosk is shown under its PIN box and counted against the account, as at the lock screen. */
const KIOSK_PIN: PinEntry = { field: 'pin', failedAction: 'staff_day.pin_failed' };

/** The context of the person signing in or out: they act for themselves, whichever screen they are at. */
export function asStaff<C extends ServiceContext>(ctx: C, staff: Staff): C {
  return { ...ctx, actor: { staffId: staff.id, label: staff.displayName, roles: staff.roles } };
}

/**
 * Opens a day for `staff`, with their phone into the safe when given: in one transaction, so a phone is never
 * logged without the sign-in it came with, nor a sign-in recorded without the phone that was handed in.
 * A day left open from an earlier day (they forgot to sign out) is closed first, marked as not signed out.
 * `detail` goes into the sign-in's audit entry (a badge scan says so there: the record itself says only 'kiosk').
 */
export async function openDay(
  ctx: ServiceContext, staff: Staff, how: StaffDayWay, phone: Phone, detail: Record<string, unknown> = {},
): Promise<{ dayId: number; earlierDayClosed: string | null; receiptId: number | null }> {
  const at = nowIso(ctx);
  const open = await openStaffDay(ctx.db, staff.id);
  let earlierDayClosed: string | null = null;
  if (open) {
    if (ukDay(open.signed_in_at) === ukDay(at)) {
      throw new CommandError(
        'conflict',
        `You signed in at ${formatTime(open.signed_in_at)} and have not signed out since, so you are already signed in. Nothing was changed.`,
      );
    }
    await signOutStaffDay(ctx.db, open.id, { at, how: 'not_signed_out' });
    await audit(ctx, 'staff_day.not_signed_out', 'staff_day', open.id, { signedInAt: open.signed_in_at });
    earlierDayClosed = open.signed_in_at;
  }
  const dayId = await insertStaffDay(ctx.db, { staffId: staff.id, at, how });
  let receiptId: number | null = null;
  if (phone) {
    receiptId = (await logItems(ctx, {
      owner: { type: 'staff', staffId: staff.id },
      items: [{ kind: 'phone', description: phone.description, marks: null, bagSlot: phone.bagSlot }],
    })).receiptId;
  }
  await audit(ctx, 'staff_day.sign_in', 'staff_day', dayId, { how, receiptId, ...detail });
  return { dayId, earlierDayClosed, receiptId };
}

/** The answer to a sign-in, once committed: the receipt, if a phone went in, is printed now like any other. */
export async function signedIn(ctx: OutputContext, opened: Awaited<ReturnType<typeof openDay>>): Promise<StaffDaySignedIn> {
  const day = (await findStaffDay(ctx.db, opened.dayId))!;
  let phone: { receipt: ReceiptView; print: PrintStatus } | null = null;
  if (opened.receiptId !== null) phone = await outputReceipt(ctx, opened.receiptId);
  return { staffDayId: day.id, displayName: day.display_name, signedInAt: day.signed_in_at, earlierDayClosed: opened.earlierDayClosed, phone };
}

/**
 * Closes their open day. With `collectPhone`, their own devices in the safe are returned to them in the same
 * transaction (one custody.return per receipt, to them, noted as taken at signing out).
 */
export async function closeDay(ctx: ServiceContext, staff: Staff, how: StaffDayWay, collectPhone: boolean, detail: Record<string, unknown> = {}): Promise<StaffDaySignedOut> {
  const at = nowIso(ctx);
  const open = await openStaffDay(ctx.db, staff.id);
  if (!open) throw new CommandError('conflict', 'You are not signed in, so there is nothing to sign out of. Nothing was changed.');
  // An earlier day they never signed out of: closing it now with today's time would say they stayed all
  // night, so it is closed as not signed out.
  const wasEarlierDay = ukDay(open.signed_in_at) !== ukDay(at);
  let takenFromSafe = 0;
  if (collectPhone) {
    const byReceipt = new Map<number, number[]>();
    for (const { receipt_id, item_id } of await staffItemsInSafe(ctx.db, staff.id)) byReceipt.set(receipt_id, [...(byReceipt.get(receipt_id) ?? []), item_id]);
    for (const [receiptId, itemIds] of byReceipt) {
      await returnItems(ctx, { receiptId, itemIds, returnedTo: staff.displayName, note: 'Taken from the safe when signing out' });
      takenFromSafe += itemIds.length;
    }
  }
  if (!await signOutStaffDay(ctx.db, open.id, { at, how: wasEarlierDay ? 'not_signed_out' : how })) {
    throw new CommandError('conflict', 'You were signed out a moment ago, on another screen. Nothing was changed.');
  }
  await audit(ctx, wasEarlierDay ? 'staff_day.not_signed_out' : 'staff_day.sign_out', 'staff_day', open.id, { how, takenFromSafe, ...detail });
  return {
    staffDayId: open.id,
    displayName: staff.displayName,
    signedInAt: open.signed_in_at,
    signedOutAt: at,
    wasEarlierDay,
    takenFromSafe,
    stillInSafe: (await staffItemsInSafe(ctx.db, staff.id)).length,
  };
}

/** Signs in whoever unlocked this console: the session is their proof, as for every office command. */
export async function signInAtConsole(ctx: OutputContext, input: ParsedInput<'staffDay.signIn'>): Promise<StaffDaySignedIn> {
  const staff = activeStaff(await findStaff(ctx.db, actingStaffId(ctx)));
  return signedIn(ctx, await ctx.db.transaction(() => openDay(ctx, staff, 'console', input.phone)));
}

export async function signOutAtConsole(ctx: ServiceContext, input: ParsedInput<'staffDay.signOut'>): Promise<StaffDaySignedOut> {
  const staff = activeStaff(await findStaff(ctx.db, actingStaffId(ctx)));
  return ctx.db.transaction(() => closeDay(ctx, staff, 'console', input.collectPhone));
}

/**
 * At the kiosk, the PIN is the proof: checked and counted as at the lock screen (a wrong one counts against the
 * account, the account locks at the day's limit, and the screen's own back-off applies). A right PIN signs in
 * and does nothing else: no console opens. A short PIN is not refused here, as it is for approvals: signing
 * in grants nothing, and unlocking is where a longer one is asked for.
 */
export async function signInAtKiosk(ctx: OutputContext & PinContext, input: ParsedInput<'staffDay.signInAtKiosk'>): Promise<StaffDaySignedIn> {
  await requireSetUp(ctx);
  return withStaffPin(ctx, input.staffId, input.pin, activeStaff, async (checked) => {
    const upgraded = await upgradedPinHash(ctx, checked, input.pin);
    const opened = await ctx.db.transaction(async () => {
      const staff = await confirmStaff(ctx, checked, activeStaff, 'pin');
      const staffCtx = asStaff(ctx, staff);
      await keepUpgradedPin(staffCtx, staff, upgraded);
      return openDay(staffCtx, staff, 'kiosk', input.phone);
    });
    return signedIn(asStaff(ctx, checked), opened);
  }, KIOSK_PIN);
}

export async function signOutAtKiosk(ctx: PinContext, input: ParsedInput<'staffDay.signOutAtKiosk'>): Promise<StaffDaySignedOut> {
  await requireSetUp(ctx);
  return withStaffPin(ctx, input.staffId, input.pin, activeStaff, async (checked) => {
    const upgraded = await upgradedPinHash(ctx, checked, input.pin);
    return ctx.db.transaction(async () => {
      const staff = await confirmStaff(ctx, checked, activeStaff, 'pin');
      const staffCtx = asStaff(ctx, staff);
      await keepUpgradedPin(staffCtx, staff, upgraded);
      return closeDay(staffCtx, staff, 'kiosk', input.collectPhone);
    });
  }, KIOSK_PIN);
}

/** The names the kiosk offers: every active account, as the lock screen does. */
export async function kioskNames(ctx: ServiceContext): Promise<{ staff: { staffId: number; displayName: string }[]; phonesInSafe: boolean }> {
  await requireSetUp(ctx);
  return {
    staff: (await listActiveStaff(ctx.db)).map((s) => ({ staffId: s.id, displayName: s.displayName })),
    phonesInSafe: await readSetting(ctx.db, 'staff.phonesInSafe'),
  };
}

/**
 * Everyone signed in now, with their own devices in the safe and any taken out since they signed in, and
 * the signed permissions in force today that let them keep a device (phoneNotInSafe leaves out anyone
 * with one for a phone).
 */
export async function staffOnSite(ctx: ServiceContext): Promise<{ staff: StaffOnSite[]; phonesInSafe: boolean }> {
  const now = nowIso(ctx);
  const refs = await staffOnSiteReceipts(ctx.db);
  const items = await itemsOfReceipts(ctx.db, refs.map((r) => r.receipt_id));
  const inSafe = new Map<number, StaffDeviceInSafe[]>();
  const returned = new Map<number, (StaffDeviceOut & { loggedAt: string })[]>();
  for (const ref of refs) {
    for (const item of items.get(ref.receipt_id) ?? []) {
      if (item.reason !== 'staff_own') continue;
      if (item.state === 'in_safe') {
        inSafe.set(ref.staff_owner, [...(inSafe.get(ref.staff_owner) ?? []), {
          receiptId: ref.receipt_id, receiptNumber: ref.number, itemId: item.itemId, kind: item.kind,
          description: item.description, bagSlot: item.bagSlot, loggedAt: item.loggedAt,
        }]);
      } else if (item.state === 'returned' && item.closedAt !== null) {
        returned.set(ref.staff_owner, [...(returned.get(ref.staff_owner) ?? []), {
          kind: item.kind, description: item.description, bagSlot: item.bagSlot, takenAt: item.closedAt, loggedAt: item.loggedAt,
        }]);
      }
    }
  }
  const permitted = await permissionsInForceByStaff(ctx);
  const staff = (await openStaffDays(ctx.db)).map((day) => ({
    ...toStaffOnSite(day, inSafe.get(day.staff_id) ?? [], returned.get(day.staff_id) ?? [], now),
    mayKeep: permitted.get(day.staff_id) ?? [],
  }));
  return { staff, phonesInSafe: await readSetting(ctx.db, 'staff.phonesInSafe') };
}

/**
 * One person's line. What they took out since signing in counts as out until something of the same kind is
 * in the safe again (they handed it back): the latest of each kind, so "Back in the safe" logs it once.
 */
function toStaffOnSite(
  day: StaffDayRow, devicesInSafe: StaffDeviceInSafe[], returned: (StaffDeviceOut & { loggedAt: string })[], now: string,
): Omit<StaffOnSite, 'mayKeep'> {
  const kindsIn = new Set(devicesInSafe.map((d) => d.kind));
  const latestOut = new Map<string, StaffDeviceOut>();
  for (const r of [...returned].sort((a, b) => a.takenAt.localeCompare(b.takenAt))) {
    if (!kindsIn.has(r.kind)) latestOut.set(r.kind, { kind: r.kind, description: r.description, bagSlot: r.bagSlot, takenAt: r.takenAt });
  }
  return {
    staffDayId: day.id,
    staffId: day.staff_id,
    displayName: day.display_name,
    signedInAt: day.signed_in_at,
    signedInHow: day.signed_in_how,
    fromEarlierDay: ukDay(day.signed_in_at) !== ukDay(now),
    phoneInSafe: kindsIn.has('phone'),
    devicesInSafe,
    devicesOut: [...latestOut.values()],
  };
}
