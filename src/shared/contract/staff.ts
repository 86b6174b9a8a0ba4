import { z } from 'zod';
import type { DeviceKind } from '../domain/devices.js';
import type { StaffRole } from '../domain/roles.js';
import { STAFF_ROLES } from '../domain/roles.js';
import { calendarDate, empty, id, oneOf, optionalText, pin, pinCode, text } from '../validation.js';
import { DEVICE_KINDS } from '../domain/devices.js';
import { STAFF_PERMISSION_PURPOSES, type StaffPermissionInForce, type StaffPermissionView } from '../domain/staff-permissions.js';
import { LONG_PIN_MESSAGE, pinTooShortFor } from '../domain/pin-rules.js';
import type { CommandSchema } from './fields.js';
import type { PrintStatus } from './answers.js';
import { custodyItem, type ReceiptView } from './custody.js';
import { MAX_SCAN_CODE_INPUT, onceAnswered } from './fields.js';
import { normaliseScanCode, SCAN_CODE_PATTERN } from '../domain/scan-code.js';

/**
 * Staff: unlocking a console, PINs, the accounts the administrator keeps, and staff days (signing in and out
 * of work, with their phone into the safe where the setting keeps them there), and the headteacher's written
 * permission for a member of staff to use their own device. Prefixes: staff., staffDay., staffPermission.
 */

const staffRoles = z
  .array(oneOf(STAFF_ROLES, 'That is not a role Safe Hands knows.'), { error: 'Choose the roles.' })
  .max(STAFF_ROLES.length, { error: 'Each role can be given once.' })
  .refine((roles) => new Set(roles).size === roles.length, { error: 'Each role can be given once.' })
  // Every account can do office work; DSL and admin are added to it.
  .transform((roles) => [...new Set(['office' as const, ...roles])]);

/**
 * A member of staff's own phone, into the safe as they sign in: the same bag or slot and description rules
 * as logging any item (custody.log), since it is logged by that same path.
 */
const ownPhone = z
  .object(
    { bagSlot: custodyItem.shape.bagSlot, description: custodyItem.shape.description },
    { error: 'Say whether your phone is going into the safe.' },
  )
  .strict()
  .nullable();

/** At signing out: also take their own devices out of the safe (returned to them), when the setting keeps them there. */
const collectPhone = z.boolean({ error: 'Say whether you are taking your phone from the safe.' });

const newStaffPin = z
  .object({ pin, pinAgain: z.string({ error: 'Please type the PIN again.' }) })
  .refine((v) => v.pin === v.pinAgain, { error: 'The two PINs are not the same.', path: ['pinAgain'] });

/**
 * A member of staff's permission to use their own device, as the office writes it down from the headteacher's
 * decision: who, which device, what for, where, on what conditions, from when (until when, if it ends), and
 * the headteacher or leader who approved it typing their own PIN now. Remote learning on a personal device
 * needs a formal risk assessment first (school §4): the day it was done is asked for.
 */
const recordPermission = z
  .object({
    staffId: id('The member of staff', { missing: 'Choose the member of staff.' }),
    deviceKind: oneOf(DEVICE_KINDS, 'Choose what kind of device it is.'),
    deviceDescription: text('The description', 120, { missing: 'Describe the device, for example "black iPhone 13".' }),
    purpose: oneOf(STAFF_PERMISSION_PURPOSES, 'Choose what the permission is for.'),
    purposeDetail: optionalText('What it is for', 300),
    permittedUse: text('Permitted use', 500, { missing: 'Say what the device may be used for.' }),
    permittedAreas: text('Where', 300, { missing: 'Say where on site it may be used, for example "the Year 6 classroom".' }),
    conditions: optionalText('Conditions', 1000),
    riskAssessedOn: calendarDate('The day of the risk assessment').nullable(),
    validFrom: calendarDate('The first day'),
    validUntil: calendarDate('The last day').nullable(),
    approvedBy: z
      .object({ staffId: id('Who approved', { missing: 'Choose who approved.' }), pin }, { error: 'Choose who approved, and have them type their own PIN.' })
      .strict(),
  })
  .strict()
  .refine((v) => v.purpose !== 'other' || v.purposeDetail !== null, {
    error: 'Say what the permission is for.', path: ['purposeDetail'], ...onceAnswered('purpose', 'purposeDetail'),
  })
  .refine((v) => v.purpose !== 'remote_learning' || v.riskAssessedOn !== null, {
    error: 'Remote learning on a personal device needs a risk assessment first: enter the day it was done.',
    path: ['riskAssessedOn'], ...onceAnswered('purpose', 'riskAssessedOn'),
  })
  .refine((v) => v.validUntil === null || v.validUntil >= v.validFrom, {
    error: 'The last day cannot be before the first day.', path: ['validUntil'], ...onceAnswered('validFrom', 'validUntil'),
  });

