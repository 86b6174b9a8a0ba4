import { z } from 'zod';
import { DEVICE_KINDS, MAX_DEVICES_PER_KIND, type DeviceKind } from '../domain/devices.js';
import type { RequiredRole, StaffRole } from '../domain/roles.js';
import { REACK_MODES, SETTING_KINDS, type ReackMode, type SettingKind } from '../domain/setting.js';
import { VISITOR_TYPES, type VisitorType } from '../domain/visitors.js';
import type { CustodyItemView, OwnerType } from '../domain/custody.js';
import { CONCERN_SUBJECTS, type ConcernView } from '../domain/concerns.js';
import { EXCEPTION_PURPOSES, type DeviceUseMarker, type ExceptionView } from '../domain/exceptions.js';
import { STAFF_ROLES } from '../domain/roles.js';
import { REPORT_KINDS, type ReportKind } from '../domain/reports.js';
import type { ScheduledJob } from '../domain/scheduled-jobs.js';
import { normaliseCheckCode, type AuditMark } from '../domain/audit-mark.js';
import { normaliseScanCode, SCAN_CODE_PATTERN } from '../domain/scan-code.js';
import { calendarDate, empty, id, longText, oneOf, optionalText, personNameFields, pin, surnameMatchesChoice, text } from '../validation.js';
import { LONG_PIN_MESSAGE, pinTooShortFor } from '../domain/pin-rules.js';

export const RECEIPT_LAYOUTS = ['roll80', 'a4'] as const;
export const BADGE_LAYOUTS = ['dymo_2_25x4', 'brother_62mm'] as const;
export type ReceiptLayout = (typeof RECEIPT_LAYOUTS)[number];

/**
 * What a new visitor tells the kiosk about themselves. Kept apart from the command so the kiosk can check
 * each field as it is typed against the very rules main applies.
 */
export const visitorDetails = z.object({
  ...personNameFields({ first: 'Your first name', last: 'Your surname' }),
  organisation: optionalText('Organisation', 120),
  visitorType: oneOf(VISITOR_TYPES, 'Choose the kind of visit from the list.'),
  visiting: text('Who you are visiting or why', 200),
});

function surnameAsChosen(v: { lastName: string | null; oneName: boolean }, ctx: z.RefinementCtx): void {
  const problem = surnameMatchesChoice(v);
  if (problem) ctx.addIssue({ code: 'custom', message: problem.message, path: problem.path });
}

/**
 * The one table of commands the renderer may call. Each entry names the role it needs, the schema that
 * main validates every input against, and (as a type only) what it answers. Both transports carry exactly
 * these commands, and main must implement every one of them (see src/main/commands/handlers.ts).
 */

const devices = z
  .array(
    z.object({
      kind: oneOf(DEVICE_KINDS, 'That kind of device is not one the kiosk knows.'),
      quantity: z
        .number({ error: 'How many must be a number.' })
        .int({ error: 'How many must be a whole number.' })
        .min(1, { error: 'How many must be at least 1.' })
        .max(MAX_DEVICES_PER_KIND, { error: `At most ${MAX_DEVICES_PER_KIND} of one kind.` }),
    }).strict(),
    { error: 'The list of devices is not valid.' },
  )
  .max(DEVICE_KINDS.length, { error: 'Each kind of device can be listed once.' })
  .refine((list) => new Set(list.map((d) => d.kind)).size === list.length, {
    error: 'Each kind of device can be listed once.',
  });

const surnamePrefix = z
  .string({ error: 'Type the first letters of your surname.' })
  .max(200, { error: 'That is too long for a surname.' })
  .transform((s) => s.normalize('NFC').trim())
  .pipe(
    z.string()
      .min(1, { error: 'Type the first letters of your surname.' })
      .max(80, { error: 'That is too long for a surname.' }),
  );

const custodyItem = z
  .object({
    kind: oneOf(DEVICE_KINDS, 'Choose what kind of device it is.'),
    description: optionalText('Make and colour', 120),
    marks: optionalText('Identifying marks', 200),
    bagSlot: text('Bag or slot number', 20),
  })
  .strict();

