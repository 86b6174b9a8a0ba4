import { create } from 'zustand';
import type { StaffDaySignedIn, StaffDaySignedOut } from '../../shared/contract/index.js';
import { normaliseScanCode } from '../../shared/domain/scan-code.js';
import { invoke } from '../api.js';
import { withoutField } from '../lib/action-result.js';
import { problemsWith } from '../lib/contract-check.js';
import { resettable } from '../lib/store-reset.js';

/**
 * The kiosk's staff path: choose your name, in or out, your phone (where the setting asks), your PIN, done.
 * Or scan your staff badge instead of choosing your name: the badge is the proof, so no PIN is asked.
 */
export type KioskStaffStep = 'name' | 'action' | 'phone' | 'pin' | 'done';

export interface KioskStaffName {
  staffId: number;
  displayName: string;
}

interface KioskStaffData {
  step: KioskStaffStep;
  history: KioskStaffStep[];
  names: KioskStaffName[];
  phonesInSafe: boolean;
  namesLoaded: boolean;
  chosen: KioskStaffName | null;
  /** What is typed in the badge box, before it is scanned or sent. */
  badgeTyped: string;
  /** The scanned badge's code, once it was recognised: sent with the sign-in or -out in place of a PIN. */
  badgeCode: string | null;
  /** From the badge: they signed in today at this time and have not signed out. */
  signedInAt: string | null;
  action: 'in' | 'out' | null;
  /** Signing in: the phone goes into the safe, in this bag or slot. Signing out: their devices come out of it. */
  withPhone: boolean;
  bagSlot: string;
  pin: string;
  busy: boolean;
  error: string | null;
  fieldErrors: Record<string, string>;
  signedIn: StaffDaySignedIn | null;
  signedOut: StaffDaySignedOut | null;
}

interface KioskStaffActions {
  loadNames: () => Promise<void>;
  choose: (person: KioskStaffName) => void;
  setBadgeTyped: (typed: string) => void;
  /** A badge scanned (the scanner's burst) or typed and sent: who it is, then on to arriving or leaving. */
  scanBadge: (scanned?: string) => Promise<void>;
  chooseAction: (action: 'in' | 'out') => void;
  setBagSlot: (bagSlot: string) => void;
  /** The phone step's answer: with the phone (into the safe, or out of it) or without. */
  choosePhone: (withPhone: boolean) => void;
  setPin: (pin: string) => void;
  submit: () => Promise<void>;
  back: () => void;
  /** Forgets everything typed, the PIN above all: the kiosk is a public screen. */
  reset: () => void;
}

export type KioskStaffState = KioskStaffData & KioskStaffActions;

export function initialKioskStaffState(): KioskStaffData {
  return {
    step: 'name', history: [], names: [], phonesInSafe: false, namesLoaded: false, chosen: null, badgeTyped: '', badgeCode: null, signedInAt: null,
    action: null, withPhone: false,
    bagSlot: '', pin: '', busy: false, error: null, fieldErrors: {}, signedIn: null, signedOut: null,
  };
}

// Bumped by every reset: an answer for the person who has gone must not reach the next one.
let generation = 0;

