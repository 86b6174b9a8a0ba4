import { create } from 'zustand';
import type { StaffSessionInfo, StaffSummary } from '../../shared/contract/index.js';
import { invoke, onSessionEnded } from '../api.js';
import type { ActionResult } from '../lib/action-result.js';
import { onRecordsChanged, announceLocked } from '../lib/console-events.js';
import { resettable } from '../lib/store-reset.js';

export const IDLE_LOCK_MESSAGE = 'The console locked after a period of no use';
export const NEW_PIN_SAVED_MESSAGE = 'Your new PIN is saved. Unlock the console with it now.';

/** Used only if the kiosk configuration cannot be read: the same default main uses. */
const FALLBACK_LOCK_SECONDS = 300;

type Phase = 'loading' | 'locked' | 'unlocked';

interface SessionData {
  phase: Phase;
  loadError: string | null;
  settingName: string;
  lockSeconds: number;
  /** The names on the lock screen. */
  staff: StaffSummary[];
  staffId: number | null;
  pin: string;
  /** Who has the console unlocked. */
  session: StaffSessionInfo | null;
  busy: boolean;
  error: string | null;
  fieldErrors: Record<string, string>;
  /** Why the console is locked, when it was not the person's own choice. */
  lockNotice: string | null;
  /** The unlocked person chose to change their PIN (as opposed to having to: session.pinChangeDue). */
  changingPin: boolean;
}

interface SessionActions {
  load: () => Promise<void>;
  /** Reads the lock screen's names again (after a staff account changed). */
  loadStaff: () => Promise<void>;
  chooseStaff: (staffId: number) => void;
  setPin: (pin: string) => void;
  unlock: () => Promise<void>;
  lock: (notice?: string) => Promise<void>;
  /** Changes the unlocked person's PIN; main then ends their sessions, so the console asks for the new one. */
  changeOwnPin: (input: { currentPin: string; pin: string; pinAgain: string }) => Promise<ActionResult>;
  /** Opens or closes the "Change my PIN" screen for someone whose PIN is not due for a change. */
  choosePinChange: (open: boolean) => void;
}

export type SessionState = SessionData & SessionActions;

export function initialSessionState(): SessionData {
  return {
    phase: 'loading',
    loadError: null,
    settingName: '',
    lockSeconds: FALLBACK_LOCK_SECONDS,
    staff: [],
    staffId: null,
    pin: '',
    session: null,
    busy: false,
    error: null,
    fieldErrors: {},
    lockNotice: null,
    changingPin: false,
  };
}

/** The console's staff session: the lock screen, unlocking, locking and the person's own PIN. */
export const useSessionStore = create<SessionState>()((set, get) => {
  const locked = (error: string | null, lockNotice: string | null) =>
    set({ phase: 'locked', session: null, pin: '', busy: false, error, fieldErrors: {}, lockNotice, changingPin: false });

  return {
    ...initialSessionState(),

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
      const current = session.ok ? session.value.session : null;
      set((s) => ({
        staff: list,
        // One account (just after setup) needs no choosing.
        staffId: s.staffId ?? (list.length === 1 ? (list[0]?.id ?? null) : null),
        settingName: config.ok ? config.value.settingName : '',
        lockSeconds: config.ok ? config.value.consoleLockSeconds : FALLBACK_LOCK_SECONDS,
        phase: current ? 'unlocked' : 'locked',
        session: current,
      }));
    },

    loadStaff: async () => {
      const r = await invoke('staff.listForUnlock', {});
      if (r.ok) set({ staff: r.value.staff });
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
      set({ busy: false, pin: '', phase: 'unlocked', session: r.value, error: null, fieldErrors: {} });
    },

    lock: async (notice) => {
      locked(null, notice ?? null);
      const r = await invoke('staff.lock', {});
      if (!r.ok) set({ error: r.error.message });
    },

    changeOwnPin: async ({ currentPin, pin, pinAgain }) => {
      const r = await invoke('staff.changeOwnPin', { currentPin, newPin: { pin, pinAgain } });
      if (!r.ok) {
        // Too many wrong PINs lock the account and end its sessions (a screen held back keeps its session).
        if (r.error.code === 'account_locked') {
          const still = await invoke('staff.session', {});
          if (still.ok && still.value.session === null) locked(r.error.message, null);
        }
        return { ok: false, message: r.error.message, fields: r.error.fields ?? {} };
      }
      locked(null, NEW_PIN_SAVED_MESSAGE);
      return { ok: true };
    },

    choosePinChange: (changingPin) => set({ changingPin }),
  };
});

resettable(useSessionStore, initialSessionState);

// Main ended the session (it timed out there): nothing from it may stay on screen.
onSessionEnded(() => {
  if (useSessionStore.getState().phase === 'unlocked') {
    useSessionStore.setState({
      phase: 'locked', session: null, pin: '', busy: false, error: null, fieldErrors: {}, lockNotice: IDLE_LOCK_MESSAGE, changingPin: false,
    });
  }
});

// Leaving the unlocked console, however it happens, is the one "the console locked" every other store hears.
useSessionStore.subscribe((state, previous) => {
  if (previous.phase === 'unlocked' && state.phase !== 'unlocked') void announceLocked();
});

// A staff account changed (added, deactivated, roles edited): the names on the lock screen and in the
// console's pickers follow.
onRecordsChanged(({ staff }) => {
  if (staff && useSessionStore.getState().phase === 'unlocked') return useSessionStore.getState().loadStaff();
});
