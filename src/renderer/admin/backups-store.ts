import { create } from 'zustand';
import type { BackupFile, BackupKeeper } from '../../shared/contract/index.js';
import { invoke } from '../api.js';
import { handleFailure, type ActionResult } from '../lib/action-result.js';
import { forgetWhenLocked } from '../lib/store-reset.js';
import { problemsWith, refusal } from '../lib/contract-check.js';

interface BackupsData {
  folder: string | null;
  /** Null until the list is read: whether Safe Hands or the database server keeps the backups. */
  keptBy: BackupKeeper | null;
  backups: BackupFile[];
  loaded: boolean;
  loading: boolean;
  error: string | null;
  backingUp: boolean;
  /** The copy "Back up now" just made. */
  made: BackupFile | null;
  backupError: string | null;
}

interface BackupsActions {
  load: () => Promise<void>;
  backUpNow: () => Promise<void>;
  /** Replaces the data with a backup; on success every console is locked, this one included. */
  /** Puts a backup back; main then closes every staff session, so the page that asked locks the console. */
  restore: (file: string) => Promise<ActionResult & { restoredFrom?: string }>;
}

export type BackupsState = BackupsData & BackupsActions;

export function initialBackupsState(): BackupsData {
  return { folder: null, keptBy: null, backups: [], loaded: false, loading: false, error: null, backingUp: false, made: null, backupError: null };
}

export function fileNameOf(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}

/** What the lock screen says after a restore. */
export function restoredMessage(restoredFrom: string): string {
  return `Restored from ${fileNameOf(restoredFrom)}. The data from before is kept aside, and everyone has been locked out. Unlock again.`;
}

export const useBackupsStore = create<BackupsState>()((set, get) => ({
  ...initialBackupsState(),

  load: async () => {
    if (get().loading) return;
    set({ loading: true });
    const r = await invoke('backup.list', {});
    if (!r.ok) {
      const failure = handleFailure(r.error);
      if (!failure.locked) set({ loading: false, error: failure.message });
      return;
    }
    set({ loading: false, loaded: true, error: null, folder: r.value.folder, keptBy: r.value.keptBy, backups: r.value.backups });
  },

  backUpNow: async () => {
    if (get().backingUp) return;
    set({ backingUp: true, made: null, backupError: null });
    const r = await invoke('backup.now', {});
    if (!r.ok) {
      const failure = handleFailure(r.error);
      if (!failure.locked) set({ backingUp: false, backupError: failure.message });
      return;
    }
    set({ backingUp: false, made: r.value });
    await get().load();
  },

  restore: async (file) => {
    const input = { file: file.trim(), confirm: true } as const;
    const refused = refusal(problemsWith('backup.restore', input));
    if (refused) return refused;
    const r = await invoke('backup.restore', input);
    if (!r.ok) {
      const failure = handleFailure(r.error);
      return { ok: false, message: failure.message, fields: failure.fields };
    }
    return { ok: true, restoredFrom: r.value.restoredFrom };
  },
}));

forgetWhenLocked(useBackupsStore, initialBackupsState);