export const useKioskStaffStore = create<KioskStaffState>()((set, get) => {
  const go = (step: KioskStaffStep, patch: Partial<KioskStaffData> = {}) =>
    set((s) => ({ step, history: [...s.history, s.step], error: null, ...patch }));

  return {
    ...initialKioskStaffState(),

    loadNames: async () => {
      const gen = generation;
      const r = await invoke('staffDay.kioskNames', {});
      if (gen !== generation) return;
      if (!r.ok) {
        set({ error: r.error.message, namesLoaded: true });
        return;
      }
      set({ names: r.value.staff, phonesInSafe: r.value.phonesInSafe, namesLoaded: true, error: null });
    },

    choose: (person) => go('action', { chosen: person, badgeCode: null, signedInAt: null, action: null, pin: '', fieldErrors: {} }),

    setBadgeTyped: (badgeTyped) => set((s) => ({ badgeTyped, fieldErrors: withoutField(s.fieldErrors, 'badgeCode') })),

    scanBadge: async (scanned) => {
      const s = get();
      if (s.busy) return;
      const badgeCode = normaliseScanCode(scanned ?? s.badgeTyped);
      if (badgeCode === '') {
        set({ fieldErrors: { badgeCode: 'Scan your staff badge, or type the code printed under its QR code.' }, error: null });
        return;
      }
      const gen = generation;
      set({ busy: true, error: null, fieldErrors: {} });
      const r = await invoke('staffDay.findByBadge', { badgeCode });
      if (gen !== generation) return;
      if (!r.ok) {
        // The box is emptied for the next scan; what went wrong is said under it.
        const message = r.error.fields?.badgeCode ?? r.error.message;
        set({ busy: false, badgeTyped: '', fieldErrors: { badgeCode: message } });
        return;
      }
      const { staffId, displayName, signedInAt } = r.value;
      set({ busy: false, badgeTyped: '' });
      go('action', { chosen: { staffId, displayName }, badgeCode, signedInAt, action: null, pin: '', fieldErrors: {} });
    },

    chooseAction: (action) => {
      // Where staff phones stay with their owners, there is nothing to ask about the phone; with a badge
      // there is no PIN to ask either, so the tap signs them in or out.
      if (get().phonesInSafe) go('phone', { action, withPhone: action === 'out' });
      else if (get().badgeCode !== null) {
        set({ action, withPhone: false });
        void get().submit();
      } else go('pin', { action, withPhone: false });
    },

    setBagSlot: (bagSlot) => set((s) => ({ bagSlot, fieldErrors: withoutField(s.fieldErrors, 'phone.bagSlot') })),

    choosePhone: (withPhone) => {
      const s = get();
      if (withPhone && s.action === 'in') {
        const problems = problemsWith('staffDay.signInAtKiosk', {
          staffId: s.chosen?.staffId ?? 0, pin: '0000', phone: { bagSlot: s.bagSlot, description: null },
        });
        if (problems['phone.bagSlot']) {
          set({ fieldErrors: { 'phone.bagSlot': problems['phone.bagSlot'] } });
          return;
        }
      }
      if (s.badgeCode !== null) {
        set({ withPhone, fieldErrors: {} });
        void get().submit();
        return;
      }
      go('pin', { withPhone, pin: '', fieldErrors: {} });
    },

    setPin: (pin) => set((s) => ({ pin, fieldErrors: withoutField(s.fieldErrors, 'pin') })),

    submit: async () => {
      const s = get();
      if (s.busy || !s.chosen || !s.action) return;
      if (s.badgeCode === null && s.pin.trim() === '') {
        set({ fieldErrors: { pin: 'Type your PIN.' }, error: null });
        return;
      }
      const gen = generation;
      set({ busy: true, error: null, fieldErrors: {} });
      const { staffId } = s.chosen;
      const phone = s.withPhone ? { bagSlot: s.bagSlot, description: null } : null;
      const r = s.badgeCode !== null
        ? (s.action === 'in'
          ? await invoke('staffDay.signInByBadge', { badgeCode: s.badgeCode, phone })
          : await invoke('staffDay.signOutByBadge', { badgeCode: s.badgeCode, collectPhone: s.withPhone }))
        : s.action === 'in'
        ? await invoke('staffDay.signInAtKiosk', { staffId, pin: s.pin, phone })
        : await invoke('staffDay.signOutAtKiosk', { staffId, pin: s.pin, collectPhone: s.withPhone });
      if (gen !== generation) return;
      if (r.ok) {
        // Done: nothing to go back to, and the PIN is forgotten at once.
        if (s.action === 'in') set({ busy: false, step: 'done', history: [], pin: '', badgeCode: null, signedIn: r.value as StaffDaySignedIn });
        else set({ busy: false, step: 'done', history: [], pin: '', badgeCode: null, signedOut: r.value as StaffDaySignedOut });
        return;
      }
      // A wrong PIN is said under the box, which is emptied for the next try.
      const fields = r.error.fields ?? {};
      set({ busy: false, pin: '', error: fields.pin === r.error.message ? null : r.error.message, fieldErrors: fields });
    },

    back: () => {
      const { history } = get();
      const previous = history[history.length - 1];
      if (!previous) return;
      set({ step: previous, history: history.slice(0, -1), error: null, fieldErrors: {}, pin: '' });
    },

    reset: () => {
      generation += 1;
      set(initialKioskStaffState());
    },
  };
});

resettable(useKioskStaffStore, () => {
  generation += 1;
  return initialKioskStaffState();
});