const custodyOwner = z.discriminatedUnion(
  'type',
  [
    z.object({ type: z.literal('visitor'), visitId: id('Visit') }).strict(),
    z.object({ type: z.literal('staff'), staffId: id('Staff member') }).strict(),
    z
      .object({
        type: z.literal('learner'),
        name: text("The pupil's name", 80),
        group: optionalText('Class or year group', 40),
        reason: oneOf(['learner_day', 'confiscated'] as const, 'Say whether the device is held for the day or confiscated.'),
        confiscationReason: optionalText('Reason for confiscation', 300),
      })
      .strict()
      .refine((o) => o.reason !== 'confiscated' || o.confiscationReason !== null, {
        error: 'Say why the device was confiscated.',
        path: ['confiscationReason'],
      }),
  ],
  { error: 'Say whose device it is: a visitor, a staff member or a pupil.' },
);

const staffRoles = z
  .array(oneOf(STAFF_ROLES, 'That is not a role Safe Hands knows.'), { error: 'Choose the roles.' })
  .max(STAFF_ROLES.length, { error: 'Each role can be given once.' })
  .refine((roles) => new Set(roles).size === roles.length, { error: 'Each role can be given once.' })
  // Every account can do office work; DSL and admin are added to it.
  .transform((roles) => [...new Set(['office' as const, ...roles])]);

const instant = (label: string) =>
  z.iso.datetime({ offset: true, error: `${label} must be a date and time.` });

const badgeCode = z
  .string({ error: 'Scan the QR code on your badge.' })
  .max(200, { error: 'That is not a badge code.' })
  .transform(normaliseScanCode)
  .pipe(z.string().regex(SCAN_CODE_PATTERN, { error: 'That is not a Safe Hands badge. Please sign out by typing your surname.' }));

const inviteCode = z
  .string({ error: 'Scan the QR code on your invitation.' })
  .max(200, { error: 'That is not an invitation code.' })
  .transform(normaliseScanCode)
  .pipe(z.string().regex(SCAN_CODE_PATTERN, { error: 'That is not a Safe Hands invitation. Please sign in another way or ask at the office.' }));

const reportRange = z
  .object({
    kind: oneOf(REPORT_KINDS, 'Choose which report.'),
    from: calendarDate('The first day'),
    to: calendarDate('The last day'),
  })
  .strict()
  .refine((r) => r.from <= r.to, { error: 'The first day must not be after the last.', path: ['to'] })
  .refine((r) => Date.parse(r.to) - Date.parse(r.from) <= 366 * 86_400_000, { error: 'Choose at most a year at a time.', path: ['to'] });

const newStaffPin = z
  .object({ pin, pinAgain: z.string({ error: 'Please type the PIN again.' }) })
  .refine((v) => v.pin === v.pinAgain, { error: 'The two PINs are not the same.', path: ['pinAgain'] });

