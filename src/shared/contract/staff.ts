import { z } from 'zod';
import type { StaffRole } from '../domain/roles.js';
import { STAFF_ROLES } from '../domain/roles.js';
import { empty, id, oneOf, pin, pinCode, text } from '../validation.js';
import { LONG_PIN_MESSAGE, pinTooShortFor } from '../domain/pin-rules.js';
import type { CommandSchema } from './fields.js';

/** Staff: unlocking a console, PINs, and the accounts the administrator keeps. Prefix: staff. */

const staffRoles = z
  .array(oneOf(STAFF_ROLES, 'That is not a role Safe Hands knows.'), { error: 'Choose the roles.' })
  .max(STAFF_ROLES.length, { error: 'Each role can be given once.' })
  .refine((roles) => new Set(roles).size === roles.length, { error: 'Each role can be given once.' })
  // Every account can do office work; DSL and admin are added to it.
  .transform((roles) => [...new Set(['office' as const, ...roles])]);

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
}
