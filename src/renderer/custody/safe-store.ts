import { create } from 'zustand';
import type { SafeOwnerGroup } from '../../shared/contract/index.js';
import type { CustodyItemView } from '../../shared/domain/custody.js';
import { invoke } from '../api.js';
import { correctedLine, correctItem, type CorrectionDraft } from './custody-shared.js';
import { handleFailure, type ActionResult } from '../lib/action-result.js';
import { onRecordsChanged } from '../lib/console-events.js';
import { forgetWhenLocked } from '../lib/store-reset.js';
import { now } from '../lib/clock.js';

interface SafeData {
  owners: SafeOwnerGroup[];
  itemCount: number;
  loaded: boolean;
  loading: boolean;
  error: string | null;
  /** When the list was read, for "held for 2h 5m". */
  readAt: string | null;
  /** What the last correction did, in words. */
  notice: string | null;
}

interface SafeActions {
  load: () => Promise<void>;
  /** Corrects what was written for an item in the safe; the list then shows the new details. */
  correct: (item: CustodyItemView, draft: CorrectionDraft) => Promise<ActionResult>;
}

export type SafeState = SafeData & SafeActions;

export function initialSafeState(): SafeData {
  return { owners: [], itemCount: 0, loaded: false, loading: false, error: null, readAt: null, notice: null };
}

// Bumped by each correction: a list read before it was saved is read again rather than shown.
let corrections = 0;

export const useSafeStore = create<SafeState>()((set, get) => ({
  ...initialSafeState(),

  load: async () => {
    if (get().loading) return;
    set({ loading: true });
    const seen = corrections;
    const r = await invoke('custody.inSafe', {});
    if (seen !== corrections) {
      set({ loading: false });
      return get().load();
    }
    if (!r.ok) {
      const failure = handleFailure(r.error);
      if (!failure.locked) set({ loading: false, error: failure.message });
      return;
    }
    set({ loading: false, loaded: true, error: null, owners: r.value.owners, itemCount: r.value.itemCount, readAt: now().toISOString() });
  },

  correct: async (item, draft) => {
    const r = await correctItem(item, draft);
    if (!r.ok) return r;
    corrections += 1;
    // The list shows the corrected details at once, then reads the safe again for anything else that changed.
    const fixed = new Map(r.receipt.items.map((i) => [i.itemId, i]));
    set((s) => ({
      owners: s.owners.map((g) => ({ ...g, items: g.items.map((i) => fixed.get(i.itemId) ?? i) })),
      notice: correctedLine(fixed.get(item.itemId) ?? item),
    }));
    void get().load();
    return { ok: true };
  },
}));

forgetWhenLocked(useSafeStore, initialSafeState);
// Something went into or out of the safe, or a receipt printed: the list, once read, is read again.
onRecordsChanged(() => {
  if (useSafeStore.getState().loaded) return useSafeStore.getState().load();
});
