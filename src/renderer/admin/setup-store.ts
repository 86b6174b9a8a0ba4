import { create } from 'zustand';
import type { SettingKind } from '../../shared/domain/setting.js';
import { invoke } from '../api.js';
import { resettable } from '../lib/store-reset.js';

export interface SetupForm {
  settingName: string;
  settingKind: SettingKind | null;
  adminName: string;
  pin: string;
  pinAgain: string;
  expectationsTemplate: SettingKind | null;
}

interface SetupState {
  form: SetupForm;
  /** Once the person picks a template themselves, changing the kind no longer overrides it. */
  templateChosen: boolean;
  fieldErrors: Record<string, string>;
  error: string | null;
  busy: boolean;
  setField: <K extends keyof SetupForm>(field: K, value: SetupForm[K]) => void;
  setKind: (kind: SettingKind) => void;
  setTemplate: (kind: SettingKind) => void;
  /** Creates the setting and its administrator; true once done (the app's status must then be read again). */
  submit: () => Promise<boolean>;
}

export const initialSetupState = {
  form: { settingName: '', settingKind: null, adminName: '', pin: '', pinAgain: '', expectationsTemplate: null },
  templateChosen: false,
  fieldErrors: {},
  error: null,
  busy: false,
} satisfies Partial<SetupState>;

function withoutError(errors: Record<string, string>, field: string): Record<string, string> {
  if (!(field in errors)) return errors;
  const next = { ...errors };
  delete next[field];
  return next;
}

export const useSetupStore = create<SetupState>()((set, get) => ({
  ...initialSetupState,
  setField: (field, value) =>
    set((s) => ({ form: { ...s.form, [field]: value }, fieldErrors: withoutError(s.fieldErrors, field) })),
  setKind: (kind) =>
    set((s) => ({
      form: { ...s.form, settingKind: kind, expectationsTemplate: s.templateChosen ? s.form.expectationsTemplate : kind },
      fieldErrors: withoutError(withoutError(s.fieldErrors, 'settingKind'), 'expectationsTemplate'),
    })),
  setTemplate: (kind) =>
    set((s) => ({
      form: { ...s.form, expectationsTemplate: kind },
      templateChosen: true,
      fieldErrors: withoutError(s.fieldErrors, 'expectationsTemplate'),
    })),
  submit: async () => {
    const { form, busy } = get();
    if (busy) return false;
    // The two choices have no "empty" value the contract accepts, so they are checked here first.
    if (!form.settingKind || !form.expectationsTemplate) {
      const fieldErrors: Record<string, string> = {};
      if (!form.settingKind) fieldErrors.settingKind = 'Choose nursery or school.';
      if (!form.expectationsTemplate) fieldErrors.expectationsTemplate = 'Choose which default expectations to start from.';
      set({ fieldErrors, error: 'Please check the answers marked below.' });
      return false;
    }
    set({ busy: true, error: null });
    const r = await invoke('setup.create', {
      settingName: form.settingName,
      settingKind: form.settingKind,
      adminName: form.adminName,
      pin: form.pin,
      pinAgain: form.pinAgain,
      expectationsTemplate: form.expectationsTemplate,
    });
    if (!r.ok) {
      set({ busy: false, error: r.error.message, fieldErrors: r.error.fields ?? {} });
      return false;
    }
    set({ ...initialSetupState });
    // Setup may have been reached from any address; what comes next is the kiosk's welcome screen.
    window.location.hash = '#/';
    return true;
  },
}));

resettable(useSetupStore, () => initialSetupState);
