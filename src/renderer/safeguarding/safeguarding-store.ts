import { create } from 'zustand';
import { useConsoleStore } from '../console/console-store.js';
import { useSectionsStore } from '../console/sections-store.js';

/** The Safeguarding section's parts, in the order its own navigation shows them. */
export const SAFEGUARDING_TABS = ['exceptions', 'bookings', 'concerns', 'expectations'] as const;
export type SafeguardingTab = (typeof SAFEGUARDING_TABS)[number];

export const SAFEGUARDING_TAB_LABELS: Record<SafeguardingTab, string> = {
  exceptions: 'Device exceptions',
  bookings: 'Expected visitors',
  concerns: 'Concerns',
  expectations: 'Expectations',
};

interface SafeguardingData {
  /** The Safeguarding section is open (it is shown instead of the core section's page). */
  open: boolean;
  tab: SafeguardingTab;
  /** A one-line report of the last thing done here ("Device use approved for Helen Marsh."). */
  notice: string | null;
}

interface SafeguardingActions {
  openSection: (tab?: SafeguardingTab) => void;
  close: () => void;
  showTab: (tab: SafeguardingTab) => void;
  setNotice: (notice: string | null) => void;
}

export type SafeguardingState = SafeguardingData & SafeguardingActions;

export function initialSafeguardingState(): SafeguardingData {
  return { open: false, tab: 'exceptions', notice: null };
}

export const useSafeguardingStore = create<SafeguardingState>()((set, get) => ({
  ...initialSafeguardingState(),
  openSection: (tab) => {
    // Only one section's page is open at a time.
    useSectionsStore.getState().close();
    set({ open: true, tab: tab ?? get().tab, notice: null });
  },
  close: () => set({ open: false, notice: null }),
  showTab: (tab) => set({ tab, notice: null }),
  setNotice: (notice) => set({ notice }),
}));

// Locking forgets where the DSL was; choosing a core section from anywhere (a button on Today) leaves this one.
useConsoleStore.subscribe((state, previous) => {
  if (previous.phase === 'unlocked' && state.phase !== 'unlocked') useSafeguardingStore.setState(initialSafeguardingState());
  else if (state.view !== previous.view) useSafeguardingStore.setState({ open: false, notice: null });
});

// Roll call, End of day and Admin are opened from their own store: opening one of them leaves this section.
useSectionsStore.subscribe((state, previous) => {
  if (state.section !== null && state.section !== previous.section) useSafeguardingStore.setState({ open: false, notice: null });
});
