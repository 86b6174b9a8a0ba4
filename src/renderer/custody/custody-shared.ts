import { commandSchemas, type CommandInput, type ReceiptView } from '../../shared/contract/index.js';
import type { CustodyItemView } from '../../shared/domain/custody.js';
import { DEVICE_KIND_LABELS, type DeviceKind } from '../../shared/domain/devices.js';
import { fieldProblems } from '../../shared/invalid-input.js';
import { invoke } from '../api.js';
import { handleFailure } from '../lib/action-result.js';

/** One item row of a logging form, as staff type it. */
export interface ItemDraft {
  /** A stable key for the row, so removing one does not move what is typed in the others. */
  key: number;
  kind: DeviceKind | '';
  description: string;
  marks: string;
  bagSlot: string;
}

export type ItemField = 'kind' | 'description' | 'marks' | 'bagSlot';

let nextKey = 1;

export function newItem(kind: DeviceKind | '' = '', bagSlot = ''): ItemDraft {
  return { key: nextKey++, kind, description: '', marks: '', bagSlot };
}

/** The devices a visitor declared at the kiosk, one row per device ("2 phones" is two rows). */
export function draftsFromDevices(devices: readonly { kind: DeviceKind; quantity: number }[]): ItemDraft[] {
  return devices.flatMap((d) => Array.from({ length: d.quantity }, () => newItem(d.kind)));
}

type ItemInput = CommandInput<'custody.log'>['items'][number];

/** Blank optional text is sent as null: "not given", not an empty description. */
export function toItemInput(draft: ItemDraft): ItemInput {
  return {
    kind: draft.kind as ItemInput['kind'],
    description: draft.description.trim() || null,
    marks: draft.marks.trim() || null,
    bagSlot: draft.bagSlot.trim(),
  };
}

/** The items part of custody.log: the form checks its rows by the contract's own rule, with its wording. */
const itemsRule = commandSchemas['custody.log'].input.pick({ items: true });

/** What main would say about the rows, said before asking it: keyed "items.0.bagSlot", or "items" for the list. */
export function checkItems(items: readonly ItemDraft[]): Record<string, string> {
  return fieldProblems(itemsRule, { items: items.map(toItemInput) });
}

/** Drops every "items.N…" message: after a row is added or removed, the numbers no longer line up. */
export function withoutItemFields(fields: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).filter(([k]) => !k.startsWith('items.')));
}

/** What staff type to correct an item: its details as they should have been logged, and why. */
export interface CorrectionDraft {
  description: string;
  marks: string;
  bagSlot: string;
  reason: string;
}

export type CorrectionResult =
  | { ok: true; receipt: ReceiptView }
  | { ok: false; message: string; fields: Record<string, string> };

/** "Details of the smart watch corrected.": what a panel says once a correction is saved. */
export function correctedLine(item: CustodyItemView): string {
  return `Details of the ${DEVICE_KIND_LABELS[item.kind].toLowerCase()} corrected.`;
}

export const NOTHING_CHANGED = 'Nothing has changed. Change a detail, or cancel.';

/**
 * Sends a correction of an item's logged details. Main keeps the original as it was and stores the
 * correction beside it; what comes back is the receipt with the corrected details showing.
 */
export async function correctItem(item: CustodyItemView, draft: CorrectionDraft): Promise<CorrectionResult> {
  const description = draft.description.trim() || null;
  const marks = draft.marks.trim() || null;
  const bagSlot = draft.bagSlot.trim();
  const reason = draft.reason.trim();
  const input = { itemId: item.itemId, description, marks, bagSlot, reason };
  const fields = fieldProblems(commandSchemas['custody.correct'].input, input);
  const problems = Object.values(fields);
  // One problem is said once, under its box; more than one are also summed up at the top.
  if (problems.length > 0) {
    return { ok: false, message: problems.length === 1 ? problems[0]! : 'Please check the answers marked below.', fields };
  }
  if (description === item.description && marks === item.marks && bagSlot === item.bagSlot) {
    return { ok: false, message: NOTHING_CHANGED, fields: {} };
  }
  const r = await invoke('custody.correct', input);
  if (!r.ok) {
    const { message, fields: serverFields } = handleFailure(r.error);
    return { ok: false, message, fields: serverFields };
  }
  return { ok: true, receipt: r.value };
}
