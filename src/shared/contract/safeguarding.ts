import { z } from 'zod';
import { VISITOR_TYPES, type VisitorType } from '../domain/visitors.js';
import { CONCERN_SUBJECTS, LADO_OUTCOMES, type ConcernView } from '../domain/concerns.js';
import { EXCEPTION_PURPOSES, type DeviceUseMarker, type ExceptionView } from '../domain/exceptions.js';
import type { InboxItem } from '../domain/inbox.js';
import { DEVICE_KINDS } from '../domain/devices.js';
import type { ExceptionRequestView } from '../domain/exception-requests.js';
import { normaliseScanCode, SCAN_CODE_PATTERN } from '../domain/scan-code.js';
import { MAX_PIN_DIGITS, MIN_PIN_DIGITS } from '../domain/pin-rules.js';
import { calendarDate, empty, id, longText, oneOf, optionalText, personNameFields, pinCode, text, timeOfDay } from '../validation.js';
import { type CommandSchema, devices, inviteCode, MAX_SCAN_CODE_INPUT, onceAnswered, SURNAME_RULE_TIMING, surnameAsChosen } from './fields.js';
import type { PolicyText, PrintStatus } from './answers.js';

/**
 * Safeguarding: the DSL's work: device exceptions, expected visitors and their invitations, concerns, the
 * setting's expectations and their reviews, the DSL's inbox, and the safeguarding leaflet. Prefixes:
 * exception., exceptionRequest., booking., invite., concern., policy., inbox., leaflet.
 */

const instant = (label: string) =>
  z.iso.datetime({ offset: true, error: `${label} must be a date and time.` });

/** A LADO's or the police's reference number: in their own format, but never an essay. */
const REFERENCE_MAX = 40;

/** The most summary lines the expectations may have: the kiosk shows them all on one screen. */
export const MAX_SUMMARY_LINES = 8;

/** The words of an expectations text, as the DSL publishes it and as first-run setup may edit the default one. */
export const EXPECTATIONS_TEXT_FIELDS = {
  title: text('The title', 160, { missing: 'Enter a title.' }),
  summary: z
    .array(text('A summary line', 160, { missing: 'Write this line, or remove it.' }), { error: 'The summary must be a list of short lines.' })
    .min(1, { error: 'Give at least one summary line.' })
    .max(MAX_SUMMARY_LINES, { error: `Keep the summary to ${MAX_SUMMARY_LINES} lines at most.` }),
  fullText: longText('The full text', 20_000, { missing: 'Enter the full text.' }),
};

/** The safeguarding leaflet's words: a title, and the body in the expectations' light markup (policy-blocks.ts). */
export const LEAFLET_TEXT_FIELDS = {
  title: text('The title', 160, { missing: 'Enter a title for the leaflet.' }),
  body: longText('The leaflet text', 20_000, { missing: 'Enter the text of the leaflet.' }),
};

