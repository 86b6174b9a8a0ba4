/** The Safeguarding section's parts, in the order its own navigation shows them. */
export const SAFEGUARDING_TABS = ['exceptions', 'bookings', 'concerns', 'expectations'] as const;
export type SafeguardingTab = (typeof SAFEGUARDING_TABS)[number];

export const SAFEGUARDING_TAB_LABELS: Record<SafeguardingTab, string> = {
  exceptions: 'Device exceptions',
  bookings: 'Expected visitors',
  concerns: 'Concerns',
  expectations: 'Expectations',
};
