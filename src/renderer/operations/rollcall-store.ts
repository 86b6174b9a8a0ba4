import { create } from 'zustand';
import type { OnSiteVisit, PrintStatus, RollCallRecord } from '../../shared/contract/index.js';
import { invoke } from '../api.js';
import { handleFailure } from '../lib/action-result.js';
import { forgetWhenLocked } from '../lib/store-reset.js';

interface RollCallData {
  /** Everyone signed in when the list was last read. */
  people: OnSiteVisit[];
  loaded: boolean;
  loading: boolean;
  /** The visits ticked as accounted for, in the order they were ticked. */
  ticked: number[];
  note: string;
  printing: boolean;
  print: { people: number; print: PrintStatus } | null;
  printError: string | null;
  saving: boolean;
  result: RollCallRecord | null;
  error: string | null;
  fieldErrors: Record<string, string>;
}

interface RollCallActions {
  load: () => Promise<void>;
  toggle: (visitId: number) => void;
  setNote: (note: string) => void;
  printList: () => Promise<void>;
  finish: () => Promise<void>;
  startAgain: () => Promise<void>;
}

export type RollCallState = RollCallData & RollCallActions;

export function initialRollCallState(): RollCallData {
  return {
    people: [], loaded: false, loading: false, ticked: [], note: '', printing: false, print: null, printError: null,
    saving: false, result: null, error: null, fieldErrors: {},
  };
}

/**
 * A roll call in progress. Reading the list again keeps the ticks of everyone still signed in, so a
 * refresh in the middle of an evacuation never loses work.
 */
export const useRollCallStore = create<RollCallState>()((set, get) => ({
  ...initialRollCallState(),

  load: async () => {
    if (get().loading) return;
    set({ loading: true });
    const r = await invoke('visit.onSite', {});
    if (!r.ok) {
      const failure = handleFailure(r.error);
      if (!failure.locked) set({ loading: false, error: failure.message });
      return;
    }
    const here = new Set(r.value.visits.map((v) => v.visitId));
    set((s) => ({ loading: false, loaded: true, error: null, people: r.value.visits, ticked: s.ticked.filter((id) => here.has(id)) }));
  },

  toggle: (visitId) =>
    set((s) => ({ ticked: s.ticked.includes(visitId) ? s.ticked.filter((id) => id !== visitId) : [...s.ticked, visitId] })),

  setNote: (note) =>
    set((s) => {
      const fieldErrors = { ...s.fieldErrors };
      delete fieldErrors.note;
      return { note, fieldErrors };
    }),

  printList: async () => {
    if (get().printing) return;
    set({ printing: true, printError: null });
    const r = await invoke('rollcall.print', {});
    if (!r.ok) {
      const failure = handleFailure(r.error);
      if (!failure.locked) set({ printing: false, printError: failure.message });
      return;
    }
    set({ printing: false, print: r.value });
  },

  finish: async () => {
    const { saving, people, ticked, note } = get();
    if (saving) return;
    set({ saving: true, error: null, fieldErrors: {} });
    // Only people on the list as it stands: ticks are kept in list order so the record reads naturally.
    const accountedVisitIds = people.map((p) => p.visitId).filter((id) => ticked.includes(id));
    const trimmed = note.trim();
    const r = await invoke('rollcall.save', trimmed ? { accountedVisitIds, note: trimmed } : { accountedVisitIds });
    if (!r.ok) {
      const failure = handleFailure(r.error);
      if (!failure.locked) set({ saving: false, error: failure.message, fieldErrors: failure.fields });
      return;
    }
    set({ saving: false, result: r.value });
  },

  startAgain: async () => {
    set({ ticked: [], note: '', result: null, print: null, printError: null, error: null, fieldErrors: {} });
    await get().load();
  },
}));

forgetWhenLocked(useRollCallStore, initialRollCallState);
