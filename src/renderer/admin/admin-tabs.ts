/** The Admin section's parts, in the order its own navigation shows them. */
export const ADMIN_TABS = ['settings', 'backups', 'staff', 'people'] as const;
export type AdminTab = (typeof ADMIN_TABS)[number];

export const ADMIN_TAB_LABELS: Record<AdminTab, string> = {
  settings: 'Settings',
  backups: 'Backups',
  staff: 'Staff',
  people: 'People',
};
