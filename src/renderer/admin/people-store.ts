import { create } from 'zustand';
import type { PersonMatch, PersonRecords } from '../../shared/contract/index.js';
import { invoke } from '../api.js';
import { handleFailure } from '../lib/action-result.js';
import { forgetWhenLocked } from '../lib/store-reset.js';

interface PeopleData {
  name: string;
  fieldErrors: Record<string, string>;
  searching: boolean;
  /** The name the results are for; null before the first search. */
  searched: string | null;
  people: PersonMatch[];
  searchError: string | null;
  /** The visitor whose records are being gathered. */
  gathering: number | null;
  records: PersonRecords | null;
  recordsError: string | null;
}

interface PeopleActions {
  setName: (name: string) => void;
  search: () => Promise<void>;
  /** A subject access request: everything held about one visitor (main records that it was asked for). */
  gather: (person: PersonMatch) => Promise<void>;
  reset: () => void;
}

export type PeopleState = PeopleData & PeopleActions;

export function initialPeopleState(): PeopleData {
  return {
    name: '', fieldErrors: {}, searching: false, searched: null, people: [], searchError: null,
    gathering: null, records: null, recordsError: null,
  };
}

export const usePeopleStore = create<PeopleState>()((set, get) => ({
  ...initialPeopleState(),

  setName: (name) => set({ name, fieldErrors: {} }),

  search: async () => {
    const name = get().name.trim();
    if (name === '') return set({ fieldErrors: { name: 'Type the person’s name, or just their surname.' } });
    set({ searching: true, searchError: null, fieldErrors: {}, records: null, recordsError: null });
    const r = await invoke('person.search', { name });
    if (!r.ok) {
      const failure = handleFailure(r.error);
      if (!failure.locked) set({ searching: false, searchError: failure.fields.name ? null : failure.message, fieldErrors: failure.fields });
      return;
    }
    set({ searching: false, searched: name, people: r.value.people });
  },

  gather: async (person) => {
    if (get().gathering !== null) return;
    set({ gathering: person.visitorId, records: null, recordsError: null });
    const r = await invoke('person.export', { visitorId: person.visitorId });
    if (!r.ok) {
      const failure = handleFailure(r.error);
      if (!failure.locked) set({ gathering: null, recordsError: failure.message });
      return;
    }
    set({ gathering: null, records: r.value });
  },

  reset: () => set(initialPeopleState()),
}));

// Personal records never outlive the session that gathered them.
forgetWhenLocked(usePeopleStore, initialPeopleState);
