import { create } from 'zustand';
import type { CommandInput, PrintStatus, StaffOnSite } from '../../shared/contract/index.js';
import { DEVICE_KIND_LABELS } from '../../shared/domain/devices.js';
import { formatTime } from '../../shared/domain/time.js';
import { invoke } from '../api.js';
import { handleFailure, type ActionResult } from '../lib/action-result.js';
import { now } from '../lib/clock.js';
import { announceChanged, onConsoleLocked, onRecordsChanged } from '../lib/console-events.js';
import { problemsWith, refusal } from '../lib/contract-check.js';
import { forgetWhenLocked } from '../lib/store-reset.js';
import { devicesWords } from './staff-day-words.js';

interface StaffDayData {
  /** Signed in now, by name (main's order). */
  staff: StaffOnSite[];
  /** The setting keeps staff phones in the safe during working hours. */
  phonesInSafe: boolean;
  loaded: boolean;
  loading: boolean;
  /** When the list was last read (the renderer's clock, which follows main's). */
  lastUpdated: string | null;
  error: string | null;
  /** Staff days whose break-time button was tapped and is being saved: the button waits, so it is sent once. */
  working: number[];
  /** What the last action did, in words. */
  notice: string | null;
  /** Why the last break-time action did nothing. */
  actionError: string | null;
}

type Phone = CommandInput<'staffDay.signIn'>['phone'];

interface StaffDayActions {
  load: () => Promise<void>;
  /** Signs in whoever unlocked this console, with their phone into the safe when given. */
  signIn: (phone: Phone) => Promise<ActionResult>;
  signOut: (collectPhone: boolean) => Promise<ActionResult>;
  /** Break: their devices in the safe back to them, all at once (staffDay.breakOut). */
  takeOut: (person: StaffOnSite) => Promise<ActionResult>;
  /** Back from break: what they took out, into the safe again under the receipt it came out of (staffDay.breakBack). */
  putBack: (person: StaffOnSite) => Promise<ActionResult>;
  /** A phone into the safe for someone signed in without one (custody.log, owner them). */
  phoneIn: (person: StaffOnSite, bagSlot: string, description: string) => Promise<ActionResult>;
}

export type StaffDayState = StaffDayData & StaffDayActions;

export function initialStaffDayState(): StaffDayData {
  return {
    staff: [], phonesInSafe: false, loaded: false, loading: false, lastUpdated: null, error: null, working: [], notice: null, actionError: null,
  };
}

// Bumped by each read and when the console locks: an older answer, or one read for the last session, is dropped.
let epoch = 0;

/** A receipt's printing, said after what was logged: only when it did not print, since then staff must act. */
function printWords(print: PrintStatus): string {
  return print.printed ? '' : ` The receipt did not print: ${print.reason}`;
}

function failed(error: Parameters<typeof handleFailure>[0]): ActionResult {
  const { message, fields } = handleFailure(error);
  return { ok: false, message, fields };
}

