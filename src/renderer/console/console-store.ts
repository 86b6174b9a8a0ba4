import { create } from 'zustand';
import type { OnSiteVisit, PendingHandover, StaffSessionInfo, StaffSummary } from '../../shared/contract/index.js';
import type { CommandFailure } from '../../shared/domain/errors.js';
import { invoke } from '../api.js';
import { now } from '../lib/clock.js';
import { fullName } from '../../shared/domain/names.js';

export const IDLE_LOCK_MESSAGE = 'The console locked after a period of no use';
export const NEW_PIN_SAVED_MESSAGE = 'Your new PIN is saved. Unlock the console with it now.';

/** Used only if the kiosk configuration cannot be read: the same default main uses. */
const FALLBACK_LOCK_SECONDS = 300;

type Phase = 'loading' | 'locked' | 'unlocked';

/** The unlocked console's sections, in the order the navigation shows them. */
export const CONSOLE_VIEWS = ['today', 'collect', 'safe', 'check', 'log'] as const;
export type ConsoleView = (typeof CONSOLE_VIEWS)[number];

export const CONSOLE_VIEW_LABELS: Record<ConsoleView, string> = {
  today: 'Today',
  collect: 'Collect',
  safe: 'In the safe',
  check: 'Check an approval',
  log: 'Log items',
};

/** What a console action answers to the dialog that asked for it. */
export type ActionResult = { ok: true } | { ok: false; message: string; fields: Record<string, string> };

interface ConsoleData {
  phase: Phase;
  loadError: string | null;
  settingName: string;
  lockSeconds: number;
  staff: StaffSummary[];
  staffId: number | null;
  pin: string;
  session: StaffSessionInfo | null;
  onSite: OnSiteVisit[];
  /** The setting prints visitor badges: Today offers Reprint badge beside each visitor. */
  badgesEnabled: boolean;
  pending: PendingHandover[];
  lastUpdated: string | null;
  refreshing: boolean;
  busy: boolean;
  error: string | null;
  fieldErrors: Record<string, string>;
  /** Why the console is locked, when it was not the person's own choice. */
  lockNotice: string | null;
  view: ConsoleView;
  /** A one-line report of the last thing done on the Today page ("Amira Khan is signed out."). */
  notice: string | null;
}

interface ConsoleActions {
  load: () => Promise<void>;
  chooseStaff: (staffId: number) => void;
  setPin: (pin: string) => void;
  unlock: () => Promise<void>;
  lock: (notice?: string) => Promise<void>;
  refresh: () => Promise<void>;
  /** Main answered "locked" to some command: the session is over, whatever was on screen goes. */
  sessionLocked: () => void;
  show: (view: ConsoleView) => void;
  setNotice: (notice: string | null) => void;
  overrideSignOut: (visit: OnSiteVisit, reason: string) => Promise<ActionResult>;
  /** Changes the unlocked person's PIN; main then ends their sessions, so the console asks for the new one. */
  changeOwnPin: (input: { currentPin: string; pin: string; pinAgain: string }) => Promise<ActionResult>;
}

export type ConsoleState = ConsoleData & ConsoleActions;

function lockedData(): Partial<ConsoleData> {
  return {
    phase: 'locked', session: null, pin: '', onSite: [], badgesEnabled: false, pending: [], lastUpdated: null, refreshing: false, busy: false,
    view: 'today', notice: null,
  };
}

export function initialConsoleState(): ConsoleData {
  return {
    phase: 'loading',
    loadError: null,
    settingName: '',
    lockSeconds: FALLBACK_LOCK_SECONDS,
    staff: [],
    staffId: null,
    pin: '',
    session: null,
    onSite: [],
    badgesEnabled: false,
    pending: [],
    lastUpdated: null,
    refreshing: false,
    busy: false,
    error: null,
    fieldErrors: {},
    lockNotice: null,
    view: 'today',
    notice: null,
  };
}

// Bumped whenever the session changes hands, so a slow answer for the last session is dropped.
let epoch = 0;

