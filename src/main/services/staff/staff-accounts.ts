import type { ParsedInput, StaffAccount } from '../../../shared/contract/index.js';
import { LONG_PIN_MESSAGE, pinTooShortFor } from '../../../shared/domain/pin-rules.js';
import type { StaffRole } from '../../../shared/domain/roles.js';
import {
  clearPinFailures, countOtherActiveWithRole, findStaff, insertStaff, listAllStaff, setStaffActive, updatePinHash, updateStaffDetails, type Staff,
} from '../../db/repositories/staff-repo.js';
import { CommandError } from '../../core/command-error.js';
import { actingStaffId, audit, nowIso, type ServiceContext } from '../../core/context.js';
import { currentBadgesIssuedAt, currentStaffBadge, endStaffBadge } from '../../db/repositories/staff-badge-repo.js';
import { openStaffDay, openStaffDays, signOutStaffDay } from '../../db/repositories/staff-day-repo.js';
import type { PinContext } from './pin-pepper.js';
import type { StaffSessions } from '../../core/staff-sessions.js';

/** What the administrator's list shows of one account: its badge, and whether they are signed in for work now. */
interface AccountExtras {
  badgeIssuedAt: string | null;
  signedInSince: string | null;
}

function toAccount(staff: Staff, now: Date, extras: AccountExtras): StaffAccount {
  const locked = staff.lockedUntil !== null && new Date(staff.lockedUntil) > now;
  return {
    staffId: staff.id, displayName: staff.displayName, roles: staff.roles, active: staff.active, lockedUntil: locked ? staff.lockedUntil : null, ...extras,
  };
}

/** One account as the administrator's list shows it, read now. */
export async function accountOf(ctx: ServiceContext, staffId: number): Promise<StaffAccount> {
  const staff = (await findStaff(ctx.db, staffId))!;
  return toAccount(staff, ctx.clock.now(), {
    badgeIssuedAt: (await currentStaffBadge(ctx.db, staffId))?.issued_at ?? null,
    signedInSince: (await openStaffDay(ctx.db, staffId))?.signed_in_at ?? null,
  });
}

async function staffOrFail(ctx: ServiceContext, id: number): Promise<Staff> {
  const staff = await findStaff(ctx.db, id);
  if (!staff) throw new CommandError('not_found', 'That staff account could not be found.');
  return staff;
}

/** A setting must always have someone who can administer it and someone who can approve as DSL. */
async function keepsSomeoneInEveryRole(ctx: ServiceContext, staff: Staff, rolesAfter: readonly StaffRole[], activeAfter: boolean): Promise<void> {
  for (const role of ['admin', 'dsl'] as const) {
    const losing = staff.active && staff.roles.includes(role) && (!activeAfter || !rolesAfter.includes(role));
    if (losing && await countOtherActiveWithRole(ctx.db, role, staff.id) === 0) {
      const name = role === 'admin' ? 'administrator' : 'Designated Safeguarding Lead';
      throw new CommandError('conflict', `${staff.displayName} is the only active ${name}. Give another account that role first.`);
    }
  }
}

export async function listStaffAccounts(ctx: ServiceContext): Promise<{ staff: StaffAccount[] }> {
  const badges = await currentBadgesIssuedAt(ctx.db);
  const onSite = new Map((await openStaffDays(ctx.db)).map((d) => [d.staff_id, d.signed_in_at]));
  return {
    staff: (await listAllStaff(ctx.db)).map((s) => toAccount(s, ctx.clock.now(), { badgeIssuedAt: badges.get(s.id) ?? null, signedInSince: onSite.get(s.id) ?? null })),
  };
}

export async function createStaffAccount(ctx: PinContext, input: ParsedInput<'staff.create'>): Promise<StaffAccount> {
  const pinHash = await ctx.pins.hash(input.pin);
  return ctx.db.transaction(async () => {
    ctx.pins.requireCurrentKey(pinHash);
    const id = await insertStaff(ctx.db, { displayName: input.displayName, pinHash, roles: input.roles, createdAt: nowIso(ctx) });
    await audit(ctx, 'staff.create', 'staff', id, { displayName: input.displayName, roles: input.roles });
    return accountOf(ctx, id);
  });
}

