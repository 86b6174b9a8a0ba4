import type { CommandInput } from '../../shared/contract/index.js';
import type { AgreementView } from '../../shared/domain/learners.js';
import { formatDate } from '../../shared/domain/time.js';
import { problemsWith } from '../lib/contract-check.js';
import { deciderFields } from '../lib/decider-form.js';
import { dayLabel } from '../lib/uk-clock.js';
import { blankPupilDevice, deviceWords, pupilDeviceInput, type PupilDeviceAnswers } from './pupil-device-model.js';

/** The "Record an agreement" form as the head fills it in. */
export interface AgreementDraft extends PupilDeviceAnswers {
  conditions: string;
  /** Who agreed: a head, who types their own PIN below. */
  agreedBy: number | null;
  pin: string;
}

export type AgreementField = keyof AgreementDraft;

export function newAgreementDraft(today: string, agreedBy: number | null): AgreementDraft {
  return { ...blankPupilDevice(today), conditions: '', agreedBy, pin: '' };
}

type RecordInput = CommandInput<'learner.recordAgreement'>;

/** The form as learner.recordAgreement takes it; what is not chosen yet goes as missing, for the contract to name. */
export function agreementInput(d: AgreementDraft): RecordInput {
  return {
    ...pupilDeviceInput(d),
    conditions: d.conditions.trim() || null,
    agreedBy: { staffId: d.agreedBy as number, pin: d.pin },
  };
}

/** Main's field paths as this form's boxes ("agreedBy.pin" is the PIN box). */
export function agreementFields(fields: Record<string, string>): Record<string, string> {
  return deciderFields(fields, 'agreedBy');
}

/** What main would say about the form now, by the contract's own rules and words. */
export function checkAgreement(d: AgreementDraft): Record<string, string> {
  return agreementFields(problemsWith('learner.recordAgreement', agreementInput(d)));
}

/** Where the agreement stands, in words; the list and the Log items page say it the same way. */
export function stateWords(a: AgreementView): string {
  switch (a.state) {
    case 'in_force': return `Agreement in force until ${dayLabel(a.validUntil)}`;
    case 'not_started': return `Agreement starts on ${dayLabel(a.validFrom)}`;
    case 'expired': return `Agreement ran out on ${dayLabel(a.validUntil)}`;
    case 'ended': return `Agreement ended early on ${formatDate(a.ended!.at)}`;
  }
}

/**
 * The line the Log items page shows under a pupil's name: whether a device may be here today. An agreement
 * in force is named first; otherwise the nearest thing on record (one still to start, or the last one).
 */
export function handInLine(agreements: readonly AgreementView[]): { inForce: boolean; text: string; detail: string | null } {
  const inForce = agreements.find((a) => a.state === 'in_force');
  if (inForce) {
    const detail = [deviceWords(inForce), `agreed by ${inForce.agreedBy}`, inForce.conditions ? `Conditions: ${inForce.conditions}` : null]
      .filter(Boolean).join(' · ');
    return { inForce: true, text: stateWords(inForce), detail };
  }
  const other = agreements.find((a) => a.state === 'not_started') ?? agreements[0];
  if (!other) return { inForce: false, text: 'No agreement on record', detail: null };
  return { inForce: false, text: `No agreement in force today. ${stateWords(other)}.`, detail: deviceWords(other) };
}
