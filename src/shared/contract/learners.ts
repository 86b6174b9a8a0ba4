import { z } from 'zod';
import type { CustodyItemView } from '../domain/custody.js';
import { DEVICE_KINDS } from '../domain/devices.js';
import { pupilKey, type AgreementView, type LearnerExceptionView } from '../domain/learners.js';
import { calendarDate, empty, id, oneOf, optionalText, pin, text, timeOfDay } from '../validation.js';
import type { PrintStatus } from './answers.js';
import type { ReceiptView } from './custody.js';
import { IDENTITY_CHECKS, RELATIONSHIPS } from '../domain/confiscation.js';
import { onceAnswered, type CommandSchema } from './fields.js';
import { SEARCH_CONSENT_FROM, SEARCH_CONTENT_ACTIONS, type SearchView } from '../domain/learner-searches.js';

/**
 * Learners: pupils' devices. The headteacher's prior agreements that let a child bring a device into school
 * (record, list, end early), whether a pupil has one at hand-in, and which pupils' devices the safe holds.
 * Exceptions: a pupil who keeps a device in school (medical monitoring), once approved and signed for.
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

/** The pupil's class, as the school writes it: agreements and exceptions alike. */
const classGroup = text('Class or year group', 40, { missing: 'Enter the class or year group, for example 6B.' });

