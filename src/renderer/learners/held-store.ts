import { create } from 'zustand';
import type { EarlyReleaseAgreer, HeldPupilDevice } from '../../shared/contract/index.js';
import { invoke } from '../api.js';
import { handleFailure } from '../lib/action-result.js';
import { announceChanged, onConsoleLocked, onRecordsChanged } from '../lib/console-events.js';
import { forgetWhenLocked } from '../lib/store-reset.js';
import { kindsWords } from './arrival-model.js';

interface HeldData {
  /** Held for the day: not collected from an earlier day first, then by name (main's order). */
  forTheDay: HeldPupilDevice[];
  confiscated: HeldPupilDevice[];
  endOfDay: string | null;
  /** The DSL and the heads, who may agree to releasing a confiscated device before the end of the day. */
  earlyAgreers: EarlyReleaseAgreer[];
  loaded: boolean;
  loading: boolean;
  error: string | null;
  /** Receipts being given back now: their buttons wait, so a second tap cannot send it twice. */
  returning: number[];
  /** What the last "Given back" did, in words, or why it did nothing. */
  notice: string | null;
  returnError: string | null;
}

interface HeldActions {
  load: () => Promise<void>;
  /** Gives a pupil's day devices back to them: custody.return with the pupil as who collected. */
  giveBack: (held: HeldPupilDevice) => Promise<void>;
}

export type HeldState = HeldData & HeldActions;

export function initialHeldState(): HeldData {
  return {
    forTheDay: [], confiscated: [], endOfDay: null, earlyAgreers: [], loaded: false, loading: false, error: null,
    returning: [], notice: null, returnError: null,
  };
}

// Bumped by each read and when the console locks: only the newest read is shown, never an older answer
// that arrives after it (read before a device was given back), nor one read for the last session.
let epoch = 0;

/** Pupils' devices in the safe now: the home-time list on Pupils' devices, and the "not collected" flag on Today. */
export const useHeldStore = create<HeldState>()((set, get) => ({
  ...initialHeldState(),

  load: async () => {
    const mine = ++epoch;
    set({ loading: true });
    const r = await invoke('learner.devicesHeld', {});
    if (mine !== epoch) return;
    if (!r.ok) {
      const failure = handleFailure(r.error);
      if (!failure.locked) set({ loading: false, error: failure.message });
      return;
    }
    set({ ...r.value, loading: false, loaded: true, error: null });
  },

  giveBack: async (held) => {
    if (get().returning.includes(held.receiptId)) return;
    set((s) => ({ returning: [...s.returning, held.receiptId], notice: null, returnError: null }));
    const r = await invoke('custody.return', {
      receiptId: held.receiptId,
      itemIds: held.items.map((i) => i.itemId),
      returnedTo: held.pupilName,
      note: null,
    });
    const done = (patch: Partial<HeldData>) => set((s) => ({ ...patch, returning: s.returning.filter((id) => id !== held.receiptId) }));
    if (!r.ok) {
      const { message, locked } = handleFailure(r.error);
      if (locked) return;
      // Another screen gave it back (or handed it on) a moment ago: say so, and show the list as it is now.
      done({ returnError: message });
      await get().load();
      return;
    }
    const what = kindsWords(held.items);
    done({ notice: `${what.charAt(0).toUpperCase()}${what.slice(1)} given back to ${held.pupilName}.` });
    await announceChanged({ receipt: r.value.receipt });
  },
}));

forgetWhenLocked(useHeldStore, initialHeldState);
onConsoleLocked(() => {
  epoch += 1;
});
// Something went into or out of the safe: the list, once read, is read again.
onRecordsChanged(() => {
  if (useHeldStore.getState().loaded) return useHeldStore.getState().load();
});
