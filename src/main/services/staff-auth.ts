import type { ParsedInput, StaffSessionInfo, StaffSummary } from '../../shared/contract.js';
import { formatTime } from '../../shared/domain/time.js';
import { inTransaction } from '../db/connection.js';
import { clearPinFailures, findStaff, listActiveStaff, recordPinFailure, updatePinHash, type Staff } from '../db/repositories/staff-repo.js';
import { CommandError } from './command-error.js';
import { audit, nowIso, type ServiceContext } from './context.js';
import { describeStoredPin } from './pin-hash.js';
import type { PinContext } from './pin-pepper.js';
import { readSetting } from './settings-store.js';
import type { StaffSession, StaffSessions } from './staff-sessions.js';
import { requireSetUp } from './setup.js';

/** Wrong PINs in a row before the account locks, and for how long. */
export const MAX_PIN_FAILURES = 5;
export const LOCKOUT_MINUTES = 10;

export function consoleIdleMs(ctx: Pick<ServiceContext, 'db'>): number {
  return readSetting(ctx.db, 'console.lockSeconds') * 1000;
}

export function sessionInfo(session: StaffSession): StaffSessionInfo {
  return {
    staffId: session.staffId,
    displayName: session.displayName,
    roles: session.roles,
    expiresAt: new Date(session.expiresAt).toISOString(),
  };
}

export function listForUnlock(ctx: ServiceContext): { staff: StaffSummary[] } {
  requireSetUp(ctx);
  return { staff: listActiveStaff(ctx.db).map((s) => ({ id: s.id, displayName: s.displayName, dsl: s.roles.includes('dsl') })) };
}

function lockedMessage(until: string): string {
  return `Too many wrong PINs. This account is locked until ${formatTime(until)}. An administrator can unlock it sooner.`;
}

/** Where a PIN was typed: the form field a wrong one is shown under, and the audit entry it leaves. */
export interface PinEntry {
  field: string;
  failedAction: string;
}

const UNLOCK_ENTRY: PinEntry = { field: 'pin', failedAction: 'staff.unlock_failed' };

/**
 * Checks a staff member's PIN, for unlocking the console, confirming an approval or changing the PIN. A
 * wrong one is counted (and audited) in its own transaction even though the command then fails, so the
 * count survives a restart; the account locks after MAX_PIN_FAILURES in a row, wherever they were typed.
 * A PIN that cannot be checked for want of the PIN key file is refused with what to do, and not counted.
 */
export function verifyStaffPin(ctx: PinContext, staff: Staff, pin: string, entry: PinEntry = UNLOCK_ENTRY): void {
  const now = ctx.clock.now();
  if (staff.lockedUntil && new Date(staff.lockedUntil) > now) throw new CommandError('account_locked', lockedMessage(staff.lockedUntil));
  const verdict = ctx.pins.check(pin, staff.pinHash);
  if (verdict === 'right') return;
  if (verdict === 'no_key') throw new CommandError('conflict', ctx.pins.keyProblem());
  const failures = staff.failedPinCount + 1;
  const lockedUntil = failures >= MAX_PIN_FAILURES ? new Date(now.getTime() + LOCKOUT_MINUTES * 60_000).toISOString() : null;
  const actorCtx = { ...ctx, actor: { staffId: staff.id, label: staff.displayName, roles: staff.roles } };
  inTransaction(ctx.db, () => {
    recordPinFailure(ctx.db, staff.id, lockedUntil ? 0 : failures, lockedUntil);
    audit(actorCtx, lockedUntil ? 'staff.locked_out' : entry.failedAction, 'staff', staff.id, { failures });
  });
  if (lockedUntil) throw new CommandError('account_locked', lockedMessage(lockedUntil));
  const left = MAX_PIN_FAILURES - failures;
  throw new CommandError('wrong_pin', `That PIN is not right. ${left} ${left === 1 ? 'try' : 'tries'} left before the account locks.`, { [entry.field]: 'That PIN is not right.' });
}

/**
 * For a PIN just checked right whose hash is an older format or cost: its new hash, to be stored by
 * keepUpgradedPin in the transaction that records what the PIN was typed for. Null when nothing is due.
 */
export function upgradedPinHash(ctx: PinContext, staff: Staff, pin: string): string | null {
  return ctx.pins.upgrade(pin, staff.pinHash);
}

/** Stores an upgraded PIN hash and audits it; call inside the transaction of the unlock or approval. */
export function keepUpgradedPin(ctx: ServiceContext, staff: Staff, upgraded: string | null): void {
  if (upgraded === null) return;
  updatePinHash(ctx.db, staff.id, upgraded);
  audit(ctx, 'staff.pin_rehashed', 'staff', staff.id, { from: describeStoredPin(staff.pinHash), to: describeStoredPin(upgraded) });
}

/** Opens a console session for this window once the PIN is right. */
export function unlock(
  ctx: PinContext,
  sessions: StaffSessions,
  sessionKey: string,
  input: ParsedInput<'staff.unlock'>,
): StaffSessionInfo {
  requireSetUp(ctx);
  const staff = findStaff(ctx.db, input.staffId);
  if (!staff || !staff.active) throw new CommandError('not_found', 'That staff account is not available. Choose your name from the list.');
  verifyStaffPin(ctx, staff, input.pin);
  const upgraded = upgradedPinHash(ctx, staff, input.pin);
  const actorCtx = { ...ctx, actor: { staffId: staff.id, label: staff.displayName, roles: staff.roles } };
  inTransaction(ctx.db, () => {
    if (staff.failedPinCount > 0 || staff.lockedUntil) clearPinFailures(ctx.db, staff.id);
    audit(actorCtx, 'staff.unlock', 'staff', staff.id, {});
    keepUpgradedPin(actorCtx, staff, upgraded);
  });
  const session = sessions.open(sessionKey, { staffId: staff.id, displayName: staff.displayName, roles: staff.roles }, consoleIdleMs(ctx));
  return sessionInfo(session);
}

export function lock(ctx: ServiceContext, sessions: StaffSessions, sessionKey: string): { locked: true } {
  const session = sessions.peek(sessionKey);
  if (session) {
    inTransaction(ctx.db, () =>
      audit({ ...ctx, actor: { staffId: session.staffId, label: session.displayName, roles: session.roles } }, 'staff.lock', 'staff', session.staffId, {}),
    );
    sessions.close(sessionKey);
  }
  return { locked: true };
}

export function changeOwnPin(ctx: PinContext, sessions: StaffSessions, input: ParsedInput<'staff.changeOwnPin'>): { changed: true } {
  const staffId = ctx.actor.staffId;
  const staff = staffId === null ? undefined : findStaff(ctx.db, staffId);
  if (!staff) throw new CommandError('forbidden', 'Unlock the console first.');
  // Counted and audited like an unlock: an unlocked console left alone must not be a free place to guess.
  try {
    verifyStaffPin(ctx, staff, input.currentPin, { field: 'currentPin', failedAction: 'staff.change_pin_failed' });
  } catch (err) {
    // Locked out: whoever is guessing at this console loses it too.
    if (err instanceof CommandError && err.code === 'account_locked') sessions.closeAllFor(staff.id);
    throw err;
  }
  const pinHash = ctx.pins.hash(input.newPin.pin);
  inTransaction(ctx.db, () => {
    updatePinHash(ctx.db, staff.id, pinHash);
    audit(ctx, 'staff.change_pin', 'staff', staff.id, { at: nowIso(ctx) });
  });
  sessions.closeAllFor(staff.id);
  return { changed: true };
}