export const commandSchemas = {
  // --- the kiosk (no staff session) ---------------------------------------------------------------
  'app.status': { role: 'kiosk', input: empty },
  'setup.create': {
    role: 'kiosk',
    input: z
      .object({
        settingName: text('The setting name', 120),
        settingKind: oneOf(SETTING_KINDS, 'Choose nursery or school.'),
        adminName: text('Your name', 80),
        pin,
        pinAgain: z.string({ error: 'Please type the PIN again.' }),
        expectationsTemplate: oneOf(SETTING_KINDS, 'Choose which default expectations to start from.'),
      })
      .strict()
      // The first account is the administrator and the DSL.
      .refine((v) => !pinTooShortFor(['dsl', 'admin'], v.pin), { error: LONG_PIN_MESSAGE, path: ['pin'] })
      .refine((v) => v.pin === v.pinAgain, { error: 'The two PINs are not the same.', path: ['pinAgain'] }),
  },
  'kiosk.config': { role: 'kiosk', input: empty },
  'visitor.findReturning': { role: 'kiosk', input: z.object({ surnamePrefix }).strict() },
  'visitor.returningStatus': { role: 'kiosk', input: z.object({ visitorId: id('Visitor') }).strict() },
  'visit.signInNew': {
    role: 'kiosk',
    input: visitorDetails
      .extend({ policyVersionId: id('Expectations version'), devices })
      .strict()
      .superRefine(surnameAsChosen),
  },
  'visit.signInReturning': {
    role: 'kiosk',
    input: z
      .object({
        visitorId: id('Visitor'),
        visiting: optionalText('Who you are visiting or why', 200),
        acknowledgedPolicyVersionId: id('Expectations version').nullable().optional(),
        devices,
      })
      .strict(),
  },
  'visit.findOnSite': { role: 'kiosk', input: z.object({ surnamePrefix }).strict() },
  'visit.signOutByBadge': { role: 'kiosk', input: z.object({ code: badgeCode }).strict() },
  'badge.print': { role: 'kiosk', input: z.object({ code: badgeCode }).strict() },
  'badge.reprint': { role: 'office', input: z.object({ visitId: id('Visit') }).strict() },
  'visit.signOut': { role: 'kiosk', input: z.object({ visitId: id('Visit') }).strict() },
  'staff.listForUnlock': { role: 'kiosk', input: empty },
  'staff.unlock': { role: 'kiosk', input: z.object({ staffId: id('Staff member'), pin }).strict() },
  'staff.lock': { role: 'kiosk', input: empty },
  'staff.session': { role: 'kiosk', input: empty },

  // --- the staff console --------------------------------------------------------------------------
  // Passive commands are the console's timed refreshes: they need the session but do not keep it alive,
  // so an unattended console still locks itself.
  'console.onSite': { role: 'office', input: empty, passive: true },
  'console.pendingHandovers': { role: 'office', input: empty, passive: true },
  'staff.changeOwnPin': {
    role: 'office',
    input: z
      .object({ currentPin: pin, newPin: newStaffPin })
      .strict(),
  },

  'visit.overrideSignOut': {
    role: 'office',
    input: z.object({ visitId: id('Visit'), reason: text('The reason', 300) }).strict(),
  },

  // --- device custody -----------------------------------------------------------------------------
  'custody.log': {
    role: 'office',
    input: z
      .object({
        handoverId: id('Pending handover').nullable().optional(),
        owner: custodyOwner,
        items: z
          .array(custodyItem, { error: 'The list of items is not valid.' })
          .min(1, { error: 'Add at least one item.' })
          .max(20, { error: 'Log at most 20 items on one receipt.' }),
      })
      .strict(),
  },
  'custody.markNotHandedIn': {
    role: 'office',
    input: z.object({ handoverId: id('Pending handover'), note: text('A note', 300) }).strict(),
  },
  'custody.findReceipt': {
    role: 'office',
    input: z.object({ code: z.string({ error: 'Scan or type a receipt code.' }).max(200, { error: 'That is not a receipt code.' }) }).strict(),
  },
  'custody.searchByOwner': {
    role: 'office',
    input: z.object({ name: text('A name', 80) }).strict(),
  },
  'custody.return': {
    role: 'office',
    input: z
      .object({
        receiptId: id('Receipt'),
        itemIds: z
          .array(id('Item'), { error: 'Choose the items to return.' })
          .min(1, { error: 'Choose at least one item to return.' })
          .max(20, { error: 'At most 20 items at once.' })
          .refine((ids) => new Set(ids).size === ids.length, { error: 'Each item can be returned once.' }),
        returnedTo: text('Who collected it', 120),
        note: optionalText('A note', 300),
      })
      .strict(),
  },
  'custody.handOn': {
    role: 'office',
    input: z
      .object({ itemId: id('Item'), handedTo: text('Who it was handed to', 120), reason: text('Why it was handed on', 300) })
      .strict(),
  },
  'custody.correct': {
    role: 'office',
    input: z
      .object({
        itemId: id('Item'),
        description: optionalText('Make and colour', 120),
        marks: optionalText('Identifying marks', 200),
        bagSlot: text('Bag or slot number', 20),
        reason: text('The reason for the correction', 300),
      })
      .strict(),
  },
  'custody.inSafe': { role: 'office', input: empty, passive: true },
  'custody.reprint': {
    role: 'office',
    input: z.object({ receiptId: id('Receipt'), layout: oneOf(RECEIPT_LAYOUTS, 'Choose a receipt layout.').optional() }).strict(),
  },
  // The printer never took it, so staff wrote the receipt number on paper for the owner: who did, and when.
  'custody.markGivenByHand': { role: 'office', input: z.object({ receiptId: id('Receipt') }).strict() },

  // --- device exceptions ---------------------------------------------------------------------------
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
  'visit.recordChecks': {
    role: 'office',
    input: z
      .object({
        visitId: id('Visit'),
        photoIdChecked: z.boolean({ error: 'Say whether photo ID was checked.' }),
        dbsAssuranceSeen: z.boolean({ error: "Say whether the employer's DBS assurance was seen." }),
      })
      .strict(),
  },

  // --- pre-booked visits -------------------------------------------------------------------------
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
      .superRefine(surnameAsChosen),
  },
  'booking.list': { role: 'office', input: z.object({ date: calendarDate('The date').optional() }).strict(), passive: true },
  'booking.cancel': { role: 'office', input: z.object({ bookingId: id('Booking'), reason: text('The reason', 300) }).strict() },
  'booking.invite': { role: 'office', input: z.object({ bookingId: id('Booking') }).strict() },
  'invite.lookup': { role: 'kiosk', input: z.object({ code: inviteCode }).strict() },
  'visit.signInWithInvite': {
    role: 'kiosk',
    input: z
      .object({ code: inviteCode, acknowledgedPolicyVersionId: id('Expectations version').nullable().optional(), devices })
      .strict(),
  },

  // --- roll call and end of day ---------------------------------------------------------------------
  'rollcall.print': { role: 'office', input: empty },
  'rollcall.save': {
    role: 'office',
    input: z
      .object({
        accountedVisitIds: z
          .array(id('Visit'), { error: 'The list of people accounted for is not valid.' })
          .max(2000, { error: 'That list is too long.' })
          .refine((ids) => new Set(ids).size === ids.length, { error: 'Each person can be ticked once.' }),
        note: optionalText('A note', 1000),
      })
      .strict(),
  },
  'endOfDay.report': { role: 'office', input: empty, passive: true },

  // --- reports --------------------------------------------------------------------------------------
  'report.get': { role: 'office', input: reportRange },
  'report.export': {
    role: 'office',
    input: reportRange.and(z.object({ format: oneOf(['csv', 'pdf'] as const, 'Choose CSV or PDF.') })),
  },

  // --- concerns -------------------------------------------------------------------------------------
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

  // --- the expectations text and its review ------------------------------------------------------------
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
  'console.reminders': { role: 'office', input: empty, passive: true },

  // --- administration -----------------------------------------------------------------------------
  'staff.list': { role: 'admin', input: empty },
  'staff.create': {
    role: 'admin',
    input: z
      .object({ displayName: text('The name', 80), roles: staffRoles, pin, pinAgain: z.string({ error: 'Please type the PIN again.' }) })
      .strict()
      .refine((v) => !pinTooShortFor(v.roles, v.pin), { error: LONG_PIN_MESSAGE, path: ['pin'] })
      .refine((v) => v.pin === v.pinAgain, { error: 'The two PINs are not the same.', path: ['pinAgain'] }),
  },
  'staff.update': {
    role: 'admin',
    input: z.object({ staffId: id('Staff member'), displayName: text('The name', 80), roles: staffRoles }).strict(),
  },
  'staff.resetPin': {
    role: 'admin',
    input: z
      .object({ staffId: id('Staff member'), pin, pinAgain: z.string({ error: 'Please type the PIN again.' }) })
      .strict()
      .refine((v) => v.pin === v.pinAgain, { error: 'The two PINs are not the same.', path: ['pinAgain'] }),
  },
  'staff.unlockAccount': { role: 'admin', input: z.object({ staffId: id('Staff member') }).strict() },
  'staff.deactivate': { role: 'admin', input: z.object({ staffId: id('Staff member'), reason: text('The reason', 300) }).strict() },
  'printers.list': { role: 'admin', input: empty },
  // A logo is a picture, far larger than any form: this one command may send up to about 1 MB.
  'settings.setLogo': {
    role: 'admin',
    bodyLimit: 1_500_000,
    input: z
      .object({
        dataBase64: z
          .string({ error: 'Choose a picture for the logo.' })
          .max(1_500_000, { error: 'The logo is too large: use a picture of at most 1 MB.' })
          .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'That logo file could not be read.' })
          .nullable(),
      })
      .strict(),
  },
  'person.search': { role: 'admin', input: z.object({ name: text('A name', 80) }).strict() },
  'person.export': { role: 'admin', input: z.object({ visitorId: id('Visitor') }).strict() },
  'retention.runNow': { role: 'admin', input: empty },
  'backup.now': { role: 'admin', input: empty },
  'backup.list': { role: 'admin', input: empty },
  'backup.restore': {
    role: 'admin',
    input: z.object({ file: text('The backup file', 1000), confirm: z.literal(true, { error: 'Confirm that you want to replace the current data.' }) }).strict(),
  },
  'settings.get': { role: 'admin', input: empty },
  'settings.update': {
    role: 'admin',
    input: z
      .object({
        idleSeconds: z.number({ error: 'Idle time must be a number of seconds.' }).int().min(30, { error: 'Idle time must be at least 30 seconds.' }).max(1800, { error: 'Idle time must be at most 30 minutes.' }).optional(),
        consoleLockSeconds: z.number({ error: 'Console lock time must be a number of seconds.' }).int().min(60, { error: 'The console must stay open at least a minute.' }).max(3600, { error: 'The console must lock within an hour.' }).optional(),
        reacknowledge: oneOf(REACK_MODES, 'Choose every visit or only when the expectations change.').optional(),
        receiptPrinter: optionalText('Receipt printer', 200).optional(),
        receiptLayout: oneOf(RECEIPT_LAYOUTS, 'Choose a receipt layout.').optional(),
        backupFolder: optionalText('Backup folder', 1000).optional(),
        backupKeep: z.number({ error: 'How many backups to keep must be a number.' }).int({ error: 'How many backups to keep must be a whole number.' })
          .min(1, { error: 'Keep at least one backup.' }).max(365, { error: 'Keep at most 365 backups.' }).optional(),
        backupDaily: z.boolean({ error: 'Say whether to back up every day.' }).optional(),
        autoSignOut: z.boolean({ error: 'Say whether to sign visitors out at the end of the day.' }).optional(),
        settingName: text('The setting name', 120).optional(),
        settingKind: oneOf(SETTING_KINDS, 'Choose nursery or school.').optional(),
        addressLine: optionalText('The address line', 200).optional(),
        retentionYears: z
          .number({ error: 'The retention period must be a number of years.' })
          .int({ error: 'The retention period must be a whole number of years.' })
          .min(1, { error: 'Keep visitor records for at least 1 year.' })
          .max(25, { error: 'Keep visitor records for at most 25 years.' })
          .optional(),
        a4Printer: optionalText('A4 printer', 200).optional(),
        badgeEnabled: z.boolean({ error: 'Say whether to print visitor badges.' }).optional(),
        badgePrinter: optionalText('Badge printer', 200).optional(),
        badgeLayout: oneOf(BADGE_LAYOUTS, 'Choose the badge label size.').optional(),
        endOfDay: z
          .string({ error: 'The end of the day must be a time like 17:30.' })
          .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'The end of the day must be a time like 17:30.' })
          .optional(),
      })
      .strict()
      .refine((v) => Object.keys(v).length > 0, { error: 'Nothing to change.' }),
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
        action: z.string({ error: 'The action must be text.' }).regex(/^[a-z_.]{1,60}$/, { error: 'That is not an action name.' }).optional(),
        actor: optionalText('Who', 80).optional(),
        beforeId: id('Entry').optional(),
        limit: z.number({ error: 'How many must be a number.' }).int().min(1, { error: 'Show at least 1 entry.' }).max(500, { error: 'Show at most 500 entries at a time.' }).optional(),
      })
      .strict(),
  },
} as const satisfies Record<string, { role: RequiredRole; input: z.ZodType; passive?: true; bodyLimit?: number }>;

