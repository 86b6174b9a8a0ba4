import type { CommandName, CommandOutput, ParsedInput } from '../../shared/contract/index.js';
import { onSite, pendingHandovers } from '../services/visits/on-site.js';
import { logItems, markNotHandedIn } from '../services/custody/log-items.js';
import { outputReceipt, type OutputContext } from '../services/custody/receipt-output.js';
import { markGivenByHand } from '../services/custody/given-by-hand.js';
import { correctItem, handOn, overrideSignOut, returnItems } from '../services/custody/release.js';
import { findReceipt, inSafe, searchByOwner } from '../services/custody/safe-views.js';
import { listPrinters } from '../printing/list-printers.js';
import { logoDataUrl, setLogo } from '../services/admin/logo.js';
import { backupNow, listBackups, newestBackupAnchors, restoreBackup } from '../services/admin/backups.js';
import { endOfDayReport } from '../services/operations/end-of-day.js';
import { printRollCall, saveRollCall } from '../services/operations/roll-call.js';
import { exportPerson, purgeExpired, searchPeople } from '../services/admin/retention.js';
import { exportReport, getReport } from '../services/operations/reports.js';
import { auditEntries } from '../services/operations/audit-view.js';
import { printBadgeByCode, reprintBadge, signOutByBadge } from '../services/visits/badges.js';
import { listVisibleConcerns, raiseConcern, reviewConcern } from '../services/safeguarding/concerns.js';
import {
  cancelBookingById, createBooking, inviteDocument, listBookings, lookupInvite, recordChecks, signInWithInvite,
} from '../services/safeguarding/bookings.js';
import {
  approveException, exceptionRecord, listExceptions, lookupException, revokeExceptionById,
} from '../services/safeguarding/exceptions.js';
import { policyDetail, publishPolicy, recordPolicyReview, reminders } from '../services/safeguarding/policy.js';
import {
  createStaffAccount, deactivateStaffAccount, listStaffAccounts, resetStaffPin, unlockStaffAccount, updateStaffAccount,
} from '../services/staff/staff-accounts.js';
import { kioskConfig } from '../services/visits/kiosk-config.js';
import { getSettings, updateSettings } from '../services/admin/settings.js';
import { findReturning, returningStatus, signInNew, signInReturning } from '../services/visits/sign-in.js';
import { findOnSite, signOut } from '../services/visits/sign-out.js';
import { createSetting, isSetUp } from '../services/admin/setup.js';
import { changeOwnPin, listForUnlock, lock, sessionInfo, unlock } from '../services/staff/staff-auth.js';
import type { StaffSessions } from '../core/staff-sessions.js';
import type { PinHasher } from '../services/staff/pin-pepper.js';
import { auditReminders, type AuditTrail } from '../audit/audit-trail.js';
import type { DatabaseHealth } from './dispatcher.js';
import { readSetting } from '../services/admin/settings-store.js';
import { storageReminders } from '../core/storage-reminder.js';
import { jobReminders } from '../jobs/job-failures.js';

export interface HandlerContext extends OutputContext {
  health: DatabaseHealth;
  nativeBinding?: string | undefined;
  sessions: StaffSessions;
  pins: PinHasher;
  auditTrail: AuditTrail;
  /** Which window or browser tab is calling; staff sessions are kept per key. */
  sessionKey: string;
}

export type Handler<N extends CommandName> = (ctx: HandlerContext, input: ParsedInput<N>) => CommandOutput<N> | Promise<CommandOutput<N>>;

