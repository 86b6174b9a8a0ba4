import { create } from 'zustand';
import type { CommandOutput } from '../../shared/contract/index.js';
import { normaliseScanCode } from '../../shared/domain/scan-code.js';
import { invoke } from '../api.js';
import { handleFailure } from '../lib/action-result.js';
import { forgetWhenLocked } from '../lib/store-reset.js';
import { now } from '../lib/clock.js';

/** A printed approval record as main knows it: the approval, its state now, and who it is for. */
export type CheckedApproval = CommandOutput<'exception.lookup'>;

interface ApprovalCheckData {
  code: string;
  checking: boolean;
  /** Why what was typed is not a record code (empty, or not the right shape); shown under the box. */
  codeError: string | null;
  /** The approval the last scan found, and when it was checked (its state is as of then). */
  result: { approval: CheckedApproval; checkedAt: string } | null;
  /** A well-formed code that main does not know: main's message, shown as a "not approved" verdict. */
  unknown: string | null;
  /** Anything else that went wrong (the service could not be reached, say). */
  error: string | null;
  /** Bumped to ask the page to put the cursor back in the scan box. */
  focusRequest: number;
}

interface ApprovalCheckActions {
  setCode: (code: string) => void;
  check: (code?: string) => Promise<void>;
  clear: () => void;
}

export type ApprovalCheckState = ApprovalCheckData & ApprovalCheckActions;

export function initialApprovalCheckState(): ApprovalCheckData {
  return { code: '', checking: false, codeError: null, result: null, unknown: null, error: null, focusRequest: 0 };
}

export const EMPTY_CODE_MESSAGE = 'Scan the QR code on the approval record, or type the record code printed under it.';


export const useApprovalCheckStore = create<ApprovalCheckState>()((set, get) => ({
  ...initialApprovalCheckState(),

  setCode: (code) => set({ code, codeError: null }),

  check: async (raw) => {
    const typed = raw ?? get().code;
    if (get().checking) return;
    // The record code is printed in groups ("ABCD EFGH …"): what was typed by hand is tidied before it is sent.
    const code = normaliseScanCode(typed);
    // A new check replaces the last answer at once: an old verdict must never sit beside a new scan.
    if (code === '') {
      set({ code: typed, codeError: EMPTY_CODE_MESSAGE, result: null, unknown: null, error: null });
      return;
    }
    set({ code: typed, checking: true, codeError: null, result: null, unknown: null, error: null });
    const r = await invoke('exception.lookup', { code });
    if (!r.ok) {
      const { message, locked } = handleFailure(r.error);
      if (locked) return;
      if (r.error.code === 'not_found') set({ checking: false, code: '', unknown: message });
      else if (r.error.code === 'invalid_input') set({ checking: false, codeError: message });
      else set({ checking: false, error: message });
      return;
    }
    set({ checking: false, code: '', result: { approval: r.value, checkedAt: now().toISOString() } });
  },

  clear: () => set((s) => ({ ...initialApprovalCheckState(), focusRequest: s.focusRequest + 1 })),
}));

// A visitor's approval is for the unlocked console only.
forgetWhenLocked(useApprovalCheckStore, initialApprovalCheckState);
