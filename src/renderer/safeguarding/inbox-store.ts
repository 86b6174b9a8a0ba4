import { create } from 'zustand';
import type { InboxItem } from '../../shared/domain/inbox.js';
import { invoke } from '../api.js';
import { handleFailure } from '../lib/action-result.js';
import { onConsoleLocked, onRecordsChanged } from '../lib/console-events.js';
import { forgetWhenLocked } from '../lib/store-reset.js';
import { useSessionStore } from '../staff/session-store.js';

interface InboxData {
  items: InboxItem[];
  /** Read at least once for this session: until then the navigation shows no count rather than a wrong 0. */
  loaded: boolean;
  error: string | null;
}

interface InboxActions {
  /** Reads the inbox again; for anyone but a DSL it asks nothing (main would refuse it). */
  load: () => Promise<void>;
}

export type InboxState = InboxData & InboxActions;

export function initialInboxState(): InboxData {
  return { items: [], loaded: false, error: null };
}

// Bumped by each read and when the console locks: an older answer arriving late is never shown.
let epoch = 0;

/** What waits for the DSL: the Inbox tab in Safeguarding, and the count on the navigation. */
export const useInboxStore = create<InboxState>()((set) => ({
  ...initialInboxState(),
  load: async () => {
    if (!useSessionStore.getState().session?.roles.includes('dsl')) return;
    const mine = ++epoch;
    const r = await invoke('inbox.list', {});
    if (mine !== epoch) return;
    if (!r.ok) {
      const failure = handleFailure(r.error);
      // The count is a nudge: the next refresh tries again; the Inbox tab says why it is empty.
      if (!failure.locked) set({ error: failure.message });
      return;
    }
    set({ items: r.value.items, loaded: true, error: null });
  },
}));

forgetWhenLocked(useInboxStore, initialInboxState);
onConsoleLocked(() => {
  epoch += 1;
});
// A concern reviewed, an item returned, a review recorded: the count follows at once.
onRecordsChanged(() => useInboxStore.getState().load());
