import { z } from 'zod';
import { VISITOR_TYPES, type VisitorType } from '../domain/visitors.js';
import { CONCERN_SUBJECTS, type ConcernView } from '../domain/concerns.js';
import { EXCEPTION_PURPOSES, type DeviceUseMarker, type ExceptionView } from '../domain/exceptions.js';
import { normaliseScanCode, SCAN_CODE_PATTERN } from '../domain/scan-code.js';
import { calendarDate, empty, id, longText, oneOf, optionalText, personNameFields, pin, text } from '../validation.js';
import { type CommandSchema, devices, inviteCode, SURNAME_RULE_TIMING, surnameAsChosen } from './fields.js';
import type { PolicyText, PrintStatus } from './answers.js';

/**
 * Safeguarding: the DSL's work: device exceptions, expected visitors and their invitations, concerns, the
 * setting's expectations and their reviews. Prefixes: exception., booking., invite., concern., policy.
 */

const instant = (label: string) =>
  z.iso.datetime({ offset: true, error: `${label} must be a date and time.` });

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
        permittedUse: text('Permitted use', 300),
        permittedAreas: text('Permitted areas', 300),
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
        approver: z.object({ staffId: id('Approving DSL'), pin }).strict(),
      })
      .strict()
      .refine((v) => v.purpose !== 'other' || v.purposeDetail !== null, { error: 'Say what the purpose is.', path: ['purposeDetail'] })
      .refine((v) => !v.validUntil || !v.validFrom || Date.parse(v.validUntil) > Date.parse(v.validFrom), {
        error: 'The end must be after the start.',
        path: ['validUntil'],
      }),
  },
  'exception.revoke': {
    role: 'dsl',
    input: z.object({ exceptionId: id('Exception'), reason: text('The reason', 500) }).strict(),
  },
  'exception.list': {
    role: 'office',
    input: z.object({ visitId: id('Visit').optional(), bookingId: id('Booking').optional() }).strict(),
    passive: true,
  },
  'exception.record': { role: 'office', input: z.object({ exceptionId: id('Exception') }).strict() },
  'exception.lookup': {
    role: 'office',
    input: z.object({ code: z.string({ error: 'Scan the QR code on the exception record.' }).max(200).transform(normaliseScanCode).pipe(z.string().regex(SCAN_CODE_PATTERN, { error: 'That is not a Safe Hands exception record.' })) }).strict(),
  },
  'booking.create': {
    role: 'office',
    input: z
      .object({
        ...personNameFields({ first: 'First name', last: 'Surname' }),
        organisation: optionalText('Organisation', 120),
        visitorType: oneOf(VISITOR_TYPES, 'Choose the kind of visitor.'),
        host: text('Who they are visiting', 200),
        expectedDate: calendarDate('The date'),
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
  'booking.cancel': { role: 'office', input: z.object({ bookingId: id('Booking'), reason: text('The reason', 300) }).strict() },
  'booking.invite': { role: 'office', input: z.object({ bookingId: id('Booking') }).strict() },
  'invite.lookup': { role: 'kiosk', input: z.object({ code: inviteCode }).strict() },
  'concern.raise': {
    role: 'office',
    input: z
      .object({
        aboutType: oneOf(CONCERN_SUBJECTS, 'Say who the concern is about.'),
        aboutName: text('Their name or description', 120),
        visitId: id('Visit').nullable().optional(),
        location: text('Where it happened', 200),
        whatHappened: text('What happened', 4000),
        actionTaken: text('What was done', 2000),
      })
      .strict(),
  },
  'concern.list': { role: 'office', input: empty, passive: true },
  'concern.review': {
    role: 'dsl',
    input: z.object({ concernId: id('Concern'), outcome: text('The outcome', 4000), close: z.boolean({ error: 'Say whether the concern is closed.' }) }).strict(),
  },

  'policy.get': { role: 'dsl', input: empty },
  'policy.publish': {
    role: 'dsl',
    input: z
      .object({
        title: text('The title', 160),
        summary: z
          .array(text('A summary line', 160), { error: 'The summary must be a list of short lines.' })
          .min(1, { error: 'Give at least one summary line.' })
          .max(8, { error: 'Keep the summary to 8 lines at most.' }),
        fullText: longText('The full text', 20_000),
        reviewDue: calendarDate('The review date').optional(),
      })
      .strict(),
  },
  'policy.recordReview': {
    role: 'dsl',
    input: z.object({ note: text('A note on the review', 1000), nextReviewDue: calendarDate('The next review date').optional() }).strict(),
  },
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

export interface SafeguardingOutputs {
  'concern.raise': ConcernView;
  'concern.list': { concerns: ConcernView[] };
  'concern.review': ConcernView;
  'policy.get': PolicyDetail;
  'policy.publish': PolicyDetail;
  'policy.recordReview': PolicyDetail;
  'exception.approve': ExceptionView;
  'exception.revoke': ExceptionView;
  'exception.list': { exceptions: ExceptionView[] };
  'exception.record': { print: PrintStatus };
  'exception.lookup': ExceptionView & { visitorName: string | null };
  'booking.create': BookingView;
  'booking.list': { date: string; bookings: BookingView[] };
  'booking.cancel': BookingView;
  /** `warning`: as PrintStatus's, when the visitor's name has letters no font here can print. */
  'booking.invite': { documentId: string; warning?: string };
  'invite.lookup': { displayName: string; needsAcknowledgement: boolean; deviceUseApproved: boolean };
}
