import type { ParsedInput, StaffSessionInfo, StaffSummary } from '../../../shared/contract/index.js';
import { LONG_PIN_DIGITS, LONG_PIN_MESSAGE, pinTooShortFor } from '../../../shared/domain/pin-rules.js';
import { formatDateTime, formatTime, ukDay } from '../../../shared/domain/time.js';
import { logPinFailure } from '../../db/repositories/pin-failure-repo.js';
import { findStaff, listActiveStaff, lockStaffUntil, updatePinHash, type Staff } from '../../db/repositories/staff-repo.js';
import { CommandError } from '../../core/command-error.js';
import { audit, nowIso, type ServiceContext } from '../../core/context.js';
import { describeStoredPin } from './pin-hash.js';
import type { PinContext } from './pin-pepper.js';
import { readSetting } from '../admin/settings-store.js';
import type { StaffSession, StaffSessions } from '../../core/staff-sessions.js';
import { requireSetUp } from '../admin/setup.js';
import { writeIfStorageAllows } from '../../core/storage-failure.js';

/**
 * An account locks once it has had this many wrong PINs within ACCOUNT_PIN_WINDOW_MS, wherever they were
 * typed, and stays locked until the oldest of them is that old: so nobody gets more guesses than this at one
 * account in any 24 hours. A right PIN does not wipe the slate, or a guesser would get a fresh day's worth
 * each time its owner unlocked.
 *
 * It is set above what one computer can send in a day through the per-screen back-off (pin-throttle.ts:
 * at most 111 wrong PINs in 24 hours, even reloading the page for a new tab each time), so a stranger at
 * the kiosk slows down only the screen they are at and cannot lock anyone out, the DSL included. The
 * account lock is for guesses from more places than that (the README works through the numbers).
 */
export const MAX_PIN_FAILURES = 120;
export const ACCOUNT_PIN_WINDOW_MS = 24 * 60 * 60_000;
/** A wrong PIN's message says how many tries are left only when there are this few: a person needs to know then. */
const WARN_WHEN_TRIES_LEFT = 5;

export async function consoleIdleMs(ctx: Pick<ServiceContext, 'db'>): Promise<number> {
  return await readSetting(ctx.db, 'console.lockSeconds') * 1000;
}

export function sessionInfo(session: StaffSession): StaffSessionInfo {
  return {
    staffId: session.staffId,
    displayName: session.displayName,
    roles: session.roles,
    expiresAt: new Date(session.expiresAt).toISOString(),
    pinChangeDue: session.pinChangeDue,
  };
}

export async function listForUnlock(ctx: ServiceContext): Promise<{ staff: StaffSummary[] }> {
  await requireSetUp(ctx);
  return { staff: (await listActiveStaff(ctx.db)).map((s) => ({ id: s.id, displayName: s.displayName, dsl: s.roles.includes('dsl') })) };
}

function lockedMessage(until: string, now: Date): string {
  const when = ukDay(until) === ukDay(now.toISOString()) ? formatTime(until) : formatDateTime(until);
  return `Too many wrong PINs. This account is locked until ${when}. An administrator can unlock it sooner.`;
}

function wrongPinMessage(triesLeft: number): string {
  if (triesLeft > WARN_WHEN_TRIES_LEFT) return 'That PIN is not right.';
  return `That PIN is not right. ${triesLeft} ${triesLeft === 1 ? 'try' : 'tries'} left before the account locks.`;
}

/** Where a PIN was typed: the form field a wrong one is shown under, and the audit entry it leaves. */
export interface PinEntry {
  field: string;
  failedAction: string;
}

const UNLOCK_ENTRY: PinEntry = { field: 'pin', failedAction: 'staff.unlock_failed' };
const CHANGE_PIN_ENTRY: PinEntry = { field: 'currentPin', failedAction: 'staff.change_pin_failed' };

/** The account, if a PIN may be typed for it here; otherwise it throws the refusal (not found, not a DSL...). */
export type UsableStaff = (staff: Staff | undefined) => Staff;

function refuseIfLocked(staff: Staff, now: Date): void {
  if (staff.lockedUntil && new Date(staff.lockedUntil) > now) throw new CommandError('account_locked', lockedMessage(staff.lockedUntil, now));
}

/**
 * Checks a staff member's PIN, for unlocking the console, confirming an approval or changing the PIN, and
 * once it is right runs `then` with the account as it was when checked. A wrong one is logged (and
 * audited) in its own transaction even though the command then fails, so it counts after a restart; the
 * account locks at MAX_PIN_FAILURES within a day, wherever they were typed. A PIN that cannot be checked
 * for want of the PIN key file is refused with what to do, and not counted.
 *
 * The hash is worked out off the event loop, so the kiosk and other consoles are answered meanwhile. Checks
 * of one account take turns (pins.accountTurns), each reading the account's lock and wrong PINs only once
 * the one before has counted: PINs sent at once are counted exactly as the same PINs sent one by one, and
 * none is checked after the one that locks the account. `then` runs in the account's turn; it must write
 * in one transaction that begins with confirmStaff, since the account may have changed while hashing.
 */
