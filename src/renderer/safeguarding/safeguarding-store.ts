import { create } from 'zustand';
import { useNavigationStore } from '../console/navigation-store.js';
import { forgetWhenLocked } from '../lib/store-reset.js';

interface SafeguardingState {
  /** A one-line report of the last thing done in the Safeguarding section ("Device use approved for Helen Marsh."). */
  notice: string | null;
  setNotice: (notice: string | null) => void;
}

export function initialSafeguardingState(): Pick<SafeguardingState, 'notice'> {
  return { notice: null };
}

export const useSafeguardingStore = create<SafeguardingState>()((set) => ({
  ...initialSafeguardingState(),
  setNotice: (notice) => set({ notice }),
}));

forgetWhenLocked(useSafeguardingStore, initialSafeguardingState);

// The report belongs to the page it was made on: any move in the console (another tab, section or page) drops it.
useNavigationStore.subscribe((state, previous) => {
  if (state !== previous) useSafeguardingStore.setState({ notice: null });
});