export const safeguardingCommands = {
  // An office console may carry the request, but only a DSL re-entering their own PIN approves it.
  'exception.approve': {
    role: 'office',
    input: z
      .object({
        target: z.discriminatedUnion(
          'type',
          [
            z.object({ type: z.literal('visit'), visitId: id('Visit') }).strict(),
            z.object({ type: z.literal('booking'), bookingId: id('Booking') }).strict(),
          ],
          { error: 'Say which visit or booking the exception is for.' },
        ),
        purpose: oneOf(EXCEPTION_PURPOSES, 'Choose the purpose.'),
        purposeDetail: optionalText('The purpose', 300),
        devices: devices.refine((d) => d.length > 0, { error: 'Say which devices the visitor may keep.' }),
        permittedUse: text('Permitted use', 300, { missing: 'Say what the device may be used for.' }),
        permittedAreas: text('Permitted areas', 300, { missing: 'Say where the device may be used.' }),
        conditions: optionalText('Conditions', 1000),
        riskChecklist: z
          .array(z.object({ item: text('A checklist item', 300), checked: z.boolean({ error: 'Tick or untick each item.' }) }).strict(), {
            error: 'The risk assessment checklist is not valid.',
          })
          .min(1, { error: 'The risk assessment needs its checklist.' })
          .max(15, { error: 'The checklist has too many items.' }),
        riskNotes: optionalText('Risk assessment notes', 2000),
        validFrom: instant('Valid from').optional(),
        validUntil: instant('Valid until').nullable().optional(),
        // The visitor's own request from the kiosk that this approval answers: closed in the same transaction.
        requestId: id('Request').optional(),
        approver: z
          .object({
            staffId: id('Approving DSL', { missing: 'Choose the DSL who approves.' }),
            pin: pinCode({ wrong: `Enter the DSL's PIN (${MIN_PIN_DIGITS} to ${MAX_PIN_DIGITS} digits).` }),
          })
          .strict(),
      })
      .strict()
      .refine((v) => v.purpose !== 'other' || v.purposeDetail !== null, {
        error: 'Say what the purpose is.',
        path: ['purposeDetail'],
        ...onceAnswered('purpose', 'purposeDetail'),
      })
      .refine((v) => !v.validUntil || !v.validFrom || Date.parse(v.validUntil) > Date.parse(v.validFrom), {
        error: 'The end must be after the start.',
        path: ['validUntil'],
      }),
  },
  'exception.revoke': {
    role: 'dsl',
    input: z.object({ exceptionId: id('Exception'), reason: text('The reason', 500, { missing: 'Say why the approval is revoked.' }) }).strict(),
  },
  'exception.list': {
    role: 'office',
    input: z.object({ visitId: id('Visit').optional(), bookingId: id('Booking').optional() }).strict(),
    passive: true,
  },
  'exception.record': { role: 'office', input: z.object({ exceptionId: id('Exception') }).strict() },
  'exception.lookup': {
    role: 'office',
    input: z.object({ code: z.string({ error: 'Scan the QR code on the exception record.' }).max(MAX_SCAN_CODE_INPUT).transform(normaliseScanCode).pipe(z.string().regex(SCAN_CODE_PATTERN, { error: 'That is not a Safe Hands exception record.' })) }).strict(),
  },
  // A visitor asks at the kiosk to keep a device for their work; the DSL decides (services/safeguarding/exception-requests.ts).
  'exceptionRequest.request': {
    role: 'kiosk',
    input: z
      .object({
        visitId: id('Visit'),
        deviceKind: oneOf(DEVICE_KINDS, 'Choose the device you need to keep.'),
        purpose: text('What you need it for', 200, { missing: 'Please say what you need it for.' }),
      })
      .strict(),
  },
  'exceptionRequest.listOpen': { role: 'dsl', input: empty, passive: true },
  'exceptionRequest.decline': {
    role: 'dsl',
    input: z.object({ requestId: id('Request'), reason: text('The reason', 500, { missing: 'Say why the visitor may not keep the device.' }) }).strict(),
  },
  'booking.create': {
    role: 'office',
    input: z
      .object({
        ...personNameFields({ first: 'First name', last: 'Surname' }),
        organisation: optionalText('Organisation', 120),
        visitorType: oneOf(VISITOR_TYPES, 'Choose the kind of visitor.'),
        host: text('Who they are visiting', 200, { missing: 'Say who they are visiting.' }),
        expectedDate: calendarDate('The date', { missing: 'Enter the date of the visit.' }),
        expectedTime: z
          .string({ error: 'The time must be like 09:30.' })
          .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'The time must be like 09:30.' })
          .nullable()
          .optional(),
      })
      .strict()
      .superRefine(surnameAsChosen, SURNAME_RULE_TIMING),
  },
  'booking.list': { role: 'office', input: z.object({ date: calendarDate('The date').optional() }).strict(), passive: true },
  'booking.cancel': {
    role: 'office',
    input: z.object({ bookingId: id('Booking'), reason: text('The reason', 300, { missing: 'Say why the visit is cancelled.' }) }).strict(),
  },
  'booking.invite': { role: 'office', input: z.object({ bookingId: id('Booking') }).strict() },
  'invite.lookup': { role: 'kiosk', input: z.object({ code: inviteCode }).strict() },
  'concern.raise': {
    role: 'office',
    input: z
      .object({
        aboutType: oneOf(CONCERN_SUBJECTS, 'Say who the concern is about.'),
        aboutName: text('Their name or description', 120, { missing: 'Give their name, or describe them if you do not know it.' }),
        visitId: id('Visit').nullable().optional(),
        location: text('Where it happened', 200, { missing: 'Say where it happened.' }),
        whatHappened: text('What happened', 4000, { missing: 'Say what happened.' }),
        actionTaken: text('What was done', 2000, { missing: 'Say what was done, even if that was nothing yet.' }),
      })
      .strict(),
  },
  'concern.list': { role: 'office', input: empty, passive: true },
  // What waits for the DSL, read with every refresh for the count on the navigation.
  'inbox.list': { role: 'dsl', input: empty, passive: true },
  'concern.review': {
    role: 'dsl',
    input: z
      .object({
        concernId: id('Concern'),
        outcome: text('The outcome', 4000, { missing: 'Record the outcome of your review.' }),
        close: z.boolean({ error: 'Say whether the concern is closed.' }),
      })
      .strict(),
  },
  // What follows a concern (services/safeguarding/concern-follow-up.ts). Days are UK calendar days as typed;
  // main also refuses one in the future, which needs its clock. Whoever may see a concern may record that
  // the parents or carers were told; everything that is a decision is the DSL's.
  'concern.recordParentsInformed': {
    role: 'office',
    input: z
      .object({
        concernId: id('Concern'),
        informedOn: calendarDate('The day they were told', { missing: 'Enter the day the parents or carers were told.' }),
        informedTime: timeOfDay('The time they were told').nullable().optional(),
        informedBy: text('Who told them', 120, { missing: 'Say who told the parents or carers.' }),
        whoWasTold: optionalText('Who was told', 200),
      })
      .strict(),
  },
  'concern.recordParentsNotInformed': {
    role: 'dsl',
    input: z
      .object({ concernId: id('Concern'), reason: text('The reason', 2000, { missing: 'Say why the parents or carers are not being told.' }) })
      .strict(),
  },
  'concern.recordDebrief': {
    role: 'dsl',
    input: z
      .object({
        concernId: id('Concern'),
        lessonsLearnt: text('What was learnt', 4000, { missing: 'Say what was learnt, even if it is that everything worked as it should.' }),
        practiceChange: optionalText('Changes to practice', 2000),
      })
      .strict(),
  },
  'concern.recordLadoReferral': {
    role: 'dsl',
    input: z
      .object({
        concernId: id('Concern'),
        referredOn: calendarDate('The day of the referral', { missing: 'Enter the day the concern was referred to the LADO.' }),
        ladoReference: text("The LADO's reference", REFERENCE_MAX, { missing: 'Enter the reference the LADO gave the referral.' }),
      })
      .strict(),
  },
  'concern.recordLadoOutcome': {
    role: 'dsl',
    input: z
      .object({
        concernId: id('Concern'),
        outcome: oneOf(LADO_OUTCOMES, 'Choose the outcome the LADO gave.'),
        outcomeOn: calendarDate('The day of the outcome', { missing: 'Enter the day the LADO gave the outcome.' }),
        note: optionalText('Notes on the outcome', 2000),
      })
      .strict(),
  },
  'concern.recordPoliceContact': {
    role: 'dsl',
    input: z
      .object({
        concernId: id('Concern'),
        contactedOn: calendarDate('The day the police were contacted', { missing: 'Enter the day the police were contacted.' }),
        policeForce: text('The police force', 80, { missing: 'Enter the police force, for example Kent Police.' }),
        officer: text('The officer', 120, { missing: "Enter the officer's name or collar number." }),
        reference: text('The police reference', REFERENCE_MAX, { missing: 'Enter the crime or incident reference number.' }),
      })
      .strict(),
  },

  'policy.get': { role: 'dsl', input: empty },
  'policy.publish': {
    role: 'dsl',
    input: z
      .object({ ...EXPECTATIONS_TEXT_FIELDS, reviewDue: calendarDate('The review date').optional() })
      .strict(),
  },
  'policy.recordReview': {
    role: 'dsl',
    input: z
      .object({
        note: text('A note on the review', 1000, { missing: 'Say briefly what the review looked at.' }),
        nextReviewDue: calendarDate('The next review date').optional(),
      })
      .strict(),
  },

  // The safeguarding leaflet (school §6): every member of staff can read and print it; the DSL writes it.
  'leaflet.get': { role: 'office', input: empty },
  'leaflet.publish': { role: 'dsl', input: z.object(LEAFLET_TEXT_FIELDS).strict() },
  'leaflet.print': { role: 'office', input: empty },
  // Asked for at the kiosk by the visitor who has just signed in: once per visit, and only straight after.
  'leaflet.printForVisitor': { role: 'kiosk', input: z.object({ visitId: id('Visit') }).strict() },
} as const satisfies Record<string, CommandSchema>;