/** Every command in the contract, implemented once. A missing entry is a compile error. */
export const handlers: { [N in CommandName]: Handler<N> } = {
  'app.status': (ctx) => ({
    setUp: isSetUp(ctx),
    settingName: readSetting(ctx.db, 'setting.name'),
    databaseProblem: ctx.health.databaseProblem,
    storageProblem: ctx.health.storageProblem,
    now: ctx.clock.now().toISOString(),
  }),
  'setup.create': (ctx, input) => createSetting(ctx, input),
  'kiosk.config': (ctx) => ({ ...kioskConfig(ctx), logoDataUrl: logoDataUrl(ctx) }),
  'visitor.findReturning': (ctx, input) => findReturning(ctx, input),
  'visitor.returningStatus': (ctx, input) => returningStatus(ctx, input),
  'visit.signInNew': (ctx, input) => signInNew(ctx, input),
  'visit.signInReturning': (ctx, input) => signInReturning(ctx, input),
  'visit.findOnSite': (ctx, input) => findOnSite(ctx, input),
  'visit.signOut': (ctx, input) => signOut(ctx, input),
  'staff.listForUnlock': (ctx) => listForUnlock(ctx),
  'staff.unlock': (ctx, input) => unlock(ctx, ctx.sessions, ctx.sessionKey, input),
  'staff.lock': (ctx) => lock(ctx, ctx.sessions, ctx.sessionKey),
  'staff.session': (ctx) => {
    const session = ctx.sessions.peek(ctx.sessionKey);
    return { session: session && sessionInfo(session) };
  },
  'visit.onSite': (ctx) => onSite(ctx),
  'custody.pendingHandovers': (ctx) => pendingHandovers(ctx),
  'staff.changeOwnPin': (ctx, input) => changeOwnPin(ctx, ctx.sessions, input),
  'settings.get': (ctx) => getSettings(ctx),
  'settings.update': (ctx, input) => updateSettings(ctx, input),
  'audit.verify': async (ctx) => {
    const { ok, checked, firstBrokenId, problems } = await ctx.auditTrail.check(newestBackupAnchors(ctx));
    return { ok, checked, firstBrokenId, problems };
  },
  'audit.list': (ctx, input) => auditEntries(ctx, input),
  'audit.checkMark': (ctx, input) => ctx.auditTrail.checkMark(input),
  'endOfDay.report': (ctx) => ({ ...endOfDayReport(ctx), auditMark: ctx.auditTrail.mark() }),
  'visit.overrideSignOut': (ctx, input) => overrideSignOut(ctx, input),
  'custody.log': (ctx, input) => outputReceipt(ctx, logItems(ctx, input).receiptId),
  'custody.markNotHandedIn': (ctx, input) => markNotHandedIn(ctx, input),
  'custody.findReceipt': (ctx, input) => findReceipt(ctx, input),
  'custody.searchByOwner': (ctx, input) => searchByOwner(ctx, input),
  'custody.return': (ctx, input) => returnItems(ctx, input),
  'custody.handOn': (ctx, input) => handOn(ctx, input),
  'custody.correct': (ctx, input) => correctItem(ctx, input),
  'custody.inSafe': (ctx) => inSafe(ctx),
  'custody.reprint': (ctx, input) => outputReceipt(ctx, input.receiptId, input.layout),
  'custody.markGivenByHand': (ctx, input) => markGivenByHand(ctx, input),
  'printers.list': async () => ({ printers: await listPrinters() }),
  'settings.setLogo': (ctx, input) => setLogo(ctx, input.dataBase64),
  'concern.raise': (ctx, input) => raiseConcern(ctx, input),
  'concern.list': (ctx) => listVisibleConcerns(ctx),
  'concern.review': (ctx, input) => reviewConcern(ctx, input),
  'policy.get': (ctx) => policyDetail(ctx),
  'policy.publish': (ctx, input) => publishPolicy(ctx, input),
  'policy.recordReview': (ctx, input) => recordPolicyReview(ctx, input),
  'app.reminders': (ctx) => ({
    reminders: [...storageReminders(ctx.health), ...jobReminders(ctx.health), ...auditReminders(ctx, ctx.auditTrail.problems), ...reminders(ctx).reminders],
  }),
  'staff.list': (ctx) => listStaffAccounts(ctx),
  'staff.create': (ctx, input) => createStaffAccount(ctx, input),
  'staff.update': (ctx, input) => updateStaffAccount(ctx, ctx.sessions, input),
  'staff.resetPin': (ctx, input) => resetStaffPin(ctx, ctx.sessions, input),
  'staff.unlockAccount': (ctx, input) => unlockStaffAccount(ctx, input),
  'staff.deactivate': (ctx, input) => deactivateStaffAccount(ctx, ctx.sessions, input),
  'exception.approve': (ctx, input) => approveException(ctx, input),
  'exception.revoke': (ctx, input) => revokeExceptionById(ctx, input),
  'exception.list': (ctx, input) => listExceptions(ctx, input),
  'exception.record': (ctx, input) => exceptionRecord(ctx, input.exceptionId),
  'exception.lookup': (ctx, input) => lookupException(ctx, input.code),
  'visit.recordChecks': (ctx, input) => recordChecks(ctx, input),
  'booking.create': (ctx, input) => createBooking(ctx, input),
  'booking.list': (ctx, input) => listBookings(ctx, input),
  'booking.cancel': (ctx, input) => cancelBookingById(ctx, input),
  'booking.invite': (ctx, input) => inviteDocument(ctx, input),
  'invite.lookup': (ctx, input) => lookupInvite(ctx, input),
  'visit.signInWithInvite': (ctx, input) => signInWithInvite(ctx, input),
  'rollcall.print': (ctx) => printRollCall(ctx),
  'rollcall.save': (ctx, input) => saveRollCall(ctx, input),
  'visit.signOutByBadge': (ctx, input) => signOutByBadge(ctx, input.code),
  'badge.print': (ctx, input) => printBadgeByCode(ctx, input.code),
  'badge.reprint': (ctx, input) => reprintBadge(ctx, input.visitId),
  'report.get': (ctx, input) => getReport(ctx, input),
  'report.export': (ctx, input) => exportReport(ctx, input),
  'person.search': (ctx, input) => searchPeople(ctx, input.name),
  'person.export': (ctx, input) => exportPerson(ctx, input.visitorId),
  'retention.runNow': (ctx) => purgeExpired(ctx),
  'backup.now': (ctx) => backupNow(ctx),
  'backup.list': (ctx) => listBackups(ctx),
  'backup.restore': async (ctx, input) => {
    const result = await restoreBackup(ctx, input);
    ctx.health.databaseProblem = null;
    ctx.health.restores += 1;
    return result;
  },
};
