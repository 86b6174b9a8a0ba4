import { create } from 'zustand';
import type { AgreementView, LearnerExceptionView } from '../../shared/domain/learners.js';
import { pupilKey } from '../../shared/domain/learners.js';
import { invoke } from '../api.js';
import { handleFailure } from '../lib/action-result.js';
import { forgetWhenLocked } from '../lib/store-reset.js';

interface HandInData {
  /** The name the answer below is for (as typed), or null before anything was looked up. */
  name: string | null;
  agreements: AgreementView[];
  /** The pupil's device exceptions (medical monitoring), for the line under the agreement's. */
  exceptions: LearnerExceptionView[];
  error: string | null;
}

interface HandInActions {
  /** Asks main for the agreements of the pupil with this name; a name with nothing to match by clears the answer. */
  lookUp: (name: string) => Promise<void>;
  clear: () => void;
}

export type HandInState = HandInData & HandInActions;

export function initialHandInState(): HandInData {
  return { name: null, agreements: [], exceptions: [], error: null };
}

// Only the newest name asked about is shown, whatever order the answers arrive in.
let lookupSeq = 0;

/** At hand-in on the Log items page: whether the pupil whose name is typed has an agreement for a device. */
export const useHandInStore = create<HandInState>()((set) => ({
  ...initialHandInState(),

  lookUp: async (name) => {
    const seq = ++lookupSeq;
    if (pupilKey(name) === '') {
      set(initialHandInState());
      return;
    }
    const r = await invoke('learner.agreementsFor', { pupilName: name });
    if (seq !== lookupSeq) return;
    if (!r.ok) {
      const failure = handleFailure(r.error);
      if (!failure.locked) set({ name, agreements: [], exceptions: [], error: failure.message });
      return;
    }
    set({ name, agreements: r.value.agreements, exceptions: r.value.exceptions, error: null });
  },

  clear: () => {
    lookupSeq += 1;
    set(initialHandInState());
  },
}));

forgetWhenLocked(useHandInStore, initialHandInState);
