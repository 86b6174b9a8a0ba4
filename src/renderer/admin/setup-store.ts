import { create } from 'zustand';
import type { CommandOutput, ExpectationsText } from '../../shared/contract/index.js';
import type { SettingKind } from '../../shared/domain/setting.js';
import { invoke } from '../api.js';
import { problemsWith } from '../lib/contract-check.js';
import { resettable } from '../lib/store-reset.js';

export interface SetupForm {
  settingName: string;
  settingKind: SettingKind | null;
  adminName: string;
  pin: string;
  pinAgain: string;
  expectationsTemplate: SettingKind | null;
  /** Where receipts print; null saves them as PDFs until an administrator chooses a printer. */
  receiptPrinter: string | null;
}

interface SetupState {
  form: SetupForm;
  /** Once the person picks a template themselves, changing the kind no longer overrides it. */
  templateChosen: boolean;
  /** The shipped texts and this PC's printers, read when the screen opens (null until then, or if unreadable). */
  defaults: CommandOutput<'setup.defaults'> | null;
  /** The chosen template's text as being edited here; null while it is taken as shipped. */
  expectations: ExpectationsText | null;
  fieldErrors: Record<string, string>;
  error: string | null;
  busy: boolean;
  loadDefaults: () => Promise<void>;
  setField: <K extends keyof SetupForm>(field: K, value: SetupForm[K]) => void;
  setKind: (kind: SettingKind) => void;
  setTemplate: (kind: SettingKind) => void;
  /** Opens the chosen template's text for editing, or puts it back as shipped. */
  editExpectations: (open: boolean) => void;
  setExpectations: (change: (text: ExpectationsText) => ExpectationsText) => void;
  /** Creates the setting and its administrator; true once done (the app's status must then be read again). */
  submit: () => Promise<boolean>;
}

export const initialSetupState = {
  form: { settingName: '', settingKind: null, adminName: '', pin: '', pinAgain: '', expectationsTemplate: null, receiptPrinter: null },
  templateChosen: false,
  defaults: null,
  expectations: null,
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

/** The edited text's messages are all about "expectations.…": an edit clears them, as line numbers may move. */
function withoutTextErrors(errors: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).filter(([k]) => !k.startsWith('expectations')));
}

/** Only the edited text's problems: the rest (PINs, names) main answers, as it always has. */
function onlyTextErrors(errors: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).filter(([k]) => k.startsWith('expectations')));
}

/** A copy of a template's text to edit (the summary array is the editor's own). */
function copyOf(text: ExpectationsText): ExpectationsText {
  return { title: text.title, summary: [...text.summary], fullText: text.fullText };
}

/**
 * The text being edited once the template is `template`: the same while the template stays; the other
 * template's text, fresh, when the person switched while editing (they chose to start from that one).
 */
function textFor(s: SetupState, template: SettingKind | null): ExpectationsText | null {
  if (!s.expectations || template === s.form.expectationsTemplate) return s.expectations;
  return template && s.defaults ? copyOf(s.defaults.expectations[template]) : null;
}

export const useSetupStore = create<SetupState>()((set, get) => ({
  ...initialSetupState,
  loadDefaults: async () => {
    const r = await invoke('setup.defaults', {});
    // Without them the screen still sets up (the template as shipped, no printer): nothing to say.
    if (r.ok) set({ defaults: r.value });
  },
  setField: (field, value) =>
    set((s) => ({ form: { ...s.form, [field]: value }, fieldErrors: withoutError(s.fieldErrors, field) })),
  setKind: (kind) =>
    set((s) => {
      const template = s.templateChosen ? s.form.expectationsTemplate : kind;
      return {
        form: { ...s.form, settingKind: kind, expectationsTemplate: template },
        expectations: textFor(s, template),
        fieldErrors: withoutTextErrors(withoutError(withoutError(s.fieldErrors, 'settingKind'), 'expectationsTemplate')),
      };
    }),
  setTemplate: (kind) =>
    set((s) => ({
      form: { ...s.form, expectationsTemplate: kind },
      templateChosen: true,
      expectations: textFor(s, kind),
      fieldErrors: withoutTextErrors(withoutError(s.fieldErrors, 'expectationsTemplate')),
    })),
  editExpectations: (open) =>
    set((s) => {
      const kind = s.form.expectationsTemplate;
      if (!open || !kind || !s.defaults) return { expectations: null, fieldErrors: withoutTextErrors(s.fieldErrors) };
      return { expectations: copyOf(s.defaults.expectations[kind]) };
    }),
  setExpectations: (change) =>
    set((s) => (s.expectations ? { expectations: change(s.expectations), fieldErrors: withoutTextErrors(s.fieldErrors) } : {})),
  submit: async () => {
    const { form, busy, expectations } = get();
    if (busy) return false;
    // The two choices have no "empty" value the contract accepts, so they are checked here first.
    if (!form.settingKind || !form.expectationsTemplate) {
      const fieldErrors: Record<string, string> = {};
      if (!form.settingKind) fieldErrors.settingKind = 'Choose nursery or school.';
      if (!form.expectationsTemplate) fieldErrors.expectationsTemplate = 'Choose which default expectations to start from.';
      set({ fieldErrors, error: 'Please check the answers marked below.' });
      return false;
    }
    const input = {
      settingName: form.settingName,
      settingKind: form.settingKind,
      adminName: form.adminName,
      pin: form.pin,
      pinAgain: form.pinAgain,
      expectationsTemplate: form.expectationsTemplate,
      expectations: expectations ? { ...expectations, summary: expectations.summary.map((l) => l.trim()) } : null,
      receiptPrinter: form.receiptPrinter,
    };
    // The edited text is checked here, in main's words, so a blank line is marked before the PIN is sent.
    const textProblems = onlyTextErrors(problemsWith('setup.create', input));
    if (Object.keys(textProblems).length > 0) {
      set({ fieldErrors: textProblems, error: 'Please check the answers marked below.' });
      return false;
    }
    set({ busy: true, error: null });
    const r = await invoke('setup.create', input);
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