const recordAgreement = z
  .object({
    pupilName,
    classGroup,
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

/**
 * A pupil's device in exceptional circumstances (medical monitoring), as the office writes it down: what the
 * written agreement will say, and the headteacher or DSL who approved it typing their own PIN now.
 */
const recordException = z
  .object({
    pupilName,
    classGroup,
    deviceKind: oneOf(DEVICE_KINDS, 'Choose what kind of device it is.'),
    deviceDescription: text('The description', 120, { missing: 'Describe the device, for example "white iPhone SE in a blue case".' }),
    reason: text('The reason', 300, { missing: 'Say why the pupil needs the device, for example "reads her glucose monitor".' }),
    permittedUse: text('Permitted use', 500, { missing: 'Say what the pupil may use the device for.' }),
    expectations: text('Expectations', 1000, { missing: 'Say what is expected of the pupil, for example where the device is kept.' }),
    sanctions: text('Sanctions for misuse', 1000, { missing: 'Say what happens if the device is misused.' }),
    validFrom: calendarDate('The first day'),
    validUntil: calendarDate('The last day'),
    approvedBy: z
      .object({ staffId: id('Who approved', { missing: 'Choose who approved.' }), pin }, { error: 'Choose who approved, and have them type their own PIN.' })
      .strict(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.validUntil < v.validFrom) ctx.addIssue({ code: 'custom', message: 'The last day cannot be before the first day.', path: ['validUntil'] });
  }, DATE_ORDER_TIMING);

/** The signed agreement, as the office records it from the paper: who signed, and on which day. */
const recordExceptionSigned = z
  .object({
    exceptionId: id('Exception'),
    learnerName: text("The pupil's name as signed", 80, { missing: "Enter the pupil's name as they signed it." }),
    parentName: text("The parent or carer's name", 80, { missing: 'Enter the name of the parent or carer who signed.' }),
    parentRelationship: text('Their relationship to the pupil', 40, { missing: 'Say how they are related to the pupil, for example mother or foster carer.' }),
    signedOn: calendarDate('The day it was signed', { missing: 'Enter the day it was signed.' }),
  })
  .strict();

/**
 * A search of a confiscated device by a member of the leadership team (the searcher is whoever unlocked the
 * console, with the head role). Consent is typed as a UK day and time, to the minute; main refuses one in the
 * future or before the device was logged, which needs its clock and the item.
 */
const recordSearch = z
  .object({
    itemId: id('The device', { missing: 'Choose the device that was searched.' }),
    consentFrom: oneOf(SEARCH_CONSENT_FROM, 'Say who gave consent: the pupil, or a parent or carer.'),
    consentName: text('The name of who gave consent', 120, { missing: 'Enter the name of the person who gave consent.' }),
    consentRelationship: optionalText('Their relationship to the pupil', 40),
    consentOn: calendarDate('The day consent was given', { missing: 'Enter the day consent was given.' }),
    consentTime: timeOfDay('The time consent was given', { missing: 'Enter the time consent was given.' }),
    lookedAt: text('What was looked at', 1000, { missing: 'Say what was looked at, for example "photos and messages from today".' }),
    found: text('What was found', 2000, { missing: 'Say what was found. If nothing was, write "nothing".' }),
    content: oneOf(SEARCH_CONTENT_ACTIONS, 'Say whether any content was deleted, or its deletion requested.'),
    contentDetail: optionalText('What was deleted', 1000),
    witness: optionalText('Who else was present', 120),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.consentFrom === 'parent' && v.consentRelationship === null) {
      ctx.addIssue({ code: 'custom', message: 'Say how they are related to the pupil, for example mother or foster carer.', path: ['consentRelationship'] });
    }
    if (v.consentFrom === 'learner' && v.consentRelationship !== null) {
      ctx.addIssue({ code: 'custom', message: 'The pupil gave consent, so leave the relationship empty.', path: ['consentRelationship'] });
    }
  }, onceAnswered('consentFrom', 'consentRelationship'))
  .superRefine((v, ctx) => {
    if (v.content !== 'none' && v.contentDetail === null) {
      const message = v.content === 'deleted' ? 'Say what was deleted.' : 'Say what they were asked to delete.';
      ctx.addIssue({ code: 'custom', message, path: ['contentDetail'] });
    }
    if (v.content === 'none' && v.contentDetail !== null) {
      ctx.addIssue({ code: 'custom', message: 'Nothing was deleted, so leave this empty.', path: ['contentDetail'] });
    }
  }, onceAnswered('content', 'contentDetail'));

/** Which confiscated devices on the receipt leave the safe now: all of them, or some. */
const confiscatedItemIds = z
  .array(id('Device'), { error: 'Choose the devices.' })
  .min(1, { error: 'Tick at least one device.' })
  .max(20, { error: 'At most 20 devices at once.' })
  .refine((ids) => new Set(ids).size === ids.length, { error: 'Each device can be chosen once.' });

/**
 * A confiscated device released to a named parent or carer (school policy): who, how they are related, how
 * the office checked who they are. Before the end of the school day, `early` is the DSL or headteacher who
 * agrees, typing their own PIN, and why; main decides whether it is needed, from its own clock.
 */
const releaseConfiscated = z
  .object({
    receiptId: id('Receipt'),
    itemIds: confiscatedItemIds,
    parentName: text("The parent or carer's name", 120, { missing: 'Enter the full name of the parent or carer collecting.' }),
    relationship: oneOf(RELATIONSHIPS, 'Choose how they are related to the pupil.'),
    relationshipOther: optionalText('Who they are', 60),
    identityCheck: oneOf(IDENTITY_CHECKS, 'Choose how you checked who they are.'),
    identityNote: optionalText('How you checked', 300),
    note: optionalText('A note', 300),
    early: z
      .object(
        {
          staffId: id('Who agreed', { missing: 'Choose the DSL or headteacher who agrees.' }),
          pin,
          reason: text('The reason', 300, { missing: 'Say why it cannot wait until the end of the day.' }),
        },
        { error: 'Choose who agrees to the early release, with their PIN and a reason.' },
      )
      .strict()
      .nullable()
      .default(null),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.relationship === 'other' && v.relationshipOther === null) {
      ctx.addIssue({ code: 'custom', message: 'Say who they are to the pupil, for example aunt.', path: ['relationshipOther'] });
    }
    if (v.relationship !== 'other' && v.relationshipOther !== null) {
      ctx.addIssue({ code: 'custom', message: 'Only for "Other": leave this empty.', path: ['relationshipOther'] });
    }
  }, onceAnswered('relationship', 'relationshipOther'))
  .superRefine((v, ctx) => {
    if (v.identityCheck === 'other' && v.identityNote === null) {
      ctx.addIssue({ code: 'custom', message: 'Say how you checked who they are.', path: ['identityNote'] });
    }
  }, onceAnswered('identityCheck', 'identityNote'));

