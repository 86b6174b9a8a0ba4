import type { ParsedInput, SettingsView } from '../../../shared/contract/index.js';
import { audit, nowIso, type ServiceContext } from '../../core/context.js';
import { checkWritableFolder } from './backups.js';
import { CommandError } from '../../core/command-error.js';
import { readSetting, saveSetting, type SettingKey } from './settings-store.js';

export async function getSettings(ctx: Pick<ServiceContext, 'db'>): Promise<SettingsView> {
  return {
    settingName: await readSetting(ctx.db, 'setting.name') ?? '',
    settingKind: await readSetting(ctx.db, 'setting.kind'),
    idleSeconds: await readSetting(ctx.db, 'kiosk.idleSeconds'),
    consoleLockSeconds: await readSetting(ctx.db, 'console.lockSeconds'),
    reacknowledge: await readSetting(ctx.db, 'kiosk.reacknowledge'),
    receiptPrinter: await readSetting(ctx.db, 'printing.receiptPrinter'),
    receiptLayout: await readSetting(ctx.db, 'printing.receiptLayout'),
    endOfDay: await readSetting(ctx.db, 'day.endTime'),
    backupFolder: await readSetting(ctx.db, 'backup.folder'),
    backupKeep: await readSetting(ctx.db, 'backup.keep'),
    backupDaily: await readSetting(ctx.db, 'backup.daily'),
    lastBackupAt: await readSetting(ctx.db, 'backup.lastAt'),
    autoSignOut: await readSetting(ctx.db, 'day.autoSignOut'),
    a4Printer: await readSetting(ctx.db, 'printing.a4Printer'),
    retentionYears: await readSetting(ctx.db, 'retention.years'),
    addressLine: await readSetting(ctx.db, 'setting.address'),
    hasLogo: await readSetting(ctx.db, 'setting.logoFile') !== null,
    badgeEnabled: await readSetting(ctx.db, 'badge.enabled'),
    badgePrinter: await readSetting(ctx.db, 'badge.printer'),
    badgeLayout: await readSetting(ctx.db, 'badge.layout'),
    staffPhonesInSafe: await readSetting(ctx.db, 'staff.phonesInSafe'),
    askForSignature: await readSetting(ctx.db, 'kiosk.askForSignature'),
    lossAndDamage: await readSetting(ctx.db, 'custody.lossAndDamage'),
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

export function updateSettings(ctx: ServiceContext, input: ParsedInput<'settings.update'>): Promise<SettingsView> {
  return ctx.db.transaction(async () => {
    if (input.backupFolder) {
      const problem = checkWritableFolder(input.backupFolder);
      if (problem) throw new CommandError('invalid_input', problem, { backupFolder: problem });
    }
    const before = await getSettings(ctx);
    const at = nowIso(ctx);
    for (const field of Object.keys(STORED_AS) as Editable[]) {
      const value = input[field];
      // saveSetting checks the value against the setting's own schema as well.
      if (value !== undefined) await saveSetting(ctx.db, STORED_AS[field], value as never, at);
    }
    const after = await getSettings(ctx);
    await audit(ctx, 'settings.update', 'settings', null, { before, after });
    return after;
  });
}
