import { create } from 'zustand';
import type { AppStatus } from '../shared/contract/index.js';
import type { CommandResult } from '../shared/domain/errors.js';
import { invoke } from './api.js';
import { followHostClock } from './lib/clock.js';
import { resettable } from './lib/store-reset.js';

/** app.status, keeping the screens' clock in step with the host's on every answer. */
async function readStatus(): Promise<CommandResult<AppStatus>> {
  const sentAt = Date.now();
  const r = await invoke('app.status', {});
  if (r.ok) followHostClock(r.value.now, sentAt, Date.now());
  return r;
}

interface AppState {
  status: AppStatus | null;
  loadError: string | null;
  loadStatus: () => Promise<void>;
  recheckStatus: () => Promise<void>;
}

export const initialAppState = { status: null, loadError: null } satisfies Partial<AppState>;

/** Whether the app has been set up decides what every route shows, so it is asked first. */
export const useAppStore = create<AppState>()((set, get) => ({
  ...initialAppState,
  loadStatus: async () => {
    set({ loadError: null });
    const r = await readStatus();
    if (r.ok) set({ status: r.value, loadError: null });
    else set({ loadError: r.error.message });
  },
  /**
   * The running kiosk asking again whether it must pause: the database checks run in the background (after
   * start and weekly), and a write the disk refused is noticed whenever it happens. Quiet: a failed read
   * changes nothing, and an unchanged answer re-renders nothing.
   */
  recheckStatus: async () => {
    const r = await readStatus();
    const now = get().status;
    if (r.ok && (r.value.databaseProblem !== now?.databaseProblem || r.value.storageProblem?.since !== now?.storageProblem?.since)) set({ status: r.value });
  },
}));

resettable(useAppStore, () => initialAppState);
