import { create } from 'zustand';
import type { CommandInput } from '../../shared/contract/index.js';
import type { ConcernSubject, ConcernView } from '../../shared/domain/concerns.js';
import { invoke } from '../api.js';
import type { ActionResult } from '../lib/action-result.js';
import { handleFailure, withoutField } from '../custody/custody-shared.js';
import { forgetWhenLocked } from '../lib/store-reset.js';
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

function checkConcern(d: ConcernDraft): Record<string, string> {
  const fields: Record<string, string> = {};
  if (!d.aboutType) fields.aboutType = 'Say who the concern is about.';
  if (d.aboutName.trim() === '') fields.aboutName = 'Give their name, or describe them if you do not know it.';
  if (d.location.trim() === '') fields.location = 'Say where it happened.';
  if (d.whatHappened.trim() === '') fields.whatHappened = 'Say what happened.';
  if (d.actionTaken.trim() === '') fields.actionTaken = 'Say what was done, even if that was nothing yet.';
  return fields;
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
    const fields = checkConcern(form);
    if (!form.aboutType || Object.keys(fields).length > 0) {
      set({ formError: 'Please check the answers marked below.', fieldErrors: fields });
      return;
    }
    set({ busy: true, formError: null, fieldErrors: {} });
    const input: CommandInput<'concern.raise'> = {
      aboutType: form.aboutType,
      aboutName: form.aboutName.trim(),
      visitId: form.visitId,
      location: form.location.trim(),
      whatHappened: form.whatHappened.trim(),
      actionTaken: form.actionTaken.trim(),
    };
    const r = await invoke('concern.raise', input);
    if (!r.ok) {
      const { message, fields: serverFields, locked } = handleFailure(r.error);
      if (!locked) set({ busy: false, formError: message, fieldErrors: serverFields });
      return;
    }
    set({ busy: false, form: null });
    useSafeguardingStore.getState().setNotice('The concern is recorded. The DSL will review it.');
    await get().load();
  },

  review: async (concern, outcome, close) => {
    if (outcome.trim() === '') {
      const message = 'Record the outcome of your review.';
      return { ok: false, message, fields: { outcome: message } };
    }
    const r = await invoke('concern.review', { concernId: concern.concernId, outcome: outcome.trim(), close });
    if (!r.ok) {
      const { message, fields } = handleFailure(r.error);
      return { ok: false, message, fields };
    }
    set((s) => ({ concerns: s.concerns.map((c) => (c.concernId === concern.concernId ? r.value : c)) }));
    useSafeguardingStore.getState().setNotice(close ? 'The concern is reviewed and closed.' : 'Your review is recorded.');
    return { ok: true };
  },
}));

forgetWhenLocked(useConcernStore, initialConcernState);
