import type { BackupFile, RollCallRecord, SettingsView, StaffAccount, StaffSessionInfo } from '../../src/shared/contract/index.js';
import type { FakeHandlers } from './fake-api.js';
import { session, unlockedConsole } from './console-fixtures.js';
import { DEFAULT_LOSS_AND_DAMAGE } from '../../src/shared/domain/loss-and-damage.js';

/** Shared by the roll call, end-of-day and admin tests. */

export const adminSession: StaffSessionInfo = { ...session, staffId: 1, displayName: 'Priya Shah', roles: ['office', 'dsl', 'admin'] };

/** A console unlocked by an administrator (Priya), with Amira and Tom on site. */
export function adminConsole(overrides: FakeHandlers = {}): FakeHandlers {
  return unlockedConsole({ 'staff.session': () => ({ session: adminSession }), ...overrides });
}

export function rollCallRecord(overrides: Partial<RollCallRecord> = {}): RollCallRecord {
  return { rollCallId: 5, takenAt: '2026-11-22T10:15:00.000Z', takenBy: 'Sam Holt', onSite: 2, accounted: 1, missing: [], missingStaff: [], notSaved: null, ...overrides };
}

export const settingsView: SettingsView = {
  settingName: 'Oak Tree Primary', settingKind: 'school', idleSeconds: 90, consoleLockSeconds: 300, reacknowledge: 'on_change',
  receiptPrinter: null, receiptLayout: 'roll80', endOfDay: '17:30', backupFolder: null, backupKeep: 14, backupDaily: true,
  lastBackupAt: '2026-11-21T18:00:00.000Z', autoSignOut: false, a4Printer: null, retentionYears: 6, addressLine: null, hasLogo: false, badgeEnabled: false, badgePrinter: null, badgeLayout: 'dymo_2_25x4', staffPhonesInSafe: false, askForSignature: false,
  lossAndDamage: DEFAULT_LOSS_AND_DAMAGE,
};

export const backups: BackupFile[] = [
  { file: '/data/backups/safe-hands-20261122-090000.db', fileName: 'safe-hands-20261122-090000.db', takenAt: '2026-11-22T09:00:00.000Z', sizeBytes: 2_516_582 },
  { file: '/data/backups/safe-hands-20261121-180000.db', fileName: 'safe-hands-20261121-180000.db', takenAt: '2026-11-21T18:00:00.000Z', sizeBytes: 2_411_724 },
];

export const staffAccounts: StaffAccount[] = [
  { staffId: 1, displayName: 'Priya Shah', roles: ['office', 'dsl', 'admin'], active: true, lockedUntil: null, badgeIssuedAt: null, signedInSince: null },
  { staffId: 2, displayName: 'Sam Holt', roles: ['office'], active: true, lockedUntil: '2099-11-22T10:30:00.000Z', badgeIssuedAt: null, signedInSince: null },
  { staffId: 3, displayName: 'Jo Leaver', roles: ['office'], active: false, lockedUntil: null, badgeIssuedAt: null, signedInSince: null },
];

