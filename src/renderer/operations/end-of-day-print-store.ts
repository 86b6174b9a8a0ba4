import { create } from 'zustand';
import type { PrintStatus } from '../../shared/contract/index.js';
import { invoke } from '../api.js';
import { handleFailure } from '../lib/action-result.js';
import { forgetWhenLocked } from '../lib/store-reset.js';

interface EndOfDayPrintData {
  printing: boolean;
  /** What main did with the report's PDF: printed, or why not and where the PDF is. */
  outcome: PrintStatus | null;
  error: string | null;
}

interface EndOfDayPrintActions {
  printReport: () => Promise<void>;
}

export type EndOfDayPrintState = EndOfDayPrintData & EndOfDayPrintActions;

export function initialEndOfDayPrintState(): EndOfDayPrintData {
  return { printing: false, outcome: null, error: null };
}

/**
 * The end-of-day report as main's PDF (the setting's name on it, kept, sent to the A4 printer), as the roll
 * call prints its list: apart from the page's own store, which reads and signs out.
 */
export const useEndOfDayPrintStore = create<EndOfDayPrintState>()((set, get) => ({
  ...initialEndOfDayPrintState(),

  printReport: async () => {
    if (get().printing) return;
    set({ printing: true, error: null });
    const r = await invoke('endOfDay.print', {});
    if (!r.ok) {
      const failure = handleFailure(r.error);
      if (!failure.locked) set({ printing: false, error: failure.message });
      return;
    }
    set({ printing: false, outcome: r.value.print });
  },
}));

forgetWhenLocked(useEndOfDayPrintStore, initialEndOfDayPrintState);
