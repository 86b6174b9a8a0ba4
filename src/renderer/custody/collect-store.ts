import { create } from 'zustand';
import type { ReceiptView } from '../../shared/contract/index.js';
import { DEVICE_KIND_LABELS } from '../../shared/domain/devices.js';
import { invoke } from '../api.js';
import type { CustodyItemView } from '../../shared/domain/custody.js';
import { correctedLine, correctItem, type CorrectionDraft } from './custody-shared.js';
import { handleFailure, withoutField, type ActionResult } from '../lib/action-result.js';
import { forgetWhenLocked } from '../lib/store-reset.js';
import { onRecordsChanged, announceChanged } from '../lib/console-events.js';
import { problemsWith } from '../lib/contract-check.js';

/** How the receipt on screen was found: a lost receipt needs a note saying how the person was checked. */
export type FoundBy = 'code' | 'name';

interface CollectData {
  code: string;
  finding: boolean;
  /** Why the last scan or typed number found nothing; shown under the box. */
  codeError: string | null;
  receipt: ReceiptView | null;
  foundBy: FoundBy | null;
  selected: number[];
  returnedTo: string;
  note: string;
  returning: boolean;
  error: string | null;
  fieldErrors: Record<string, string>;
  /** What the last return or hand-on did, in words. */
  outcome: string | null;
  /** Set when the last return closed the visit: "{name} is now signed out." */
  signedOut: string | null;
  searchOpen: boolean;
  searchName: string;
  searching: boolean;
  searchError: string | null;
  results: ReceiptView[] | null;
  /** Bumped to ask the page to put the cursor back in the scan box. */
  focusRequest: number;
}

interface CollectActions {
  setCode: (code: string) => void;
  find: (code?: string) => Promise<void>;
  openSearch: (name?: string) => void;
  closeSearch: () => void;
  setSearchName: (name: string) => void;
  search: () => Promise<void>;
  pick: (receipt: ReceiptView) => void;
  /** Reads the shown receipt again (after another desk changed it), keeping ticked only what is still in the safe. */
  refreshReceipt: () => Promise<void>;
  toggleItem: (itemId: number) => void;
  setReturnedTo: (name: string) => void;
  setNote: (note: string) => void;
  markReturned: () => Promise<void>;
  handOn: (itemId: number, handedTo: string, reason: string) => Promise<ActionResult>;
  /** Corrects what was written for an item on the receipt on screen; the receipt then shows the new details. */
  correct: (item: CustodyItemView, draft: CorrectionDraft) => Promise<ActionResult>;
  /** The "Collect" button on Today: the desk opens with the name search filled in and run. */
  startFor: (name: string) => Promise<void>;
  clear: () => void;
}

export type CollectState = CollectData & CollectActions;

export function initialCollectState(): CollectData {
  return {
    code: '',
    finding: false,
    codeError: null,
    receipt: null,
    foundBy: null,
    selected: [],
    returnedTo: '',
    note: '',
    returning: false,
    error: null,
    fieldErrors: {},
    outcome: null,
    signedOut: null,
    searchOpen: false,
    searchName: '',
    searching: false,
    searchError: null,
    results: null,
    focusRequest: 0,
  };
}

export const LOST_RECEIPT_NOTE = 'Receipt lost: say how you checked who they are.';

function inSafeIds(receipt: ReceiptView): number[] {
  return receipt.items.filter((i) => i.state === 'in_safe').map((i) => i.itemId);
}

function items(n: number): string {
  return n === 1 ? '1 item' : `${n} items`;
}

/** A receipt on screen, ready to hand back: everything still in the safe ticked, the owner's name filled in. */
function showing(receipt: ReceiptView, foundBy: FoundBy): Partial<CollectData> {
  return {
    receipt,
    foundBy,
    selected: inSafeIds(receipt),
    returnedTo: receipt.ownerName,
    note: '',
    error: null,
    fieldErrors: {},
    outcome: null,
    signedOut: null,
  };
}

