import { create } from 'zustand';
import type { SettingsView } from '../../shared/contract/index.js';
import { invoke } from '../api.js';
import { handleFailure } from '../lib/action-result.js';
import { forgetWhenLocked } from '../lib/store-reset.js';

type Editable = Pick<
  SettingsView,
  | 'receiptPrinter' | 'receiptLayout' | 'endOfDay' | 'idleSeconds' | 'consoleLockSeconds' | 'reacknowledge'
  | 'a4Printer' | 'backupFolder' | 'backupKeep' | 'backupDaily' | 'autoSignOut'
  | 'badgeEnabled' | 'badgePrinter' | 'badgeLayout' | 'retentionYears'
  | 'settingName' | 'settingKind' | 'addressLine'
  | 'staffPhonesInSafe'
  | 'askForSignature'
  | 'lossAndDamage'
>;

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
  const { a4Printer, backupFolder, backupKeep, backupDaily, autoSignOut, badgeEnabled, badgePrinter, badgeLayout, retentionYears } = view;
  const { settingName, settingKind, addressLine } = view;
  return {
    receiptPrinter, receiptLayout, endOfDay, idleSeconds, consoleLockSeconds, reacknowledge,
    a4Printer, backupFolder, backupKeep, backupDaily, autoSignOut, badgeEnabled, badgePrinter, badgeLayout, retentionYears,
    settingName, settingKind, addressLine,
    staffPhonesInSafe: view.staffPhonesInSafe,
    askForSignature: view.askForSignature,
    lossAndDamage: view.lossAndDamage,
  };
}

/** A folder typed with spaces round it, or only spaces, means the same as the box left empty. */
function tidy(draft: Editable): Editable {
  const folder = draft.backupFolder?.trim() ?? '';
  return { ...draft, backupFolder: folder === '' ? null : folder };
}

// Bumped by each read and each reset: a read that answers after the panel was left (or read again) is
// dropped. Shown late, it would fill the form before the next read, whose answer then overwrote what was typed.
let reads = 0;

/** The administrator's settings form: only what changed is sent, and the saved answer replaces the form. */
export const useSettingsStore = create<SettingsState>((set, get) => ({
  ...initial,
  async load() {
    const mine = ++reads;
    set({ busy: true, error: null, notice: null });
    const [settings, printers] = await Promise.all([invoke('settings.get', {}), invoke('printers.list', {})]);
    if (mine !== reads) return;
    if (!settings.ok) return set({ busy: false, error: handleFailure(settings.error).message });
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
    if (!draft) return;
    const fieldErrors = { ...get().fieldErrors };
    delete fieldErrors[key];
    set({ draft: { ...draft, [key]: value }, fieldErrors, notice: null });
  },
  async save() {
    const { saved } = get();
    const current = get().draft;
    if (!saved || !current) return;
    const draft = tidy(current);
    const changes = Object.fromEntries(
      (Object.keys(draft) as (keyof Editable)[]).filter((k) => draft[k] !== saved[k]).map((k) => [k, draft[k] ?? '']),
    );
    if (Object.keys(changes).length === 0) return set({ notice: 'Nothing has changed.' });
    set({ busy: true, error: null, fieldErrors: {}, notice: null });
    const result = await invoke('settings.update', changes);
    if (!result.ok) {
      const failure = handleFailure(result.error);
      return set({ busy: false, error: failure.message, fieldErrors: failure.fields });
    }
    set({ busy: false, saved: result.value, draft: editable(result.value), notice: 'Settings saved.' });
  },
  reset: () => {
    reads += 1;
    set(initial);
  },
}));

forgetWhenLocked(useSettingsStore, () => {
  reads += 1;
  return initial;
});
