import type { CommandInput, HeldPupilDevice } from '../../shared/contract/index.js';
import type { CustodyItemView } from '../../shared/domain/custody.js';
import { DEVICE_KIND_LABELS, type DeviceKind } from '../../shared/domain/devices.js';
import { pupilKey, type AgreementView } from '../../shared/domain/learners.js';
import { searchKey } from '../../shared/domain/names.js';
import { problemsWith } from '../lib/contract-check.js';

/**
 * The morning queue on the Pupils' devices page, as the office fills it in for one pupil: the name, the
 * devices ticked (from the pupil's agreements in force, or another one described here) and the bag.
 */
export interface ArrivalDraft {
  name: string;
  /** Agreements in force whose device is being handed in. */
  ticked: number[];
  /** Another device, with no agreement in force, ticked as well (or alone); always so when none is in force. */
  other: boolean;
  otherKind: DeviceKind | '';
  otherDescription: string;
  /** Asked only when no agreement is ticked: an agreement names the class itself. */
  classGroup: string;
  bagSlot: string;
}

export type ArrivalField = 'name' | 'devices' | 'otherKind' | 'otherDescription' | 'classGroup' | 'bagSlot';

export function newArrivalDraft(): ArrivalDraft {
  return { name: '', ticked: [], other: false, otherKind: '', otherDescription: '', classGroup: '', bagSlot: '' };
}

type LogInput = CommandInput<'custody.log'>;

/** One pupil per receipt: the agreements ticked must be one child's, not two children who share a name. */
function onePupil(agreements: readonly AgreementView[]): boolean {
  const first = agreements[0];
  if (!first) return true;
  return agreements.every((a) => pupilKey(a.pupilName) === pupilKey(first.pupilName) && searchKey(a.classGroup) === searchKey(first.classGroup));
}

/**
 * What custody.log is sent for this pupil, or the problems to show by the boxes (by this form's field names).
 * With an agreement ticked, the receipt names the pupil and class as the agreement does, however the name
 * was typed ("amy  o'brien" is logged as Amy O'Brien, 6B); otherwise as typed.
 */
export function arrivalInput(
  d: ArrivalDraft,
  inForce: readonly AgreementView[],
): { input: LogInput | null; fields: Partial<Record<ArrivalField, string>>; agreedCount: number } {
  const agreed = inForce.filter((a) => d.ticked.includes(a.agreementId));
  // With no agreement in force there is nothing to tick: the device is described instead.
  const other = d.other || inForce.length === 0;
  const agreedCount = agreed.length;
  if (agreedCount === 0 && !other) return { input: null, fields: { devices: 'Tick the device being handed in.' }, agreedCount };
  if (!onePupil(agreed)) {
    const who = agreed.map((a) => `${a.pupilName}, ${a.classGroup}`).join(' and ');
    return { input: null, fields: { devices: `These devices are agreed for different pupils (${who}). Tick one pupil's devices, log them, then the other's.` }, agreedCount };
  }
  const bagSlot = d.bagSlot.trim();
  const items: LogInput['items'] = agreed.map((a) => ({ kind: a.deviceKind, description: a.deviceDescription, marks: null, bagSlot }));
  if (other) {
    items.push({ kind: (d.otherKind || undefined) as DeviceKind, description: d.otherDescription.trim() || null, marks: null, bagSlot });
  }
  const first = agreed[0];
  const input: LogInput = {
    owner: {
      type: 'learner',
      name: first ? first.pupilName : d.name.trim(),
      group: first ? first.classGroup : d.classGroup.trim() || null,
      reason: 'learner_day',
      confiscationReason: null,
    },
    items,
  };
  const fields = arrivalFields(problemsWith('custody.log', input), agreedCount);
  return Object.keys(fields).length > 0 ? { input: null, fields, agreedCount } : { input, fields: {}, agreedCount };
}

/** Main's field paths ("owner.name", "items.1.kind") as this form's boxes; the extra device comes after the agreed ones. */
export function arrivalFields(paths: Record<string, string>, agreedCount: number): Partial<Record<ArrivalField, string>> {
  const out: Partial<Record<ArrivalField, string>> = {};
  for (const [path, message] of Object.entries(paths)) {
    const item = /^items\.(\d+)\.(\w+)$/.exec(path);
    let field: ArrivalField;
    if (path === 'owner.name') field = 'name';
    else if (path === 'owner.group') field = 'classGroup';
    else if (item?.[2] === 'bagSlot') field = 'bagSlot';
    else if (item && Number(item[1]) >= agreedCount) field = item[2] === 'kind' ? 'otherKind' : 'otherDescription';
    else field = 'devices';
    out[field] ??= message;
  }
  return out;
}

/** "Phone: Red Nokia" or "Phone" for one item; the list of them for a receipt, joined with "and". */
export function itemWords(item: Pick<CustodyItemView, 'kind' | 'description'>): string {
  const kind = DEVICE_KIND_LABELS[item.kind];
  return item.description ? `${kind}: ${item.description}` : kind;
}

/** "phone", "phone and smart watch": what was handed in or given back, in a sentence. */
export function kindsWords(items: readonly Pick<CustodyItemView, 'kind'>[]): string {
  const kinds = items.map((i) => DEVICE_KIND_LABELS[i.kind].toLowerCase());
  if (kinds.length <= 1) return kinds[0] ?? 'device';
  return `${kinds.slice(0, -1).join(', ')} and ${kinds[kinds.length - 1]}`;
}

/** The pupil and class as a list shows them: "Amy O'Brien, 6B". */
export function pupilWords(h: Pick<HeldPupilDevice, 'pupilName' | 'classGroup'>): string {
  return h.classGroup ? `${h.pupilName}, ${h.classGroup}` : h.pupilName;
}

/** Devices already in the safe for the day under this name (a second hand-in by mistake, or yesterday's not collected). */
export function alreadyHeld(name: string, held: readonly HeldPupilDevice[]): HeldPupilDevice[] {
  const key = pupilKey(name);
  return key === '' ? [] : held.filter((h) => pupilKey(h.pupilName) === key);
}