export const useCollectStore = create<CollectState>()((set, get) => ({
  ...initialCollectState(),

  setCode: (code) => set({ code, codeError: null }),

  find: async (raw) => {
    const code = raw ?? get().code;
    if (get().finding) return;
    if (code.trim() === '') {
      set({ code, codeError: 'Scan the QR code on the receipt, or type the receipt number.' });
      return;
    }
    set({ code, finding: true, codeError: null });
    const r = await invoke('custody.findReceipt', { code });
    if (!r.ok) {
      const { message, locked } = handleFailure(r.error);
      if (!locked) set({ finding: false, codeError: message });
      return;
    }
    set({ ...showing(r.value, 'code'), code: '', finding: false, searchOpen: false, results: null, searchError: null });
  },

  openSearch: (name) =>
    set((s) => ({ searchOpen: true, searchName: name ?? s.searchName, searchError: null })),

  closeSearch: () => set((s) => ({ searchOpen: false, results: null, searchError: null, focusRequest: s.focusRequest + 1 })),

  setSearchName: (searchName) => set({ searchName, searchError: null }),

  search: async () => {
    const name = get().searchName.trim();
    if (get().searching) return;
    if (name === '') {
      set({ searchError: 'Type a name to search for.', results: null });
      return;
    }
    set({ searching: true, searchError: null });
    const r = await invoke('custody.searchByOwner', { name });
    if (!r.ok) {
      const { message, locked } = handleFailure(r.error);
      if (!locked) set({ searching: false, searchError: message, results: null });
      return;
    }
    set({ searching: false, results: r.value.receipts });
  },

  pick: (receipt) => set({ ...showing(receipt, 'name') }),

  refreshReceipt: async () => {
    const shown = get().receipt;
    if (!shown) return;
    const r = await invoke('custody.findReceipt', { code: shown.receiptNumber });
    if (!r.ok || get().receipt?.receiptId !== shown.receiptId) return;
    const stillIn = inSafeIds(r.value);
    set((s) => ({ receipt: r.value, selected: s.selected.filter((id) => stillIn.includes(id)) }));
  },

  toggleItem: (itemId) =>
    set((s) => ({
      selected: s.selected.includes(itemId) ? s.selected.filter((id) => id !== itemId) : [...s.selected, itemId],
      fieldErrors: withoutField(s.fieldErrors, 'itemIds'),
    })),

  setReturnedTo: (returnedTo) => set((s) => ({ returnedTo, fieldErrors: withoutField(s.fieldErrors, 'returnedTo') })),

  setNote: (note) => set((s) => ({ note, fieldErrors: withoutField(s.fieldErrors, 'note') })),

  markReturned: async () => {
    const { receipt, selected, returnedTo, note, foundBy, returning } = get();
    if (!receipt || returning) return;
    // Items are sent in the receipt's order, whatever order they were ticked in.
    const itemIds = receipt.items.map((i) => i.itemId).filter((id) => selected.includes(id));
    const input = { receiptId: receipt.receiptId, itemIds, returnedTo: returnedTo.trim(), note: note.trim() || null };
    const fields = problemsWith('custody.return', input);
    // The desk's own rule, which main cannot hold (it is not told how the receipt was found): without the
    // receipt, the note says how the person collecting was checked.
    if (foundBy === 'name' && input.note === null) fields.note ??= LOST_RECEIPT_NOTE;
    if (Object.keys(fields).length > 0) {
      set({ error: 'Please check the answers marked below.', fieldErrors: fields });
      return;
    }
    set({ returning: true, error: null, fieldErrors: {} });
    const r = await invoke('custody.return', input);
    if (!r.ok) {
      const { message, fields: serverFields, locked } = handleFailure(r.error);
      if (locked) return;
      set({ returning: false, error: message, fieldErrors: serverFields });
      // Another desk got there first: show the receipt as it is now, with what has left the safe unticked,
      // so "Mark returned" is not offered for items that are gone.
      if (r.error.code === 'conflict') await get().refreshReceipt();
      return;
    }
    const updated = r.value.receipt;
    set({
      returning: false,
      receipt: updated,
      selected: inSafeIds(updated),
      note: '',
      outcome: `${items(itemIds.length)} returned to ${returnedTo.trim()}.`,
      signedOut: r.value.visitSignedOut ? `${updated.ownerName} is now signed out.` : null,
    });
    void announceChanged();
  },

  handOn: async (itemId, handedTo, reason) => {
    const receipt = get().receipt;
    if (!receipt) return { ok: false, message: 'Find the receipt first.', fields: {} };
    const input = { itemId, handedTo: handedTo.trim(), reason: reason.trim() };
    const fields = problemsWith('custody.handOn', input);
    if (Object.keys(fields).length > 0) return { ok: false, message: 'Please check the answers marked below.', fields };
    const r = await invoke('custody.handOn', input);
    if (!r.ok) {
      const { message, fields } = handleFailure(r.error);
      return { ok: false, message, fields };
    }
    const item = receipt.items.find((i) => i.itemId === itemId);
    set((s) => ({
      receipt: r.value,
      selected: s.selected.filter((id) => inSafeIds(r.value).includes(id)),
      outcome: `${item ? DEVICE_KIND_LABELS[item.kind] : 'The item'} handed on to ${handedTo.trim()}.`,
      signedOut: null,
    }));
    void announceChanged();
    return { ok: true };
  },

  correct: async (item, draft) => {
    const r = await correctItem(item, draft);
    if (!r.ok) return r;
    if (get().receipt?.receiptId === r.receipt.receiptId) {
      const fixed = r.receipt.items.find((i) => i.itemId === item.itemId) ?? item;
      set((s) => ({
        receipt: r.receipt,
        selected: s.selected.filter((id) => inSafeIds(r.receipt).includes(id)),
        outcome: correctedLine(fixed),
        signedOut: null,
      }));
    }
    return { ok: true };
  },

  startFor: async (name) => {
    set({ ...initialCollectState(), searchOpen: true, searchName: name, focusRequest: get().focusRequest + 1 });
    await get().search();
  },

  clear: () => set((s) => ({ ...initialCollectState(), focusRequest: s.focusRequest + 1 })),
}));

forgetWhenLocked(useCollectStore, initialCollectState);
// A receipt reprinted or given by hand elsewhere (Today, In the safe): the one on the desk shows it as it is now.
onRecordsChanged(({ receipt }) => {
  if (receipt && useCollectStore.getState().receipt?.receiptId === receipt.receiptId) useCollectStore.setState({ receipt });
});
