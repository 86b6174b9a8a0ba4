import { create } from 'zustand';
import type { PrintStatus } from '../../shared/contract.js';
import { invoke } from '../api.js';
import { useCollectStore } from './collect-store.js';
import { forgetWhenLocked, handleFailure } from './custody-shared.js';
import { useSafeStore } from './safe-store.js';

/** What the last Reprint of a receipt did: the printer's answer, or why the app refused. */
export type ReprintOutcome = { print: PrintStatus } | { error: string };

interface ReprintData {
  /** Receipts on their way to the printer now. */
  printing: number[];
  /** By receipt: kept until the page is left, so "printed" stays on screen after the lists update. */
  outcomes: Record<number, ReprintOutcome>;
}

interface ReprintActions {
  /**
   * Prints a receipt again from the safe's records (custody.reprint), from Today, In the safe or Collect.
   * Every list that shows the receipt is then read again, so it shows whether it printed.
   */
  reprint: (receiptId: number) => Promise<void>;
  /** Leaving the page: the outcomes shown there go. */
  forget: () => void;
}

export type ReprintState = ReprintData & ReprintActions;

export function initialReprintState(): ReprintData {
  return { printing: [], outcomes: {} };
}

export const useReprintStore = create<ReprintState>()((set, get) => ({
  ...initialReprintState(),

  reprint: async (receiptId) => {
    if (get().printing.includes(receiptId)) return;
    set((s) => ({ printing: [...s.printing, receiptId] }));
    const r = await invoke('custody.reprint', { receiptId });
    const done = (outcome: ReprintOutcome) =>
      set((s) => ({ printing: s.printing.filter((id) => id !== receiptId), outcomes: { ...s.outcomes, [receiptId]: outcome } }));
    if (!r.ok) {
      const { message, locked } = handleFailure(r.error);
      if (locked) return;
      done({ error: message });
      return;
    }
    done({ print: r.value.print });
    if (useCollectStore.getState().receipt?.receiptId === receiptId) useCollectStore.setState({ receipt: r.value.receipt });
    void useSafeStore.getState().load();
  },

  forget: () => set({ outcomes: {} }),
}));

forgetWhenLocked(() => useReprintStore.setState(initialReprintState()));
