import { create } from 'zustand';
import type { SettingsView } from '../../shared/contract.js';
import { invoke } from '../api.js';

type Editable = Pick<SettingsView, 'receiptPrinter' | 'receiptLayout' | 'endOfDay' | 'idleSeconds' | 'consoleLockSeconds' | 'reacknowledge'>;

interface SettingsState {
  saved: SettingsView | null;
  draft: Editable | null;
  printers: { name: string; isDefault: boolean }[];
  error: string | null;
  fieldErrors: Record<string, string>;
  notice: string | null;
  busy: boolean;
  load(): Promise<void>;
  change<K extends keyof Editable>(key: K, value: Editable[K]): void;
  save(): Promise<void>;
  reset(): void;
}

const initial = { saved: null, draft: null, printers: [], error: null, fieldErrors: {}, notice: null, busy: false };

function editable(view: SettingsView): Editable {
  const { receiptPrinter, receiptLayout, endOfDay, idleSeconds, consoleLockSeconds, reacknowledge } = view;
  return { receiptPrinter, receiptLayout, endOfDay, idleSeconds, consoleLockSeconds, reacknowledge };
}

/** The administrator's settings form: only what changed is sent, and the saved answer replaces the form. */
export const useSettingsStore = create<SettingsState>((set, get) => ({
  ...initial,
  async load() {
    set({ busy: true, error: null, notice: null });
    const [settings, printers] = await Promise.all([invoke('settings.get', {}), invoke('printers.list', {})]);
    if (!settings.ok) return set({ busy: false, error: settings.error.message });
    set({
      busy: false,
      saved: settings.value,
      draft: editable(settings.value),
      printers: printers.ok ? printers.value.printers : [],
      error: printers.ok ? null : printers.error.message,
    });
  },
  change(key, value) {
    const draft = get().draft;
    if (draft) set({ draft: { ...draft, [key]: value }, notice: null });
  },
  async save() {
    const { saved, draft } = get();
    if (!saved || !draft) return;
    const changes = Object.fromEntries(
      (Object.keys(draft) as (keyof Editable)[]).filter((k) => draft[k] !== saved[k]).map((k) => [k, draft[k] ?? '']),
    );
    if (Object.keys(changes).length === 0) return set({ notice: 'Nothing has changed.' });
    set({ busy: true, error: null, fieldErrors: {}, notice: null });
    const result = await invoke('settings.update', changes);
    if (!result.ok) return set({ busy: false, error: result.error.message, fieldErrors: result.error.fields ?? {} });
    set({ busy: false, saved: result.value, draft: editable(result.value), notice: 'Settings saved.' });
  },
  reset: () => set(initial),
}));