export async function updateStaffAccount(ctx: ServiceContext, sessions: StaffSessions, input: ParsedInput<'staff.update'>): Promise<StaffAccount> {
  const result = await ctx.db.transaction(async () => {
    const staff = await staffOrFail(ctx, input.staffId);
    await keepsSomeoneInEveryRole(ctx, staff, input.roles, staff.active);
    await updateStaffDetails(ctx.db, staff.id, input.displayName, input.roles);
    await audit(ctx, 'staff.update', 'staff', staff.id, { before: { displayName: staff.displayName, roles: staff.roles }, after: { displayName: input.displayName, roles: input.roles } });
    return accountOf(ctx, staff.id);
  });
  // Open sessions carry the roles they were unlocked with: end them so new roles take effect at once.
  sessions.closeAllFor(input.staffId);
  return result;
}

export async function resetStaffPin(ctx: PinContext, sessions: StaffSessions, input: ParsedInput<'staff.resetPin'>): Promise<StaffAccount> {
  // The roles are the account's, not the form's: checked before the (slow) hash, and again inside in case they changed.
  const tooShort = (staff: Staff) => {
    if (pinTooShortFor(staff.roles, input.pin)) throw new CommandError('invalid_input', LONG_PIN_MESSAGE, { pin: LONG_PIN_MESSAGE });
  };
  tooShort(await staffOrFail(ctx, input.staffId));
  const pinHash = await ctx.pins.hash(input.pin);
  const result = await ctx.db.transaction(async () => {
    const staff = await staffOrFail(ctx, input.staffId);
    tooShort(staff);
    ctx.pins.requireCurrentKey(pinHash);
    await updatePinHash(ctx.db, staff.id, pinHash);
    await clearPinFailures(ctx.db, staff.id);
    await audit(ctx, 'staff.reset_pin', 'staff', staff.id, {});
    return accountOf(ctx, staff.id);
  });
  sessions.closeAllFor(input.staffId);
  return result;
}

export function unlockStaffAccount(ctx: ServiceContext, input: ParsedInput<'staff.unlockAccount'>): Promise<StaffAccount> {
  return ctx.db.transaction(async () => {
    const staff = await staffOrFail(ctx, input.staffId);
    await clearPinFailures(ctx.db, staff.id);
    await audit(ctx, 'staff.unlock_account', 'staff', staff.id, {});
    return accountOf(ctx, staff.id);
  });
}

/**
 * Leavers are deactivated, never deleted: the audit trail and custody records keep their names. In the same
 * transaction their badge stops working and a staff day still open is closed now, so a leaver is never left
 * on the roll call. The day is closed as "did not sign out" (they did not): its audit entry says why.
 * Anything of theirs in the safe stays there, to be given back by its receipt.
 */
export async function deactivateStaffAccount(ctx: ServiceContext, sessions: StaffSessions, input: ParsedInput<'staff.deactivate'>): Promise<StaffAccount> {
  const result = await ctx.db.transaction(async () => {
    const staff = await staffOrFail(ctx, input.staffId);
    if (staff.id === actingStaffId(ctx)) throw new CommandError('conflict', 'You cannot deactivate your own account. Ask another administrator.');
    if (!staff.active) throw new CommandError('conflict', `${staff.displayName} is already deactivated.`);
    await keepsSomeoneInEveryRole(ctx, staff, staff.roles, false);
    await setStaffActive(ctx.db, staff.id, false);
    const at = nowIso(ctx);
    const badge = await currentStaffBadge(ctx.db, staff.id);
    if (badge) await endStaffBadge(ctx.db, badge.id, { at, by: actingStaffId(ctx), why: 'deactivated' });
    const day = await openStaffDay(ctx.db, staff.id);
    if (day) {
      await signOutStaffDay(ctx.db, day.id, { at, how: 'not_signed_out' });
      await audit(ctx, 'staff_day.closed_at_deactivation', 'staff_day', day.id, { signedInAt: day.signed_in_at });
    }
    await audit(ctx, 'staff.deactivate', 'staff', staff.id, {
      reason: input.reason, ...(badge ? { badgeEnded: badge.id } : {}), ...(day ? { staffDayClosed: day.id } : {}),
    });
    return accountOf(ctx, staff.id);
  });
  sessions.closeAllFor(input.staffId);
  return result;
}