/**
 * A staff badge's code as the kiosk's scanner types it, or a person copies it from under the QR: any case,
 * with or without the spaces between its groups of four. Its name tells the PIN throttle to count it.
 */
const badgeCode = z
  .string({ error: 'Scan your staff badge.' })
  .max(MAX_SCAN_CODE_INPUT, { error: 'That is not a staff badge.' })
  .transform(normaliseScanCode)
  .pipe(z.string().regex(SCAN_CODE_PATTERN, { error: 'That is not a Safe Hands staff badge. Scan it again, or choose your name.' }));

/** One signed-in member of staff's day, for the office's break-time taps. */
const staffDayId = id('Staff day', { missing: 'Choose who it is.' });

export const staffCommands = {
  'staff.listForUnlock': { role: 'kiosk', input: empty },
  'staff.unlock': { role: 'kiosk', input: z.object({ staffId: id('Staff member'), pin }).strict() },
  'staff.lock': { role: 'kiosk', input: empty },
  'staff.session': { role: 'kiosk', input: empty },

  'staff.changeOwnPin': {
    role: 'office',
    input: z
      .object({ currentPin: pinCode({ wrong: 'Type the PIN you unlocked with.' }), newPin: newStaffPin })
      .strict(),
  },

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
  'staff.deactivate': {
    role: 'admin',
    input: z
      .object({
        staffId: id('Staff member'),
        reason: text('The reason', 300, { missing: 'Say why the account is being deactivated, for example "Left the school in July".' }),
      })
      .strict(),
  },

  // Staff days. At the console, for whoever unlocked it; at the kiosk, for the person whose PIN is typed,
  // counted against their account when wrong like the lock screen's.
  'staffDay.onSite': { role: 'office', input: empty, passive: true },
  'staffDay.signIn': { role: 'office', input: z.object({ phone: ownPhone }).strict() },
  'staffDay.signOut': { role: 'office', input: z.object({ collectPhone }).strict() },
  'staffDay.kioskNames': { role: 'kiosk', input: empty },
  'staffDay.signInAtKiosk': { role: 'kiosk', input: z.object({ staffId: id('Staff member', { missing: 'Choose your name.' }), pin, phone: ownPhone }).strict() },
  'staffDay.signOutAtKiosk': { role: 'kiosk', input: z.object({ staffId: id('Staff member', { missing: 'Choose your name.' }), pin, collectPhone }).strict() },
  // Staff badges: the administrator issues (or replaces) one; at the kiosk the badge is the proof, as the PIN is.
  'staff.issueBadge': { role: 'admin', input: z.object({ staffId: id('Staff member') }).strict() },
  'staffDay.findByBadge': { role: 'kiosk', input: z.object({ badgeCode }).strict() },
  'staffDay.signInByBadge': { role: 'kiosk', input: z.object({ badgeCode, phone: ownPhone }).strict() },
  'staffDay.signOutByBadge': { role: 'kiosk', input: z.object({ badgeCode, collectPhone }).strict() },
  // Break time where staff phones are kept in the safe: out to them, and back under the same receipt.
  'staffDay.breakOut': { role: 'office', input: z.object({ staffDayId }).strict() },
  'staffDay.breakBack': { role: 'office', input: z.object({ staffDayId }).strict() },

  // Permission to use a personal device. Everyone sees the list (the front desk needs to know who may keep
  // their phone); the office records one with the headteacher's PIN, prints it and records it signed; only
  // the headteacher or a leader ends one.
  'staffPermission.list': { role: 'office', input: empty, passive: true },
  'staffPermission.record': { role: 'office', input: recordPermission },
  'staffPermission.print': { role: 'office', input: z.object({ permissionId: id('Permission') }).strict() },
  'staffPermission.recordSigned': {
    role: 'office',
    input: z.object({ permissionId: id('Permission'), signedOn: calendarDate('The day it was signed', { missing: 'Enter the day it was signed.' }) }).strict(),
  },
  'staffPermission.end': {
    role: 'head',
    input: z.object({ permissionId: id('Permission'), reason: text('The reason', 300, { missing: 'Say why the permission ends.' }) }).strict(),
  },
} as const satisfies Record<string, CommandSchema>;

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

export interface StaffAccount {
  staffId: number;
  displayName: string;
  roles: StaffRole[];
  active: boolean;
  lockedUntil: string | null;
  /** When their working staff badge was issued; null when they have none. */
  badgeIssuedAt: string | null;
  /** Signed in for work now, since then (deactivating the account signs them out). */
  signedInSince: string | null;
}

/** Whose a scanned staff badge is; `signedInAt`: they signed in today and have not signed out. */
export interface StaffBadgeHolder {
  staffId: number;
  displayName: string;
  signedInAt: string | null;
}

/** What a break-time tap moved: each device, and the receipt it is (or stays) under. */
export interface StaffBreakDone {
  displayName: string;
  devices: { kind: DeviceKind; bagSlot: string; receiptNumber: string }[];
}

