import type { DeviceKind } from './devices.js';
import { searchKey } from './names.js';

/**
 * Pupils' devices (school policy, learners' section): a child may bring a device into school only with the
 * headteacher's prior agreement. An agreement names the pupil as the office writes them (one box, any
 * script), the device, why it is needed and for how long; it is ended early with a reason, never deleted.
 */

/**
 * Where an agreement stands on a given day. `in_force` from its first day to its last, inclusive;
 * `not_started` before; `ended` once someone ended it early; `expired` after its last day.
 */
export type AgreementState = 'in_force' | 'not_started' | 'ended' | 'expired';

export interface AgreementView {
  agreementId: number;
  pupilName: string;
  classGroup: string;
  deviceKind: DeviceKind;
  deviceDescription: string;
  /** Why the pupil needs it ("walks home alone"). */
  reason: string;
  conditions: string | null;
  /** Calendar days (YYYY-MM-DD), both included. */
  validFrom: string;
  validUntil: string;
  /** The headteacher or leader who agreed, having typed their own PIN. */
  agreedBy: string;
  recordedAt: string;
  recordedBy: string;
  ended: { at: string; by: string; reason: string } | null;
  state: AgreementState;
}

/** Whether an agreement is in force on `today` (a UK calendar day, YYYY-MM-DD). */
export function agreementState(a: { validFrom: string; validUntil: string; ended: unknown }, today: string): AgreementState {
  if (a.ended !== null) return 'ended';
  if (today < a.validFrom) return 'not_started';
  if (today > a.validUntil) return 'expired';
  return 'in_force';
}

/** Current agreements (in force or still to start) are the ones the office acts on; the rest are history. */
export function isCurrent(state: AgreementState): boolean {
  return state === 'in_force' || state === 'not_started';
}

/**
 * What a pupil's name is matched by at hand-in: each word folded as a surname search folds it (case,
 * accents, apostrophes and hyphens do not matter), in alphabetical order, so "Amy O'Brien", "obrien amy"
 * and "AMY OBRIEN" are one pupil, and 王芳 is found by 王芳. The whole name must match: a first name alone
 * would find another child's agreement, and saying a device is allowed when it is not is the worse mistake.
 */
export function pupilKey(name: string): string {
  return name
    .normalize('NFC')
    .split(/\s+/u)
    .map(searchKey)
    .filter((w) => w !== '')
    .sort()
    .join(' ');
}

/**
 * A pupil's device in exceptional circumstances (medical monitoring, say): approved by the headteacher or
 * the DSL, then put in writing and signed by the pupil and a parent or carer. Until it is signed it is not
 * in force (`awaiting_signatures`), whatever its days; otherwise it runs as an agreement does.
 */
export type LearnerExceptionState = 'awaiting_signatures' | AgreementState;

export interface LearnerExceptionView {
  exceptionId: number;
  pupilName: string;
  classGroup: string;
  deviceKind: DeviceKind;
  deviceDescription: string;
  /** Why the pupil needs it ("monitors her blood glucose"). */
  reason: string;
  permittedUse: string;
  /** What is expected of the pupil (where the device is kept, who they tell). */
  expectations: string;
  /** What happens if the device is misused. */
  sanctions: string;
  /** Calendar days (YYYY-MM-DD), both included. */
  validFrom: string;
  validUntil: string;
  /** The headteacher or DSL who approved, having typed their own PIN. */
  approvedBy: string;
  recordedAt: string;
  recordedBy: string;
  /** The written agreement as signed: the day, the pupil's and the parent's or carer's names as they signed. */
  signed: { on: string; learnerName: string; parentName: string; parentRelationship: string; recordedAt: string; recordedBy: string } | null;
  ended: { at: string; by: string; reason: string } | null;
  state: LearnerExceptionState;
}

/** Where an exception stands on `today` (a UK calendar day): ended and expired first, then unsigned, then by its days. */
export function learnerExceptionState(e: { validFrom: string; validUntil: string; signed: unknown; ended: unknown }, today: string): LearnerExceptionState {
  if (e.ended !== null) return 'ended';
  if (today > e.validUntil) return 'expired';
  if (e.signed === null) return 'awaiting_signatures';
  return today < e.validFrom ? 'not_started' : 'in_force';
}

/** What the form offers for the sanctions, to be changed as the school sees fit. */
export const DEFAULT_EXCEPTION_SANCTIONS =
  'If the device is used for anything other than the permitted use, staff may keep it at the school office until the end '
  + 'of the day, the school will speak to the pupil and a parent or carer, the exception may be ended, and the behaviour '
  + 'policy will apply. Any medical need the device meets will still be met while it is kept.';
