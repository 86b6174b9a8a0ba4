import { create } from 'zustand';
import type { AgreeingHead, StaffSessionInfo } from '../../shared/contract/index.js';
import type { AgreementView } from '../../shared/domain/learners.js';
import { invoke } from '../api.js';
import { handleFailure, type ActionResult } from '../lib/action-result.js';
import { announceChanged, onRecordsChanged } from '../lib/console-events.js';
import { problemsWith, refusal } from '../lib/contract-check.js';
import { answerChanged, CHECK_BELOW, pinAfterRefusal } from '../lib/decider-form.js';
import { forgetWhenLocked } from '../lib/store-reset.js';
import { todayUk } from '../lib/uk-clock.js';
import {
  agreementFields, agreementInput, checkAgreement, newAgreementDraft, type AgreementDraft, type AgreementField,
} from './agreement-model.js';

interface LearnersData {
  agreements: AgreementView[];
  /** Who may agree: the active accounts with the headteacher or leadership role. */
  heads: AgreeingHead[];
  loaded: boolean;
  loading: boolean;
  error: string | null;
  /** What the last change did, in words. */
  notice: string | null;
  /** The "Record an agreement" form, when it is open. */
  form: AgreementDraft | null;
  busy: boolean;
  formError: string | null;
  fieldErrors: Record<string, string>;
}

interface LearnersActions {
  load: () => Promise<void>;
  /** Opens the form; a head who unlocked the console is offered as the one who agreed (they still type their PIN). */
  startForm: (unlockedBy: StaffSessionInfo | null) => void;
  cancelForm: () => void;
  setField: <K extends AgreementField>(field: K, value: AgreementDraft[K]) => void;
  submit: () => Promise<void>;
  end: (agreement: AgreementView, reason: string) => Promise<ActionResult>;
}

export type LearnersState = LearnersData & LearnersActions;

export function initialLearnersState(): LearnersData {
  return {
    agreements: [], heads: [], loaded: false, loading: false, error: null, notice: null,
    form: null, busy: false, formError: null, fieldErrors: {},
  };
}

export const useLearnersStore = create<LearnersState>()((set, get) => ({
  ...initialLearnersState(),

  load: async () => {
    set({ loading: true });
    const r = await invoke('learner.agreements', {});
    if (!r.ok) {
      const failure = handleFailure(r.error);
      if (!failure.locked) set({ loading: false, error: failure.message });
      return;
    }
    set({ loading: false, loaded: true, error: null, agreements: r.value.agreements, heads: r.value.heads });
  },

  startForm: (unlockedBy) => {
    const agreedBy = unlockedBy?.roles.includes('head') ? unlockedBy.staffId : null;
    set({ form: newAgreementDraft(todayUk(), agreedBy), busy: false, formError: null, fieldErrors: {}, notice: null });
  },

  cancelForm: () => set({ form: null, busy: false, formError: null, fieldErrors: {} }),

  setField: (field, value) => set((s) => answerChanged(s, field, value)),

  submit: async () => {
    const { form, busy } = get();
    if (!form || busy) return;
    const fields = checkAgreement(form);
    if (Object.keys(fields).length > 0) {
      set({ formError: CHECK_BELOW, fieldErrors: fields });
      return;
    }
    set({ busy: true, formError: null, fieldErrors: {} });
    const r = await invoke('learner.recordAgreement', agreementInput(form));
    if (!r.ok) {
      const { message, fields: serverFields, locked } = handleFailure(r.error);
      if (locked) return;
      const pin = pinAfterRefusal(r.error.code, form.pin);
      set((s) => ({ busy: false, formError: message, fieldErrors: agreementFields(serverFields), form: s.form ? { ...s.form, pin } : s.form }));
      return;
    }
    // The list is read again before the form closes, so the page never shows the old list under the new notice.
    await announceChanged();
    set({ form: null, busy: false, notice: `Agreement recorded for ${r.value.pupilName}.` });
  },

  end: async (agreement, reason) => {
    const input = { agreementId: agreement.agreementId, reason: reason.trim() };
    const refused = refusal(problemsWith('learner.endAgreement', input));
    if (refused) return refused;
    const r = await invoke('learner.endAgreement', input);
    if (!r.ok) {
      const { message, fields } = handleFailure(r.error);
      return { ok: false, message, fields };
    }
    await announceChanged();
    set({ notice: `The agreement for ${agreement.pupilName} has ended. Their device is no longer allowed in school.` });
    return { ok: true };
  },
}));

forgetWhenLocked(useLearnersStore, initialLearnersState);
// An agreement recorded or ended changes the list: once read, it is read again.
onRecordsChanged(() => {
  if (useLearnersStore.getState().loaded) return useLearnersStore.getState().load();
});