export const useConsoleStore = create<ConsoleState>()((set, get) => {
  /** Main ended the session (it timed out there): nothing from it may stay on screen. */
  const lockedOut = () => {
    epoch += 1;
    set({ ...lockedData(), error: null, fieldErrors: {}, lockNotice: IDLE_LOCK_MESSAGE });
  };

  const fail = (error: CommandFailure) => {
    if (error.code === 'locked') lockedOut();
    else set({ error: error.message, refreshing: false });
  };

  return {
    ...initialConsoleState(),

    load: async () => {
      set({ phase: 'loading', loadError: null, error: null, fieldErrors: {} });
      const [session, staff, config] = await Promise.all([
        invoke('staff.session', {}),
        invoke('staff.listForUnlock', {}),
        invoke('kiosk.config', {}),
      ]);
      if (!staff.ok) {
        set({ loadError: staff.error.message });
        return;
      }
      const list = staff.value.staff;
      set((s) => ({
        staff: list,
        // One account (just after setup) needs no choosing.
        staffId: s.staffId ?? (list.length === 1 ? (list[0]?.id ?? null) : null),
        settingName: config.ok ? config.value.settingName : '',
        lockSeconds: config.ok ? config.value.consoleLockSeconds : FALLBACK_LOCK_SECONDS,
      }));
      const current = session.ok ? session.value.session : null;
      if (current) {
        epoch += 1;
        set({ phase: 'unlocked', session: current });
        if (!current.pinChangeDue) await get().refresh();
      } else {
        set({ phase: 'locked' });
      }
    },

    chooseStaff: (staffId) =>
      set((s) => {
        const fieldErrors = { ...s.fieldErrors };
        delete fieldErrors.staffId;
        return { staffId, fieldErrors, error: null };
      }),

    setPin: (pin) =>
      set((s) => {
        const fieldErrors = { ...s.fieldErrors };
        delete fieldErrors.pin;
        return { pin, fieldErrors };
      }),

    unlock: async () => {
      const { staffId, pin, busy } = get();
      if (busy) return;
      if (staffId === null) {
        set({ error: 'Choose your name from the list.', fieldErrors: { staffId: 'Choose your name from the list.' } });
        return;
      }
      set({ busy: true, error: null, lockNotice: null });
      const r = await invoke('staff.unlock', { staffId, pin });
      if (!r.ok) {
        // The PIN box is emptied after every failed try, so the next try starts clean.
        set({ busy: false, pin: '', error: r.error.message, fieldErrors: r.error.fields ?? {} });
        return;
      }
      epoch += 1;
      set({ busy: false, pin: '', phase: 'unlocked', session: r.value, error: null, fieldErrors: {} });
      // A PIN too short for the role: the console shows only the screen to change it (main refuses the rest).
      if (!r.value.pinChangeDue) await get().refresh();
    },

    lock: async (notice) => {
      epoch += 1;
      set({ ...lockedData(), error: null, fieldErrors: {}, lockNotice: notice ?? null });
      const r = await invoke('staff.lock', {});
      if (!r.ok) set({ error: r.error.message });
    },

    refresh: async () => {
      if (get().phase !== 'unlocked' || get().session?.pinChangeDue) return;
      const mine = epoch;
      set({ refreshing: true });
      const [onSite, pending] = await Promise.all([invoke('visit.onSite', {}), invoke('custody.pendingHandovers', {})]);
      if (mine !== epoch) return;
      if (!onSite.ok) return fail(onSite.error);
      if (!pending.ok) return fail(pending.error);
      set({
        refreshing: false,
        onSite: onSite.value.visits,
        badgesEnabled: onSite.value.badgesEnabled,
        pending: pending.value.handovers,
        lastUpdated: now().toISOString(),
        error: null,
      });
    },

    sessionLocked: () => lockedOut(),

    changeOwnPin: async ({ currentPin, pin, pinAgain }) => {
      const r = await invoke('staff.changeOwnPin', { currentPin, newPin: { pin, pinAgain } });
      if (!r.ok) {
        if (r.error.code === 'locked') lockedOut();
        // Too many wrong PINs lock the account and end its sessions (a screen held back keeps its session).
        if (r.error.code === 'account_locked') {
          const still = await invoke('staff.session', {});
          if (still.ok && still.value.session === null) {
            epoch += 1;
            set({ ...lockedData(), error: r.error.message, fieldErrors: {}, lockNotice: null });
          }
        }
        return { ok: false, message: r.error.message, fields: r.error.fields ?? {} };
      }
      epoch += 1;
      set({ ...lockedData(), error: null, fieldErrors: {}, lockNotice: NEW_PIN_SAVED_MESSAGE });
      return { ok: true };
    },

    show: (view) => set({ view, notice: view === 'today' ? get().notice : null }),

    setNotice: (notice) => set({ notice }),

    overrideSignOut: async (visit, reason) => {
      if (reason.trim() === '') {
        const message = 'Say why they are leaving without their items.';
        return { ok: false, message, fields: { reason: message } };
      }
      const r = await invoke('visit.overrideSignOut', { visitId: visit.visitId, reason });
      if (!r.ok) {
        if (r.error.code === 'locked') lockedOut();
        return { ok: false, message: r.error.message, fields: r.error.fields ?? {} };
      }
      const name = fullName(visit);
      const left = r.value.itemsStillInSafe;
      set({
        notice: left > 0
          ? `${name} is signed out. ${left === 1 ? '1 item is' : `${left} items are`} still in the safe.`
          : `${name} is signed out.`,
      });
      await get().refresh();
      return { ok: true };
    },
  };
});
