import type { CommandInput } from '../../shared/contract/index.js';
import { DEVICE_KIND_LABELS } from '../../shared/domain/devices.js';
import { DEFAULT_EXCEPTION_SANCTIONS, type LearnerExceptionView } from '../../shared/domain/learners.js';
import { formatDate } from '../../shared/domain/time.js';
import { problemsWith } from '../lib/contract-check.js';
import { deciderFields } from '../lib/decider-form.js';
import { dayLabel } from '../lib/uk-clock.js';
import { blankPupilDevice, deviceWords, pupilDeviceInput, type PupilDeviceAnswers } from './pupil-device-model.js';

/** The "Record an exception" form as the office fills it in. */
export interface ExceptionDraft extends PupilDeviceAnswers {
  permittedUse: string;
  expectations: string;
  /** Starts as the suggested text (DEFAULT_EXCEPTION_SANCTIONS), for the school to change. */
  sanctions: string;
  /** Who approved: a DSL or head, who types their own PIN below. */
  approvedBy: number | null;
  pin: string;
}

export type ExceptionField = keyof ExceptionDraft;

export function newExceptionDraft(today: string, approvedBy: number | null): ExceptionDraft {
  return { ...blankPupilDevice(today), permittedUse: '', expectations: '', sanctions: DEFAULT_EXCEPTION_SANCTIONS, approvedBy, pin: '' };
}

/** The form as learner.recordException takes it; what is not chosen yet goes as missing, for the contract to name. */
export function exceptionInput(d: ExceptionDraft): CommandInput<'learner.recordException'> {
  return {
    ...pupilDeviceInput(d),
    permittedUse: d.permittedUse.trim(),
    expectations: d.expectations.trim(),
    sanctions: d.sanctions.trim(),
    approvedBy: { staffId: d.approvedBy as number, pin: d.pin },
  };
}

/** Main's field paths as this form's boxes ("approvedBy.pin" is the PIN box). */
export function exceptionFields(fields: Record<string, string>): Record<string, string> {
  return deciderFields(fields, 'approvedBy');
}

/** What main would say about the form now, by the contract's own rules and words. */
export function checkException(d: ExceptionDraft): Record<string, string> {
  return exceptionFields(problemsWith('learner.recordException', exceptionInput(d)));
}

/** Where an exception stands, in words: the list's tag and the Log items page say it the same way. */
export function exceptionStateWords(e: LearnerExceptionView): string {
  switch (e.state) {
    case 'awaiting_signatures': return 'Not in force: waiting for the signed agreement';
    case 'in_force': return `In force until ${dayLabel(e.validUntil)}`;
    case 'not_started': return `Signed, starts on ${dayLabel(e.validFrom)}`;
    case 'expired': return `Ran out on ${dayLabel(e.validUntil)}`;
    case 'ended': return `Ended on ${formatDate(e.ended!.at)}`;
  }
}

/** "Signed by Maya Patel and Anita Patel (Mother) on Mon, 23 Nov 2026" */
export function signedWords(e: LearnerExceptionView): string | null {
  if (!e.signed) return null;
  return `Signed by ${e.signed.learnerName} and ${e.signed.parentName} (${e.signed.parentRelationship}) on ${dayLabel(e.signed.on)}`;
}

/**
 * What the Log items page adds under a pupil's name when they have an exception that matters today: one in
 * force (they keep that device with them), or one recorded but not in force yet (it is handed in as usual
 * until the signed agreement is back). Ended and expired ones say nothing here: the agreement line covers it.
 */
export function exceptionAtHandIn(exceptions: readonly LearnerExceptionView[]): { inForce: boolean; text: string; detail: string } | null {
  const inForce = exceptions.find((e) => e.state === 'in_force');
  if (inForce) {
    return {
      inForce: true,
      text: `Exception in force until ${dayLabel(inForce.validUntil)}: the pupil may keep their ${DEVICE_KIND_LABELS[inForce.deviceKind].toLowerCase()} with them`,
      detail: [deviceWords(inForce), inForce.reason, `Permitted use: ${inForce.permittedUse}`].join(' · '),
    };
  }
  const waiting = exceptions.find((e) => e.state === 'awaiting_signatures');
  if (waiting) {
    return {
      inForce: false,
      text: 'Exception not in force yet: the signed agreement has not come back to the office, so the device is handed in as usual',
      detail: [deviceWords(waiting), waiting.reason].join(' · '),
    };
  }
  const later = exceptions.find((e) => e.state === 'not_started');
  if (later) {
    return { inForce: false, text: `Exception not in force yet: it starts on ${dayLabel(later.validFrom)}`, detail: deviceWords(later) };
  }
  return null;
}
