import { create } from 'zustand';
import type { CommandOutput, PrintStatus, StaffSessionInfo } from '../../shared/contract/index.js';
import type { StaffPermissionView } from '../../shared/domain/staff-permissions.js';
import { invoke } from '../api.js';
import { handleFailure, type ActionResult } from '../lib/action-result.js';
import { announceChanged, onRecordsChanged } from '../lib/console-events.js';
import { problemsWith, refusal } from '../lib/contract-check.js';
import { answerChanged, CHECK_BELOW, pinAfterRefusal } from '../lib/decider-form.js';
import { forgetWhenLocked } from '../lib/store-reset.js';
import { todayUk } from '../lib/uk-clock.js';
import {
  checkPermission, newPermissionDraft, permissionFields, permissionInput, type PermissionDraft, type PermissionField,
} from './staff-permission-model.js';

type Person = CommandOutput<'staffPermission.list'>['staff'][number];

interface StaffPermissionsData {
  permissions: StaffPermissionView[];
  /** Who may approve: the active accounts with the headteacher or leadership role. */
  heads: Person[];
  /** Who a permission may be for: every active account. */
  staff: Person[];
  loaded: boolean;
  error: string | null;
  /** What the last change did, in words. */
  notice: string | null;
  /** The "Record a permission" form, when it is open. */
  form: PermissionDraft | null;
  busy: boolean;
  formError: string | null;
  fieldErrors: Record<string, string>;
  /** The permission being printed, then what became of it (printed, or the PDF to open). */
  printing: number | null;
  printed: { staffName: string; print: PrintStatus } | null;
}

interface StaffPermissionsActions {
  load: () => Promise<void>;
  /** Opens the form; a head who unlocked the console is offered as the approver (they still type their PIN). */
  startForm: (unlockedBy: StaffSessionInfo | null) => void;
  cancelForm: () => void;
  setField: <K extends PermissionField>(field: K, value: PermissionDraft[K]) => void;
  submit: () => Promise<void>;
  print: (permission: StaffPermissionView) => Promise<void>;
  recordSigned: (permission: StaffPermissionView, signedOn: string) => Promise<ActionResult>;
  end: (permission: StaffPermissionView, reason: string) => Promise<ActionResult>;
}

export type StaffPermissionsState = StaffPermissionsData & StaffPermissionsActions;

export function initialStaffPermissionsState(): StaffPermissionsData {
  return {
    permissions: [], heads: [], staff: [], loaded: false, error: null, notice: null,
    form: null, busy: false, formError: null, fieldErrors: {}, printing: null, printed: null,
  };
}

async function failed(r: { error: Parameters<typeof handleFailure>[0] }): Promise<ActionResult> {
  const { message, fields } = handleFailure(r.error);
  // Someone else may have recorded the signature or ended it a moment ago: the list shows it as it is now.
  if (r.error.code === 'conflict') await announceChanged();
  return { ok: false, message, fields };
}

/** Staff members' device permissions: the list, the form that records one, and printing, signing and ending them. */
export const useStaffPermissionsStore = create<StaffPermissionsState>()((set, get) => ({
  ...initialStaffPermissionsState(),

  load: async () => {
    const r = await invoke('staffPermission.list', {});
    if (!r.ok) {
      const failure = handleFailure(r.error);
      if (!failure.locked) set({ error: failure.message });
      return;
    }
    set({ loaded: true, error: null, permissions: r.value.permissions, heads: r.value.heads, staff: r.value.staff });
  },

  startForm: (unlockedBy) => {
    const mayApprove = unlockedBy?.roles.includes('head') ?? false;
    set({ form: newPermissionDraft(todayUk(), mayApprove ? unlockedBy!.staffId : null), busy: false, formError: null, fieldErrors: {}, notice: null, printed: null });
  },

  cancelForm: () => set({ form: null, busy: false, formError: null, fieldErrors: {} }),

  setField: (field, value) => set((s) => answerChanged(s, field, value)),

  submit: async () => {
    const { form, busy } = get();
    if (!form || busy) return;
    const fields = checkPermission(form);
    if (Object.keys(fields).length > 0) {
      set({ formError: CHECK_BELOW, fieldErrors: fields });
      return;
    }
    set({ busy: true, formError: null, fieldErrors: {} });
    const r = await invoke('staffPermission.record', permissionInput(form));
    if (!r.ok) {
      const { message, fields: serverFields, locked } = handleFailure(r.error);
      if (locked) return;
      const pin = pinAfterRefusal(r.error.code, form.pin);
      set((s) => ({ busy: false, formError: message, fieldErrors: permissionFields(serverFields), form: s.form ? { ...s.form, pin } : s.form }));
      return;
    }
    // The list is read again before the form closes, so the page never shows the old list under the new notice.
    await announceChanged();
    set({
      form: null, busy: false,
      notice: `Permission recorded for ${r.value.staffName}. It is not in force until they have signed it: print it for them and the headteacher to sign.`,
    });
  },

  print: async (permission) => {
    if (get().printing !== null) return;
    set({ printing: permission.permissionId, printed: null, notice: null });
    const r = await invoke('staffPermission.print', { permissionId: permission.permissionId });
    if (!r.ok) {
      const failure = handleFailure(r.error);
      if (!failure.locked) set({ printing: null, error: failure.message });
      return;
    }
    set({ printing: null, error: null, printed: { staffName: permission.staffName, print: r.value.print } });
  },

  recordSigned: async (permission, signedOn) => {
    const input = { permissionId: permission.permissionId, signedOn };
    const refused = refusal(problemsWith('staffPermission.recordSigned', input));
    if (refused) return refused;
    const r = await invoke('staffPermission.recordSigned', input);
    if (!r.ok) return failed(r);
    await announceChanged();
    set({
      printed: null,
      notice: r.value.state === 'in_force'
        ? `The signed permission is recorded. ${permission.staffName} may now use the device as it says.`
        : `The signed permission is recorded for ${permission.staffName}.`,
    });
    return { ok: true };
  },

  end: async (permission, reason) => {
    const input = { permissionId: permission.permissionId, reason: reason.trim() };
    const refused = refusal(problemsWith('staffPermission.end', input));
    if (refused) return refused;
    const r = await invoke('staffPermission.end', input);
    if (!r.ok) return failed(r);
    await announceChanged();
    set({ printed: null, notice: `The permission for ${permission.staffName} has ended. From now on the usual rules for personal devices apply to them.` });
    return { ok: true };
  },
}));

forgetWhenLocked(useStaffPermissionsStore, initialStaffPermissionsState);
// A permission recorded, signed or ended (here or at another desk) changes the list: once read, it is read again.
onRecordsChanged(() => {
  if (useStaffPermissionsStore.getState().loaded) return useStaffPermissionsStore.getState().load();
});
