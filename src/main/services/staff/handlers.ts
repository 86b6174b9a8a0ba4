import { createStaffAccount, deactivateStaffAccount, listStaffAccounts, resetStaffPin, unlockStaffAccount, updateStaffAccount } from './staff-accounts.js';
import { changeOwnPin, listForUnlock, lock, sessionInfo, unlock } from './staff-auth.js';
import { kioskNames, signInAtConsole, signInAtKiosk, signOutAtConsole, signOutAtKiosk, staffOnSite } from './staff-days.js';
import { findByBadge, issueBadge, signInByBadge, signOutByBadge } from './staff-badges.js';
import { backInSafe, takeOutForBreak } from './staff-breaks.js';
import { endPermission, listPermissions, printPermission, recordPermission, recordPermissionSigned } from './staff-permissions.js';
import type { StaffOutputs } from '../../../shared/contract/staff.js';
import type { DomainHandlers } from '../../commands/handler-types.js';

/** The staff commands (src/shared/contract/staff.ts), each implemented once: a missing one is a compile error. */
export const staffHandlers: DomainHandlers<StaffOutputs> = {
  'staff.listForUnlock': (ctx) => listForUnlock(ctx),
  'staff.unlock': (ctx, input) => unlock(ctx, ctx.sessions, ctx.sessionKey, input),
  'staff.lock': (ctx) => lock(ctx, ctx.sessions, ctx.sessionKey),
  'staff.session': (ctx) => {
    const session = ctx.sessions.peek(ctx.sessionKey);
    return { session: session && sessionInfo(session) };
  },
  'staff.changeOwnPin': (ctx, input) => changeOwnPin(ctx, ctx.sessions, input),
  'staff.list': (ctx) => listStaffAccounts(ctx),
  'staff.create': (ctx, input) => createStaffAccount(ctx, input),
  'staff.update': (ctx, input) => updateStaffAccount(ctx, ctx.sessions, input),
  'staff.resetPin': (ctx, input) => resetStaffPin(ctx, ctx.sessions, input),
  'staff.unlockAccount': (ctx, input) => unlockStaffAccount(ctx, input),
  'staff.deactivate': (ctx, input) => deactivateStaffAccount(ctx, ctx.sessions, input),
  'staffDay.onSite': (ctx) => staffOnSite(ctx),
  'staffDay.signIn': (ctx, input) => signInAtConsole(ctx, input),
  'staffDay.signOut': (ctx, input) => signOutAtConsole(ctx, input),
  'staffDay.kioskNames': (ctx) => kioskNames(ctx),
  'staffDay.signInAtKiosk': (ctx, input) => signInAtKiosk(ctx, input),
  'staffDay.signOutAtKiosk': (ctx, input) => signOutAtKiosk(ctx, input),
  'staff.issueBadge': (ctx, input) => issueBadge(ctx, input),
  'staffDay.findByBadge': (ctx, input) => findByBadge(ctx, input),
  'staffDay.signInByBadge': (ctx, input) => signInByBadge(ctx, input),
  'staffDay.signOutByBadge': (ctx, input) => signOutByBadge(ctx, input),
  'staffDay.breakOut': (ctx, input) => takeOutForBreak(ctx, input),
  'staffDay.breakBack': (ctx, input) => backInSafe(ctx, input),
  'staffPermission.list': (ctx) => listPermissions(ctx),
  'staffPermission.record': (ctx, input) => recordPermission(ctx, input),
  'staffPermission.print': (ctx, input) => printPermission(ctx, input.permissionId),
  'staffPermission.recordSigned': (ctx, input) => recordPermissionSigned(ctx, input),
  'staffPermission.end': (ctx, input) => endPermission(ctx, input),
};
