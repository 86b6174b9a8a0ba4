import { z } from 'zod';
import { REPORT_KINDS, type ReportKind } from '../domain/reports.js';
import { normaliseCheckCode, type AuditMark } from '../domain/audit-mark.js';
import { calendarDate, empty, id, oneOf, optionalText } from '../validation.js';
import type { CommandSchema } from './fields.js';
import type { OnSiteVisit, PrintStatus, SafeOwnerGroup } from './answers.js';
import type { SignatureView } from './visits.js';

/**
 * Operations: the day's running records: roll call, end of day, reports, and the audit trail. Prefixes:
 * audit., endOfDay., rollcall., report.
 */

const reportRange = z
  .object({
    kind: oneOf(REPORT_KINDS, 'Choose which report.'),
    from: calendarDate('The first day'),
    to: calendarDate('The last day'),
  })
  .strict()
  .refine((r) => r.from <= r.to, { error: 'The first day must not be after the last.', path: ['to'] })
  .refine((r) => Date.parse(r.to) - Date.parse(r.from) <= 366 * 86_400_000, { error: 'Choose at most a year at a time.', path: ['to'] });

/** The longest action name the audit trail's filter takes ("custody.log", "visit.overrideSignOut"). */
export const MAX_AUDIT_ACTION_LENGTH = 60;
const AUDIT_ACTION_PATTERN = new RegExp(`^[A-Za-z_.]{1,${MAX_AUDIT_ACTION_LENGTH}}$`);

export const operationsCommands = {
  'rollcall.print': { role: 'office', input: empty },
  'rollcall.save': {
    role: 'office',
    input: z
      .object({
        accountedVisitIds: z
          .array(id('Visit'), { error: 'The list of people accounted for is not valid.' })
          .max(2000, { error: 'That list is too long.' })
          .refine((ids) => new Set(ids).size === ids.length, { error: 'Each person can be ticked once.' }),
        // Staff signed in for the day (staffDay.onSite), a list of its own; none when left out.
        accountedStaffDayIds: z
          .array(id('Staff day'), { error: 'The list of staff accounted for is not valid.' })
          .max(2000, { error: 'That list is too long.' })
          .refine((ids) => new Set(ids).size === ids.length, { error: 'Each member of staff can be ticked once.' })
          .default([]),
        note: optionalText('A note', 1000),
      })
      .strict(),
  },
  'endOfDay.report': { role: 'office', input: empty, passive: true },
  /** The report as a PDF with the setting's name, kept and sent to the A4 printer, like the roll call's list. */
  'endOfDay.print': { role: 'office', input: empty },

  'report.get': { role: 'office', input: reportRange },
  'report.export': {
    role: 'office',
    input: reportRange.and(z.object({ format: oneOf(['csv', 'pdf'] as const, 'Choose CSV or PDF.') })),
  },

  'audit.verify': { role: 'dsl_or_admin', input: empty },
  /** Whether the trail still holds the entry an audit mark printed on paper names, as it was then. */
  'audit.checkMark': {
    role: 'dsl_or_admin',
    input: z
      .object({
        entry: id('The entry number'),
        code: z
          .string({ error: 'Type the check code from the sheet.' })
          .transform(normaliseCheckCode)
          .pipe(z.string().regex(/^[0-9A-F]{8}$/, { error: 'The check code is 8 letters and digits (0-9, A-F), as printed, for example 3F9A-1C2D.' })),
      })
      .strict(),
  },
  'audit.list': {
    role: 'dsl_or_admin',
    input: z
      .object({
        from: calendarDate('The first day').optional(),
        to: calendarDate('The last day').optional(),
        action: z.string({ error: 'The action must be text.' }).regex(AUDIT_ACTION_PATTERN, { error: 'That is not an action name.' }).optional(),
        actor: optionalText('Who', 80).optional(),
        beforeId: id('Entry').optional(),
        limit: z.number({ error: 'How many must be a number.' }).int().min(1, { error: 'Show at least 1 entry.' }).max(500, { error: 'Show at most 500 entries at a time.' }).optional(),
      })
      .strict(),
  },
} as const satisfies Record<string, CommandSchema>;

export interface ReportView {
  kind: ReportKind;
  title: string;
  from: string;
  to: string;
  columns: string[];
  rows: string[][];
  /**
   * The visitor log only: each row's signature drawn at the kiosk (null: none), for the screen to draw in the
   * "Signature" column, whose cells say in words when it was drawn (as the CSV and PDF do).
   */
  signatures?: (SignatureView | null)[];
}

export interface RollCallRecord {
  /** null when the disk refused the record (see notSaved): the answer below still holds. */
  rollCallId: number | null;
  takenAt: string;
  takenBy: string;
  /** Everyone on the lists, visitors and staff, and how many of them were ticked. */
  onSite: number;
  accounted: number;
  /** Full names of the visitors not ticked: the people still to find. */
  missing: string[];
  /** The staff signed in who were not ticked, by name: a list of their own. */
  missingStaff: string[];
  /** Why the roll call was not kept ("The roll call could not be saved: the disk is full."); null once saved. */
  notSaved: string | null;
}

export interface EndOfDayReport {
  /** Printed at the foot of the page (see domain/audit-mark.ts); null before anything was recorded. */
  auditMark: AuditMark | null;
  date: string;
  endOfDay: string;
  notSignedOut: OnSiteVisit[];
  inSafe: SafeOwnerGroup[];
  noShows: number;
}

export interface AuditEntryView {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: number | null;
  detail: Record<string, unknown>;
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  firstBrokenId: number | null;
  /** What does not hold, in words for the DSL: entries changed or removed, records changed outside Safe Hands. */
  problems: string[];
}

export interface OperationsOutputs {
  'audit.verify': AuditVerification;
  'audit.list': { entries: AuditEntryView[]; moreBefore: number | null };
  'audit.checkMark': { holds: boolean; message: string };
  'report.get': ReportView;
  'report.export': { documentId: string; fileName: string; rows: number };
  /** `people`: everyone on the list, visitors and staff signed in for the day. */
  'rollcall.print': { people: number; print: PrintStatus };
  'rollcall.save': RollCallRecord;
  'endOfDay.report': EndOfDayReport;
  'endOfDay.print': { print: PrintStatus };
}
