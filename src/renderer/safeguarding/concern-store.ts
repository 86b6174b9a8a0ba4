import { create } from 'zustand';
import type { CommandInput } from '../../shared/contract/index.js';
import type { ConcernSubject, ConcernView } from '../../shared/domain/concerns.js';
import { invoke } from '../api.js';
import { announceChanged } from '../lib/console-events.js';
import { handleFailure, withoutField, type ActionResult } from '../lib/action-result.js';
import { forgetWhenLocked } from '../lib/store-reset.js';
import { problemsWith, refusal } from '../lib/contract-check.js';
import { useSafeguardingStore } from './safeguarding-store.js';

/** The "Record a concern" form as staff type it. */
export interface ConcernDraft {
  aboutType: ConcernSubject | null;
  aboutName: string;
  visitId: number | null;
  location: string;
  whatHappened: string;
  actionTaken: string;
}

export type ConcernField = keyof ConcernDraft;

interface ConcernData {
  concerns: ConcernView[];
  loaded: boolean;
  loading: boolean;
  error: string | null;
  form: ConcernDraft | null;
  busy: boolean;
  formError: string | null;
  fieldErrors: Record<string, string>;
}

interface ConcernActions {
  load: () => Promise<void>;
  startRaise: () => void;
  cancelRaise: () => void;
  setField: <K extends ConcernField>(field: K, value: ConcernDraft[K]) => void;
  submit: () => Promise<void>;
  review: (concern: ConcernView, outcome: string, close: boolean) => Promise<ActionResult>;
}

export type ConcernState = ConcernData & ConcernActions;

export function initialConcernState(): ConcernData {
  return { concerns: [], loaded: false, loading: false, error: null, form: null, busy: false, formError: null, fieldErrors: {} };
}

/** The form as concern.raise takes it (who it is about still null until chosen, for the contract to name). */
function concernInput(d: ConcernDraft): CommandInput<'concern.raise'> {
  return {
    aboutType: d.aboutType as ConcernSubject,
    aboutName: d.aboutName.trim(),
    visitId: d.visitId,
    location: d.location.trim(),
    whatHappened: d.whatHappened.trim(),
    actionTaken: d.actionTaken.trim(),
  };
}

export const useConcernStore = create<ConcernState>()((set, get) => ({
  ...initialConcernState(),

  load: async () => {
    set({ loading: true });
    const r = await invoke('concern.list', {});
    if (!r.ok) {
      const failure = handleFailure(r.error);
      if (!failure.locked) set({ loading: false, error: failure.message });
      return;
    }
    set({ loading: false, loaded: true, error: null, concerns: r.value.concerns });
  },

  startRaise: () => {
    set({
      form: { aboutType: null, aboutName: '', visitId: null, location: '', whatHappened: '', actionTaken: '' },
      formError: null, fieldErrors: {},
    });
    useSafeguardingStore.getState().setNotice(null);
  },

  cancelRaise: () => set({ form: null, formError: null, fieldErrors: {}, busy: false }),

  setField: (field, value) =>
    set((s) => (s.form ? { form: { ...s.form, [field]: value }, fieldErrors: withoutField(s.fieldErrors, field) } : {})),

  submit: async () => {
    const { form, busy } = get();
    if (!form || busy) return;
    const input = concernInput(form);
    const fields = problemsWith('concern.raise', input);
    if (Object.keys(fields).length > 0) {
      set({ formError: 'Please check the answers marked below.', fieldErrors: fields });
      return;
    }
    set({ busy: true, formError: null, fieldErrors: {} });
    const r = await invoke('concern.raise', input);
    if (!r.ok) {
      const { message, fields: serverFields, locked } = handleFailure(r.error);
      if (!locked) set({ busy: false, formError: message, fieldErrors: serverFields });
      return;
    }
    set({ busy: false, form: null });
    useSafeguardingStore.getState().setNotice('The concern is recorded. The DSL will review it.');
    await get().load();
    // A new concern waits in the DSL's inbox: the count beside Safeguarding follows at once.
    await announceChanged();
  },

  review: async (concern, outcome, close) => {
    const input = { concernId: concern.concernId, outcome: outcome.trim(), close };
    const refused = refusal(problemsWith('concern.review', input));
    if (refused) return refused;
    const r = await invoke('concern.review', input);
    if (!r.ok) {
      const { message, fields } = handleFailure(r.error);
      return { ok: false, message, fields };
    }
    set((s) => ({ concerns: s.concerns.map((c) => (c.concernId === concern.concernId ? r.value : c)) }));
    useSafeguardingStore.getState().setNotice(close ? 'The concern is reviewed and closed.' : 'Your review is recorded.');
    await announceChanged();
    return { ok: true };
  },
}));

forgetWhenLocked(useConcernStore, initialConcernState);
