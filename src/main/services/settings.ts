import type { ParsedInput, SettingsView } from '../../shared/contract.js';
import { inTransaction } from '../db/connection.js';
import { audit, nowIso, type ServiceContext } from './context.js';
import { checkWritableFolder } from './backups.js';
import { CommandError } from './command-error.js';
import { readSetting, saveSetting } from './settings-store.js';

export function getSettings(ctx: Pick<ServiceContext, 'db'>): SettingsView {
  return {
    settingName: readSetting(ctx.db, 'setting.name') ?? '',
    settingKind: readSetting(ctx.db, 'setting.kind'),
    idleSeconds: readSetting(ctx.db, 'kiosk.idleSeconds'),
    consoleLockSeconds: readSetting(ctx.db, 'console.lockSeconds'),
    reacknowledge: readSetting(ctx.db, 'kiosk.reacknowledge'),
    receiptPrinter: readSetting(ctx.db, 'printing.receiptPrinter'),
    receiptLayout: readSetting(ctx.db, 'printing.receiptLayout'),
    endOfDay: readSetting(ctx.db, 'day.endTime'),
    backupFolder: readSetting(ctx.db, 'backup.folder'),
    backupKeep: readSetting(ctx.db, 'backup.keep'),
    backupDaily: readSetting(ctx.db, 'backup.daily'),
    lastBackupAt: readSetting(ctx.db, 'backup.lastAt'),
    autoSignOut: readSetting(ctx.db, 'day.autoSignOut'),
    a4Printer: readSetting(ctx.db, 'printing.a4Printer'),
    retentionYears: readSetting(ctx.db, 'retention.years'),
    addressLine: readSetting(ctx.db, 'setting.address'),
    hasLogo: readSetting(ctx.db, 'setting.logoFile') !== null,
    badgeEnabled: readSetting(ctx.db, 'badge.enabled'),
    badgePrinter: readSetting(ctx.db, 'badge.printer'),
    badgeLayout: readSetting(ctx.db, 'badge.layout'),
  };
}

export function updateSettings(ctx: ServiceContext, input: ParsedInput<'settings.update'>): SettingsView {
  return inTransaction(ctx.db, () => {
    const before = getSettings(ctx);
    const at = nowIso(ctx);
    if (input.idleSeconds !== undefined) saveSetting(ctx.db, 'kiosk.idleSeconds', input.idleSeconds, at);
    if (input.consoleLockSeconds !== undefined) saveSetting(ctx.db, 'console.lockSeconds', input.consoleLockSeconds, at);
    if (input.reacknowledge !== undefined) saveSetting(ctx.db, 'kiosk.reacknowledge', input.reacknowledge, at);
    // A blank printer name means "no receipt printer": the PDF is still made and offered on screen.
    if (input.receiptPrinter !== undefined) saveSetting(ctx.db, 'printing.receiptPrinter', input.receiptPrinter, at);
    if (input.receiptLayout !== undefined) saveSetting(ctx.db, 'printing.receiptLayout', input.receiptLayout, at);
    if (input.endOfDay !== undefined) saveSetting(ctx.db, 'day.endTime', input.endOfDay, at);
    if (input.backupFolder !== undefined) {
      const problem = input.backupFolder === null ? null : checkWritableFolder(input.backupFolder);
      if (problem) throw new CommandError('invalid_input', problem, { backupFolder: problem });
      saveSetting(ctx.db, 'backup.folder', input.backupFolder, at);
    }
    if (input.backupKeep !== undefined) saveSetting(ctx.db, 'backup.keep', input.backupKeep, at);
    if (input.backupDaily !== undefined) saveSetting(ctx.db, 'backup.daily', input.backupDaily, at);
    if (input.autoSignOut !== undefined) saveSetting(ctx.db, 'day.autoSignOut', input.autoSignOut, at);
    if (input.a4Printer !== undefined) saveSetting(ctx.db, 'printing.a4Printer', input.a4Printer, at);
    if (input.retentionYears !== undefined) saveSetting(ctx.db, 'retention.years', input.retentionYears, at);
    if (input.settingName !== undefined) saveSetting(ctx.db, 'setting.name', input.settingName, at);
    if (input.settingKind !== undefined) saveSetting(ctx.db, 'setting.kind', input.settingKind, at);
    if (input.addressLine !== undefined) saveSetting(ctx.db, 'setting.address', input.addressLine, at);
    if (input.badgeEnabled !== undefined) saveSetting(ctx.db, 'badge.enabled', input.badgeEnabled, at);
    if (input.badgePrinter !== undefined) saveSetting(ctx.db, 'badge.printer', input.badgePrinter, at);
    if (input.badgeLayout !== undefined) saveSetting(ctx.db, 'badge.layout', input.badgeLayout, at);
    const after = getSettings(ctx);
    audit(ctx, 'settings.update', 'settings', null, { before, after });
    return after;
  });
}