export interface BookingView {
  bookingId: number;
  firstName: string;
  lastName: string;
  /** Written family name first (王芳): show it with fullName(), never by joining the parts. */
  familyNameFirst: boolean;
  organisation: string | null;
  visitorType: VisitorType;
  host: string;
  expectedDate: string;
  expectedTime: string | null;
  status: 'expected' | 'arrived' | 'cancelled';
  /** Expected and not arrived by the end of the day (or a past day). */
  noShow: boolean;
  visitId: number | null;
  createdBy: string;
  exception: DeviceUseMarker | null;
}

export type ReviewStatus = 'ok' | 'due_soon' | 'overdue';

export interface PolicyDetail {
  current: PolicyText & { createdAt: string; createdBy: string | null };
  reviewDue: string;
  reviewStatus: ReviewStatus;
  lastReview: { reviewedAt: string; reviewedBy: string; note: string } | null;
  versions: { versionId: number; version: number; title: string; createdAt: string; createdBy: string | null; acknowledgements: number }[];
}

/** A leaflet's words as the DSL writes them. */
export interface LeafletText {
  title: string;
  body: string;
}

export interface LeafletDetail {
  /** The version offered to visitors now; null while the setting has no leaflet (nothing is offered). */
  current: (LeafletText & { versionId: number; version: number; createdAt: string; createdBy: string }) | null;
  /** Every version ever published, newest first, with how many were printed for visitors at the kiosk. */
  versions: { versionId: number; version: number; title: string; createdAt: string; createdBy: string; printedForVisitors: number }[];
  /**
   * Safe Hands' own starting text, with this setting's name, DSL and device rules filled in: offered in the
   * editor when there is no leaflet yet, never published by itself.
   */
  suggested: LeafletText;
}

