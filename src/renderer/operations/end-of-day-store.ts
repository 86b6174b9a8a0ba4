import { create } from 'zustand';
import type { EndOfDayReport, OnSiteVisit } from '../../shared/contract/index.js';
import { invoke } from '../api.js';
import { handleFailure, type ActionResult } from '../lib/action-result.js';
import { onRecordsChanged } from '../lib/console-events.js';
import { forgetWhenLocked } from '../lib/store-reset.js';
import { problemsWith, refusal } from '../lib/contract-check.js';
import { now } from '../lib/clock.js';
import { fullName } from '../../shared/domain/names.js';

interface EndOfDayData {
  report: EndOfDayReport | null;
  loading: boolean;
  error: string | null;
  /** When the report was read, for the printed copy and "held for". */
  readAt: string | null;
  /** What the last sign-out did, in words. */
  notice: string | null;
}

interface EndOfDayActions {
  load: () => Promise<void>;
  signOut: (visit: OnSiteVisit, reason: string) => Promise<ActionResult>;
}

export type EndOfDayState = EndOfDayData & EndOfDayActions;

export const SIGN_OUT_REASON_NEEDED = 'Say why you are signing them out, for example "Left by the side gate at 15:30".';

export function initialEndOfDayState(): EndOfDayData {
  return { report: null, loading: false, error: null, readAt: null, notice: null };
}

/** The office's last look before locking up: who never signed out, and what is still in the safe. */
export const useEndOfDayStore = create<EndOfDayState>()((set, get) => ({
  ...initialEndOfDayState(),

  load: async () => {
    if (get().loading) return;
    set({ loading: true });
    const r = await invoke('endOfDay.report', {});
    if (!r.ok) {
      const failure = handleFailure(r.error);
      if (!failure.locked) set({ loading: false, error: failure.message });
      return;
    }
    set({ loading: false, error: null, report: r.value, readAt: now().toISOString() });
  },

  signOut: async (visit, reason) => {
    const input = { visitId: visit.visitId, reason: reason.trim() };
    const fields = problemsWith('visit.overrideSignOut', input);
    // Today signs people out by hand too and asks for the reason in its own words: each page says what it
    // is for, while whether a reason is needed is the contract's to say.
    if (fields.reason && input.reason === '') fields.reason = SIGN_OUT_REASON_NEEDED;
    const refused = refusal(fields);
    if (refused) return refused;
    const r = await invoke('visit.overrideSignOut', input);
    if (!r.ok) {
      const failure = handleFailure(r.error);
      return { ok: false, message: failure.message, fields: failure.fields };
    }
    const name = fullName(visit);
    const left = r.value.itemsStillInSafe;
    set({
      notice: left > 0
        ? `${name} is signed out. ${left === 1 ? '1 item stays' : `${left} items stay`} in the safe, flagged for collection.`
        : `${name} is signed out.`,
    });
    await get().load();
    return { ok: true };
  },
}));

forgetWhenLocked(useEndOfDayStore, initialEndOfDayState);
// A receipt printed or given by hand elsewhere is on this list too; read it again only where it has been opened.
onRecordsChanged(() => {
  if (useEndOfDayStore.getState().report) return useEndOfDayStore.getState().load();
});
