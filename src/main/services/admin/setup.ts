import type { ParsedInput } from '../../../shared/contract/index.js';
import { insertPolicyVersion } from '../../db/repositories/policy-repo.js';
import { readSettingRawAndStaffCount } from '../../db/repositories/settings-repo.js';
import { insertStaff } from '../../db/repositories/staff-repo.js';
import { CommandError } from '../../core/command-error.js';
import { audit, nowIso, type ServiceContext } from '../../core/context.js';
import type { AdminOutputs } from '../../../shared/contract/admin.js';
import { listPrinters } from '../../printing/list-printers.js';
import { allDefaultExpectations, loadDefaultExpectations } from '../safeguarding/expectations-templates.js';
import type { PinContext } from '../staff/pin-pepper.js';
import { saveSetting, settingFromRaw } from './settings-store.js';

/** A setting name and at least one staff account; both read in one statement, since every kiosk command asks. */
export async function isSetUp(ctx: Pick<ServiceContext, 'db'>): Promise<boolean> {
  const { raw, staffCount } = await readSettingRawAndStaffCount(ctx.db, 'setting.name');
  return settingFromRaw('setting.name', raw) !== null && staffCount > 0;
}

export async function requireSetUp(ctx: Pick<ServiceContext, 'db'>): Promise<void> {
  if (!await isSetUp(ctx)) throw new CommandError('not_set_up', 'This kiosk has not been set up yet. Ask the office to finish the first-run setup.');
}

const ALREADY_SET_UP = 'This kiosk is already set up. An administrator can change its settings in the staff console.';

async function refuseIfSetUp(ctx: Pick<ServiceContext, 'db'>): Promise<void> {
  if (await isSetUp(ctx)) throw new CommandError('already_set_up', ALREADY_SET_UP);
}

/**
 * What the setup screen offers before anything is saved: the default expectations to start from (to read
 * and edit there) and this PC's printers. Anyone at the kiosk may ask, so only while nothing is set up.
 */
export async function setupDefaults(ctx: Pick<ServiceContext, 'db'>): Promise<AdminOutputs['setup.defaults']> {
  await refuseIfSetUp(ctx);
  return { expectations: allDefaultExpectations(), printers: await listPrinters() };
}

/** One year on from `iso`, the default review date for an expectations text. */
export function oneYearOn(iso: string): string {
  const d = new Date(iso);
  d.setUTCFullYear(d.getUTCFullYear() + 1);
  return d.toISOString();
}

/**
 * First run: the setting, its first administrator (also the DSL until another is added) and the first
 * version of the expectations, all or nothing.
 */
export async function createSetting(ctx: PinContext, input: ParsedInput<'setup.create'>): Promise<{ staffId: number }> {
  // The text as edited on the setup screen, or the template as shipped.
  const template = input.expectations ?? loadDefaultExpectations(input.expectationsTemplate);
  const notYetSetUp = () => refuseIfSetUp(ctx);
  // Before the slow hash as well: anyone at the kiosk can send this, and refusing it should cost nothing.
  await notYetSetUp();
  const pinHash = await ctx.pins.hash(input.pin);
  return ctx.db.transaction(async () => {
    // Again: another screen may have finished the setup while this PIN was hashed.
    await notYetSetUp();
    const at = nowIso(ctx);
    const staffId = await insertStaff(ctx.db, { displayName: input.adminName, pinHash, roles: ['office', 'dsl', 'admin'], createdAt: at });
    await saveSetting(ctx.db, 'setting.name', input.settingName, at);
    await saveSetting(ctx.db, 'setting.kind', input.settingKind, at);
    if (input.receiptPrinter) await saveSetting(ctx.db, 'printing.receiptPrinter', input.receiptPrinter, at);
    const policy = await insertPolicyVersion(ctx.db, { ...template, reviewDue: oneYearOn(at), createdAt: at, createdBy: staffId });
    const actor = { staffId, label: input.adminName, roles: ['office', 'dsl', 'admin'] as const };
    const setupCtx = { ...ctx, actor };
    await audit(setupCtx, 'setup.create', 'setting', null, { settingName: input.settingName, settingKind: input.settingKind });
    await audit(setupCtx, 'staff.create', 'staff', staffId, { displayName: input.adminName, roles: ['office', 'dsl', 'admin'] });
    await audit(setupCtx, 'policy.create', 'policy_version', policy.id, {
      version: policy.version, template: input.expectationsTemplate, editedAtSetup: Boolean(input.expectations),
    });
    return { staffId };
  });
}
