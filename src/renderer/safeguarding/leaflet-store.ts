import { create } from 'zustand';
import type { LeafletDetail, LeafletText, PrintStatus } from '../../shared/contract/index.js';
import { invoke } from '../api.js';
import { handleFailure, withoutField } from '../lib/action-result.js';
import { announceChanged } from '../lib/console-events.js';
import { problemsWith } from '../lib/contract-check.js';
import { forgetWhenLocked } from '../lib/store-reset.js';
import { useSafeguardingStore } from './safeguarding-store.js';

interface LeafletData {
  detail: LeafletDetail | null;
  error: string | null;
  /** The next version as the DSL writes it. */
  draft: LeafletText | null;
  busy: boolean;
  formError: string | null;
  fieldErrors: Record<string, string>;
  printing: boolean;
  /** What main did with the leaflet's PDF: printed, or why not and the PDF to open. */
  printed: { version: number; print: PrintStatus } | null;
}

interface LeafletActions {
  load: () => Promise<void>;
  /** Opens the editor on the current text, or on Safe Hands' suggested one while there is none. */
  startEdit: () => void;
  /** Puts Safe Hands' suggested text in the editor in place of what is there. */
  startFromSuggested: () => void;
  cancelEdit: () => void;
  setField: (field: keyof LeafletText, value: string) => void;
  publish: () => Promise<void>;
  print: () => Promise<void>;
}

export type LeafletState = LeafletData & LeafletActions;

export function initialLeafletState(): LeafletData {
  return { detail: null, error: null, draft: null, busy: false, formError: null, fieldErrors: {}, printing: false, printed: null };
}

/** The safeguarding leaflet: what visitors are offered now, its versions, the DSL's editor and printing it. */
export const useLeafletStore = create<LeafletState>()((set, get) => ({
  ...initialLeafletState(),

  load: async () => {
    const r = await invoke('leaflet.get', {});
    if (!r.ok) {
      const failure = handleFailure(r.error);
      if (!failure.locked) set({ error: failure.message });
      return;
    }
    set({ detail: r.value, error: null });
  },

  startEdit: () => {
    const detail = get().detail;
    if (!detail) return;
    const from = detail.current ?? detail.suggested;
    set({ draft: { title: from.title, body: from.body }, formError: null, fieldErrors: {}, printed: null });
    useSafeguardingStore.getState().setNotice(null);
  },

  startFromSuggested: () => {
    const suggested = get().detail?.suggested;
    if (suggested) set({ draft: { ...suggested }, formError: null, fieldErrors: {} });
  },

  cancelEdit: () => set({ draft: null, formError: null, fieldErrors: {}, busy: false }),

  setField: (field, value) =>
    set((s) => (s.draft ? { draft: { ...s.draft, [field]: value }, fieldErrors: withoutField(s.fieldErrors, field) } : {})),

  publish: async () => {
    const { draft, busy } = get();
    if (!draft || busy) return;
    const input = { title: draft.title.trim(), body: draft.body };
    const fields = problemsWith('leaflet.publish', input);
    if (Object.keys(fields).length > 0) {
      set({ formError: 'Please check the answers marked below.', fieldErrors: fields });
      return;
    }
    set({ busy: true, formError: null, fieldErrors: {} });
    const r = await invoke('leaflet.publish', input);
    if (!r.ok) {
      const { message, fields: serverFields, locked } = handleFailure(r.error);
      if (!locked) set({ busy: false, formError: message, fieldErrors: serverFields });
      return;
    }
    set({ busy: false, draft: null, detail: r.value });
    useSafeguardingStore.getState().setNotice(`Version ${r.value.current?.version ?? ''} of the leaflet is published. The kiosk offers it to visitors now.`);
    await announceChanged();
  },

  print: async () => {
    if (get().printing) return;
    set({ printing: true, printed: null, error: null });
    useSafeguardingStore.getState().setNotice(null);
    const r = await invoke('leaflet.print', {});
    if (!r.ok) {
      const failure = handleFailure(r.error);
      if (!failure.locked) set({ printing: false, error: failure.message });
      return;
    }
    set({ printing: false, printed: r.value });
  },
}));

forgetWhenLocked(useLeafletStore, initialLeafletState);