export function withStaffPin<T>(
  ctx: PinContext,
  staffId: number,
  pin: string,
  usable: UsableStaff,
  then: (staff: Staff) => T | Promise<T>,
  entry: PinEntry = UNLOCK_ENTRY,
): Promise<T> {
  return ctx.pins.accountTurns.run(staffId, async () => {
    const staff = usable(await findStaff(ctx.db, staffId));
    refuseIfLocked(staff, ctx.clock.now());
    const verdict = await ctx.pins.check(pin, staff.pinHash);
    if (verdict === 'no_key') throw new CommandError('conflict', ctx.pins.keyProblem());
    if (verdict === 'wrong') await countWrongPin(ctx, staff, entry);
    return then(staff);
  });
}

/** Logs a wrong PIN against the account, locking it at the limit, and throws the answer for the screen. */
async function countWrongPin(ctx: PinContext, staff: Staff, entry: PinEntry): Promise<never> {
  const now = ctx.clock.now();
  const actorCtx = { ...ctx, actor: { staffId: staff.id, label: staff.displayName, roles: staff.roles } };
  // A disk that will not take the count (full, read-only) must not turn a wrong PIN into another answer: it
  // is still "not right", so the screen's own back-off (server/pin-throttle.ts, kept in memory) still
  // counts it and slows a guesser. Only the account's daily count misses it until the disk is put right.
  let counted = { failures: 0, lockedUntil: null as string | null };
  await writeIfStorageAllows(ctx.db, entry.failedAction, async () => {
    counted = await ctx.db.transaction(async () => {
      // Gone while the PIN was hashed (a backup without it was restored): there is nothing to count against.
      if (!await findStaff(ctx.db, staff.id)) throw new CommandError('not_found', 'That staff account is not available. Choose your name from the list.');
      const window = await logPinFailure(ctx.db, staff.id, now.toISOString(), new Date(now.getTime() - ACCOUNT_PIN_WINDOW_MS).toISOString());
      // Locked until the oldest wrong PIN in the window leaves it, when there is room for one more.
      const until = window.count >= MAX_PIN_FAILURES ? new Date(Date.parse(window.oldest!) + ACCOUNT_PIN_WINDOW_MS).toISOString() : null;
      if (until) await lockStaffUntil(ctx.db, staff.id, until);
      await audit(actorCtx, until ? 'staff.locked_out' : entry.failedAction, 'staff', staff.id, { failures: window.count, ...(until ? { lockedUntil: until } : {}) });
      return { failures: window.count, lockedUntil: until };
    });
  });
  if (counted.lockedUntil) throw new CommandError('account_locked', lockedMessage(counted.lockedUntil, now));
  throw new CommandError('wrong_pin', wrongPinMessage(MAX_PIN_FAILURES - counted.failures), { [entry.field]: 'That PIN is not right.' });
}

/**
 * The account as it is now, read inside the transaction that acts on a PIN just checked against `checked`.
 * Hashing took a while, and meanwhile an administrator may have set a new PIN, deactivated the account or
 * taken a role away, or a backup may have been restored: the PIN typed is then not used, and nothing changes.
 */
export async function confirmStaff(ctx: ServiceContext, checked: Staff, usable: UsableStaff, field: string): Promise<Staff> {
  const staff = usable(await findStaff(ctx.db, checked.id));
  if (staff.pinHash !== checked.pinHash) {
    throw new CommandError(
      'conflict',
      `${staff.displayName}'s PIN was changed a moment ago, so the PIN typed was not used. Type the new PIN.`,
      { [field]: 'This PIN was changed a moment ago.' },
    );
  }
  refuseIfLocked(staff, ctx.clock.now());
  return staff;
}

/**
 * Refuses a right PIN that is too short for what its owner holds (a DSL's or administrator's PIN from
 * before the 6-digit rule, or an account given one of those roles since), for uses other than unlocking:
 * unlocking is where it gets changed. The PIN itself is to hand, so nothing about its length is stored.
 */
export function refuseShortPin(staff: Staff, pin: string, field: string): void {
  if (!pinTooShortFor(staff.roles, pin)) return;
  throw new CommandError(
    'pin_change_due',
    `${staff.displayName}'s PIN is shorter than the ${LONG_PIN_DIGITS} digits their role needs. `
      + `${staff.displayName} must first unlock the staff console with it and choose a new one, then try again.`,
    { [field]: `This PIN must be changed to one of at least ${LONG_PIN_DIGITS} digits first.` },
  );
}

/**
 * For a PIN just checked right whose hash is an older format or cost: its new hash, to be stored by
 * keepUpgradedPin in the transaction that records what the PIN was typed for. Null when nothing is due.
 */
export function upgradedPinHash(ctx: PinContext, staff: Staff, pin: string): Promise<string | null> {
  return ctx.pins.upgrade(pin, staff.pinHash);
}