export const STAFF_DAY_WAYS = ['console', 'kiosk'] as const;
/** Where a member of staff signed in or out. */
export type StaffDayWay = (typeof STAFF_DAY_WAYS)[number];

/** One of a member of staff's own devices in the safe now. */
export interface StaffDeviceInSafe {
  receiptId: number;
  receiptNumber: string;
  itemId: number;
  kind: DeviceKind;
  description: string | null;
  bagSlot: string;
  loggedAt: string;
}

/** A device they took out of the safe since signing in (a break) and have not put back: "Back in the safe" logs it again. */
export interface StaffDeviceOut {
  kind: DeviceKind;
  description: string | null;
  bagSlot: string;
  takenAt: string;
}

/** A member of staff signed in now. */
export interface StaffOnSite {
  staffDayId: number;
  staffId: number;
  displayName: string;
  signedInAt: string;
  signedInHow: StaffDayWay;
  /** They signed in on an earlier day and never signed out: probably not here; the roll call says so. */
  fromEarlierDay: boolean;
  /** A phone of theirs is in the safe now (what a setting that keeps staff phones there asks). */
  phoneInSafe: boolean;
  devicesInSafe: StaffDeviceInSafe[];
  devicesOut: StaffDeviceOut[];
  /** Their signed permissions in force today: with one for a phone, they are not asked for it at the safe. */
  mayKeep: StaffPermissionInForce[];
}

export interface StaffDaySignedIn {
  staffDayId: number;
  displayName: string;
  signedInAt: string;
  /** When they never signed out of an earlier day: that day's sign-in time (it is closed now, marked "did not sign out"). */
  earlierDayClosed: string | null;
  /** Their phone's receipt, when it went into the safe with the sign-in. */
  phone: { receipt: ReceiptView; print: PrintStatus } | null;
}

export interface StaffDaySignedOut {
  staffDayId: number;
  displayName: string;
  signedInAt: string;
  signedOutAt: string;
  /** The day signed out of began on an earlier day (they never signed out then): it is closed as "did not sign out". */
  wasEarlierDay: boolean;
  /** Their devices returned to them from the safe with the sign-out. */
  takenFromSafe: number;
  /** Their devices still in the safe after it. */
  stillInSafe: number;
}

export interface StaffOutputs {
  'staff.listForUnlock': { staff: StaffSummary[] };
  'staff.unlock': StaffSessionInfo;
  'staff.lock': { locked: true };
  'staff.session': { session: StaffSessionInfo | null };
  /** `badgesEnabled`: the setting prints visitor badges, so Today offers to print one again. */
  'staff.changeOwnPin': { changed: true };
  'staff.list': { staff: StaffAccount[] };
  'staff.create': StaffAccount;
  'staff.update': StaffAccount;
  'staff.resetPin': StaffAccount;
  'staff.unlockAccount': StaffAccount;
  'staff.deactivate': StaffAccount;
  /** Signed in now, by name. `phonesInSafe`: the setting keeps staff phones in the safe during working hours. */
  'staffDay.onSite': { staff: StaffOnSite[]; phonesInSafe: boolean };
  'staffDay.signIn': StaffDaySignedIn;
  'staffDay.signOut': StaffDaySignedOut;
  /** Who may sign in at the kiosk (every active account), and whether to offer their phone into the safe. */
  'staffDay.kioskNames': { staff: { staffId: number; displayName: string }[]; phonesInSafe: boolean };
  'staffDay.signInAtKiosk': StaffDaySignedIn;
  'staffDay.signOutAtKiosk': StaffDaySignedOut;
  /** The badge printed (a new code: any earlier badge of theirs stops working), and the account as it is now. */
  'staff.issueBadge': { account: StaffAccount; replaced: boolean; print: PrintStatus };
  'staffDay.findByBadge': StaffBadgeHolder;
  'staffDay.signInByBadge': StaffDaySignedIn;
  'staffDay.signOutByBadge': StaffDaySignedOut;
  'staffDay.breakOut': StaffBreakDone;
  /** Back in the safe under the receipt each device came out of: nothing new is printed. */
  'staffDay.breakBack': StaffBreakDone;
  /**
   * Current permissions (awaiting a signature, in force or still to start) first, soonest to end first; then
   * ended and run-out ones, newest first. `heads`: who may approve; `staff`: who one may be for.
   */
  'staffPermission.list': { permissions: StaffPermissionView[]; heads: { staffId: number; displayName: string }[]; staff: { staffId: number; displayName: string }[] };
  'staffPermission.record': StaffPermissionView;
  /** The written permission on A4, kept and printed: for the headteacher and the member of staff to sign. */
  'staffPermission.print': { print: PrintStatus };
  'staffPermission.recordSigned': StaffPermissionView;
  'staffPermission.end': StaffPermissionView;
}
