/** Roles a staff account can hold. Every staff account can do office work. */
export const STAFF_ROLES = ['office', 'dsl', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/**
 * What a command needs: `kiosk` is anyone at the reception screen, the rest need an unlocked staff session.
 * `dsl_or_admin` is for records both the DSL and administrators look after (the audit trail).
 */
export type RequiredRole = 'kiosk' | StaffRole | 'dsl_or_admin';

export const ROLE_LABELS: Record<StaffRole, string> = {
  office: 'Office',
  dsl: 'Designated Safeguarding Lead',
  admin: 'Administrator',
};

export const REQUIRED_ROLE_LABELS: Record<Exclude<RequiredRole, 'kiosk'>, string> = {
  ...ROLE_LABELS,
  dsl_or_admin: 'Designated Safeguarding Lead or Administrator',
};

export function roleAllows(held: readonly StaffRole[] | null, required: RequiredRole): boolean {
  if (required === 'kiosk') return true;
  if (held === null) return false;
  // Office work is the baseline of every staff account; DSL and admin are granted, never implied.
  if (required === 'office') return held.length > 0;
  if (required === 'dsl_or_admin') return held.includes('dsl') || held.includes('admin');
  return held.includes(required);
}
