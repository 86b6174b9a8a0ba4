import type { ParsedInput, SettingsView } from '../../shared/contract.js';
import { inTransaction } from '../db/connection.js';
import { audit, nowIso, type ServiceContext } from './context.js';
import { readSetting, saveSetting } from './settings-store.js';

export function getSettings(ctx: ServiceContext): SettingsView {
  return {
    settingName: readSetting(ctx.db, 'setting.name') ?? '',
    settingKind: readSetting(ctx.db, 'setting.kind'),
    idleSeconds: readSetting(ctx.db, 'kiosk.idleSeconds'),
    consoleLockSeconds: readSetting(ctx.db, 'console.lockSeconds'),
    reacknowledge: readSetting(ctx.db, 'kiosk.reacknowledge'),
    receiptPrinter: readSetting(ctx.db, 'printing.receiptPrinter'),
    receiptLayout: readSetting(ctx.db, 'printing.receiptLayout'),
    endOfDay: readSetting(ctx.db, 'day.endTime'),
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
    const after = getSettings(ctx);
    audit(ctx, 'settings.update', 'settings', null, { before, after });
    return after;
  });
}
