/** Roles a staff account can hold. Every staff account can do office work. */
export const STAFF_ROLES = ['office', 'dsl', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** What a command needs: `kiosk` is anyone at the reception screen, the rest need an unlocked staff session. */
export type RequiredRole = 'kiosk' | StaffRole;

export const ROLE_LABELS: Record<StaffRole, string> = {
  office: 'Office',
  dsl: 'Designated Safeguarding Lead',
  admin: 'Administrator',
};

export function roleAllows(held: readonly StaffRole[] | null, required: RequiredRole): boolean {
  if (required === 'kiosk') return true;
  if (held === null) return false;
  // Office work is the baseline of every staff account; DSL and admin are granted, never implied.
  if (required === 'office') return held.length > 0;
  return held.includes(required);
}
