import { z } from 'zod';
import type { DeviceKind } from '../domain/devices.js';
import { REACK_MODES, SETTING_KINDS, type ReackMode, type SettingKind } from '../domain/setting.js';
import type { VisitorType } from '../domain/visitors.js';
import { empty, id, oneOf, optionalText, pin, text } from '../validation.js';
import { LONG_PIN_MESSAGE, pinTooShortFor } from '../domain/pin-rules.js';
import type { ScheduledJob } from '../domain/scheduled-jobs.js';
import { MAX_LOSS_AND_DAMAGE } from '../domain/loss-and-damage.js';
import { type CommandSchema, RECEIPT_LAYOUTS, type ReceiptLayout } from './fields.js';
import { EXPECTATIONS_TEXT_FIELDS, type ReviewStatus } from './safeguarding.js';
import type { SignatureView } from './visits.js';

/**
 * Admin: setting up, settings and logo, printers, backups, retention and subject access, and the app's
 * status and reminders. Prefixes: app., setup., settings., printers., backup., retention., person.
 */

export const BADGE_LAYOUTS = ['dymo_2_25x4', 'brother_62mm'] as const;

export const adminCommands = {
  'app.status': { role: 'kiosk', input: empty },
  /** What the console's banner shows every member of staff: reviews due, a broken audit trail, a full disk, a failed job. */
  'app.reminders': { role: 'office', input: empty, passive: true },
  // First run only (refused once set up): the default expectations to start from, and the printers this PC knows.
  'setup.defaults': { role: 'kiosk', input: empty },
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
        // The default text as edited on the setup screen; left out (or null), the template is used as shipped.
        expectations: z.object(EXPECTATIONS_TEXT_FIELDS, { error: 'The expectations could not be read. Choose a template again.' }).strict().nullable().optional(),
        // Where receipts print; left out (or null), receipts are saved as PDFs until an administrator chooses one.
        receiptPrinter: optionalText('Receipt printer', 200).optional(),
      })
      .strict()
      // The first account is the administrator and the DSL.
      .refine((v) => !pinTooShortFor(['dsl', 'admin'], v.pin), { error: LONG_PIN_MESSAGE, path: ['pin'] })
      .refine((v) => v.pin === v.pinAgain, { error: 'The two PINs are not the same.', path: ['pinAgain'] }),
  },
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
    input: z
      .object({
        file: text('The backup file', 1000, { missing: 'Type the whole path of the backup file.' }),
        confirm: z.literal(true, { error: 'Confirm that you want to replace the current data.' }),
      })
      .strict(),
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
        staffPhonesInSafe: z.boolean({ error: 'Say whether staff phones go in the safe during working hours.' }).optional(),
        askForSignature: z.boolean({ error: 'Say whether visitors sign with a finger on the expectations screen.' }).optional(),
        lossAndDamage: text('The loss and damage line', MAX_LOSS_AND_DAMAGE, {
          missing: 'Say what the setting accepts for devices in its safe, or put back the suggested wording.',
        }).optional(),
      })
      .strict()
      .refine((v) => Object.keys(v).length > 0, { error: 'Nothing to change.' }),
  },
} as const satisfies Record<string, CommandSchema>;

/** The words of an expectations text: a title, the short summary visitors read first, and the full text. */
export interface ExpectationsText {
  title: string;
  summary: string[];
  fullText: string;
}

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
/** Why Safe Hands cannot save: its disk (SQLite), or the database server it shares with other desks (PostgreSQL). */
export type StorageProblemKind = 'full' | 'read_only' | 'not_allowed' | 'disk_error' | 'unreachable';

export interface StorageProblem {
  kind: StorageProblemKind;
  /** For staff: what is wrong and what to do, in plain words. */
  message: string;
  /** For IT: what SQLite or the operating system said. */
  detail: string;
  /** When it was first met (ISO). */
  since: string;
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
  /** Staff phones go in the safe during working hours (nursery §4): signing in offers it, Today lists who has not. */
  staffPhonesInSafe: boolean;
  /** Visitors sign with a finger on the expectations screen; the signature is kept with the acknowledgement. */
  askForSignature: boolean;
  /** What the setting accepts for devices in its safe: printed on every receipt, shown with the expectations. */
  lossAndDamage: string;
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
  visits: {
    visitId: number; signedInAt: string; signedOutAt: string | null; visitorType: VisitorType; visiting: string; policyVersion: number;
    /** The signature drawn at the kiosk for the acknowledgement covering the visit, if one was asked for. */
    signature: SignatureView | null;
  }[];
  devicesLogged: { receiptNumber: string; kind: DeviceKind; bagSlot: string; state: string; loggedAt: string; closedAt: string | null }[];
  deviceExceptions: { exceptionId: number; approvedAt: string; permittedUse: string; revokedAt: string | null }[];
  concernsAboutVisits: number;
}

export interface RetentionRun {
  cutoff: string;
  visitorsRemoved: number;
  visitsCleared: number;
  bookingsCleared: number;
  custodyCleared: number;
  /** Device exceptions whose free text (use, areas, conditions, risk notes, revocation reason) was replaced. */
  exceptionsCleared: number;
  /** Pupils' device agreements that finished before the cut-off, whose words naming the pupil were replaced. */
  agreementsCleared: number;
  /** Searches of pupils' devices whose words naming people (who consented, what was seen) were replaced. */
  searchesCleared: number;
  /** Pupils' device exceptions that finished before the cut-off, whose words naming the pupil (and who signed) were replaced. */
  learnerExceptionsCleared: number;
  /** Releases of confiscated devices to a parent or carer, and handovers to the police, whose names were removed with the custody item's. */
  confiscationsCleared: number;
  /** Signatures visitors drew at the kiosk, removed with their details. */
  signaturesCleared: number;
  /** Visitors' requests to keep a device whose words (what for, why declined) were removed with the visitor's details. */
  exceptionRequestsCleared: number;
  /** Staff members' device permissions that finished before the cut-off, whose words (device, use, where, conditions) were replaced. */
  staffPermissionsCleared: number;
  /** Documents in the data folder, and copies of the database taken before the cut-off, removed with the details they showed. */
  filesRemoved: number;
  /** Documents past the period that could not be removed (the log names them); the next run tries again. */
  filesNotRemoved: number;
}

/**
 * Who backs the records up: Safe Hands, copying its SQLite file into the folder; or the PostgreSQL server the
 * desk keeps its records on (pg_dump, the README), when Safe Hands makes and restores none itself.
 */
export type BackupKeeper = 'safe_hands' | 'database_server';

export interface BackupFile {
  file: string;
  fileName: string;
  takenAt: string;
  sizeBytes: number;
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

export interface AdminOutputs {
  'app.status': AppStatus;
  'app.reminders': { reminders: Reminder[] };
  'setup.defaults': { expectations: Record<SettingKind, ExpectationsText>; printers: { name: string; isDefault: boolean }[] };
  'setup.create': { staffId: number };
  'settings.get': SettingsView;
  'settings.update': SettingsView;
  'printers.list': { printers: { name: string; isDefault: boolean }[] };
  'settings.setLogo': { hasLogo: boolean };
  'backup.now': BackupFile;
  'backup.list': { folder: string; backups: BackupFile[]; keptBy: BackupKeeper };
  'backup.restore': { restoredFrom: string; keptAside: string };
  'person.search': { people: PersonMatch[] };
  'person.export': PersonRecords;
  'retention.runNow': RetentionRun;
}
