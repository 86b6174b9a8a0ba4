import { z } from 'zod';
import { BADGE_LAYOUTS, RECEIPT_LAYOUTS } from '../../../shared/contract/index.js';
import { REACK_MODES, SETTING_KINDS } from '../../../shared/domain/setting.js';
import { DEFAULT_LOSS_AND_DAMAGE, MAX_LOSS_AND_DAMAGE } from '../../../shared/domain/loss-and-damage.js';
import type { Storage } from '../../db/storage.js';
import { readSettingRaw, writeSetting } from '../../db/repositories/settings-repo.js';

/**
 * Every setting, its schema and its default. A value damaged on disk (hand-edited, half-restored) is
 * reported and the default used, so one bad row never stops the kiosk.
 */
const SETTINGS = {
  'setting.name': { schema: z.string().min(1).max(120), fallback: null as string | null },
  'setting.kind': { schema: z.enum(SETTING_KINDS), fallback: 'school' as (typeof SETTING_KINDS)[number] },
  'kiosk.idleSeconds': { schema: z.number().int().min(30).max(1800), fallback: 90 },
  'kiosk.reacknowledge': { schema: z.enum(REACK_MODES), fallback: 'on_change' as (typeof REACK_MODES)[number] },
  'console.lockSeconds': { schema: z.number().int().min(60).max(3600), fallback: 300 },
  'printing.receiptPrinter': { schema: z.string().min(1).max(200).nullable(), fallback: null as string | null },
  'printing.receiptLayout': { schema: z.enum(RECEIPT_LAYOUTS), fallback: 'roll80' as (typeof RECEIPT_LAYOUTS)[number] },
  'backup.folder': { schema: z.string().min(1).max(1000).nullable(), fallback: null as string | null },
  'backup.keep': { schema: z.number().int().min(1).max(365), fallback: 14 },
  'backup.daily': { schema: z.boolean(), fallback: true },
  'backup.lastAt': { schema: z.string().nullable(), fallback: null as string | null },
  'health.lastIntegrityCheckAt': { schema: z.string().nullable(), fallback: null as string | null },
  'day.autoSignOut': { schema: z.boolean(), fallback: false },
  'day.lastAutoSignOutDay': { schema: z.string().nullable(), fallback: null as string | null },
  'printing.a4Printer': { schema: z.string().min(1).max(200).nullable(), fallback: null as string | null },
  // Visitors' books and signing-in sheets: the IRMS Toolkit for Schools suggests the current year plus six.
  'retention.years': { schema: z.number().int().min(1).max(25), fallback: 6 },
  'retention.lastRunDay': { schema: z.string().nullable(), fallback: null as string | null },
  'badge.enabled': { schema: z.boolean(), fallback: false },
  'badge.printer': { schema: z.string().min(1).max(200).nullable(), fallback: null as string | null },
  'badge.layout': { schema: z.enum(BADGE_LAYOUTS), fallback: 'dymo_2_25x4' as (typeof BADGE_LAYOUTS)[number] },
  'setting.address': { schema: z.string().min(1).max(200).nullable(), fallback: null as string | null },
  'setting.logoFile': { schema: z.enum(['logo.png', 'logo.jpg']).nullable(), fallback: null as 'logo.png' | 'logo.jpg' | null },
  'day.endTime': { schema: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/), fallback: '17:30' },
  // Nursery §4: staff keep personal phones in the office safe during working hours. Off until a setting says so.
  'staff.phonesInSafe': { schema: z.boolean(), fallback: false },
  // A drawn signature on the expectations screen: neither policy asks for one, so off until a setting wants it.
  'kiosk.askForSignature': { schema: z.boolean(), fallback: false },
  // What the setting accepts for devices in its safe (both policies disclaim the rest): on every receipt.
  'custody.lossAndDamage': { schema: z.string().min(1).max(MAX_LOSS_AND_DAMAGE), fallback: DEFAULT_LOSS_AND_DAMAGE as string },
} as const;

export type SettingKey = keyof typeof SETTINGS;
type SettingValue<K extends SettingKey> = z.output<(typeof SETTINGS)[K]['schema']>;

/**
 * The last stored text each setting was read as and the value it parsed to. Parsing is a pure function of
 * the text, so a read whose text matches skips JSON.parse and the schema (about a microsecond, on every
 * command that checks the setting is set up). The text itself is read from the database every time, so a
 * changed value is never missed; damaged text is never kept, so it is reported on every read as before; and
 * only strings, numbers, booleans and null are kept, so no caller can be handed a shared object.
 */
const lastParsed = new Map<SettingKey, { raw: string; value: unknown }>();

export async function readSetting<K extends SettingKey>(db: Storage, key: K): Promise<SettingValue<K> | (typeof SETTINGS)[K]['fallback']> {
  return settingFromRaw(key, await readSettingRaw(db, key));
}

/** A setting's value from its stored text (undefined when there is none): the default if missing or damaged. */
export function settingFromRaw<K extends SettingKey>(key: K, raw: string | undefined): SettingValue<K> | (typeof SETTINGS)[K]['fallback'] {
  const spec = SETTINGS[key];
  if (raw === undefined) return spec.fallback;
  const known = lastParsed.get(key);
  if (known !== undefined && known.raw === raw) return known.value as SettingValue<K>;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    parsed = undefined;
  }
  const result = spec.schema.safeParse(parsed);
  if (!result.success) {
    console.warn(`Setting ${key} is damaged (${raw.slice(0, 80)}); using the default until an administrator saves it again.`);
    return spec.fallback;
  }
  if (result.data === null || typeof result.data !== 'object') lastParsed.set(key, { raw, value: result.data });
  return result.data as SettingValue<K>;
}

export async function saveSetting<K extends SettingKey>(db: Storage, key: K, value: SettingValue<K>, at: string): Promise<void> {
  await writeSetting(db, key, SETTINGS[key].schema.parse(value), at);
}

/** The kiosk warns this long before it resets; the brief asks for at least 20 seconds. */
export const IDLE_WARNING_SECONDS = 30;
