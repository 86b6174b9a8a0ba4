import { z } from 'zod';
import type { DeviceKind } from '../domain/devices.js';
import type { StaffRole } from '../domain/roles.js';
import { STAFF_ROLES } from '../domain/roles.js';
import { empty, id, oneOf, pin, pinCode, text } from '../validation.js';
import { LONG_PIN_MESSAGE, pinTooShortFor } from '../domain/pin-rules.js';
import type { CommandSchema } from './fields.js';
import type { PrintStatus } from './answers.js';
import { custodyItem, type ReceiptView } from './custody.js';

/**
 * Staff: unlocking a console, PINs, the accounts the administrator keeps, and staff days (signing in and out
 * of work, with their phone into the safe where the setting keeps them there). Prefixes: staff., staffDay.
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
}
