import { create } from 'zustand';
import type { CommandInput } from '../../shared/contract/index.js';
import { DEVICE_KIND_LABELS } from '../../shared/domain/devices.js';
import type { SearchView } from '../../shared/domain/learner-searches.js';
import { invoke } from '../api.js';
import { handleFailure, type ActionResult } from '../lib/action-result.js';
import { announceChanged, onConsoleLocked, onRecordsChanged } from '../lib/console-events.js';
import { problemsWith, refusal } from '../lib/contract-check.js';
import { forgetWhenLocked } from '../lib/store-reset.js';

interface SearchData {
  /** Every search, newest first: read only by the DSL and the headteacher or leadership. */
  searches: SearchView[];
  loaded: boolean;
  error: string | null;
  /** What the last search recorded, in words. */
  notice: string | null;
}

interface SearchActions {
  load: () => Promise<void>;
  /** Checks the dialog's answers with the contract, sends them, and reads the lists again. */
  record: (input: CommandInput<'learner.recordSearch'>, pupilName: string) => Promise<ActionResult>;
}

export type SearchState = SearchData & SearchActions;

export function initialSearchState(): SearchData {
  return { searches: [], loaded: false, error: null, notice: null };
}

// Bumped by each read and when the console locks: an answer read for the last session is never shown.
let epoch = 0;

/** Searches of pupils' confiscated devices: the Confiscated page's "Searches" list and its "Record a search". */
export const useSearchStore = create<SearchState>()((set, get) => ({
  ...initialSearchState(),

  load: async () => {
    const mine = ++epoch;
    const r = await invoke('learner.searches', {});
    if (mine !== epoch) return;
    if (!r.ok) {
      const failure = handleFailure(r.error);
      if (!failure.locked) set({ error: failure.message });
      return;
    }
    set({ searches: r.value.searches, loaded: true, error: null });
  },

  record: async (input, pupilName) => {
    const refused = refusal(problemsWith('learner.recordSearch', input));
    if (refused) return refused;
    const r = await invoke('learner.recordSearch', input);
    if (!r.ok) {
      const { message, fields } = handleFailure(r.error);
      return { ok: false, message, fields };
    }
    // The lists are read again before the dialog closes, so the new search is there when it does.
    await announceChanged();
    if (!get().loaded) await get().load();
    set({ notice: `Search of ${pupilName}'s ${DEVICE_KIND_LABELS[r.value.deviceKind].toLowerCase()} recorded.` });
    return { ok: true };
  },
}));

forgetWhenLocked(useSearchStore, initialSearchState);
onConsoleLocked(() => {
  epoch += 1;
});
// A search recorded (or a device gone from the safe) changes the list: once read, it is read again.
onRecordsChanged(() => {
  if (useSearchStore.getState().loaded) return useSearchStore.getState().load();
});