export type CommandName = keyof typeof commandSchemas;
export const COMMAND_NAMES = Object.keys(commandSchemas) as CommandName[];

export function isCommandName(name: unknown): name is CommandName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(commandSchemas, name);
}

/** What the caller sends (before validation) and what the handler receives (after it). */
export type CommandInput<N extends CommandName> = z.input<(typeof commandSchemas)[N]['input']>;
export type ParsedInput<N extends CommandName> = z.output<(typeof commandSchemas)[N]['input']>;

// --- answers ---------------------------------------------------------------------------------------

export interface AppStatus {
  setUp: boolean;
  settingName: string | null;
  /** Null when SQLite's check at start-up found the database sound; otherwise what to tell the office. */
  databaseProblem: string | null;
  /** Null while Safe Hands can save; otherwise why it cannot (a full or read-only disk) and what to do. */
  storageProblem: StorageProblem | null;
  /** The host's clock (ISO): the screens take "now" and "today" from it, so they agree with the records. */
  now: string;
}

/** Why the disk under the data folder will not take writes: the kiosk is paused until it will again. */
export type StorageProblemKind = 'full' | 'read_only' | 'not_allowed' | 'disk_error';

export interface StorageProblem {
  kind: StorageProblemKind;
  /** For staff: what is wrong and what to do, in plain words. */
  message: string;
  /** For IT: what SQLite or the operating system said. */
  detail: string;
  /** When it was first met (ISO). */
  since: string;
}