/** Stores an upgraded PIN hash and audits it; call inside the transaction of the unlock or approval. */
export async function keepUpgradedPin(ctx: ServiceContext, staff: Staff, upgraded: string | null): Promise<void> {
  if (upgraded === null) return;
  await updatePinHash(ctx.db, staff.id, upgraded);
  await audit(ctx, 'staff.pin_rehashed', 'staff', staff.id, { from: describeStoredPin(staff.pinHash), to: describeStoredPin(upgraded) });
}

/** Who may unlock: any active account. */
const unlockable: UsableStaff = (staff) => {
  if (!staff || !staff.active) throw new CommandError('not_found', 'That staff account is not available. Choose your name from the list.');
  return staff;
};

/** Opens a console session for this window once the PIN is right. */
export async function unlock(
  ctx: PinContext,
  sessions: StaffSessions,
  sessionKey: string,
  input: ParsedInput<'staff.unlock'>,
): Promise<StaffSessionInfo> {
  await requireSetUp(ctx);
  return withStaffPin(ctx, input.staffId, input.pin, unlockable, async (checked) => {
    const upgraded = await upgradedPinHash(ctx, checked, input.pin);
    let staff = checked;
    // On a disk that will not take writes the console still opens, for staff to read what they need (who is
    // on site, what is in the safe) and see what is wrong: the unlock goes unrecorded (it is counted in the
    // entry written once saving works again) and an old-format PIN hash keeps its form until the next unlock.
    const recorded = await writeIfStorageAllows(ctx.db, 'staff.unlock', async () => {
      await ctx.db.transaction(async () => {
        staff = await confirmStaff(ctx, checked, unlockable, 'pin');
        const actorCtx = { ...ctx, actor: { staffId: staff.id, label: staff.displayName, roles: staff.roles } };
        // Wrong PINs before this one stay counted: the day's budget is the account's, not the guesser's.
        await audit(actorCtx, 'staff.unlock', 'staff', staff.id, pinTooShortFor(staff.roles, input.pin) ? { pinChangeDue: true } : {});
        await keepUpgradedPin(actorCtx, staff, upgraded);
      });
    });
    if (!recorded) staff = await confirmStaff(ctx, checked, unlockable, 'pin');
    // Judged from the PIN just typed, so the roles held now count: a short PIN set before the 6-digit rule,
    // or an office account made a DSL since. The session can do nothing else until a longer one is chosen.
    const pinChangeDue = pinTooShortFor(staff.roles, input.pin);
    const session = sessions.open(
      sessionKey,
      { staffId: staff.id, displayName: staff.displayName, roles: staff.roles, pinChangeDue },
      await consoleIdleMs(ctx),
    );
    return sessionInfo(session);
  });
}

export async function lock(ctx: ServiceContext, sessions: StaffSessions, sessionKey: string): Promise<{ locked: true }> {
  const session = sessions.peek(sessionKey);
  if (session) {
    // Locking always locks: an unlocked console left at reception is worse than an unrecorded lock.
    await writeIfStorageAllows(ctx.db, 'staff.lock', async () => {
      await ctx.db.transaction(() =>
        audit({ ...ctx, actor: { staffId: session.staffId, label: session.displayName, roles: session.roles } }, 'staff.lock', 'staff', session.staffId, {}),
      );
    });
    sessions.close(sessionKey);
  }
  return { locked: true };
}

export async function changeOwnPin(ctx: PinContext, sessions: StaffSessions, input: ParsedInput<'staff.changeOwnPin'>): Promise<{ changed: true }> {
  const staffId = ctx.actor.staffId;
  const own: UsableStaff = (staff) => {
    if (!staff || !staff.active) throw new CommandError('forbidden', 'Unlock the console first.');
    return staff;
  };
  if (staffId === null) throw new CommandError('forbidden', 'Unlock the console first.');
  // Checked before the current PIN, so a refused new PIN costs no try and changes nothing.
  const tooShort = (staff: Staff) => {
    if (pinTooShortFor(staff.roles, input.newPin.pin)) throw new CommandError('invalid_input', LONG_PIN_MESSAGE, { 'newPin.pin': LONG_PIN_MESSAGE });
  };
  tooShort(own(await findStaff(ctx.db, staffId)));
  // Counted and audited like an unlock: an unlocked console left alone must not be a free place to guess.
  try {
    await withStaffPin(ctx, staffId, input.currentPin, own, async (checked) => {
      const pinHash = await ctx.pins.hash(input.newPin.pin);
      await ctx.db.transaction(async () => {
        // Roles too: one given since the check may need a longer PIN.
        tooShort(await confirmStaff(ctx, checked, own, 'currentPin'));
        ctx.pins.requireCurrentKey(pinHash);
        await updatePinHash(ctx.db, staffId, pinHash);
        await audit(ctx, 'staff.change_pin', 'staff', staffId, { at: nowIso(ctx) });
      });
    }, CHANGE_PIN_ENTRY);
  } catch (err) {
    // Locked out: whoever is guessing at this console loses it too.
    if (err instanceof CommandError && err.code === 'account_locked') sessions.closeAllFor(staffId);
    throw err;
  }
  sessions.closeAllFor(staffId);
  return { changed: true };
}
