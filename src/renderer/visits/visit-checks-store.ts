import { create } from 'zustand';
import type { OnSiteVisit } from '../../shared/contract/index.js';
import { invoke } from '../api.js';
import { useConsoleStore } from '../console/console-store.js';
import { forgetWhenLocked, handleFailure } from '../custody/custody-shared.js';
import { now } from '../lib/clock.js';

interface VisitChecksState {
  saving: number | null;
  /** The last failure, for the visit it belongs to. */
  error: { visitId: number; message: string } | null;
  record: (visit: OnSiteVisit, checks: { photoIdChecked: boolean; dbsAssuranceSeen: boolean }) => Promise<void>;
}

type Checks = Pick<OnSiteVisit, 'photoIdCheckedAt' | 'dbsAssuranceSeenAt'>;

function patchVisit(visitId: number, checks: Checks): void {
  useConsoleStore.setState((s) => ({ onSite: s.onSite.map((v) => (v.visitId === visitId ? { ...v, ...checks } : v)) }));
}

/** Photo ID and the employer's DBS assurance, ticked for visiting professionals on the on-site list. */
export const useVisitChecksStore = create<VisitChecksState>()((set, get) => ({
  saving: null,
  error: null,
  record: async (visit, checks) => {
    if (get().saving !== null) return;
    const before: Checks = { photoIdCheckedAt: visit.photoIdCheckedAt, dbsAssuranceSeenAt: visit.dbsAssuranceSeenAt };
    // The tick shows at once; main's answer then gives the time it was recorded (or takes the tick back).
    const at = now().toISOString();
    patchVisit(visit.visitId, {
      photoIdCheckedAt: checks.photoIdChecked ? (before.photoIdCheckedAt ?? at) : null,
      dbsAssuranceSeenAt: checks.dbsAssuranceSeen ? (before.dbsAssuranceSeenAt ?? at) : null,
    });
    set({ saving: visit.visitId, error: null });
    const r = await invoke('visit.recordChecks', { visitId: visit.visitId, ...checks });
    if (!r.ok) {
      const failure = handleFailure(r.error);
      if (failure.locked) return;
      patchVisit(visit.visitId, before);
      set({ saving: null, error: { visitId: visit.visitId, message: failure.message } });
      return;
    }
    patchVisit(visit.visitId, { photoIdCheckedAt: r.value.photoIdCheckedAt, dbsAssuranceSeenAt: r.value.dbsAssuranceSeenAt });
    set({ saving: null });
  },
}));

forgetWhenLocked(() => useVisitChecksStore.setState({ saving: null, error: null }));
