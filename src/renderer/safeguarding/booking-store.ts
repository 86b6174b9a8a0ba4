import { create } from 'zustand';
import type { BookingView, CommandInput, CommandOutput } from '../../shared/contract/index.js';
import type { VisitorType } from '../../shared/domain/visitors.js';
import { invoke } from '../api.js';
import { dayLabel, todayUk } from '../lib/uk-clock.js';
import { problemsWith, refusal } from '../lib/contract-check.js';
import { handleFailure, withoutField, type ActionResult } from '../lib/action-result.js';
import { onRecordsChanged } from '../lib/console-events.js';
import { forgetWhenLocked } from '../lib/store-reset.js';
import { useSafeguardingStore } from './safeguarding-store.js';
import { fullName, nameBoxes } from '../../shared/domain/names.js';

/** The "Book a visitor" form as staff type it. */
export interface BookingDraft {
  firstName: string;
  lastName: string;
  familyNameFirst: boolean;
  oneName: boolean;
  organisation: string;
  visitorType: VisitorType | '';
  host: string;
  expectedDate: string;
  expectedTime: string;
}

export type BookingField = keyof BookingDraft;

interface BookingData {
  /** The day whose bookings are listed, or null for today: a console left open overnight moves to the new day. */
  date: string | null;
  bookings: BookingView[];
  loaded: boolean;
  loading: boolean;
  error: string | null;
  form: BookingDraft | null;
  busy: boolean;
  formError: string | null;
  fieldErrors: Record<string, string>;
  /** Invitation PDFs made this session, by booking, each with any warning about the name printed on it. */
  invites: Record<number, CommandOutput<'booking.invite'>>;
  inviting: number | null;
}

interface BookingActions {
  load: (date?: string) => Promise<void>;
  startBooking: () => void;
  cancelForm: () => void;
  setField: <K extends BookingField>(field: K, value: BookingDraft[K]) => void;
  submit: () => Promise<void>;
  cancelBooking: (booking: BookingView, reason: string) => Promise<ActionResult>;
  invite: (booking: BookingView) => Promise<void>;
}

export type BookingState = BookingData & BookingActions;

export function initialBookingState(): BookingData {
  return {
    date: null, bookings: [], loaded: false, loading: false, error: null,
    form: null, busy: false, formError: null, fieldErrors: {}, invites: {}, inviting: null,
  };
}

/** The form as booking.create takes it (the visitor type still '' until one is chosen, for the contract to name). */
function bookingInput(form: BookingDraft): CommandInput<'booking.create'> {
  return {
    firstName: form.firstName.trim(),
    lastName: form.oneName ? null : form.lastName.trim(),
    familyNameFirst: !form.oneName && form.familyNameFirst,
    oneName: form.oneName,
    organisation: form.organisation.trim() || null,
    visitorType: form.visitorType as VisitorType,
    host: form.host.trim(),
    expectedDate: form.expectedDate,
    expectedTime: form.expectedTime || null,
  };
}

/** What booking.create would refuse, by the contract's rules and in its words, with what this form says more. */
function checkBooking(d: BookingDraft): Record<string, string> {
  const fields = problemsWith('booking.create', bookingInput(d));
  // A name left empty is asked for by its box's name ("First name", "Family name", "Name", which change with
  // the choices), and a missing surname points at the tick box; whether it is needed is the contract's to say.
  for (const { field, label } of nameBoxes(d)) {
    if (!(field in fields) || d[field].trim() !== '') continue;
    fields[field] = field === 'lastName' ? `Enter their ${label.toLowerCase()}, or tick "Only one name".` : `Enter their ${label.toLowerCase()}.`;
  }
  // The contract cannot say this (it does not read the clock); main refuses a past date too.
  if (!('expectedDate' in fields) && d.expectedDate < todayUk()) fields.expectedDate = 'That date has already passed.';
  return fields;
}

/** The day a list is for: the one chosen, or today. */
export function shownDay(date: string | null): string {
  return date ?? todayUk();
}

// Only the newest list asked for is shown, whatever order the answers arrive in.
let listSeq = 0;

export const useBookingStore = create<BookingState>()((set, get) => ({
  ...initialBookingState(),

  load: async (date) => {
    const day = date ?? shownDay(get().date);
    const seq = ++listSeq;
    set({ date: day === todayUk() ? null : day, loading: true });
    const r = await invoke('booking.list', { date: day });
    if (seq !== listSeq) return;
    if (!r.ok) {
      const failure = handleFailure(r.error);
      if (!failure.locked) set({ loading: false, error: failure.message });
      return;
    }
    set({ loading: false, loaded: true, error: null, bookings: r.value.bookings });
  },

  startBooking: () => {
    const shown = shownDay(get().date);
    const date = shown >= todayUk() ? shown : todayUk();
    set({
      form: {
        firstName: '', lastName: '', familyNameFirst: false, oneName: false, organisation: '', visitorType: '', host: '', expectedDate: date,
        expectedTime: '',
      },
      formError: null, fieldErrors: {},
    });
    useSafeguardingStore.getState().setNotice(null);
  },

  cancelForm: () => set({ form: null, formError: null, fieldErrors: {}, busy: false }),

  setField: (field, value) =>
    set((s) => (s.form ? { form: { ...s.form, [field]: value }, fieldErrors: withoutField(s.fieldErrors, field) } : {})),

  submit: async () => {
    const { form, busy } = get();
    if (!form || busy) return;
    const fields = checkBooking(form);
    if (Object.keys(fields).length > 0) {
      set({ formError: 'Please check the answers marked below.', fieldErrors: fields });
      return;
    }
    set({ busy: true, formError: null, fieldErrors: {} });
    const r = await invoke('booking.create', bookingInput(form));
    if (!r.ok) {
      const { message, fields: serverFields, locked } = handleFailure(r.error);
      if (!locked) set({ busy: false, formError: message, fieldErrors: serverFields });
      return;
    }
    set({ busy: false, form: null });
    useSafeguardingStore.getState().setNotice(`${fullName(r.value)} is booked for ${dayLabel(r.value.expectedDate)}.`);
    await get().load(r.value.expectedDate);
  },

  cancelBooking: async (booking, reason) => {
    const input = { bookingId: booking.bookingId, reason: reason.trim() };
    const refused = refusal(problemsWith('booking.cancel', input));
    if (refused) return refused;
    const r = await invoke('booking.cancel', input);
    if (!r.ok) {
      const { message, fields } = handleFailure(r.error);
      return { ok: false, message, fields };
    }
    useSafeguardingStore.getState().setNotice(`The visit by ${fullName(booking)} is cancelled.`);
    await get().load();
    return { ok: true };
  },

  invite: async (booking) => {
    if (get().inviting !== null) return;
    set({ inviting: booking.bookingId, error: null });
    const r = await invoke('booking.invite', { bookingId: booking.bookingId });
    if (!r.ok) {
      const failure = handleFailure(r.error);
      if (!failure.locked) set({ inviting: null, error: failure.message });
      return;
    }
    set((s) => ({ inviting: null, invites: { ...s.invites, [booking.bookingId]: r.value } }));
  },
}));

forgetWhenLocked(useBookingStore, initialBookingState);
// A device exception approved or revoked changes a booking's line: the list, once read, is read again.
onRecordsChanged(() => {
  if (useBookingStore.getState().loaded) return useBookingStore.getState().load();
});
