import type { StaffRole } from './roles.js';

/**
 * How long a staff PIN must be. Every account may use 4 to 8 digits, but the Designated Safeguarding Lead,
 * administrators and heads hold the keys to the most (approvals, every record, other people's PINs; a head
 * agrees pupils' devices, searches a child's phone, hands it to the police and gives staff permission to
 * use their own), so theirs must be at least 6: a million possibilities instead of ten thousand, against the
 * same daily guess budget. A head whose PIN predates this is asked for a longer one at their next unlock.
 */
export const MIN_PIN_DIGITS = 4;
export const MAX_PIN_DIGITS = 8;
export const LONG_PIN_DIGITS = 6;

/** The roles that need a long PIN. */
export const LONG_PIN_ROLES: readonly StaffRole[] = ['dsl', 'admin', 'head'];

export function needsLongPin(roles: readonly StaffRole[]): boolean {
  return roles.some((role) => LONG_PIN_ROLES.includes(role));
}

/** The fewest digits a PIN may have for an account holding these roles. */
export function minPinDigitsFor(roles: readonly StaffRole[]): number {
  return needsLongPin(roles) ? LONG_PIN_DIGITS : MIN_PIN_DIGITS;
}

/** Whether this PIN is too short for these roles (only its length is looked at). */
export function pinTooShortFor(roles: readonly StaffRole[], pin: string): boolean {
  return pin.length < minPinDigitsFor(roles);
}

/** Said at the PIN field when a DSL's, administrator's or head's new PIN is too short. */
export const LONG_PIN_MESSAGE = `A Designated Safeguarding Lead, administrator or head needs a PIN of at least ${LONG_PIN_DIGITS} digits.`;

/** Said to someone whose PIN is too short for their roles, until they choose a new one. */
export const PIN_CHANGE_DUE_MESSAGE = `Your PIN is too short for your role. Choose a new PIN of at least ${LONG_PIN_DIGITS} digits before you carry on.`;
