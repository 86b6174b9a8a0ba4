import type { StaffRole } from '../../shared/domain/roles.js';

/**
 * The console's operations sections (roll call, end of day, administration). The navigation groups them
 * with the core pages (console/nav-groups.ts); while one is open it is shown instead of the core page.
 */
export const OPERATIONS_SECTIONS = ['rollcall', 'endOfDay', 'reports', 'audit', 'admin'] as const;
export type OperationsSection = (typeof OPERATIONS_SECTIONS)[number];

export const OPERATIONS_SECTION_LABELS: Record<OperationsSection, string> = {
  rollcall: 'Roll call',
  endOfDay: 'End of day',
  reports: 'Reports',
  audit: 'Audit trail',
  admin: 'Admin',
};

/**
 * Every staff member can take a roll call, see the end of the day and run reports; the audit trail is for the
 * DSL and administrators (as main's dsl_or_admin role says); only administrators see Admin.
 */
export function sectionsFor(roles: readonly StaffRole[]): OperationsSection[] {
  return OPERATIONS_SECTIONS.filter((s) => {
    if (s === 'admin') return roles.includes('admin');
    if (s === 'audit') return roles.includes('dsl') || roles.includes('admin');
    return true;
  });
}
