import type { StaffRole } from '../../shared/domain/roles.js';
import { OPERATIONS_SECTION_LABELS, sectionsFor, type OperationsSection } from '../operations/operations-sections.js';
import { CONSOLE_VIEW_LABELS, type ConsoleView, type NavigationState } from './navigation-store.js';

/** Every page the console's navigation opens: a core view, an operations section, or Safeguarding. */
export type ConsolePage = ConsoleView | OperationsSection | 'safeguarding';

/**
 * The navigation's groups, in the order they are shown. Twelve pages side by side wrap onto two rows at
 * 1280 px and are hard to scan; a handful of groups fit one row with room for big targets, and each group
 * with several pages shows them as a second row under it. Roll call stays on the top row: in an
 * evacuation nobody should have to look for it.
 */
export const NAV_GROUPS = ['desk', 'pupils', 'safeguarding', 'rollcall', 'office', 'admin'] as const;
export type NavGroup = (typeof NAV_GROUPS)[number];

/** What each group is called; a group of one page is called by that page. */
const GROUP_LABELS: Record<NavGroup, string> = {
  desk: 'Front desk',
  pupils: "Pupils' devices",
  safeguarding: 'Safeguarding',
  rollcall: OPERATIONS_SECTION_LABELS.rollcall,
  office: 'Office',
  admin: OPERATIONS_SECTION_LABELS.admin,
};

/** Which group each page is in, in the order a group shows its pages: a new page left out does not compile. */
const GROUP_OF: Record<ConsolePage, NavGroup> = {
  today: 'desk',
  collect: 'desk',
  safe: 'desk',
  check: 'desk',
  log: 'desk',
  staffOnSite: 'desk',
  pupils: 'pupils',
  agreements: 'pupils',
  pupilExceptions: 'pupils',
  confiscated: 'pupils',
  safeguarding: 'safeguarding',
  rollcall: 'rollcall',
  endOfDay: 'office',
  reports: 'office',
  audit: 'office',
  // Last, so the Office group still opens on End of day; every role reaches it (the list is for everyone).
  staffPermissions: 'office',
  admin: 'admin',
};

export function pageLabel(page: ConsolePage): string {
  if (page === 'safeguarding') return 'Safeguarding';
  return page in CONSOLE_VIEW_LABELS ? CONSOLE_VIEW_LABELS[page as ConsoleView] : OPERATIONS_SECTION_LABELS[page as OperationsSection];
}

export interface NavGroupEntry {
  group: NavGroup;
  label: string;
  /** The pages this person may open, in order; the first is where the group's button goes. */
  pages: ConsolePage[];
}

/** The groups as this person sees them: pages their roles do not reach are left out, and so is an empty group. */
export function navGroupsFor(roles: readonly StaffRole[]): NavGroupEntry[] {
  const sections = new Set<ConsolePage>(sectionsFor(roles));
  const allowed = (page: ConsolePage) => !(page in OPERATIONS_SECTION_LABELS) || sections.has(page);
  const pages = (Object.keys(GROUP_OF) as ConsolePage[]).filter(allowed);
  return NAV_GROUPS
    .map((group) => ({ group, label: GROUP_LABELS[group], pages: pages.filter((p) => GROUP_OF[p] === group) }))
    .filter((g) => g.pages.length > 0);
}

/** The page open now, from the navigation's state. */
export function currentPage(nav: Pick<NavigationState, 'view' | 'section' | 'safeguarding'>): ConsolePage {
  if (nav.safeguarding) return 'safeguarding';
  return nav.section ?? nav.view;
}

export function groupOf(page: ConsolePage): NavGroup {
  return GROUP_OF[page];
}