export interface SafeguardingOutputs {
  'concern.raise': ConcernView;
  'concern.list': { concerns: ConcernView[] };
  /** Grouped by kind in INBOX_KINDS order, oldest first within a kind. */
  'inbox.list': { items: InboxItem[] };
  'concern.review': ConcernView;
  'concern.recordParentsInformed': ConcernView;
  'concern.recordParentsNotInformed': ConcernView;
  'concern.recordDebrief': ConcernView;
  'concern.recordLadoReferral': ConcernView;
  'concern.recordLadoOutcome': ConcernView;
  'concern.recordPoliceContact': ConcernView;
  'policy.get': PolicyDetail;
  'policy.publish': PolicyDetail;
  'policy.recordReview': PolicyDetail;
  'leaflet.get': LeafletDetail;
  'leaflet.publish': LeafletDetail;
  'leaflet.print': { version: number; print: PrintStatus };
  /** Only whether it came out: the kiosk needs no more (the office has the reason on its own print). */
  'leaflet.printForVisitor': { printed: boolean };
  'exception.approve': ExceptionView;
  'exception.revoke': ExceptionView;
  'exception.list': { exceptions: ExceptionView[] };
  'exception.record': { print: PrintStatus };
  'exception.lookup': ExceptionView & { visitorName: string | null };
  /** The kiosk learns only that the request is recorded. */
  'exceptionRequest.request': { requested: true };
  /** Requests waiting for the DSL from visitors still on site, oldest first. */
  'exceptionRequest.listOpen': { requests: ExceptionRequestView[] };
  'exceptionRequest.decline': { declined: true };
  'booking.create': BookingView;
  'booking.list': { date: string; bookings: BookingView[] };
  'booking.cancel': BookingView;
  /** `warning`: as PrintStatus's, when the visitor's name has letters no font here can print. */
  'booking.invite': { documentId: string; warning?: string };
  'invite.lookup': { displayName: string; needsAcknowledgement: boolean; deviceUseApproved: boolean };
}
