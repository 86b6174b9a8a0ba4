import { create } from 'zustand';
import type { PrintStatus, ReceiptView } from '../../shared/contract/index.js';
import { pupilKey, type AgreementView, type LearnerExceptionView } from '../../shared/domain/learners.js';
import { invoke } from '../api.js';
import { handleFailure } from '../lib/action-result.js';
import { announceChanged } from '../lib/console-events.js';
import { forgetWhenLocked } from '../lib/store-reset.js';
import { arrivalFields, arrivalInput, newArrivalDraft, type ArrivalDraft, type ArrivalField } from './arrival-model.js';

interface ArrivalData {
  draft: ArrivalDraft;
  /** The agreements found for a name (as it was typed), or null before anything was looked up. */
  /** What was found for the name: the agreements, and any exception (the pupil keeps that device). */
  lookup: { name: string; agreements: AgreementView[]; exceptions: LearnerExceptionView[] } | null;
  lookupError: string | null;
  busy: boolean;
  error: string | null;
  fieldErrors: Partial<Record<ArrivalField, string>>;
  /** The pupil logged last: their receipt and whether it printed. */
  last: { receipt: ReceiptView; print: PrintStatus } | null;
}

/** What submitting did: the page moves focus on from it (to the bag box, or back to the name for the next pupil). */
export type ArrivalStep = 'looked_up' | 'logged' | 'refused' | 'busy';

interface ArrivalActions {
  setName: (name: string) => void;
  /** Asks main for the agreements of the name now typed; a name with nothing to match by clears the answer. */
  lookUp: () => Promise<void>;
  toggle: (agreementId: number, on: boolean) => void;
  setOther: (on: boolean) => void;
  setField: (field: 'otherKind' | 'otherDescription' | 'classGroup' | 'bagSlot', value: string) => void;
  /**
   * Enter in the name box (a scanner ends with it) first looks the name up; once the answer is on screen,
   * the same key or button logs the ticked devices with custody.log and prints the pupil's receipt.
   */
  submit: () => Promise<ArrivalStep>;
}

export type ArrivalState = ArrivalData & ArrivalActions;

export function initialArrivalState(): ArrivalData {
  return { draft: newArrivalDraft(), lookup: null, lookupError: null, busy: false, error: null, fieldErrors: {}, last: null };
}

/** The agreements that let a device in today: only these are offered to tick. */
export function inForce(lookup: ArrivalData['lookup'], name: string): AgreementView[] {
  if (!lookup || pupilKey(lookup.name) !== pupilKey(name)) return [];
  return lookup.agreements.filter((a) => a.state === 'in_force');
}

const CHECK_BELOW = 'Please check the answers marked below.';

// Only the newest name asked about is shown, whatever order the answers arrive in.
let lookupSeq = 0;

function without(fields: ArrivalData['fieldErrors'], ...keys: ArrivalField[]): ArrivalData['fieldErrors'] {
  const next = { ...fields };
  for (const k of keys) delete next[k];
  return next;
}

/** The morning queue: one pupil at a time, a few taps each, through the same custody.log as every hand-in. */
export const useArrivalStore = create<ArrivalState>()((set, get) => ({
  ...initialArrivalState(),

  setName: (name) =>
    set((s) => {
      const samePupil = pupilKey(name) === pupilKey(s.draft.name);
      // Another name is another pupil: what was ticked for the last one must not carry over.
      return {
        draft: samePupil ? { ...s.draft, name } : { ...s.draft, name, ticked: [] },
        fieldErrors: without(s.fieldErrors, 'name', ...(samePupil ? [] : (['devices'] as const))),
        error: null,
      };
    }),

  lookUp: async () => {
    const seq = ++lookupSeq;
    const name = get().draft.name;
    if (pupilKey(name) === '') {
      set({ lookup: null, lookupError: null });
      return;
    }
    const r = await invoke('learner.agreementsFor', { pupilName: name });
    if (seq !== lookupSeq) return;
    if (!r.ok) {
      const failure = handleFailure(r.error);
      if (!failure.locked) set({ lookup: null, lookupError: failure.message });
      return;
    }
    const { agreements, exceptions } = r.value;
    set((s) => {
      if (pupilKey(s.draft.name) !== pupilKey(name)) return {};
      const offered = agreements.filter((a) => a.state === 'in_force');
      // One agreement in force is the device this child brings: ticked already, one tap fewer in the queue.
      const ticked = s.draft.ticked.length === 0 && offered.length === 1 ? [offered[0]!.agreementId] : s.draft.ticked;
      return { lookup: { name, agreements, exceptions }, lookupError: null, draft: { ...s.draft, ticked } };
    });
  },

  toggle: (agreementId, on) =>
    set((s) => ({
      draft: { ...s.draft, ticked: on ? [...s.draft.ticked, agreementId] : s.draft.ticked.filter((id) => id !== agreementId) },
      fieldErrors: without(s.fieldErrors, 'devices', 'classGroup'),
    })),

  setOther: (on) => set((s) => ({ draft: { ...s.draft, other: on }, fieldErrors: without(s.fieldErrors, 'devices', 'otherKind', 'otherDescription') })),

  setField: (field, value) => set((s) => ({ draft: { ...s.draft, [field]: value }, fieldErrors: without(s.fieldErrors, field) })),

  submit: async () => {
    const s = get();
    if (s.busy) return 'busy';
    if (!s.lookup || pupilKey(s.lookup.name) !== pupilKey(s.draft.name)) {
      if (pupilKey(s.draft.name) === '') {
        set({ error: CHECK_BELOW, fieldErrors: { name: "Please enter the pupil's name." } });
        return 'refused';
      }
      await get().lookUp();
      return 'looked_up';
    }
    const { input, fields, agreedCount } = arrivalInput(s.draft, inForce(s.lookup, s.draft.name));
    if (!input) {
      set({ error: CHECK_BELOW, fieldErrors: fields });
      return 'refused';
    }
    set({ busy: true, error: null, fieldErrors: {} });
    const r = await invoke('custody.log', input);
    if (!r.ok) {
      const { message, fields: serverFields, locked } = handleFailure(r.error);
      if (!locked) set({ busy: false, error: message, fieldErrors: arrivalFields(serverFields, agreedCount) });
      return 'refused';
    }
    lookupSeq += 1;
    set({ ...initialArrivalState(), last: r.value });
    void announceChanged({ receipt: r.value.receipt });
    return 'logged';
  },
}));

forgetWhenLocked(useArrivalStore, initialArrivalState);
