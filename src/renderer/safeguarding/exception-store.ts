import { create } from 'zustand';
import type { PrintStatus, StaffSessionInfo } from '../../shared/contract/index.js';
import { MAX_DEVICES_PER_KIND, type DeclaredDevice, type DeviceKind } from '../../shared/domain/devices.js';
import type { ExceptionView } from '../../shared/domain/exceptions.js';
import { invoke } from '../api.js';
import { handleFailure, withoutField, type ActionResult } from '../lib/action-result.js';
import { announceChanged } from '../lib/console-events.js';
import { forgetWhenLocked } from '../lib/store-reset.js';
import { problemsWith, refusal } from '../lib/contract-check.js';
import { CHECK_BELOW, pinAfterRefusal } from '../lib/decider-form.js';
import {
  approvalInput, checkDraft, formFields, newDraft, type ApprovalDraft, type ApprovalTarget, type DraftField,
} from './exception-model.js';
import { useSafeguardingStore } from './safeguarding-store.js';

export * from './exception-model.js';

/** The approval records of one visit or booking, shown (and printed) on their own page. */
export interface RecordView {
  name: string;
  exceptions: ExceptionView[];
}

interface ExceptionData {
  /** The approval form is open for this visitor. */
  target: ApprovalTarget | null;
  draft: ApprovalDraft;
  busy: boolean;
  error: string | null;
  fieldErrors: Record<string, string>;
  record: RecordView | null;
  recordError: string | null;
  /** The approval whose printed record is being made, and what came of the last one. */
  printing: number | null;
  printed: { exceptionId: number; print: PrintStatus } | null;
}

interface ExceptionActions {
  /** Opens the approval form; `unlockedBy` (a DSL) is offered as the approver. */
  startApproval: (target: ApprovalTarget, declared: readonly DeclaredDevice[], unlockedBy: StaffSessionInfo | null) => void;
  cancel: () => void;
  setField: <K extends DraftField>(field: K, value: ApprovalDraft[K]) => void;
  setDevice: (kind: DeviceKind, count: number) => void;
  setCheck: (index: number, checked: boolean) => void;
  submit: () => Promise<void>;
  revoke: (exceptionId: number, name: string, reason: string) => Promise<ActionResult>;
  openRecord: (query: { visitId: number } | { bookingId: number }, name: string) => Promise<void>;
  closeRecord: () => void;
  printRecord: (exceptionId: number) => Promise<void>;
}

export type ExceptionState = ExceptionData & ExceptionActions;

export function initialExceptionState(): ExceptionData {
  return { target: null, draft: newDraft([], null), busy: false, error: null, fieldErrors: {}, record: null, recordError: null, printing: null, printed: null };
}


/** The DSL's own account is the likely approver when a DSL has the console unlocked. */
function defaultApprover(unlockedBy: StaffSessionInfo | null): number | null {
  return unlockedBy?.roles.includes('dsl') ? unlockedBy.staffId : null;
}

export const useExceptionStore = create<ExceptionState>()((set, get) => {
  return {
    ...initialExceptionState(),

    startApproval: (target, declared, unlockedBy) => {
      set({ ...initialExceptionState(), target, draft: newDraft(declared, defaultApprover(unlockedBy), target.type === 'visit' ? target.request : null) });
      useSafeguardingStore.getState().setNotice(null);
    },

    cancel: () => set({ target: null, draft: newDraft([], null), busy: false, error: null, fieldErrors: {} }),

    setField: (field, value) =>
      set((s) => ({ draft: { ...s.draft, [field]: value }, fieldErrors: withoutField(s.fieldErrors, field) })),

    setDevice: (kind, count) =>
      set((s) => ({
        draft: { ...s.draft, devices: { ...s.draft.devices, [kind]: Math.max(0, Math.min(MAX_DEVICES_PER_KIND, count)) } },
        fieldErrors: withoutField(s.fieldErrors, 'devices'),
      })),

    setCheck: (index, checked) =>
      set((s) => ({
        draft: { ...s.draft, checklist: s.draft.checklist.map((c, i) => (i === index ? checked : c)) },
        fieldErrors: withoutField(withoutField(s.fieldErrors, 'riskChecklist'), 'riskNotes'),
      })),

    submit: async () => {
      const { target, draft, busy } = get();
      if (!target || busy) return;
      const fields = checkDraft(draft, target);
      if (Object.keys(fields).length > 0) {
        set({ error: CHECK_BELOW, fieldErrors: fields });
        return;
      }
      set({ busy: true, error: null, fieldErrors: {} });
      const r = await invoke('exception.approve', approvalInput(draft, target));
      if (!r.ok) {
        const { message, fields: serverFields, locked } = handleFailure(r.error);
        if (locked) return;
        // A wrong PIN empties the box, as at the lock screen, so the next try starts clean.
        const pin = pinAfterRefusal(r.error.code, draft.pin);
        const mapped = formFields(serverFields);
        if (r.error.code === 'wrong_pin' || r.error.code === 'account_locked') mapped.pin ??= message;
        set((s) => ({ busy: false, error: message, fieldErrors: mapped, draft: { ...s.draft, pin } }));
        return;
      }
      // The lists are read again before the form closes, so the page never shows the old state under the new notice.
      await announceChanged();
      set({ ...initialExceptionState() });
      useSafeguardingStore.getState().setNotice(`Device use approved for ${target.name}.`);
    },

    revoke: async (exceptionId, name, reason) => {
      const input = { exceptionId, reason: reason.trim() };
      const refused = refusal(problemsWith('exception.revoke', input));
      if (refused) return refused;
      const r = await invoke('exception.revoke', input);
      if (!r.ok) {
        const { message, fields } = handleFailure(r.error);
        return { ok: false, message, fields };
      }
      const record = get().record;
      if (record) set({ record: { ...record, exceptions: record.exceptions.map((e) => (e.exceptionId === exceptionId ? r.value : e)) } });
      await announceChanged();
      useSafeguardingStore.getState().setNotice(`Device use for ${name} is revoked. Their device should now go in the safe.`);
      return { ok: true };
    },

    openRecord: async (query, name) => {
      set({ recordError: null });
      const r = await invoke('exception.list', query);
      if (!r.ok) {
        const failure = handleFailure(r.error);
        if (!failure.locked) set({ recordError: failure.message });
        return;
      }
      set({ record: { name, exceptions: r.value.exceptions }, recordError: null });
    },

    closeRecord: () => set({ record: null, recordError: null, printed: null }),

    printRecord: async (exceptionId) => {
      if (get().printing !== null) return;
      set({ printing: exceptionId, printed: null, recordError: null });
      const r = await invoke('exception.record', { exceptionId });
      if (!r.ok) {
        const failure = handleFailure(r.error);
        if (!failure.locked) set({ printing: null, recordError: failure.message });
        return;
      }
      set({ printing: null, printed: { exceptionId, print: r.value.print } });
    },
  };
});

forgetWhenLocked(useExceptionStore, initialExceptionState);
