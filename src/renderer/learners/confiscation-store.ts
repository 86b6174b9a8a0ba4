import { create } from 'zustand';
import type { HeldPupilDevice } from '../../shared/contract/index.js';
import { invoke } from '../api.js';
import { handleFailure, type ActionResult } from '../lib/action-result.js';
import { announceChanged } from '../lib/console-events.js';
import { problemsWith, refusal } from '../lib/contract-check.js';
import { forgetWhenLocked } from '../lib/store-reset.js';
import { kindsWords } from './arrival-model.js';
import { checkRelease, policeInput, releaseInput, type PoliceDraft, type ReleaseDraft } from './confiscation-model.js';

interface ConfiscationData {
  /** What the last release or handover did, in words, for the Confiscated page (the pupil's row has gone). */
  notice: string | null;
}

interface ConfiscationActions {
  /** Releases the chosen devices to the parent or carer; `early` sends the DSL's or head's agreement too. */
  release: (held: HeldPupilDevice, draft: ReleaseDraft, early: boolean) => Promise<ActionResult>;
  handToPolice: (held: HeldPupilDevice, draft: PoliceDraft) => Promise<ActionResult>;
  clearNotice: () => void;
}

function initialConfiscationState(): ConfiscationData {
  return { notice: null };
}

function capitalised(words: string): string {
  return `${words.charAt(0).toUpperCase()}${words.slice(1)}`;
}

function failed(error: Parameters<typeof handleFailure>[0]): ActionResult {
  const { message, fields } = handleFailure(error);
  return { ok: false, message, fields };
}

/** A confiscated device leaving the safe: to a parent or carer, or to the police. The dialogs hold their own drafts. */
export const useConfiscationStore = create<ConfiscationData & ConfiscationActions>()((set) => ({
  ...initialConfiscationState(),

  release: async (held, draft, early) => {
    const refused = refusal(checkRelease(held, draft, early));
    if (refused) return refused;
    const r = await invoke('learner.releaseConfiscated', releaseInput(held, draft, early));
    if (!r.ok) return failed(r.error);
    const gone = r.value.items.filter((i) => draft.itemIds.includes(i.itemId));
    await announceChanged({ receipt: r.value });
    set({ notice: `${capitalised(kindsWords(gone))} released to ${gone[0]?.closedTo ?? draft.parentName}.` });
    return { ok: true };
  },

  handToPolice: async (held, draft) => {
    const input = policeInput(held, draft);
    const refused = refusal(problemsWith('learner.handToPolice', input));
    if (refused) return refused;
    const r = await invoke('learner.handToPolice', input);
    if (!r.ok) return failed(r.error);
    const gone = r.value.items.filter((i) => draft.itemIds.includes(i.itemId));
    await announceChanged({ receipt: r.value });
    set({ notice: `${capitalised(kindsWords(gone))} handed to ${gone[0]?.closedTo ?? 'the police'}, reference ${input.policeReference.trim()}.` });
    return { ok: true };
  },

  clearNotice: () => set({ notice: null }),
}));

forgetWhenLocked(useConfiscationStore, initialConfiscationState);
