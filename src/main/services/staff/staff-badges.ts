import { createHash } from 'node:crypto';
import type { ParsedInput, PrintStatus, StaffAccount, StaffBadgeHolder, StaffDaySignedIn, StaffDaySignedOut } from '../../../shared/contract/index.js';
import { ukDay } from '../../../shared/domain/time.js';
import { currentStaffBadge, endStaffBadge, findStaffBadgeByHash, insertStaffBadge } from '../../db/repositories/staff-badge-repo.js';
import { openStaffDay } from '../../db/repositories/staff-day-repo.js';
import { findStaff, type Staff } from '../../db/repositories/staff-repo.js';
import { CommandError } from '../../core/command-error.js';
import { actingStaffId, audit, nowIso, type ServiceContext } from '../../core/context.js';
import { keepAndPrint, type OutputContext } from '../../documents/document-output.js';
import { buildStaffBadgePdf } from '../../documents/staff-badge.js';
import { readSetting } from '../admin/settings-store.js';
import { requireSetUp } from '../admin/setup.js';
import { newReceiptToken } from '../custody/receipt-token.js';
import { accountOf } from './staff-accounts.js';
import { asStaff, closeDay, openDay, signedIn } from './staff-days.js';

/**
 * Staff badges: a QR code that signs its holder in or out of work at the kiosk, in place of choosing their
 * name and typing their PIN. The badge is the proof, as a PIN is: so a code that does not work is answered
 * `wrong_badge`, which the screen's PIN throttle (server/pin-gate.ts) counts like a wrong PIN, and a screen
 * trying codes is held back. With 128 random bits a code cannot be guessed anyway; the throttle keeps even
 * the trying slow and visible.
 *
 * Only the code's hash is stored (migration 0027 says why); the code itself exists only on the printed badge
 * and its PDF in the data folder (badges/badge-staff-<id>.pdf, one per person, overwritten by the next badge
 * so no old code is left on disk).
 */

/** The hash kept for a code, as the contract's normaliseScanCode has read it. */
export function badgeCodeHash(code: string): string {
  return createHash('sha256').update(code, 'utf8').digest('hex');
}

function wrongBadge(message: string): CommandError {
  return new CommandError('wrong_badge', message, { badgeCode: message });
}

/**
 * The member of staff a scanned badge signs in or out. Every way it can fail is `wrong_badge`: not
 * recognised, replaced by a newer badge, or its holder's account deactivated.
 */
async function badgeHolder(ctx: ServiceContext, code: string): Promise<Staff> {
  const badge = await findStaffBadgeByHash(ctx.db, badgeCodeHash(code));
  if (!badge) throw wrongBadge('We do not recognise that badge. Scan it again, or choose your name and type your PIN.');
  if (badge.ended_why === 'replaced') {
    throw wrongBadge('This badge has been replaced by a newer one and no longer works. Use your new badge, or choose your name and type your PIN.');
  }
  const staff = await findStaff(ctx.db, badge.staff_id);
  if (badge.ended_at !== null || !staff || !staff.active) throw wrongBadge('This badge no longer works. Please ask at the office.');
  return staff;
}

/**
 * Issues a badge, or replaces one (lost, damaged, or in the wrong hands): the old code stops working in the
 * same transaction as the new one is recorded. The PDF is made first, so a badge that cannot be made changes
 * nothing; printing failing is said, with the PDF to print by hand, as for every document.
 */
export async function issueBadge(ctx: OutputContext, input: ParsedInput<'staff.issueBadge'>): Promise<{ account: StaffAccount; replaced: boolean; print: PrintStatus }> {
  const by = actingStaffId(ctx);
  const usable = (staff: Staff | undefined): Staff => {
    if (!staff) throw new CommandError('not_found', 'That staff account could not be found.');
    if (!staff.active) throw new CommandError('conflict', `${staff.displayName}'s account is deactivated, so a badge would not work. Nothing was changed.`);
    return staff;
  };
  const before = usable(await findStaff(ctx.db, input.staffId));
  const code = newReceiptToken();
  const at = nowIso(ctx);
  const pdf = await buildStaffBadgePdf(
    { settingName: await readSetting(ctx.db, 'setting.name') ?? 'Safe Hands', name: before.displayName, issuedAt: at, code },
    await readSetting(ctx.db, 'badge.layout'),
  );
  const replaced = await ctx.db.transaction(async () => {
    const staff = usable(await findStaff(ctx.db, input.staffId));
    // Renamed while the badge was drawn: the paper would carry the old name.
    if (staff.displayName !== before.displayName) throw new CommandError('conflict', `${before.displayName}'s name was changed a moment ago. Try again.`);
    const old = await currentStaffBadge(ctx.db, staff.id);
    if (old) await endStaffBadge(ctx.db, old.id, { at, by, why: 'replaced' });
    const badgeId = await insertStaffBadge(ctx.db, { staffId: staff.id, codeHash: badgeCodeHash(code), at, by });
    await audit(ctx, old ? 'staff.replace_badge' : 'staff.issue_badge', 'staff', staff.id, { badgeId, ...(old ? { replacedBadgeId: old.id } : {}) });
    return old !== undefined;
  });
  const print = await keepAndPrint(
    ctx,
    pdf,
    { folder: 'badges', fileName: `badge-staff-${input.staffId}.pdf` },
    { name: await readSetting(ctx.db, 'badge.printer'), purpose: 'badges' },
  );
  return { account: await accountOf(ctx, input.staffId), replaced, print };
}

/** Who a scanned badge is, for the kiosk to greet them and ask whether they are arriving or leaving. */
export async function findByBadge(ctx: ServiceContext, input: ParsedInput<'staffDay.findByBadge'>): Promise<StaffBadgeHolder> {
  await requireSetUp(ctx);
  const staff = await badgeHolder(ctx, input.badgeCode);
  const open = await openStaffDay(ctx.db, staff.id);
  const today = open && ukDay(open.signed_in_at) === ukDay(nowIso(ctx)) ? open.signed_in_at : null;
  return { staffId: staff.id, displayName: staff.displayName, signedInAt: today };
}

/** Signs the badge's holder in, with their phone into the safe where given: the same day as the PIN path opens. */
export async function signInByBadge(ctx: OutputContext, input: ParsedInput<'staffDay.signInByBadge'>): Promise<StaffDaySignedIn> {
  await requireSetUp(ctx);
  let holder: Staff | undefined;
  const opened = await ctx.db.transaction(async () => {
    holder = await badgeHolder(ctx, input.badgeCode);
    return openDay(asStaff(ctx, holder), holder, 'kiosk', input.phone, { with: 'badge' });
  });
  return signedIn(asStaff(ctx, holder!), opened);
}

export async function signOutByBadge(ctx: ServiceContext, input: ParsedInput<'staffDay.signOutByBadge'>): Promise<StaffDaySignedOut> {
  await requireSetUp(ctx);
  return ctx.db.transaction(async () => {
    const holder = await badgeHolder(ctx, input.badgeCode);
    return closeDay(asStaff(ctx, holder), holder, 'kiosk', input.collectPhone, { with: 'badge' });
  });
}