export interface PolicyText {
  versionId: number;
  version: number;
  title: string;
  summary: string[];
  fullText: string;
}

export interface KioskConfig {
  settingName: string;
  /** The setting's logo as a data: URL for the welcome screen, or null. */
  logoDataUrl: string | null;
  settingKind: SettingKind;
  idleSeconds: number;
  /** How long the "are you still there?" warning stays up before the kiosk resets. */
  idleWarningSeconds: number;
  consoleLockSeconds: number;
  policy: PolicyText;
}

/** What the public kiosk may show about a person: never a full surname. */
export interface KioskPersonMatch {
  displayName: string;
  organisation: string | null;
}

export interface ReturningMatch extends KioskPersonMatch {
  visitorId: number;
}

export interface OnSiteMatch extends KioskPersonMatch {
  visitId: number;
}

export interface SignInResult {
  visitId: number;
  firstName: string;
  devicesToHandIn: number;
  /** The visit's badge code when badges are switched on: the kiosk asks for the badge to be printed. */
  badgeCode: string | null;
}

export interface SignOutResult {
  firstName: string;
  /** `collect_items`: the visit stays open until the office returns what is in the safe. */
  status: 'signed_out' | 'collect_items';
  itemsInSafe: number;
  /** Devices the visitor declared that the office has not yet logged: they may still be at the desk. */
  devicesDeclaredNotLogged: number;
}

