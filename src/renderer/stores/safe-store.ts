import { create } from 'zustand';
import type { SafeOwnerGroup } from '../../shared/contract.js';
import { invoke } from '../api.js';
import { forgetWhenLocked, handleFailure } from './custody-shared.js';

interface SafeData {
  owners: SafeOwnerGroup[];
  itemCount: number;
  loaded: boolean;
  loading: boolean;
  error: string | null;
  /** When the list was read, for "held for 2h 5m". */
  readAt: string | null;
}

interface SafeActions {
  load: () => Promise<void>;
}

export type SafeState = SafeData & SafeActions;

export function initialSafeState(): SafeData {
  return { owners: [], itemCount: 0, loaded: false, loading: false, error: null, readAt: null };
}

export const useSafeStore = create<SafeState>()((set, get) => ({
  ...initialSafeState(),

  load: async () => {
    if (get().loading) return;
    set({ loading: true });
    const r = await invoke('custody.inSafe', {});
    if (!r.ok) {
      const failure = handleFailure(r.error);
      if (!failure.locked) set({ loading: false, error: failure.message });
      return;
    }
    set({ loading: false, loaded: true, error: null, owners: r.value.owners, itemCount: r.value.itemCount, readAt: new Date().toISOString() });
  },
}));

forgetWhenLocked(() => useSafeStore.setState(initialSafeState()));
