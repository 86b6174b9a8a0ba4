import { create } from 'zustand';
import type { AuditEntryView, AuditVerification, CommandInput } from '../../shared/contract/index.js';
import { invoke } from '../api.js';
import { handleFailure } from '../lib/action-result.js';
import { forgetWhenLocked } from '../lib/store-reset.js';
import { announceChanged } from '../lib/console-events.js';

/** How many entries one page of the trail shows; "Show older" asks for the next page before the last one. */
export const AUDIT_PAGE_SIZE = 50;

export interface AuditFilters {
  from: string;
  to: string;
  action: string;
  actor: string;
}

type AuditQuery = CommandInput<'audit.list'>;

interface AuditData {
  filters: AuditFilters;
  /** The filters the entries on screen were read with: "Show older" keeps to them even if the boxes changed. */
  applied: AuditQuery | null;
  entries: AuditEntryView[];
  moreBefore: number | null;
  loaded: boolean;
  loading: boolean;
  loadingOlder: boolean;
  error: string | null;
  fieldErrors: Record<string, string>;
  verification: AuditVerification | null;
  verifying: boolean;
  verifyError: string | null;
}

interface AuditActions {
  setFilter: (change: Partial<AuditFilters>) => void;
  /** Reads the newest page for the filters as typed. */
  search: () => Promise<void>;
  showOlder: () => Promise<void>;
  verify: () => Promise<void>;
  clearFilters: () => Promise<void>;
  reset: () => void;
}

export type AuditState = AuditData & AuditActions;

const NO_FILTERS: AuditFilters = { from: '', to: '', action: '', actor: '' };

export function initialAuditState(): AuditData {
  return {
    filters: NO_FILTERS, applied: null, entries: [], moreBefore: null, loaded: false, loading: false, loadingOlder: false,
    error: null, fieldErrors: {}, verification: null, verifying: false, verifyError: null,
  };
}

/**
 * The audit.list input for the filters as typed: a blank box is no filter (left out, not sent empty); action
 * names are lower case in the trail, so "Visit.Sign_In" finds visit.sign_in.
 */
export function auditQuery(filters: AuditFilters): AuditQuery {
  const query: AuditQuery = {};
  if (filters.from !== '') query.from = filters.from;
  if (filters.to !== '') query.to = filters.to;
  const action = filters.action.trim().toLowerCase();
  if (action !== '') query.action = action;
  const actor = filters.actor.trim();
  if (actor !== '') query.actor = actor;
  query.limit = AUDIT_PAGE_SIZE;
  return query;
}

/** What the form can say before asking main. */
function checkFilters(filters: AuditFilters): Record<string, string> {
  if (filters.from !== '' && filters.to !== '' && filters.from > filters.to) return { to: 'The last day must not be before the first day.' };
  return {};
}

export const useAuditStore = create<AuditState>()((set, get) => ({
  ...initialAuditState(),

  setFilter: (change) => set((s) => ({ filters: { ...s.filters, ...change }, fieldErrors: {} })),

  search: async () => {
    const { filters } = get();
    const problems = checkFilters(filters);
    if (Object.keys(problems).length > 0) return set({ fieldErrors: problems, error: null });
    const query = auditQuery(filters);
    set({ loading: true, error: null, fieldErrors: {} });
    const r = await invoke('audit.list', query);
    if (!r.ok) {
      const failure = handleFailure(r.error);
      if (!failure.locked) set({ loading: false, error: failure.message, fieldErrors: failure.fields });
      return;
    }
    set({ loading: false, loaded: true, applied: query, entries: r.value.entries, moreBefore: r.value.moreBefore });
  },

  showOlder: async () => {
    const { applied, moreBefore, loadingOlder } = get();
    if (applied === null || moreBefore === null || loadingOlder) return;
    set({ loadingOlder: true, error: null });
    const r = await invoke('audit.list', { ...applied, beforeId: moreBefore });
    if (!r.ok) {
      const failure = handleFailure(r.error);
      if (!failure.locked) set({ loadingOlder: false, error: failure.message });
      return;
    }
    set((s) => ({ loadingOlder: false, entries: [...s.entries, ...r.value.entries], moreBefore: r.value.moreBefore }));
  },

  verify: async () => {
    if (get().verifying) return;
    set({ verifying: true, verification: null, verifyError: null });
    const r = await invoke('audit.verify', {});
    if (!r.ok) {
      const failure = handleFailure(r.error);
      if (!failure.locked) set({ verifying: false, verifyError: failure.message });
      return;
    }
    set({ verifying: false, verification: r.value });
    // The banner above every page shows what the host's last check found: it just changed.
    await announceChanged();
  },

  clearFilters: async () => {
    set({ filters: NO_FILTERS, fieldErrors: {} });
    await get().search();
  },

  reset: () => set(initialAuditState()),
}));

forgetWhenLocked(useAuditStore, initialAuditState);