export interface StaffSummary {
  id: number;
  displayName: string;
  /** A Designated Safeguarding Lead: only these are offered as the approver of a device exception. */
  dsl: boolean;
}

export interface StaffSessionInfo {
  staffId: number;
  displayName: string;
  roles: StaffRole[];
  expiresAt: string;
  /** Their PIN is too short for their roles: until they choose a new one, changing it is all this session can do. */
  pinChangeDue: boolean;
}

export interface OnSiteVisit {
  visitId: number;
  visitorId: number;
  firstName: string;
  lastName: string;
  /** Written family name first (王芳): show it with fullName(), never by joining the parts. */
  familyNameFirst: boolean;
  organisation: string | null;
  visitorType: VisitorType;
  visiting: string;
  signedInAt: string;
  policyVersion: number;
  devicesDeclared: { kind: DeviceKind; quantity: number }[];
  itemsInSafe: number;
  /** The visitor tried to sign out at the kiosk and was sent to the office for their items. */
  collectionRequestedAt: string | null;
  deviceUse: DeviceUseMarker | null;
  photoIdCheckedAt: string | null;
  dbsAssuranceSeenAt: string | null;
}

export interface PendingHandover {
  handoverId: number;
  visitId: number;
  firstName: string;
  lastName: string;
  /** Written family name first (王芳): show it with fullName(), never by joining the parts. */
  familyNameFirst: boolean;
  organisation: string | null;
  declaredAt: string;
  visitorSignedOut: boolean;
  /** What is waiting to be logged into the safe. */
  devices: { kind: DeviceKind; quantity: number }[];
  /** Declared devices the visitor may keep under a device-use approval in force now: not waiting. */
  devicesApproved: { kind: DeviceKind; quantity: number }[];
}

export interface SettingsView {
  settingName: string;
  settingKind: SettingKind;
  idleSeconds: number;
  consoleLockSeconds: number;
  reacknowledge: ReackMode;
  receiptPrinter: string | null;
  receiptLayout: ReceiptLayout;
  endOfDay: string;
  /** Null: the data folder's own backups/ folder. */
  backupFolder: string | null;
  backupKeep: number;
  backupDaily: boolean;
  lastBackupAt: string | null;
  autoSignOut: boolean;
  a4Printer: string | null;
  retentionYears: number;
  addressLine: string | null;
  hasLogo: boolean;
  badgeEnabled: boolean;
  badgePrinter: string | null;
  badgeLayout: (typeof BADGE_LAYOUTS)[number];
}

export interface PersonMatch {
  visitorId: number;
  name: string;
  organisation: string | null;
  visits: number;
  lastVisitAt: string | null;
}

/** Everything the setting holds about one visitor, for a subject access request. */
export interface PersonRecords {
  visitor: { visitorId: number; firstName: string; lastName: string; familyNameFirst: boolean; organisation: string | null; firstSeenAt: string };
  visits: { visitId: number; signedInAt: string; signedOutAt: string | null; visitorType: VisitorType; visiting: string; policyVersion: number }[];
  devicesLogged: { receiptNumber: string; kind: DeviceKind; bagSlot: string; state: string; loggedAt: string; closedAt: string | null }[];
  deviceExceptions: { exceptionId: number; approvedAt: string; permittedUse: string; revokedAt: string | null }[];
  concernsAboutVisits: number;
}

