import { create } from 'zustand';
import type { ReportView } from '../../shared/contract/index.js';
import type { ReportKind } from '../../shared/domain/reports.js';
import { invoke } from '../api.js';
import { todayUk } from '../lib/uk-clock.js';
import { forgetWhenLocked } from '../lib/store-reset.js';

interface ReportsState {
  kind: ReportKind;
  from: string;
  to: string;
  report: ReportView | null;
  exported: { documentId: string; fileName: string; rows: number } | null;
  error: string | null;
  fieldErrors: Record<string, string>;
  busy: boolean;
  set(change: Partial<Pick<ReportsState, 'kind' | 'from' | 'to'>>): void;
  show(): Promise<void>;
  exportAs(format: 'csv' | 'pdf'): Promise<void>;
  reset(): void;
}

// Both ends of the range start at today on the UK calendar.
const initial = () => ({ kind: 'visitors' as ReportKind, from: todayUk(), to: todayUk(), report: null, exported: null, error: null, fieldErrors: {}, busy: false });

export const useReportsStore = create<ReportsState>((set, get) => ({
  ...initial(),
  set: (change) => set({ ...change, report: null, exported: null, error: null, fieldErrors: {} }),
  async show() {
    const { kind, from, to } = get();
    set({ busy: true, error: null, fieldErrors: {}, exported: null });
    const result = await invoke('report.get', { kind, from, to });
    if (!result.ok) return set({ busy: false, report: null, error: result.error.message, fieldErrors: result.error.fields ?? {} });
    set({ busy: false, report: result.value });
  },
  async exportAs(format) {
    const { kind, from, to } = get();
    set({ busy: true, error: null, fieldErrors: {} });
    const result = await invoke('report.export', { kind, from, to, format });
    if (!result.ok) return set({ busy: false, error: result.error.message, fieldErrors: result.error.fields ?? {} });
    set({ busy: false, exported: result.value });
  },
  reset: () => set(initial()),
}));

forgetWhenLocked(useReportsStore, initial);
