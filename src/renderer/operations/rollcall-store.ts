import { create } from 'zustand';
import type { OnSiteVisit, PrintStatus, RollCallRecord, StaffOnSite } from '../../shared/contract/index.js';
import { invoke } from '../api.js';
import { handleFailure } from '../lib/action-result.js';
import { forgetWhenLocked } from '../lib/store-reset.js';

interface RollCallData {
  /** Everyone signed in when the list was last read. */
  people: OnSiteVisit[];
  loaded: boolean;
  loading: boolean;
  /** The visits ticked as accounted for, in the order they were ticked. */
  ticked: number[];
  /** Staff signed in for the day when the list was last read: a list of their own. */
  staff: StaffOnSite[];
  /** Their staff days ticked as accounted for. */
  tickedStaff: number[];
  /** Why the staff list could not be read; the visitors' list stands without it. */
  staffError: string | null;
  note: string;
  printing: boolean;
  print: { people: number; print: PrintStatus } | null;
  printError: string | null;
  saving: boolean;
  result: RollCallRecord | null;
  error: string | null;
  fieldErrors: Record<string, string>;
}

interface RollCallActions {
  load: () => Promise<void>;
  toggle: (visitId: number) => void;
  toggleStaff: (staffDayId: number) => void;
  setNote: (note: string) => void;
  printList: () => Promise<void>;
  finish: () => Promise<void>;
  startAgain: () => Promise<void>;
}

export type RollCallState = RollCallData & RollCallActions;

export function initialRollCallState(): RollCallData {
  return {
    people: [], loaded: false, loading: false, ticked: [], staff: [], tickedStaff: [], staffError: null, note: '', printing: false, print: null, printError: null,
    saving: false, result: null, error: null, fieldErrors: {},
  };
}

/**
 * A roll call in progress. Reading the list again keeps the ticks of everyone still signed in, so a
 * refresh in the middle of an evacuation never loses work.
 */
export const useRollCallStore = create<RollCallState>()((set, get) => ({
  ...initialRollCallState(),

  load: async () => {
    if (get().loading) return;
    set({ loading: true });
    const [r, staff] = await Promise.all([invoke('visit.onSite', {}), invoke('staffDay.onSite', {})]);
    if (!r.ok) {
      const failure = handleFailure(r.error);
      if (!failure.locked) set({ loading: false, error: failure.message });
      return;
    }
    const here = new Set(r.value.visits.map((v) => v.visitId));
    // The staff list failing must not cost the visitors' list in an evacuation: it says so apart.
    const staffHere = staff.ok ? staff.value.staff : get().staff;
    const staffIds = new Set(staffHere.map((p) => p.staffDayId));
    set((s) => ({
      loading: false, loaded: true, error: null, people: r.value.visits, ticked: s.ticked.filter((id) => here.has(id)),
      staff: staffHere, tickedStaff: s.tickedStaff.filter((id) => staffIds.has(id)), staffError: staff.ok ? null : staff.error.message,
    }));
  },

  toggle: (visitId) =>
    set((s) => ({ ticked: s.ticked.includes(visitId) ? s.ticked.filter((id) => id !== visitId) : [...s.ticked, visitId] })),

  toggleStaff: (staffDayId) =>
    set((s) => ({ tickedStaff: s.tickedStaff.includes(staffDayId) ? s.tickedStaff.filter((id) => id !== staffDayId) : [...s.tickedStaff, staffDayId] })),

  setNote: (note) =>
    set((s) => {
      const fieldErrors = { ...s.fieldErrors };
      delete fieldErrors.note;
      return { note, fieldErrors };
    }),

  printList: async () => {
    if (get().printing) return;
    set({ printing: true, printError: null });
    const r = await invoke('rollcall.print', {});
    if (!r.ok) {
      const failure = handleFailure(r.error);
      if (!failure.locked) set({ printing: false, printError: failure.message });
      return;
    }
    set({ printing: false, print: r.value });
  },

  finish: async () => {
    const { saving, people, ticked, staff, tickedStaff, note } = get();
    if (saving) return;
    set({ saving: true, error: null, fieldErrors: {} });
    // Only people on the list as it stands: ticks are kept in list order so the record reads naturally.
    const accountedVisitIds = people.map((p) => p.visitId).filter((id) => ticked.includes(id));
    // Staff ticks go only when staff are on the list (left out, main takes none).
    const staffTicks = staff.length > 0 ? { accountedStaffDayIds: staff.map((p) => p.staffDayId).filter((id) => tickedStaff.includes(id)) } : {};
    const trimmed = note.trim();
    const r = await invoke('rollcall.save', { accountedVisitIds, ...staffTicks, ...(trimmed ? { note: trimmed } : {}) });
    if (!r.ok) {
      const failure = handleFailure(r.error);
      if (!failure.locked) set({ saving: false, error: failure.message, fieldErrors: failure.fields });
      return;
    }
    set({ saving: false, result: r.value });
  },

  startAgain: async () => {
    set({ ticked: [], tickedStaff: [], note: '', result: null, print: null, printError: null, error: null, fieldErrors: {} });
    await get().load();
  },
}));

forgetWhenLocked(useRollCallStore, initialRollCallState);
