import type { StaffRole } from './roles.js';

/**
 * How long a staff PIN must be. Every account may use 4 to 8 digits, but the Designated Safeguarding Lead
 * and administrators hold the keys to the most (approvals, every record, other people's PINs), so theirs
 * must be at least 6: a million possibilities instead of ten thousand, against the same daily guess budget.
 */
export const MIN_PIN_DIGITS = 4;
export const MAX_PIN_DIGITS = 8;
export const LONG_PIN_DIGITS = 6;

/** The roles that need a long PIN. */
export const LONG_PIN_ROLES: readonly StaffRole[] = ['dsl', 'admin'];

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

/** Said at the PIN field when a DSL's or administrator's new PIN is too short. */
export const LONG_PIN_MESSAGE = `A Designated Safeguarding Lead or administrator needs a PIN of at least ${LONG_PIN_DIGITS} digits.`;

/** Said to someone whose PIN is too short for their roles, until they choose a new one. */
export const PIN_CHANGE_DUE_MESSAGE = `Your PIN is too short for your role. Choose a new PIN of at least ${LONG_PIN_DIGITS} digits before you carry on.`;
