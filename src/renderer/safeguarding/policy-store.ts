import { create } from 'zustand';
import { MAX_SUMMARY_LINES, type CommandInput, type PolicyDetail, type PolicyText } from '../../shared/contract/index.js';
import { invoke } from '../api.js';
import { handleFailure, withoutField, type ActionResult } from '../lib/action-result.js';
import { forgetWhenLocked } from '../lib/store-reset.js';
import { announceChanged } from '../lib/console-events.js';
import { problemsWith, refusal } from '../lib/contract-check.js';
import { useSafeguardingStore } from './safeguarding-store.js';

/** A new version of the expectations as the DSL writes it. */
export interface PolicyDraft {
  title: string;
  summary: string[];
  fullText: string;
  reviewDue: string;
}

interface PolicyData {
  /** The DSL's view: versions, review dates and acknowledgement counts. */
  detail: PolicyDetail | null;
  /** What everyone else sees: the text the kiosk shows now. */
  publicPolicy: PolicyText | null;
  loading: boolean;
  error: string | null;
  draft: PolicyDraft | null;
  busy: boolean;
  formError: string | null;
  fieldErrors: Record<string, string>;
}

interface PolicyActions {
  load: (asDsl: boolean) => Promise<void>;
  startEdit: () => void;
  cancelEdit: () => void;
  setField: (field: 'title' | 'fullText' | 'reviewDue', value: string) => void;
  setLine: (index: number, value: string) => void;
  addLine: () => void;
  removeLine: (index: number) => void;
  /** Starts the summary again from one empty line (to write one's own instead of the default lines). */
  clearLines: () => void;
  publish: () => Promise<void>;
  recordReview: (note: string, nextReviewDue: string) => Promise<ActionResult>;
}

export type PolicyState = PolicyData & PolicyActions;

export function initialPolicyState(): PolicyData {
  return { detail: null, publicPolicy: null, loading: false, error: null, draft: null, busy: false, formError: null, fieldErrors: {} };
}

/** The draft as policy.publish takes it: an empty review date is left out, meaning a year from today. */
function policyInput(d: PolicyDraft): CommandInput<'policy.publish'> {
  return {
    title: d.title.trim(),
    summary: d.summary.map((l) => l.trim()),
    fullText: d.fullText,
    ...(d.reviewDue ? { reviewDue: d.reviewDue } : {}),
  };
}

/** Line numbers move when a line is removed: their messages would then point at the wrong line. */
function withoutLineFields(fields: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).filter(([k]) => !k.startsWith('summary')));
}

export const usePolicyStore = create<PolicyState>()((set, get) => ({
  ...initialPolicyState(),

  load: async (asDsl) => {
    set({ loading: true });
    if (!asDsl) {
      const r = await invoke('kiosk.config', {});
      set(r.ok ? { loading: false, error: null, publicPolicy: r.value.policy } : { loading: false, error: r.error.message });
      return;
    }
    const r = await invoke('policy.get', {});
    if (!r.ok) {
      const failure = handleFailure(r.error);
      if (!failure.locked) set({ loading: false, error: failure.message });
      return;
    }
    set({ loading: false, error: null, detail: r.value });
  },

  startEdit: () => {
    const current = get().detail?.current;
    if (!current) return;
    set({
      draft: { title: current.title, summary: [...current.summary], fullText: current.fullText, reviewDue: '' },
      formError: null, fieldErrors: {},
    });
    useSafeguardingStore.getState().setNotice(null);
  },

  cancelEdit: () => set({ draft: null, formError: null, fieldErrors: {}, busy: false }),

  setField: (field, value) =>
    set((s) => (s.draft ? { draft: { ...s.draft, [field]: value }, fieldErrors: withoutField(s.fieldErrors, field) } : {})),

  setLine: (index, value) =>
    set((s) => (s.draft
      ? {
          draft: { ...s.draft, summary: s.draft.summary.map((l, i) => (i === index ? value : l)) },
          fieldErrors: withoutField(withoutField(s.fieldErrors, `summary.${index}`), 'summary'),
        }
      : {})),

  addLine: () =>
    set((s) => (s.draft && s.draft.summary.length < MAX_SUMMARY_LINES
      ? { draft: { ...s.draft, summary: [...s.draft.summary, ''] }, fieldErrors: withoutLineFields(s.fieldErrors) }
      : {})),

  removeLine: (index) =>
    set((s) => (s.draft
      ? { draft: { ...s.draft, summary: s.draft.summary.filter((_, i) => i !== index) }, fieldErrors: withoutLineFields(s.fieldErrors) }
      : {})),

  clearLines: () =>
    set((s) => (s.draft ? { draft: { ...s.draft, summary: [''] }, fieldErrors: withoutLineFields(s.fieldErrors) } : {})),

  publish: async () => {
    const { draft, busy } = get();
    if (!draft || busy) return;
    const input = policyInput(draft);
    const fields = problemsWith('policy.publish', input);
    if (Object.keys(fields).length > 0) {
      set({ formError: 'Please check the answers marked below.', fieldErrors: fields });
      return;
    }
    set({ busy: true, formError: null, fieldErrors: {} });
    const r = await invoke('policy.publish', input);
    if (!r.ok) {
      const { message, fields: serverFields, locked } = handleFailure(r.error);
      if (!locked) set({ busy: false, formError: message, fieldErrors: serverFields });
      return;
    }
    set({ busy: false, draft: null, detail: r.value });
    useSafeguardingStore.getState().setNotice(
      `Version ${r.value.current.version} is published. The kiosk shows it now, and returning visitors are asked to read it.`,
    );
    await announceChanged();
  },

  recordReview: async (note, nextReviewDue) => {
    const input = { note: note.trim(), ...(nextReviewDue ? { nextReviewDue } : {}) };
    const refused = refusal(problemsWith('policy.recordReview', input));
    if (refused) return refused;
    const r = await invoke('policy.recordReview', input);
    if (!r.ok) {
      const { message, fields } = handleFailure(r.error);
      return { ok: false, message, fields };
    }
    set({ detail: r.value });
    useSafeguardingStore.getState().setNotice('The review is recorded.');
    await announceChanged();
    return { ok: true };
  },
}));

forgetWhenLocked(usePolicyStore, initialPolicyState);
