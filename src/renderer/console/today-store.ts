import { create } from 'zustand';
import type { OnSiteVisit, PendingHandover } from '../../shared/contract/index.js';
import { invoke } from '../api.js';
import type { ActionResult } from '../lib/action-result.js';
import { now } from '../lib/clock.js';
import { onConsoleLocked, onRecordsChanged, announceChanged } from '../lib/console-events.js';
import { forgetWhenLocked } from '../lib/store-reset.js';
import { problemsWith, refusal } from '../lib/contract-check.js';
import { fullName } from '../../shared/domain/names.js';
import { useNavigationStore } from './navigation-store.js';

type Checks = Pick<OnSiteVisit, 'photoIdCheckedAt' | 'dbsAssuranceSeenAt'>;

interface TodayData {
  onSite: OnSiteVisit[];
  /** The setting prints visitor badges: Today offers Reprint badge beside each visitor. */
  badgesEnabled: boolean;
  pending: PendingHandover[];
  lastUpdated: string | null;
  refreshing: boolean;
  error: string | null;
  /** A one-line report of the last thing done on the Today page ("Amira Khan is signed out."). */
  notice: string | null;
  /** The visit whose photo ID / DBS ticks are being saved. */
  checksSaving: number | null;
  /** The last failure to save those ticks, for the visit it belongs to. */
  checksError: { visitId: number; message: string } | null;
}

interface TodayActions {
  refresh: () => Promise<void>;
  setNotice: (notice: string | null) => void;
  overrideSignOut: (visit: OnSiteVisit, reason: string) => Promise<ActionResult>;
  /** Photo ID and the employer's DBS assurance, ticked for visiting professionals on the on-site list. */
  recordChecks: (visit: OnSiteVisit, checks: { photoIdChecked: boolean; dbsAssuranceSeen: boolean }) => Promise<void>;
}

export type TodayState = TodayData & TodayActions;

export function initialTodayState(): TodayData {
  return {
    onSite: [], badgesEnabled: false, pending: [], lastUpdated: null, refreshing: false, error: null, notice: null,
    checksSaving: null, checksError: null,
  };
}

// Bumped whenever the console locks, so a slow answer read for the last session is dropped.
let epoch = 0;

/** The Today page's lists: who is on site now and whose items are waiting to be logged into the safe. */
export const useTodayStore = create<TodayState>()((set, get) => {
  const patchVisit = (visitId: number, checks: Checks) =>
    set((s) => ({ onSite: s.onSite.map((v) => (v.visitId === visitId ? { ...v, ...checks } : v)) }));

  return {
    ...initialTodayState(),

    refresh: async () => {
      const mine = epoch;
      set({ refreshing: true });
      const [onSite, pending] = await Promise.all([invoke('visit.onSite', {}), invoke('custody.pendingHandovers', {})]);
      if (mine !== epoch) return;
      const failed = !onSite.ok ? onSite.error : !pending.ok ? pending.error : null;
      if (failed) {
        // "locked" locks the whole console (the api says so); this store then empties itself.
        if (failed.code !== 'locked') set({ error: failed.message, refreshing: false });
        return;
      }
      if (!onSite.ok || !pending.ok) return;
      set({
        refreshing: false,
        onSite: onSite.value.visits,
        badgesEnabled: onSite.value.badgesEnabled,
        pending: pending.value.handovers,
        lastUpdated: now().toISOString(),
        error: null,
      });
    },

    setNotice: (notice) => set({ notice }),

    overrideSignOut: async (visit, reason) => {
      const input = { visitId: visit.visitId, reason };
      const fields = problemsWith('visit.overrideSignOut', input);
      // End of day signs people out by hand too and asks in its own words: each page says what the reason
      // is for, while whether one is needed is the contract's to say.
      if (fields.reason && reason.trim() === '') fields.reason = 'Say why they are leaving without their items.';
      const refused = refusal(fields);
      if (refused) return refused;
      const r = await invoke('visit.overrideSignOut', input);
      if (!r.ok) return { ok: false, message: r.error.message, fields: r.error.fields ?? {} };
      const name = fullName(visit);
      const left = r.value.itemsStillInSafe;
      set({
        notice: left > 0
          ? `${name} is signed out. ${left === 1 ? '1 item is' : `${left} items are`} still in the safe.`
          : `${name} is signed out.`,
      });
      await announceChanged();
      return { ok: true };
    },

    recordChecks: async (visit, checks) => {
      if (get().checksSaving !== null) return;
      const before: Checks = { photoIdCheckedAt: visit.photoIdCheckedAt, dbsAssuranceSeenAt: visit.dbsAssuranceSeenAt };
      // The tick shows at once; main's answer then gives the time it was recorded (or takes the tick back).
      const at = now().toISOString();
      patchVisit(visit.visitId, {
        photoIdCheckedAt: checks.photoIdChecked ? (before.photoIdCheckedAt ?? at) : null,
        dbsAssuranceSeenAt: checks.dbsAssuranceSeen ? (before.dbsAssuranceSeenAt ?? at) : null,
      });
      set({ checksSaving: visit.visitId, checksError: null });
      const r = await invoke('visit.recordChecks', { visitId: visit.visitId, ...checks });
      if (!r.ok) {
        if (r.error.code === 'locked') return;
        patchVisit(visit.visitId, before);
        set({ checksSaving: null, checksError: { visitId: visit.visitId, message: r.error.message } });
        return;
      }
      patchVisit(visit.visitId, { photoIdCheckedAt: r.value.photoIdCheckedAt, dbsAssuranceSeenAt: r.value.dbsAssuranceSeenAt });
      set({ checksSaving: null });
    },
  };
});

forgetWhenLocked(useTodayStore, initialTodayState);
onConsoleLocked(() => {
  epoch += 1;
});
// Whatever changed elsewhere in the console may change who is on site or waiting: Today reads again.
onRecordsChanged(() => useTodayStore.getState().refresh());
// The report belongs to Today: choosing another page drops it (opening a section over Today keeps it).
useNavigationStore.subscribe((state) => {
  if (state.view !== 'today' && useTodayStore.getState().notice !== null) useTodayStore.setState({ notice: null });
});