/** Staff on site: the Staff on site page, and Today's list of staff on duty whose phone is not in the safe. */
export const useStaffDayStore = create<StaffDayState>()((set, get) => {
  /** Runs a break-time action for one person: its button waits, and the lists are read again after it. */
  const forPerson = async (person: StaffOnSite, work: () => Promise<ActionResult & { notice?: string }>): Promise<ActionResult> => {
    if (get().working.includes(person.staffDayId)) return { ok: true };
    set((s) => ({ working: [...s.working, person.staffDayId], notice: null, actionError: null }));
    const r = await work();
    set((s) => ({
      working: s.working.filter((id) => id !== person.staffDayId),
      ...(r.ok ? { notice: r.notice ?? null } : { actionError: r.message }),
    }));
    if (r.ok) await announceChanged();
    return r;
  };

  const logAgain = async (person: StaffOnSite, items: CommandInput<'custody.log'>['items']) => {
    const input: CommandInput<'custody.log'> = { owner: { type: 'staff', staffId: person.staffId }, items };
    const refused = refusal(problemsWith('custody.log', input));
    if (refused) return refused;
    const r = await invoke('custody.log', input);
    if (!r.ok) return failed(r.error);
    const what = items.length === 1 ? `${person.displayName}'s ${DEVICE_KIND_LABELS[items[0]!.kind].toLowerCase()} is` : `${person.displayName}'s devices are`;
    return { ok: true as const, notice: `${what} in the safe (receipt ${r.value.receipt.receiptNumber}).${printWords(r.value.print)}` };
  };

  return {
    ...initialStaffDayState(),

    load: async () => {
      const mine = ++epoch;
      set({ loading: true });
      const r = await invoke('staffDay.onSite', {});
      if (mine !== epoch) return;
      if (!r.ok) {
        const failure = handleFailure(r.error);
        if (!failure.locked) set({ loading: false, error: failure.message });
        return;
      }
      set({ staff: r.value.staff, phonesInSafe: r.value.phonesInSafe, loading: false, loaded: true, lastUpdated: now().toISOString(), error: null });
    },

    signIn: async (phone) => {
      const input = { phone };
      const refused = refusal(problemsWith('staffDay.signIn', input));
      if (refused) return refused;
      const r = await invoke('staffDay.signIn', input);
      if (!r.ok) return failed(r.error);
      const { signedInAt, earlierDayClosed } = r.value;
      const phoneWords = r.value.phone ? ` Your phone is in the safe (receipt ${r.value.phone.receipt.receiptNumber}).${printWords(r.value.phone.print)}` : '';
      const earlier = earlierDayClosed ? ' You had not signed out last time: that day is closed as not signed out.' : '';
      set({ notice: `You signed in at ${formatTime(signedInAt)}.${phoneWords}${earlier}`, actionError: null });
      await announceChanged(r.value.phone ? { receipt: r.value.phone.receipt } : {});
      return { ok: true };
    },

    signOut: async (collectPhone) => {
      const r = await invoke('staffDay.signOut', { collectPhone });
      if (!r.ok) return failed(r.error);
      const { signedOutAt, takenFromSafe, stillInSafe, wasEarlierDay } = r.value;
      const out = wasEarlierDay ? 'Your last day, which you had not signed out of, is now closed.' : `You signed out at ${formatTime(signedOutAt)}.`;
      const taken = takenFromSafe > 0 ? ` ${takenFromSafe === 1 ? 'Your device is' : `Your ${takenFromSafe} devices are`} recorded as given back to you.` : '';
      const left = stillInSafe > 0 ? ` ${stillInSafe === 1 ? 'One device of yours is' : `${stillInSafe} devices of yours are`} still in the safe.` : '';
      set({ notice: `${out}${taken}${left}`, actionError: null });
      await announceChanged();
      return { ok: true };
    },

    takeOut: (person) => forPerson(person, async () => {
      const r = await invoke('staffDay.breakOut', { staffDayId: person.staffDayId });
      if (!r.ok) return failed(r.error);
      return { ok: true, notice: `${r.value.displayName} has their ${devicesWords(r.value.devices)} for their break.` };
    }),

    putBack: (person) => forPerson(person, async () => {
      const r = await invoke('staffDay.breakBack', { staffDayId: person.staffDayId });
      if (!r.ok) return failed(r.error);
      const receipts = [...new Set(r.value.devices.map((d) => d.receiptNumber))];
      const under = receipts.length === 1 ? `receipt ${receipts[0]!}, the one it first went in with` : `receipts ${receipts.join(' and ')}, the ones they first went in with`;
      const is = r.value.devices.length === 1 ? 'is' : 'are';
      return { ok: true, notice: `${r.value.displayName}'s ${devicesWords(r.value.devices)} ${is} back in the safe under ${under}. Nothing new to print.` };
    }),

    phoneIn: (person, bagSlot, description) => forPerson(person, () =>
      logAgain(person, [{ kind: 'phone', description: description.trim() || null, marks: null, bagSlot: bagSlot.trim() }])),
  };
});

forgetWhenLocked(useStaffDayStore, initialStaffDayState);
onConsoleLocked(() => {
  epoch += 1;
});
// Something changed in the safe or on site: the list, once read, is read again.
onRecordsChanged(() => {
  if (useStaffDayStore.getState().loaded) return useStaffDayStore.getState().load();
});
