import { create } from 'zustand';
import type { CommandInput, ExceptionApprover, PrintStatus, StaffSessionInfo } from '../../shared/contract/index.js';
import type { LearnerExceptionView } from '../../shared/domain/learners.js';
import { invoke } from '../api.js';
import { handleFailure, type ActionResult } from '../lib/action-result.js';
import { announceChanged, onRecordsChanged } from '../lib/console-events.js';
import { problemsWith, refusal } from '../lib/contract-check.js';
import { answerChanged, CHECK_BELOW, pinAfterRefusal } from '../lib/decider-form.js';
import { forgetWhenLocked } from '../lib/store-reset.js';
import { todayUk } from '../lib/uk-clock.js';
import {
  checkException, exceptionFields, exceptionInput, newExceptionDraft, type ExceptionDraft, type ExceptionField,
} from './exception-model.js';

/** What the office types from the signed paper (the exception's number is added when it is sent). */
export type SignedValues = Omit<CommandInput<'learner.recordExceptionSigned'>, 'exceptionId'>;

interface ExceptionsData {
  exceptions: LearnerExceptionView[];
  /** Who may approve: the active accounts with the DSL or headteacher role. */
  approvers: ExceptionApprover[];
  loaded: boolean;
  error: string | null;
  /** What the last change did, in words. */
  notice: string | null;
  /** The "Record an exception" form, when it is open. */
  form: ExceptionDraft | null;
  busy: boolean;
  formError: string | null;
  fieldErrors: Record<string, string>;
  /** The agreement being printed, then what became of it (printed, or the PDF to open). */
  printing: number | null;
  printed: { pupilName: string; print: PrintStatus } | null;
}

interface ExceptionsActions {
  load: () => Promise<void>;
  /** Opens the form; a DSL or head who unlocked the console is offered as the approver (they still type their PIN). */
  startForm: (unlockedBy: StaffSessionInfo | null) => void;
  cancelForm: () => void;
  setField: <K extends ExceptionField>(field: K, value: ExceptionDraft[K]) => void;
  submit: () => Promise<void>;
  printAgreement: (exception: LearnerExceptionView) => Promise<void>;
  recordSigned: (exception: LearnerExceptionView, values: SignedValues) => Promise<ActionResult>;
  end: (exception: LearnerExceptionView, reason: string) => Promise<ActionResult>;
}

export type ExceptionsState = ExceptionsData & ExceptionsActions;

export function initialExceptionsState(): ExceptionsData {
  return {
    exceptions: [], approvers: [], loaded: false, error: null, notice: null,
    form: null, busy: false, formError: null, fieldErrors: {}, printing: null, printed: null,
  };
}

async function failed(r: { error: Parameters<typeof handleFailure>[0] }): Promise<ActionResult> {
  const { message, fields } = handleFailure(r.error);
  // Someone else may have signed for it or ended it a moment ago: the list shows it as it is now.
  if (r.error.code === 'conflict') await announceChanged();
  return { ok: false, message, fields };
}

/** Pupils' device exceptions: the list, the form that records one, and printing, signing and ending them. */
export const useExceptionsStore = create<ExceptionsState>()((set, get) => ({
  ...initialExceptionsState(),

  load: async () => {
    const r = await invoke('learner.exceptions', {});
    if (!r.ok) {
      const failure = handleFailure(r.error);
      if (!failure.locked) set({ error: failure.message });
      return;
    }
    set({ loaded: true, error: null, exceptions: r.value.exceptions, approvers: r.value.approvers });
  },

  startForm: (unlockedBy) => {
    const mayApprove = unlockedBy?.roles.includes('dsl') || unlockedBy?.roles.includes('head');
    set({ form: newExceptionDraft(todayUk(), mayApprove ? unlockedBy!.staffId : null), busy: false, formError: null, fieldErrors: {}, notice: null, printed: null });
  },

  cancelForm: () => set({ form: null, busy: false, formError: null, fieldErrors: {} }),

  setField: (field, value) => set((s) => answerChanged(s, field, value)),

  submit: async () => {
    const { form, busy } = get();
    if (!form || busy) return;
    const fields = checkException(form);
    if (Object.keys(fields).length > 0) {
      set({ formError: CHECK_BELOW, fieldErrors: fields });
      return;
    }
    set({ busy: true, formError: null, fieldErrors: {} });
    const r = await invoke('learner.recordException', exceptionInput(form));
    if (!r.ok) {
      const { message, fields: serverFields, locked } = handleFailure(r.error);
      if (locked) return;
      const pin = pinAfterRefusal(r.error.code, form.pin);
      set((s) => ({ busy: false, formError: message, fieldErrors: exceptionFields(serverFields), form: s.form ? { ...s.form, pin } : s.form }));
      return;
    }
    // The list is read again before the form closes, so the page never shows the old list under the new notice.
    await announceChanged();
    set({
      form: null, busy: false,
      notice: `Exception recorded for ${r.value.pupilName}. It is not in force until the pupil and a parent or carer have signed the agreement: print it for them.`,
    });
  },

  printAgreement: async (exception) => {
    if (get().printing !== null) return;
    set({ printing: exception.exceptionId, printed: null, notice: null });
    const r = await invoke('learner.printExceptionAgreement', { exceptionId: exception.exceptionId });
    if (!r.ok) {
      const failure = handleFailure(r.error);
      if (!failure.locked) set({ printing: null, error: failure.message });
      return;
    }
    set({ printing: null, error: null, printed: { pupilName: exception.pupilName, print: r.value.print } });
  },

  recordSigned: async (exception, values) => {
    const input = {
      exceptionId: exception.exceptionId,
      learnerName: values.learnerName.trim(),
      parentName: values.parentName.trim(),
      parentRelationship: values.parentRelationship.trim(),
      signedOn: values.signedOn,
    };
    const refused = refusal(problemsWith('learner.recordExceptionSigned', input));
    if (refused) return refused;
    const r = await invoke('learner.recordExceptionSigned', input);
    if (!r.ok) return failed(r);
    await announceChanged();
    set({
      printed: null,
      notice: r.value.state === 'in_force'
        ? `The signed agreement is recorded. ${exception.pupilName} may now keep the device in school.`
        : `The signed agreement is recorded for ${exception.pupilName}.`,
    });
    return { ok: true };
  },

  end: async (exception, reason) => {
    const input = { exceptionId: exception.exceptionId, reason: reason.trim() };
    const refused = refusal(problemsWith('learner.endException', input));
    if (refused) return refused;
    const r = await invoke('learner.endException', input);
    if (!r.ok) return failed(r);
    await announceChanged();
    set({ printed: null, notice: `The exception for ${exception.pupilName} has ended. From now on they may not keep the device with them in school.` });
    return { ok: true };
  },
}));

forgetWhenLocked(useExceptionsStore, initialExceptionsState);
// An exception recorded, signed or ended (here or at another desk) changes the list: once read, it is read again.
onRecordsChanged(() => {
  if (useExceptionsStore.getState().loaded) return useExceptionsStore.getState().load();
});
