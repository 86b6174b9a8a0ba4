import type { CommandInput, HeldPupilDevice } from '../../shared/contract/index.js';
import type { IdentityCheck, Relationship } from '../../shared/domain/confiscation.js';
import { heldPastEndOfDay } from '../../shared/domain/custody.js';
import { problemsWith } from '../lib/contract-check.js';

/** The "Release to a parent or carer" dialog as the office fills it in. */
export interface ReleaseDraft {
  /** The devices going now: all of the pupil's confiscated ones at first. */
  itemIds: number[];
  parentName: string;
  relationship: Relationship | null;
  relationshipOther: string;
  identityCheck: IdentityCheck | null;
  identityNote: string;
  note: string;
  /** Before the end of the day: the DSL or head who agrees, their PIN and why. */
  earlyBy: number | null;
  earlyPin: string;
  earlyReason: string;
}

export function newReleaseDraft(held: HeldPupilDevice): ReleaseDraft {
  return {
    itemIds: held.items.map((i) => i.itemId), parentName: '', relationship: null, relationshipOther: '', identityCheck: null,
    identityNote: '', note: '', earlyBy: null, earlyPin: '', earlyReason: '',
  };
}

/**
 * Whether the devices chosen are still within the school day they were confiscated on, by the host's own
 * rule, at `at`: then the DSL or the headteacher must agree. Main judges again by its clock when it is sent.
 */
export function releaseIsEarly(held: HeldPupilDevice, itemIds: readonly number[], endOfDay: string | null, at: Date): boolean {
  if (endOfDay === null) return false;
  const now = at.toISOString();
  return held.items.some((i) => itemIds.includes(i.itemId) && !heldPastEndOfDay(i.loggedAt, now, endOfDay));
}

type ReleaseInput = CommandInput<'learner.releaseConfiscated'>;

/** The draft as learner.releaseConfiscated takes it; what is not chosen goes as missing, for the contract to name. */
export function releaseInput(held: HeldPupilDevice, d: ReleaseDraft, early: boolean): ReleaseInput {
  return {
    receiptId: held.receiptId,
    itemIds: d.itemIds,
    parentName: d.parentName,
    relationship: (d.relationship ?? undefined) as Relationship,
    relationshipOther: d.relationship === 'other' ? d.relationshipOther : null,
    identityCheck: (d.identityCheck ?? undefined) as IdentityCheck,
    identityNote: d.identityCheck === 'other' ? d.identityNote : null,
    note: d.note,
    early: early ? { staffId: d.earlyBy as number, pin: d.earlyPin, reason: d.earlyReason } : null,
  };
}

/** What main would say of the draft now, by field ("early.pin" is the PIN box). */
export function checkRelease(held: HeldPupilDevice, d: ReleaseDraft, early: boolean): Record<string, string> {
  return problemsWith('learner.releaseConfiscated', releaseInput(held, d, early));
}

/** The "Hand to the police" dialog as the DSL or head fills it in. */
export interface PoliceDraft {
  itemIds: number[];
  officerName: string;
  officerNumber: string;
  policeForce: string;
  policeReference: string;
  note: string;
}

export function newPoliceDraft(held: HeldPupilDevice): PoliceDraft {
  return { itemIds: held.items.map((i) => i.itemId), officerName: '', officerNumber: '', policeForce: '', policeReference: '', note: '' };
}

export function policeInput(held: HeldPupilDevice, d: PoliceDraft): CommandInput<'learner.handToPolice'> {
  return { receiptId: held.receiptId, ...d };
}
