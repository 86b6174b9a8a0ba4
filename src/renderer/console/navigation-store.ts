import { create } from 'zustand';
import type { AdminTab } from '../admin/admin-tabs.js';
import { forgetWhenLocked } from '../lib/store-reset.js';
import type { OperationsSection } from '../operations/operations-sections.js';
import type { SafeguardingTab } from '../safeguarding/safeguarding-tabs.js';

/** The unlocked console's core pages; the navigation groups them (nav-groups.ts). */
export const CONSOLE_VIEWS = ['today', 'collect', 'safe', 'check', 'log', 'staffOnSite', 'pupils', 'agreements', 'pupilExceptions', 'confiscated', 'staffPermissions'] as const;
export type ConsoleView = (typeof CONSOLE_VIEWS)[number];

export const CONSOLE_VIEW_LABELS: Record<ConsoleView, string> = {
  today: 'Today',
  collect: 'Collect',
  safe: 'In the safe',
  check: 'Check an approval',
  log: 'Log items',
  staffOnSite: 'Staff on site',
  pupils: 'Hand in and home time',
  agreements: 'Agreements',
  pupilExceptions: 'Exceptions',
  confiscated: 'Confiscated',
  staffPermissions: 'Staff device permissions',
};

interface NavigationData {
  /** The core section chosen last. */
  view: ConsoleView;
  /** An operations section (roll call, end of day…) open instead of the core section's page. */
  section: OperationsSection | null;
  adminTab: AdminTab;
  /** The Safeguarding section is open instead of the core section's page. */
  safeguarding: boolean;
  safeguardingTab: SafeguardingTab;
}

interface NavigationActions {
  /** Chooses a core section; any open section closes. */
  show: (view: ConsoleView) => void;
  openSection: (section: OperationsSection) => void;
  closeSection: () => void;
  showAdminTab: (tab: AdminTab) => void;
  openSafeguarding: (tab?: SafeguardingTab) => void;
  closeSafeguarding: () => void;
  showSafeguardingTab: (tab: SafeguardingTab) => void;
}

export type NavigationState = NavigationData & NavigationActions;

export function initialNavigationState(): NavigationData {
  return { view: 'today', section: null, adminTab: 'settings', safeguarding: false, safeguardingTab: 'exceptions' };
}

/** Where the unlocked console is: one page is shown at a time, and locking goes back to Today. */
export const useNavigationStore = create<NavigationState>()((set, get) => ({
  ...initialNavigationState(),
  show: (view) => set({ view, section: null, safeguarding: false }),
  openSection: (section) => set({ section, safeguarding: false }),
  closeSection: () => set({ section: null }),
  showAdminTab: (adminTab) => set({ adminTab }),
  openSafeguarding: (tab) => set({ safeguarding: true, section: null, safeguardingTab: tab ?? get().safeguardingTab }),
  closeSafeguarding: () => set({ safeguarding: false }),
  showSafeguardingTab: (safeguardingTab) => set({ safeguardingTab }),
}));

forgetWhenLocked(useNavigationStore, initialNavigationState);
