import { create } from 'zustand';
import type { Reminder } from '../../shared/contract/index.js';
import { invoke } from '../api.js';
import { onRecordsChanged } from '../lib/console-events.js';
import { forgetWhenLocked } from '../lib/store-reset.js';

interface ReminderState {
  reminders: Reminder[];
  load: () => Promise<void>;
}

/** What the console reminds a DSL or administrator about (the annual review of the expectations). */
export const useReminderStore = create<ReminderState>()((set) => ({
  reminders: [],
  load: async () => {
    const r = await invoke('app.reminders', {});
    // A reminder is a nudge: if it cannot be read this time, the next refresh tries again.
    if (r.ok) set({ reminders: r.value.reminders });
  },
}));

forgetWhenLocked(useReminderStore, () => ({ reminders: [] }));
// A review recorded, a new version published, an audit check run: the banner follows at once.
onRecordsChanged(() => useReminderStore.getState().load());