/** A confiscated device handed to the police: the officer, their force and the reference number they gave. */
const handToPolice = z
  .object({
    receiptId: id('Receipt'),
    itemIds: confiscatedItemIds,
    officerName: text("The officer's name", 120, { missing: "Enter the officer's name, for example PC Amir Khan." }),
    officerNumber: optionalText('The shoulder or collar number', 20),
    policeForce: text('The police force', 80, { missing: 'Enter the police force, for example Kent Police.' }),
    policeReference: text('The police reference number', 40, { missing: 'Enter the reference number the police gave.' }),
    note: optionalText('A note', 300),
  })
  .strict();

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
  // Exceptional access: the office records one with the approver's PIN, prints the written agreement and
  // records it signed; only the DSL or headteacher ends one.
  'learner.exceptions': { role: 'office', input: empty, passive: true },
  'learner.recordException': { role: 'office', input: recordException },
  'learner.printExceptionAgreement': { role: 'office', input: z.object({ exceptionId: id('Exception') }).strict() },
  'learner.recordExceptionSigned': { role: 'office', input: recordExceptionSigned },
  'learner.endException': {
    role: 'dsl_or_head',
    input: z.object({ exceptionId: id('Exception'), reason: text('The reason', 300, { missing: 'Say why the exception ends.' }) }).strict(),
  },
  // A search of a confiscated device: only leadership records one (as the searcher); the DSL sees every one.
  'learner.recordSearch': { role: 'head', input: recordSearch },
  'learner.searches': { role: 'dsl_or_head', input: empty, passive: true },
  // A confiscated device leaves the safe only these two ways (custody.return and custody.handOn refuse it):
  // to a parent or carer, by the office, early only with the DSL's or headteacher's PIN; to the police, by them.
  'learner.releaseConfiscated': { role: 'office', input: releaseConfiscated },
  'learner.handToPolice': { role: 'dsl_or_head', input: handToPolice },
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

/** Someone who may agree to releasing a confiscated device before the end of the day: an active DSL or headteacher account. */
export interface EarlyReleaseAgreer {
  staffId: number;
  displayName: string;
}

/** Someone who may approve a pupil's exception: an active account with the DSL or headteacher role. */
export interface ExceptionApprover {
  staffId: number;
  displayName: string;
}

export interface LearnersOutputs {
  /** Current agreements (in force or still to start) first, soonest to end first; then ended ones, newest first. */
  'learner.agreements': { agreements: AgreementView[]; heads: AgreeingHead[] };
  /** The agreements and exceptions recorded for this pupil name (matched whole, see pupilKey), current first. */
  'learner.agreementsFor': { agreements: AgreementView[]; exceptions: LearnerExceptionView[] };
  'learner.recordAgreement': AgreementView;
  'learner.endAgreement': AgreementView;
  /**
   * Devices held for the day: not collected from an earlier day first, then by the pupil's name, for the
   * queue at home time. Confiscated ones apart, longest held first. `endOfDay` is the setting's time (HH:MM).
   */
  'learner.devicesHeld': {
    forTheDay: HeldPupilDevice[];
    confiscated: HeldPupilDevice[];
    endOfDay: string;
    /** Who may agree to releasing a confiscated device before `endOfDay`. */
    earlyAgreers: EarlyReleaseAgreer[];
  };
  /** Current exceptions (awaiting signatures, in force or still to start) first, soonest to end first; then the rest, newest first. */
  'learner.exceptions': { exceptions: LearnerExceptionView[]; approvers: ExceptionApprover[] };
  'learner.recordException': LearnerExceptionView;
  /** The written agreement on A4, kept and printed: for the pupil and a parent or carer to sign. */
  'learner.printExceptionAgreement': { print: PrintStatus };
  'learner.recordExceptionSigned': LearnerExceptionView;
  'learner.endException': LearnerExceptionView;
  'learner.recordSearch': SearchView;
  /** Every search of a pupil's device, newest first. */
  'learner.searches': { searches: SearchView[] };
  /** The receipt as it is now: the released or handed-over items closed, with how they left. */
  'learner.releaseConfiscated': ReceiptView;
  'learner.handToPolice': ReceiptView;
}
