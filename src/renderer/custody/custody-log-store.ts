import { create } from 'zustand';
import { commandSchemas, type CommandInput, type PendingHandover, type PrintStatus, type ReceiptView } from '../../shared/contract/index.js';
import { fieldProblems } from '../../shared/invalid-input.js';
import { invoke } from '../api.js';
import type { CustodyItemView } from '../../shared/domain/custody.js';
import { checkItems, correctedLine, correctItem, draftsFromDevices, newItem, toItemInput, withoutItemFields, type CorrectionDraft, type ItemDraft, type ItemField } from './custody-shared.js';
import { handleFailure, withoutField, type ActionResult } from '../lib/action-result.js';
import { announceChanged } from '../lib/console-events.js';
import { forgetWhenLocked } from '../lib/store-reset.js';
import { problemsWith, refusal } from '../lib/contract-check.js';

export type OwnerChoice = 'visitor' | 'staff' | 'learner';
export type PupilReason = 'learner_day' | 'confiscated';
export type PupilField = 'name' | 'group' | 'reason' | 'confiscationReason';

export interface PupilDraft {
  name: string;
  group: string;
  reason: PupilReason | '';
  confiscationReason: string;
}

export interface LoggedReceipt {
  receipt: ReceiptView;
  print: PrintStatus;
  /** The print outcome shown is from "Print again", and an earlier copy had printed. */
  reprinted: boolean;
}

interface LogData {
  /** Logging what a visitor declared at the kiosk; null when staff log items with no kiosk step. */
  handover: PendingHandover | null;
  ownerType: OwnerChoice | '';
  visitId: number | null;
  staffId: number | null;
  pupil: PupilDraft;
  items: ItemDraft[];
  sameBag: string;
  busy: boolean;
  printing: boolean;
  error: string | null;
  fieldErrors: Record<string, string>;
  /** The receipt just made: the page shows it instead of the form. */
  result: LoggedReceipt | null;
  /** What the last correction on that receipt did, in words. */
  corrected: string | null;
}

interface LogActions {
  /** Fills the form from a visitor's pending handover (the page that asked then shows Log items). */
  startHandover: (handover: PendingHandover) => void;
  startBlank: () => void;
  /** Empties the form (the page that asked then goes back to Today). */
  cancel: () => void;
  chooseOwner: (type: OwnerChoice) => void;
  chooseVisit: (visitId: number | null) => void;
  chooseStaff: (staffId: number | null) => void;
  setPupil: (field: PupilField, value: string) => void;
  setItem: (index: number, field: ItemField, value: string) => void;
  addItem: () => void;
  removeItem: (index: number) => void;
  setSameBag: (bag: string) => void;
  submit: () => Promise<void>;
  /** Closes a pending handover with nothing logged (the visitor kept their device, or left with it). */
  notHandedIn: (handover: PendingHandover, note: string) => Promise<ActionResult>;
  /** Logs the unlocked staff member's own phone into the safe, for the day. */
  logOwnPhone: (staffId: number, bagSlot: string, description: string) => Promise<ActionResult>;
  reprint: () => Promise<void>;
  /** Corrects what was written for an item on the receipt just made; the panel then shows the new details. */
  correct: (item: CustodyItemView, draft: CorrectionDraft) => Promise<ActionResult>;
}

export type LogState = LogData & LogActions;

type Owner = CommandInput<'custody.log'>['owner'];

export function initialLogState(): LogData {
  return {
    handover: null,
    ownerType: '',
    visitId: null,
    staffId: null,
    pupil: { name: '', group: '', reason: '', confiscationReason: '' },
    items: [newItem('phone')],
    sameBag: '',
    busy: false,
    printing: false,
    error: null,
    fieldErrors: {},
    result: null,
    corrected: null,
  };
}

const CHECK_BELOW = 'Please check the answers marked below.';

/** The owner part of custody.log: the form checks it by the contract's own rule, with its wording. */
const ownerRule = commandSchemas['custody.log'].input.pick({ owner: true });

/** The owner as the form has it, in the shape custody.log takes; what is not chosen yet goes as missing, for the contract to name. */
function ownerDraft(s: LogData): unknown {
  switch (s.ownerType) {
    case '':
      return undefined;
    case 'visitor':
      return { type: 'visitor', visitId: s.visitId };
    case 'staff':
      return { type: 'staff', staffId: s.staffId };
    case 'learner': {
      const p = s.pupil;
      return {
        type: 'learner',
        name: p.name.trim(),
        group: p.group.trim() || null,
        reason: p.reason,
        confiscationReason: p.reason === 'confiscated' ? p.confiscationReason.trim() : null,
      };
    }
  }
}

function ownerOf(s: LogData): { owner: Owner | null; fields: Record<string, string> } {
  const owner = ownerDraft(s);
  const fields = fieldProblems(ownerRule, { owner });
  // Sent as typed (trimmed), not as the schema's output: main tidies it the same way on arrival.
  return Object.keys(fields).length > 0 ? { owner: null, fields } : { owner: owner as Owner, fields: {} };
}

