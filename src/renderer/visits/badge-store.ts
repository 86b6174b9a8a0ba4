import { create } from 'zustand';
import { invoke } from '../api.js';
import { handleFailure } from '../lib/action-result.js';
import { forgetWhenLocked } from '../lib/store-reset.js';
import type { ReprintOutcome } from '../custody/reprint-store.js';

interface BadgeData {
  /** Visits whose badge is on its way to the printer now. */
  printing: number[];
  /** By visit: what the last Reprint badge did, kept until Today is left, so it stays beside the visitor. */
  outcomes: Record<number, ReprintOutcome>;
}

interface BadgeActions {
  /** Prints a signed-in visitor's badge again (badge.reprint): lost, smudged, or never printed at the kiosk. */
  reprint: (visitId: number) => Promise<void>;
  /** Leaving Today: the outcomes shown there go. */
  forget: () => void;
}

export type BadgeState = BadgeData & BadgeActions;

export function initialBadgeState(): BadgeData {
  return { printing: [], outcomes: {} };
}

export const useBadgeStore = create<BadgeState>()((set, get) => ({
  ...initialBadgeState(),

  reprint: async (visitId) => {
    if (get().printing.includes(visitId)) return;
    set((s) => ({ printing: [...s.printing, visitId] }));
    const r = await invoke('badge.reprint', { visitId });
    const done = (outcome: ReprintOutcome) =>
      set((s) => ({ printing: s.printing.filter((id) => id !== visitId), outcomes: { ...s.outcomes, [visitId]: outcome } }));
    if (r.ok) {
      done({ print: r.value.print });
      return;
    }
    const { message, locked } = handleFailure(r.error);
    if (!locked) done({ error: message });
  },

  forget: () => set({ outcomes: {} }),
}));

forgetWhenLocked(useBadgeStore, initialBadgeState);