export interface ReportView {
  kind: ReportKind;
  title: string;
  from: string;
  to: string;
  columns: string[];
  rows: string[][];
}

export interface RetentionRun {
  cutoff: string;
  visitorsRemoved: number;
  visitsCleared: number;
  bookingsCleared: number;
  custodyCleared: number;
  /** Device exceptions whose free text (use, areas, conditions, risk notes, revocation reason) was replaced. */
  exceptionsCleared: number;
  /** Documents in the data folder, and copies of the database taken before the cut-off, removed with the details they showed. */
  filesRemoved: number;
  /** Documents past the period that could not be removed (the log names them); the next run tries again. */
  filesNotRemoved: number;
}

export interface RollCallRecord {
  /** null when the disk refused the record (see notSaved): the answer below still holds. */
  rollCallId: number | null;
  takenAt: string;
  takenBy: string;
  onSite: number;
  accounted: number;
  /** Full names of those not ticked: the people still to find. */
  missing: string[];
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

export interface BackupFile {
  file: string;
  fileName: string;
  takenAt: string;
  sizeBytes: number;
}

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

export interface ReceiptView {
  receiptId: number;
  receiptNumber: string;
  ownerType: OwnerType;
  ownerName: string;
  ownerDetail: string | null;
  visitId: number | null;
  visitOpen: boolean;
  createdAt: string;
  createdBy: string;
  /** Copies the print spooler took. 0: never printed (the printer refused, or the app stopped first). */
  printCount: number;
  /** Why a receipt never printed did not, the last time it was tried (null: printed, or never tried). */
  printProblem: string | null;
  /** Written out by hand for the owner because the printer never took it; null otherwise. */
  givenByHand: GivenByHand | null;
  items: CustodyItemView[];
}

/** A receipt staff wrote out on paper for its owner ("Written by hand and given"): who, and when. */
export interface GivenByHand {
  at: string;
  by: string;
}

/** What happened when a receipt was sent to the printer; the custody record stands either way. */
export type PrintStatus = (
  | { printed: true; printer: string; documentId: string }
  | { printed: false; reason: string; documentId: string | null }
) & {
  /** Set when a name on the document has letters no font on this computer can print (shown as boxes). */
  warning?: string;
};

export interface SafeOwnerGroup {
  ownerType: OwnerType;
  ownerName: string;
  ownerDetail: string | null;
  visitId: number | null;
  collectionRequestedAt: string | null;
  oldestLoggedAt: string;
  pastEndOfDay: boolean;
  receipts: { receiptId: number; receiptNumber: string; printCount: number; printProblem: string | null; givenByHand: GivenByHand | null }[];
  items: CustodyItemView[];
  /** A visitor whose device use the DSL approved, or whose approval has ended. */
  deviceUse: DeviceUseMarker | null;
}

export interface StaffAccount {
  staffId: number;
  displayName: string;
  roles: StaffRole[];
  active: boolean;
  lockedUntil: string | null;
}

export type ReviewStatus = 'ok' | 'due_soon' | 'overdue';

export interface PolicyDetail {
  current: PolicyText & { createdAt: string; createdBy: string | null };
  reviewDue: string;
  reviewStatus: ReviewStatus;
  lastReview: { reviewedAt: string; reviewedBy: string; note: string } | null;
  versions: { versionId: number; version: number; title: string; createdAt: string; createdBy: string | null; acknowledgements: number }[];
}

export type Reminder =
  | { kind: 'policy_review'; message: string; status: ReviewStatus; dueAt: string }
  /** The audit check found entries or records changed outside Safe Hands: each problem in words. */
  | { kind: 'audit_problem'; message: string; problems: string[] }
  /** Safe Hands cannot save (a full or read-only disk): shown to every member of staff, with what to do. */
  | { kind: 'storage_problem'; message: string; detail: string }
  /**
   * A scheduled job's last run failed, shown to every member of staff until a later run works: failedAt is
   * the first failure since it last worked; message says what was not done, why and what to do.
   */
  | { kind: 'job_failed'; job: ScheduledJob; failedAt: string; lastTriedAt: string; message: string; detail: string | null };

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

export interface CommandOutputs {
  'app.status': AppStatus;
  'setup.create': { staffId: number };
  'kiosk.config': KioskConfig;
  'visitor.findReturning': { matches: ReturningMatch[] };
  'visitor.returningStatus': { needsAcknowledgement: boolean };
  'visit.signInNew': SignInResult;
  'visit.signInReturning': SignInResult;
  'visit.findOnSite': { matches: OnSiteMatch[] };
  'visit.signOut': SignOutResult;
  'staff.listForUnlock': { staff: StaffSummary[] };
  'staff.unlock': StaffSessionInfo;
  'staff.lock': { locked: true };
  'staff.session': { session: StaffSessionInfo | null };
  /** `badgesEnabled`: the setting prints visitor badges, so Today offers to print one again. */
  'console.onSite': { visits: OnSiteVisit[]; badgesEnabled: boolean };
  'console.pendingHandovers': { handovers: PendingHandover[] };
  'staff.changeOwnPin': { changed: true };
  'settings.get': SettingsView;
  'settings.update': SettingsView;
  'audit.verify': AuditVerification;
  'audit.list': { entries: AuditEntryView[]; moreBefore: number | null };
  'audit.checkMark': { holds: boolean; message: string };
  'visit.overrideSignOut': { signedOut: true; itemsStillInSafe: number };
  'custody.log': { receipt: ReceiptView; print: PrintStatus };
  'custody.markNotHandedIn': { closed: true };
  'custody.findReceipt': ReceiptView;
  'custody.searchByOwner': { receipts: ReceiptView[] };
  'custody.return': { receipt: ReceiptView; visitSignedOut: boolean };
  'custody.handOn': ReceiptView;
  'custody.correct': ReceiptView;
  'custody.inSafe': { owners: SafeOwnerGroup[]; itemCount: number };
  'custody.reprint': { receipt: ReceiptView; print: PrintStatus };
  'custody.markGivenByHand': ReceiptView;
  'printers.list': { printers: { name: string; isDefault: boolean }[] };
  'settings.setLogo': { hasLogo: boolean };
  'concern.raise': ConcernView;
  'concern.list': { concerns: ConcernView[] };
  'concern.review': ConcernView;
  'policy.get': PolicyDetail;
  'policy.publish': PolicyDetail;
  'policy.recordReview': PolicyDetail;
  'console.reminders': { reminders: Reminder[] };
  'staff.list': { staff: StaffAccount[] };
  'staff.create': StaffAccount;
  'staff.update': StaffAccount;
  'staff.resetPin': StaffAccount;
  'staff.unlockAccount': StaffAccount;
  'staff.deactivate': StaffAccount;
  'exception.approve': ExceptionView;
  'exception.revoke': ExceptionView;
  'exception.list': { exceptions: ExceptionView[] };
  'exception.record': { print: PrintStatus };
  'exception.lookup': ExceptionView & { visitorName: string | null };
  'visit.recordChecks': { visitId: number; photoIdCheckedAt: string | null; dbsAssuranceSeenAt: string | null };
  'booking.create': BookingView;
  'booking.list': { date: string; bookings: BookingView[] };
  'booking.cancel': BookingView;
  /** `warning`: as PrintStatus's, when the visitor's name has letters no font here can print. */
  'booking.invite': { documentId: string; warning?: string };
  'invite.lookup': { displayName: string; needsAcknowledgement: boolean; deviceUseApproved: boolean };
  'visit.signInWithInvite': SignInResult;
  'backup.now': BackupFile;
  'backup.list': { folder: string; backups: BackupFile[] };
  'backup.restore': { restoredFrom: string; keptAside: string };
  'visit.signOutByBadge': SignOutResult;
  'badge.print': { print: PrintStatus };
  'badge.reprint': { print: PrintStatus };
  'report.get': ReportView;
  'report.export': { documentId: string; fileName: string; rows: number };
  'person.search': { people: PersonMatch[] };
  'person.export': PersonRecords;
  'retention.runNow': RetentionRun;
  'rollcall.print': { people: number; print: PrintStatus };
  'rollcall.save': RollCallRecord;
  'endOfDay.report': EndOfDayReport;
}

export type CommandOutput<N extends CommandName> = CommandOutputs[N];

/** The client side of the contract: what `api.invoke` looks like in the renderer and in tests. */
export type Invoke = <N extends CommandName>(
  name: N,
  input: CommandInput<N>,
) => Promise<import('../domain/errors.js').CommandResult<CommandOutput<N>>>;

/** The one IPC channel; the preload repeats it (sandboxed preloads cannot import), a test keeps them equal. */
export const IPC_CHANNEL = 'safe-hands:invoke';

// A command without a declared answer type fails to compile here.
export type EveryCommandHasAnOutput = { [N in CommandName]: CommandOutputs[N] };
