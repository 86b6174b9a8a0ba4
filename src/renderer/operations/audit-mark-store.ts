import { create } from 'zustand';
import { invoke } from '../api.js';
import { handleFailure } from '../lib/action-result.js';
import { forgetWhenLocked } from '../lib/store-reset.js';

interface AuditMarkState {
  entry: string;
  code: string;
  checking: boolean;
  /** The host's answer: whether the trail still holds the printed entry, in words. */
  result: { holds: boolean; message: string } | null;
  error: string | null;
  fieldErrors: Record<string, string>;
  setEntry: (entry: string) => void;
  setCode: (code: string) => void;
  check: () => Promise<void>;
}

const EMPTY = { entry: '', code: '', checking: false, result: null, error: null, fieldErrors: {} };

/** "Check a printed sheet": the audit mark typed from a roll call, report or end-of-day page. */
export const useAuditMarkStore = create<AuditMarkState>()((set, get) => ({
  ...EMPTY,
  setEntry: (entry) => set({ entry, result: null }),
  setCode: (code) => set({ code, result: null }),
  check: async () => {
    const { entry, code, checking } = get();
    if (checking) return;
    const number = Number(entry.trim());
    if (!/^\d{1,12}$/.test(entry.trim()) || number < 1) {
      set({ fieldErrors: { entry: 'Type the entry number as printed, for example 1234.' }, result: null });
      return;
    }
    set({ checking: true, error: null, fieldErrors: {}, result: null });
    const r = await invoke('audit.checkMark', { entry: number, code });
    if (!r.ok) {
      const failure = handleFailure(r.error);
      if (!failure.locked) set({ checking: false, error: r.error.fields ? null : failure.message, fieldErrors: r.error.fields ?? {} });
      return;
    }
    set({ checking: false, result: r.value });
  },
}));

forgetWhenLocked(useAuditMarkStore, () => EMPTY);
