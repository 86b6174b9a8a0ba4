import type { ParsedInput, SettingsView } from '../../../shared/contract/index.js';
import { inTransaction } from '../../db/connection.js';
import { audit, nowIso, type ServiceContext } from '../../core/context.js';
import { checkWritableFolder } from './backups.js';
import { CommandError } from '../../core/command-error.js';
import { readSetting, saveSetting, type SettingKey } from './settings-store.js';

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
    staffPhonesInSafe: readSetting(ctx.db, 'staff.phonesInSafe'),
    askForSignature: readSetting(ctx.db, 'kiosk.askForSignature'),
    lossAndDamage: readSetting(ctx.db, 'custody.lossAndDamage'),
  };
}

type Editable = keyof ParsedInput<'settings.update'>;

/** Where each editable field is kept. Adding a field to settings.update without a home here fails tsc. */
const STORED_AS: Record<Editable, SettingKey> = {
  idleSeconds: 'kiosk.idleSeconds',
  consoleLockSeconds: 'console.lockSeconds',
  reacknowledge: 'kiosk.reacknowledge',
  // A blank printer name means "no receipt printer": the PDF is still made and offered on screen.
  receiptPrinter: 'printing.receiptPrinter',
  receiptLayout: 'printing.receiptLayout',
  endOfDay: 'day.endTime',
  backupFolder: 'backup.folder',
  backupKeep: 'backup.keep',
  backupDaily: 'backup.daily',
  autoSignOut: 'day.autoSignOut',
  a4Printer: 'printing.a4Printer',
  retentionYears: 'retention.years',
  settingName: 'setting.name',
  settingKind: 'setting.kind',
  addressLine: 'setting.address',
  badgeEnabled: 'badge.enabled',
  badgePrinter: 'badge.printer',
  badgeLayout: 'badge.layout',
  staffPhonesInSafe: 'staff.phonesInSafe',
  askForSignature: 'kiosk.askForSignature',
  lossAndDamage: 'custody.lossAndDamage',
};

export function updateSettings(ctx: ServiceContext, input: ParsedInput<'settings.update'>): SettingsView {
  return inTransaction(ctx.db, () => {
    if (input.backupFolder) {
      const problem = checkWritableFolder(input.backupFolder);
      if (problem) throw new CommandError('invalid_input', problem, { backupFolder: problem });
    }
    const before = getSettings(ctx);
    const at = nowIso(ctx);
    for (const field of Object.keys(STORED_AS) as Editable[]) {
      const value = input[field];
      // saveSetting checks the value against the setting's own schema as well.
      if (value !== undefined) saveSetting(ctx.db, STORED_AS[field], value as never, at);
    }
    const after = getSettings(ctx);
    audit(ctx, 'settings.update', 'settings', null, { before, after });
    return after;
  });
}
