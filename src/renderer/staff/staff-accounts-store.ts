import { create } from 'zustand';
import type { PrintStatus, StaffAccount } from '../../shared/contract/index.js';
import type { StaffRole } from '../../shared/domain/roles.js';
import { invoke } from '../api.js';
import { handleFailure, withoutField, type ActionResult } from '../lib/action-result.js';
import { announceChanged } from '../lib/console-events.js';
import { forgetWhenLocked } from '../lib/store-reset.js';
import { problemsWith, refusal } from '../lib/contract-check.js';

/** The roles an administrator grants; office work comes with every account. */
export type GrantedRole = Exclude<StaffRole, 'office'>;

export interface NewStaffDraft {
  displayName: string;
  dsl: boolean;
  admin: boolean;
  head: boolean;
  pin: string;
  pinAgain: string;
}

interface StaffAccountsData {
  accounts: StaffAccount[];
  loaded: boolean;
  loading: boolean;
  error: string | null;
  /** What the last change did, in words. */
  notice: string | null;
  draft: NewStaffDraft;
  creating: boolean;
  createError: string | null;
  createFields: Record<string, string>;
  /** The last badge issued here: whether it printed, and if not the PDF to print by hand. */
  badgePrint: { displayName: string; print: PrintStatus } | null;
}

interface StaffAccountsActions {
  load: () => Promise<void>;
  changeDraft: <K extends keyof NewStaffDraft>(key: K, value: NewStaffDraft[K]) => void;
  create: () => Promise<boolean>;
  update: (account: StaffAccount, displayName: string, roles: GrantedRole[], myStaffId: number | null) => Promise<StaffChangeResult>;
  resetPin: (account: StaffAccount, pin: string, pinAgain: string, myStaffId: number | null) => Promise<StaffChangeResult>;
  unlockAccount: (account: StaffAccount) => Promise<void>;
  deactivate: (account: StaffAccount, reason: string) => Promise<ActionResult>;
  /** A new staff badge, printed; any earlier badge of theirs stops working. */
  issueBadge: (account: StaffAccount) => Promise<ActionResult>;
}

export type StaffAccountsState = StaffAccountsData & StaffAccountsActions;

const emptyDraft = (): NewStaffDraft => ({ displayName: '', dsl: false, admin: false, head: false, pin: '', pinAgain: '' });

export function initialStaffAccountsState(): StaffAccountsData {
  return {
    accounts: [], loaded: false, loading: false, error: null, notice: null, draft: emptyDraft(), creating: false,
    createError: null, createFields: {}, badgePrint: null,
  };
}

export function grantedRoles(flags: { dsl: boolean; admin: boolean; head: boolean }): GrantedRole[] {
  return (['dsl', 'admin', 'head'] as const).filter((role) => flags[role]);
}

function failed(error: Parameters<typeof handleFailure>[0]): ActionResult {
  const failure = handleFailure(error);
  return { ok: false, message: failure.message, fields: failure.fields };
}

/**
 * Changing your own roles or PIN ends your own session (main closes it): the answer carries what the lock
 * screen should say, and the page that asked locks the console.
 */
export type StaffChangeResult = ActionResult & { lockNotice?: string };

export const useStaffAccountsStore = create<StaffAccountsState>()((set, get) => {
  const replace = (account: StaffAccount, notice: string) =>
    set((s) => ({ accounts: s.accounts.map((a) => (a.staffId === account.staffId ? account : a)), notice }));

  return {
    ...initialStaffAccountsState(),

    load: async () => {
      if (get().loading) return;
      set({ loading: true });
      const r = await invoke('staff.list', {});
      if (!r.ok) {
        const failure = handleFailure(r.error);
        if (!failure.locked) set({ loading: false, error: failure.message });
        return;
      }
      set({ loading: false, loaded: true, error: null, accounts: r.value.staff });
    },

    changeDraft: (key, value) =>
      set((s) => ({
        draft: { ...s.draft, [key]: value },
        createFields: withoutField(s.createFields, key === 'dsl' || key === 'admin' || key === 'head' ? 'roles' : key),
        notice: null,
      })),

    create: async () => {
      const { creating, draft } = get();
      if (creating) return false;
      set({ creating: true, createError: null, createFields: {}, notice: null });
      const r = await invoke('staff.create', {
        displayName: draft.displayName, roles: grantedRoles(draft), pin: draft.pin, pinAgain: draft.pinAgain,
      });
      if (!r.ok) {
        const failure = handleFailure(r.error);
        // The PIN boxes are emptied after a failed try, as on the lock screen.
        if (!failure.locked) {
          set((s) => ({ creating: false, createError: failure.message, createFields: failure.fields, draft: { ...s.draft, pin: '', pinAgain: '' } }));
        }
        return false;
      }
      set((s) => ({
        creating: false, draft: emptyDraft(), accounts: [...s.accounts, r.value],
        notice: `${r.value.displayName} can now unlock the staff console with their PIN.`,
      }));
      // The lock screen's names and the console's staff pickers follow the accounts.
      await announceChanged({ staff: true });
      return true;
    },

    update: async (account, displayName, roles, myStaffId) => {
      const r = await invoke('staff.update', { staffId: account.staffId, displayName, roles });
      if (!r.ok) return failed(r.error);
      if (account.staffId === myStaffId) return { ok: true, lockNotice: 'Your roles or name changed. Unlock again to carry on.' };
      replace(r.value, `${r.value.displayName}’s details are saved. Their console, if open, has been locked so the change applies at once.`);
      await announceChanged({ staff: true });
      return { ok: true };
    },

    resetPin: async (account, pin, pinAgain, myStaffId) => {
      const r = await invoke('staff.resetPin', { staffId: account.staffId, pin, pinAgain });
      if (!r.ok) return failed(r.error);
      if (account.staffId === myStaffId) return { ok: true, lockNotice: 'Your PIN has been changed. Unlock again with the new PIN.' };
      replace(r.value, `${r.value.displayName} has a new PIN. Tell them in person, not by email.`);
      return { ok: true };
    },

    unlockAccount: async (account) => {
      set({ error: null, notice: null });
      const r = await invoke('staff.unlockAccount', { staffId: account.staffId });
      if (!r.ok) {
        const failure = handleFailure(r.error);
        if (!failure.locked) set({ error: failure.message });
        return;
      }
      replace(r.value, `${r.value.displayName} can try their PIN again now.`);
    },

    deactivate: async (account, reason) => {
      const input = { staffId: account.staffId, reason: reason.trim() };
      const refused = refusal(problemsWith('staff.deactivate', input));
      if (refused) return refused;
      const r = await invoke('staff.deactivate', input);
      if (!r.ok) return failed(r.error);
      const signedOut = account.signedInSince !== null && r.value.signedInSince === null ? ' They are signed out of work as of now.' : '';
      replace(r.value, `${r.value.displayName} can no longer unlock the console. Their name stays on past records.${signedOut}`);
      await announceChanged({ staff: true });
      return { ok: true };
    },

    issueBadge: async (account) => {
      const r = await invoke('staff.issueBadge', { staffId: account.staffId });
      if (!r.ok) return failed(r.error);
      const { account: updated, replaced, print } = r.value;
      replace(updated, replaced
        ? `${updated.displayName} has a new badge. Their old badge no longer works.`
        : `${updated.displayName} has a staff badge: they can scan it at the kiosk to sign in and out.`);
      set({ badgePrint: { displayName: updated.displayName, print } });
      return { ok: true };
    },
  };
});

forgetWhenLocked(useStaffAccountsStore, initialStaffAccountsState);
