import type { StaffRole } from '../../shared/domain/roles.js';

/** The Safeguarding section's parts, in the order its own navigation shows them. */
export const SAFEGUARDING_TABS = ['inbox', 'exceptions', 'bookings', 'concerns', 'expectations', 'leaflet'] as const;
export type SafeguardingTab = (typeof SAFEGUARDING_TABS)[number];

export const SAFEGUARDING_TAB_LABELS: Record<SafeguardingTab, string> = {
  inbox: 'Inbox',
  exceptions: 'Device exceptions',
  bookings: 'Expected visitors',
  concerns: 'Concerns',
  expectations: 'Expectations',
  leaflet: 'Leaflet',
};

/** The tabs this person sees: the inbox is the DSL's own (main refuses it to anyone else). */
export function safeguardingTabsFor(roles: readonly StaffRole[]): SafeguardingTab[] {
  return SAFEGUARDING_TABS.filter((tab) => tab !== 'inbox' || roles.includes('dsl'));
}
