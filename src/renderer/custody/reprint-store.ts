import { create } from 'zustand';
import type { GivenByHand, PrintStatus } from '../../shared/contract/index.js';
import { invoke } from '../api.js';
import { handleFailure } from '../lib/action-result.js';
import { forgetWhenLocked } from '../lib/store-reset.js';
import { announceChanged } from '../lib/console-events.js';

/** What was last done here about a receipt not printed: the printer's answer to Reprint, written by hand, or why the app refused. */
export type ReprintOutcome = { print: PrintStatus } | { error: string } | { givenByHand: GivenByHand } | { notRecorded: string };

interface ReprintData {
  /** Receipts on their way to the printer now. */
  printing: number[];
  /** Receipts being recorded as written by hand now. */
  recording: number[];
  /** By receipt: kept until the page is left, so "printed" stays on screen after the lists update. */
  outcomes: Record<number, ReprintOutcome>;
}

interface ReprintActions {
  /**
   * Prints a receipt again from the safe's records (custody.reprint), from Today, In the safe or Collect.
   * Every list that shows the receipt is then read again, so it shows whether it printed.
   */
  reprint: (receiptId: number) => Promise<void>;
  /**
   * The printer never took it, so staff wrote the receipt number on paper for the owner
   * (custody.markGivenByHand). Every list that shows the receipt is then read again.
   */
  markGivenByHand: (receiptId: number) => Promise<void>;
  /** Leaving the page: the outcomes shown there go. */
  forget: () => void;
}

export type ReprintState = ReprintData & ReprintActions;

export function initialReprintState(): ReprintData {
  return { printing: [], recording: [], outcomes: {} };
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
    void announceChanged({ receipt: r.value.receipt });
  },

  markGivenByHand: async (receiptId) => {
    if (get().recording.includes(receiptId)) return;
    set((s) => ({ recording: [...s.recording, receiptId] }));
    const r = await invoke('custody.markGivenByHand', { receiptId });
    const done = (outcome: ReprintOutcome) =>
      set((s) => ({ recording: s.recording.filter((id) => id !== receiptId), outcomes: { ...s.outcomes, [receiptId]: outcome } }));
    if (!r.ok) {
      const { message, locked } = handleFailure(r.error);
      if (locked) return;
      done({ notRecorded: message });
      return;
    }
    done({ givenByHand: r.value.givenByHand! });
    void announceChanged({ receipt: r.value });
  },

  forget: () => set({ outcomes: {} }),
}));

forgetWhenLocked(useReprintStore, initialReprintState);
