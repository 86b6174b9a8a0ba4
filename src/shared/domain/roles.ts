/**
 * Roles a staff account can hold. Every staff account can do office work. `head` is the headteacher or a
 * member of the leadership team: the school's policy gives them pupils' device agreements (and searches).
 */
export const STAFF_ROLES = ['office', 'dsl', 'admin', 'head'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/**
 * What a command needs: `kiosk` is anyone at the reception screen, the rest need an unlocked staff session.
 * `dsl_or_admin` is for records both the DSL and administrators look after (the audit trail). `dsl_or_head` is
 * for the pupils' decisions the school policy gives to "the DSL or headteacher" (releasing a confiscated device
 * early, handing one to the police, approving a pupil's exception, seeing every search).
 */
export type RequiredRole = 'kiosk' | StaffRole | 'dsl_or_admin' | 'dsl_or_head';

export const ROLE_LABELS: Record<StaffRole, string> = {
  office: 'Office',
  dsl: 'Designated Safeguarding Lead',
  admin: 'Administrator',
  head: 'Headteacher or leadership',
};

export const REQUIRED_ROLE_LABELS: Record<Exclude<RequiredRole, 'kiosk'>, string> = {
  ...ROLE_LABELS,
  dsl_or_admin: 'Designated Safeguarding Lead or Administrator',
  dsl_or_head: 'Designated Safeguarding Lead or Headteacher or leadership',
};

export function roleAllows(held: readonly StaffRole[] | null, required: RequiredRole): boolean {
  if (required === 'kiosk') return true;
  if (held === null) return false;
  // Office work is the baseline of every staff account; DSL and admin are granted, never implied.
  if (required === 'office') return held.length > 0;
  if (required === 'dsl_or_admin') return held.includes('dsl') || held.includes('admin');
  if (required === 'dsl_or_head') return held.includes('dsl') || held.includes('head');
  // `head` is granted like the others and implies neither: in many schools the head is also the DSL, but
  // then the account holds both. A head alone does not review concerns or approve visitors' devices (the
  // DSL is a named safeguarding appointment), and a DSL or an administrator who is not in leadership does
  // not agree to a pupil's device: the policy gives that decision to the headteacher.
  return held.includes(required);
}
