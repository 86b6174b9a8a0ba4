import { z } from 'zod';
import type { CustodyItemView } from '../domain/custody.js';
import { DEVICE_KINDS } from '../domain/devices.js';
import { pupilKey, type AgreementView } from '../domain/learners.js';
import { calendarDate, empty, id, oneOf, optionalText, pin, text } from '../validation.js';
import type { CommandSchema } from './fields.js';

/**
 * Learners: pupils' devices. The headteacher's prior agreements that let a child bring a device into school
 * (record, list, end early), whether a pupil has one at hand-in, and which pupils' devices the safe holds.
 * Prefix: learner.
 */

/** A pupil's name as the office types it: one box, as the school writes it (its box's limit: maxLengthOf this). */
export const pupilNameText = text("The pupil's name", 80);

/** ...and it must fold to something (see pupilKey), or nothing could ever find it. */
const pupilName = pupilNameText.refine((name) => pupilKey(name) !== '', {
  error: "The pupil's name must have at least one letter or number.",
});

/**
 * When the end date is compared with the start: whenever both came through as real dates, even if another
 * answer is wrong, so the form is told every problem at once (zod would otherwise skip the rule).
 */
const DATE_ORDER_TIMING: z.core.$ZodSuperRefineParams = {
  when: (payload) => {
    const v = payload.value as { validFrom?: unknown; validUntil?: unknown } | null;
    if (typeof v !== 'object' || v === null || typeof v.validFrom !== 'string' || typeof v.validUntil !== 'string') return false;
    return !payload.issues.some((issue) => issue.path?.[0] === 'validFrom' || issue.path?.[0] === 'validUntil');
  },
};

const recordAgreement = z
  .object({
    pupilName,
    classGroup: text('Class or year group', 40, { missing: 'Enter the class or year group, for example 6B.' }),
    deviceKind: oneOf(DEVICE_KINDS, 'Choose what kind of device it is.'),
    deviceDescription: text('The description', 120, { missing: 'Describe the device, for example "black Nokia phone".' }),
    reason: text('The reason', 300, { missing: 'Say why the pupil needs the device, for example "walks home alone".' }),
    conditions: optionalText('Conditions', 1000),
    validFrom: calendarDate('The first day'),
    validUntil: calendarDate('The last day'),
    // The headteacher or leader who agreed proves it with their own PIN now, whoever unlocked the console.
    agreedBy: z
      .object({ staffId: id('Who agreed', { missing: 'Choose who agreed.' }), pin }, { error: 'Choose who agreed, and have them type their own PIN.' })
      .strict(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.validUntil < v.validFrom) ctx.addIssue({ code: 'custom', message: 'The last day cannot be before the first day.', path: ['validUntil'] });
  }, DATE_ORDER_TIMING);

export const learnersCommands = {
  'learner.agreements': { role: 'office', input: empty, passive: true },
  // Asked as the office types a pupil's name on the Log items page.
  'learner.agreementsFor': { role: 'office', input: z.object({ pupilName }).strict() },
  'learner.recordAgreement': { role: 'head', input: recordAgreement },
  'learner.endAgreement': {
    role: 'head',
    input: z.object({ agreementId: id('Agreement'), reason: text('The reason', 300, { missing: 'Say why the agreement ends early.' }) }).strict(),
  },
  // Pupils' devices in the safe now, for the end-of-day list and the "not collected" flags. Handing in and
  // giving back are custody.log and custody.return: one path into and out of the safe for every owner.
  'learner.devicesHeld': { role: 'office', input: empty, passive: true },
} as const satisfies Record<string, CommandSchema>;

/** Someone who may agree to a pupil's device: an active account with the headteacher or leadership role. */
export interface AgreeingHead {
  staffId: number;
  displayName: string;
}

/** One pupil's receipt with something still in the safe: held for the day, or confiscated. */
export interface HeldPupilDevice {
  receiptId: number;
  receiptNumber: string;
  pupilName: string;
  classGroup: string | null;
  /** Confiscated if anything on the receipt was: such a device is never given back to the pupil from the list. */
  reason: 'learner_day' | 'confiscated';
  /** Only what is still in the safe. */
  items: CustodyItemView[];
  /** When the first of them was handed in. */
  handedInAt: string;
  /** The UK day it was handed in, when that is before today: nobody collected it at the end of that day. */
  notCollectedSince: string | null;
  /** Held past the setting's end of the day, by the end-of-day report's own rule (an earlier day, or today after the end time). */
  pastEndOfDay: boolean;
}

export interface LearnersOutputs {
  /** Current agreements (in force or still to start) first, soonest to end first; then ended ones, newest first. */
  'learner.agreements': { agreements: AgreementView[]; heads: AgreeingHead[] };
  /** The agreements recorded for this pupil name (matched whole, see pupilKey), current first. */
  'learner.agreementsFor': { agreements: AgreementView[] };
  'learner.recordAgreement': AgreementView;
  'learner.endAgreement': AgreementView;
  /**
   * Devices held for the day: not collected from an earlier day first, then by the pupil's name, for the
   * queue at home time. Confiscated ones apart, longest held first. `endOfDay` is the setting's time (HH:MM).
   */
  'learner.devicesHeld': { forTheDay: HeldPupilDevice[]; confiscated: HeldPupilDevice[]; endOfDay: string };
}