export const useLogStore = create<LogState>()((set, get) => {
  return {
    ...initialLogState(),

    startHandover: (handover) => {
      set({
        ...initialLogState(),
        handover,
        ownerType: 'visitor',
        visitId: handover.visitId,
        items: handover.devices.length > 0 ? draftsFromDevices(handover.devices) : [newItem('phone')],
      });
    },

    startBlank: () => set(initialLogState()),

    cancel: () => set(initialLogState()),

    chooseOwner: (ownerType) =>
      set((s) => ({
        ownerType,
        fieldErrors: Object.fromEntries(Object.entries(s.fieldErrors).filter(([k]) => !k.startsWith('owner'))),
      })),

    chooseVisit: (visitId) => set((s) => ({ visitId, fieldErrors: withoutField(s.fieldErrors, 'owner.visitId') })),

    chooseStaff: (staffId) => set((s) => ({ staffId, fieldErrors: withoutField(s.fieldErrors, 'owner.staffId') })),

    setPupil: (field, value) =>
      set((s) => ({ pupil: { ...s.pupil, [field]: value }, fieldErrors: withoutField(s.fieldErrors, `owner.${field}`) })),

    setItem: (index, field, value) =>
      set((s) => ({
        items: s.items.map((item, i) => (i === index ? { ...item, [field]: value } : item)),
        fieldErrors: withoutField(s.fieldErrors, `items.${index}.${field}`),
      })),

    addItem: () =>
      set((s) => ({ items: [...s.items, newItem('', s.sameBag.trim())], fieldErrors: withoutItemFields(s.fieldErrors) })),

    removeItem: (index) =>
      set((s) => ({ items: s.items.filter((_, i) => i !== index), fieldErrors: withoutItemFields(s.fieldErrors) })),

    setSameBag: (sameBag) =>
      set((s) => ({
        sameBag,
        items: s.items.map((item) => ({ ...item, bagSlot: sameBag })),
        fieldErrors: Object.fromEntries(Object.entries(s.fieldErrors).filter(([k]) => !k.endsWith('.bagSlot'))),
      })),

    submit: async () => {
      const s = get();
      if (s.busy) return;
      const { owner, fields: ownerFields } = ownerOf(s);
      const fields = { ...ownerFields, ...checkItems(s.items) };
      if (!owner || Object.keys(fields).length > 0) {
        set({ error: CHECK_BELOW, fieldErrors: fields });
        return;
      }
      set({ busy: true, error: null, fieldErrors: {} });
      const items = s.items.map(toItemInput);
      const r = await invoke('custody.log', s.handover ? { handoverId: s.handover.handoverId, owner, items } : { owner, items });
      if (!r.ok) {
        const { message, fields: serverFields, locked } = handleFailure(r.error);
        if (!locked) set({ busy: false, error: message, fieldErrors: serverFields });
        return;
      }
      set({ ...initialLogState(), result: { ...r.value, reprinted: false } });
      void announceChanged();
    },

    notHandedIn: async (handover, note) => {
      const input = { handoverId: handover.handoverId, note };
      const refused = refusal(problemsWith('custody.markNotHandedIn', input));
      if (refused) return refused;
      const r = await invoke('custody.markNotHandedIn', input);
      if (!r.ok) {
        const { message, fields } = handleFailure(r.error);
        return { ok: false, message, fields };
      }
      if (get().handover?.handoverId === handover.handoverId) set(initialLogState());
      void announceChanged();
      return { ok: true };
    },

    logOwnPhone: async (staffId, bagSlot, description) => {
      const input: CommandInput<'custody.log'> = {
        owner: { type: 'staff', staffId },
        items: [{ kind: 'phone', description: description.trim() || null, marks: null, bagSlot: bagSlot.trim() }],
      };
      const refused = refusal(problemsWith('custody.log', input));
      if (refused) return refused;
      const r = await invoke('custody.log', input);
      if (!r.ok) {
        const { message, fields } = handleFailure(r.error);
        return { ok: false, message, fields };
      }
      set({ ...initialLogState(), result: { ...r.value, reprinted: false } });
      void announceChanged();
      return { ok: true };
    },

    reprint: async () => {
      const { result, printing } = get();
      if (!result || printing) return;
      set({ printing: true, error: null });
      const r = await invoke('custody.reprint', { receiptId: result.receipt.receiptId });
      if (!r.ok) {
        const { message, locked } = handleFailure(r.error);
        if (!locked) set({ printing: false, error: message });
        return;
      }
      // "Printed again" only when an earlier copy did print: the first copy after a failed try is the first.
      set({ printing: false, result: { ...r.value, reprinted: r.value.receipt.printCount > 1 } });
    },

    correct: async (item, draft) => {
      const r = await correctItem(item, draft);
      if (!r.ok) return r;
      const result = get().result;
      if (result?.receipt.receiptId === r.receipt.receiptId) {
        const fixed = r.receipt.items.find((i) => i.itemId === item.itemId) ?? item;
        set({ result: { ...result, receipt: r.receipt }, corrected: correctedLine(fixed) });
      }
      return { ok: true };
    },
  };
});

forgetWhenLocked(useLogStore, initialLogState);
