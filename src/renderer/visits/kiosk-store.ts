import { create } from 'zustand';
import { MAX_DEVICES_PER_KIND, type DeviceKind } from '../../shared/domain/devices.js';
import { normaliseScanCode } from '../../shared/domain/scan-code.js';
import { invoke } from '../api.js';
import {
  checkDetails,
  declaredDevices,
  DETAIL_FIELDS,
  detailsToSend,
  initialKioskState,
  SEARCH_DEBOUNCE_MS,
  visitorState,
  type KioskData,
  type KioskFlow,
  type KioskMatch,
  type KioskStep,
  type VisitorDetails,
} from './kiosk-model.js';
import { resettable } from '../lib/store-reset.js';
import { signatureProblem } from '../../shared/domain/signature.js';

export * from './kiosk-model.js';

/**
 * The kiosk's actions. Everything a visitor types or picks lives in this store, so that resetting it (idle
 * timeout, "Start again", "Finish") really forgets it: nothing survives in component state.
 */
interface KioskActions {
  loadConfig: (options?: { quiet?: boolean }) => Promise<void>;
  reset: () => void;
  back: () => void;
  startNew: () => void;
  startReturning: () => void;
  startSignOut: () => void;
  setDetail: <K extends keyof VisitorDetails>(field: K, value: VisitorDetails[K]) => void;
  /** "My family name comes first": the boxes swap labels, and what is typed in each box stays where it is. */
  setFamilyNameFirst: (on: boolean) => void;
  /** "I have only one name": one box, and no surname sent. */
  setOneName: (on: boolean) => void;
  submitDetails: () => void;
  acknowledge: () => void;
  /** What the visitor has drawn in the signature box so far (null: nothing, or cleared). */
  setSignature: (path: string | null) => void;
  addDevice: (kind: DeviceKind) => void;
  removeDevice: (kind: DeviceKind) => void;
  submitSignIn: () => Promise<void>;
  /** The visitor just signed in asks for the safeguarding leaflet: printed once, on the office's A4 printer. */
  printLeaflet: () => Promise<void>;
  setSearchText: (text: string) => void;
  pickMatch: (id: number) => void;
  setReturningVisiting: (text: string) => void;
  confirmReturning: () => Promise<void>;
  confirmSignOut: () => Promise<void>;
  /** A badge's QR scanned into the surname box signs that visitor out in one go. */
  signOutByBadge: (code: string) => Promise<void>;
  startInvite: () => void;
  /** A member of staff signing in or out for the day: what they type lives in the staff path's own store. */
  startStaff: () => void;
  setInviteCode: (code: string) => void;
  /** Looks up the code a scanner typed (or the one in the box) and greets the visitor it belongs to. */
  lookupInvite: (scanned?: string) => Promise<void>;
  continueInvite: () => void;
}

export type KioskState = KioskData & KioskActions;

// Bumped by every reset: an answer that arrives for a visitor who has gone must not reach the next one.
let generation = 0;
let searchTimer: ReturnType<typeof setTimeout> | undefined;
// Bumped by every search; only the newest search's answer is shown, whatever order answers arrive in.
let searchSeq = 0;
let configSeq = 0;

/** Drops answers still on their way for the visitor at the screen, and any search waiting to start. */
function dropVisitorWork(): void {
  generation += 1;
  searchSeq += 1;
  clearTimeout(searchTimer);
}

/** As above, and a configuration answer too (tests use it between cases). */
export function forgetPendingWork(): void {
  dropVisitorWork();
  configSeq += 1;
}

export const useKioskStore = create<KioskState>()((set, get) => {
  /** Move forward, remembering where we were so "Back" returns there. */
  const go = (step: KioskStep, patch: Partial<KioskData> = {}) =>
    set((s) => ({ step, history: [...s.history, s.step], error: null, ...patch }));

  /** Return to an earlier step of this visit (to fix something), or move forward if it was never shown. */
  const jumpTo = (step: KioskStep, patch: Partial<KioskData> = {}) =>
    set((s) => {
      const at = s.history.lastIndexOf(step);
      const history = at >= 0 ? s.history.slice(0, at) : [...s.history, s.step];
      return { step, history, error: null, ...patch };
    });

  const start = (flow: KioskFlow, step: KioskStep) => {
    dropVisitorWork();
    set({ ...visitorState(), flow });
    go(step);
    // The kiosk may have waited on its welcome screen since the office changed something it shows (a leaflet
    // published, the loss-and-damage line reworded): read again while this visitor types, quietly.
    if (get().config) void get().loadConfig({ quiet: true });
  };

  const runSearch = async (prefix: string) => {
    const seq = ++searchSeq;
    const flow = get().flow;
    let matches: KioskMatch[];
    let failure: string | null = null;
    if (flow === 'signOut') {
      const r = await invoke('visit.findOnSite', { surnamePrefix: prefix });
      matches = r.ok ? r.value.matches.map((m) => ({ id: m.visitId, displayName: m.displayName, organisation: m.organisation })) : [];
      if (!r.ok) failure = r.error.message;
    } else {
      const r = await invoke('visitor.findReturning', { surnamePrefix: prefix });
      matches = r.ok ? r.value.matches.map((m) => ({ id: m.visitorId, displayName: m.displayName, organisation: m.organisation })) : [];
      if (!r.ok) failure = r.error.message;
    }
    if (seq !== searchSeq) return;
    set((s) => ({ search: { ...s.search, status: failure ? 'failed' : 'done', matches, error: failure } }));
  };

  return {
    ...initialKioskState(),

    loadConfig: async ({ quiet = false } = {}) => {
      if (!quiet) set({ configStatus: 'loading', configError: null });
      const seq = ++configSeq;
      const r = await invoke('kiosk.config', {});
      if (seq !== configSeq) return;
      if (r.ok) set({ config: r.value, configStatus: 'ready', configError: null });
      // A quiet refresh that fails keeps the configuration the kiosk already has.
      else if (!quiet || !get().config) set({ configStatus: 'failed', configError: r.error.message });
    },

    reset: () => {
      forgetPendingWork();
      set(visitorState());
      // Pick up a new expectations version or idle time before the next visitor.
      if (get().config) void get().loadConfig({ quiet: true });
    },

    back: () => {
      const { history } = get();
      const previous = history[history.length - 1];
      if (!previous) return;
      // Backing out to the welcome screen ends this visitor's turn: forget what they typed.
      if (previous === 'welcome') return get().reset();
      set({ step: previous, history: history.slice(0, -1), error: null });
    },

    startNew: () => start('new', 'details'),
    startReturning: () => start('returning', 'returningSearch'),
    startSignOut: () => start('signOut', 'signOutSearch'),

    setDetail: (field, value) =>
      set((s) => {
        const fieldErrors = { ...s.fieldErrors };
        delete fieldErrors[field];
        return { details: { ...s.details, [field]: value }, fieldErrors };
      }),

    setFamilyNameFirst: (on) =>
      set((s) => {
        if (s.details.familyNameFirst === on) return {};
        // The visitor types their name in the order they write it, so the text in the first box is the name
        // they wrote first: only what it is called changes.
        // A message under a box named something else now would mislead, so they go until the next check.
        const { firstName, lastName, ...rest } = s.details;
        const { firstName: _, lastName: __, ...fieldErrors } = s.fieldErrors;
        return { details: { ...rest, firstName: lastName, lastName: firstName, familyNameFirst: on }, fieldErrors };
      }),

    setOneName: (on) =>
      set((s) => {
        const { firstName: _, lastName: __, ...fieldErrors } = s.fieldErrors;
        return { details: { ...s.details, oneName: on }, fieldErrors };
      }),

    submitDetails: () => {
      const fieldErrors = checkDetails(get().details);
      if (Object.keys(fieldErrors).length > 0) {
        set({ fieldErrors, error: 'Please check the answers marked below.' });
        return;
      }
      go('expectations', { fieldErrors: {} });
    },

    acknowledge: () => {
      const { config, signature } = get();
      if (!config) return;
      if (config.askForSignature && !signed(signature)) {
        set({ error: 'Please sign your name in the box with your finger first.' });
        return;
      }
      go('devices', { acknowledgedVersionId: config.policy.versionId });
    },

    setSignature: (signature) => set({ signature, error: null }),

    addDevice: (kind) =>
      set((s) => ({ devices: { ...s.devices, [kind]: Math.min(MAX_DEVICES_PER_KIND, s.devices[kind] + 1) }, error: null })),

    removeDevice: (kind) =>
      set((s) => ({ devices: { ...s.devices, [kind]: Math.max(0, s.devices[kind] - 1) } })),

    submitSignIn: async () => {
      const s = get();
      if (s.busy || !s.config) return;
      const mustAcknowledge = s.flow === 'new' || s.needsAcknowledgement;
      if (mustAcknowledge && (s.acknowledgedVersionId !== s.config.policy.versionId || (s.config.askForSignature && !signed(s.signature)))) {
        jumpTo('expectations', { error: 'Please read the expectations and tap "I have read and will follow these".' });
        return;
      }
      const { visitorType } = s.details;
      if (s.flow === 'new' && (!visitorType || Object.keys(checkDetails(s.details)).length > 0)) {
        jumpTo('details', { fieldErrors: checkDetails(s.details), error: 'Please check the answers marked below.' });
        return;
      }
      if (s.flow === 'returning' && !s.chosen) return;
      if (s.flow === 'invite' && !s.invite) return;
      const gen = generation;
      set({ busy: true, error: null });
      const devices = declaredDevices(s.devices);
      const r =
        s.flow === 'new' && visitorType
          ? await invoke('visit.signInNew', {
              ...detailsToSend(s.details),
              visitorType,
              policyVersionId: s.config.policy.versionId,
              devices,
              ...withSignature(s.signature),
            })
          : s.flow === 'invite'
          ? await invoke('visit.signInWithInvite', {
              code: s.inviteCode,
              acknowledgedPolicyVersionId: s.needsAcknowledgement ? s.acknowledgedVersionId : null,
              devices,
              ...withSignature(s.needsAcknowledgement ? s.signature : null),
            })
          : await invoke('visit.signInReturning', {
              visitorId: s.chosen?.id ?? 0,
              visiting: s.returningVisiting.trim() === '' ? null : s.returningVisiting,
              acknowledgedPolicyVersionId: s.needsAcknowledgement ? s.acknowledgedVersionId : null,
              devices,
              ...withSignature(s.needsAcknowledgement ? s.signature : null),
            });
      if (gen !== generation) return;
      if (r.ok) {
        const code = r.value.badgeCode;
        set({ busy: false, step: 'done', history: [], signedIn: r.value, error: null, badge: code ? 'printing' : 'none' });
        if (code) {
          const printed = await invoke('badge.print', { code });
          if (gen !== generation) return;
          set({ badge: printed.ok && printed.value.print.printed ? 'printed' : 'failed' });
        }
        return;
      }
      set({ busy: false });
      const { code, message, fields = {} } = r.error;
      if (code === 'stale_policy') {
        await get().loadConfig({ quiet: true });
        if (gen !== generation) return;
        // New words, or a signature the kiosk did not know to ask for: read (and sign) again.
        jumpTo('expectations', { error: message, needsAcknowledgement: true, acknowledgedVersionId: null, signature: null });
        return;
      }
      if ('signature' in fields) {
        jumpTo('expectations', { error: message, acknowledgedVersionId: null, signature: null });
        return;
      }
      const fieldNames = Object.keys(fields);
      if (s.flow === 'new' && fieldNames.some((f) => DETAIL_FIELDS.includes(f))) {
        jumpTo('details', { error: message, fieldErrors: fields });
      } else if (s.flow === 'returning' && 'visiting' in fields) {
        jumpTo('returningConfirm', { error: message, fieldErrors: fields });
      } else {
        set({ error: message });
      }
    },

    printLeaflet: async () => {
      const { signedIn, leaflet } = get();
      if (!signedIn || leaflet !== 'none') return;
      const gen = generation;
      set({ leaflet: 'printing' });
      const r = await invoke('leaflet.printForVisitor', { visitId: signedIn.visitId });
      if (gen !== generation) return;
      set({ leaflet: r.ok && r.value.printed ? 'printed' : 'failed' });
    },

    setSearchText: (text) => {
      clearTimeout(searchTimer);
      const prefix = text.trim();
      if (prefix === '') {
        searchSeq += 1;
        set({ search: { text, status: 'idle', matches: [], error: null } });
        return;
      }
      set((s) => ({ search: { ...s.search, text, status: 'searching' } }));
      searchTimer = setTimeout(() => void runSearch(prefix), SEARCH_DEBOUNCE_MS);
    },

    pickMatch: (id) => {
      const s = get();
      const chosen = s.search.matches.find((m) => m.id === id);
      if (!chosen) return;
      go(s.flow === 'signOut' ? 'signOutConfirm' : 'returningConfirm', { chosen, fieldErrors: {} });
    },

    setReturningVisiting: (text) =>
      set((s) => {
        const fieldErrors = { ...s.fieldErrors };
        delete fieldErrors.visiting;
        return { returningVisiting: text, fieldErrors };
      }),

    confirmReturning: async () => {
      const s = get();
      if (s.busy || !s.chosen) return;
      const gen = generation;
      set({ busy: true, error: null });
      const r = await invoke('visitor.returningStatus', { visitorId: s.chosen.id });
      if (gen !== generation) return;
      if (!r.ok) {
        set({ busy: false, error: r.error.message });
        return;
      }
      const needsAcknowledgement = r.value.needsAcknowledgement;
      go(needsAcknowledgement ? 'expectations' : 'devices', { busy: false, needsAcknowledgement });
    },

    confirmSignOut: async () => {
      const s = get();
      if (s.busy || !s.chosen) return;
      const gen = generation;
      set({ busy: true, error: null });
      const r = await invoke('visit.signOut', { visitId: s.chosen.id });
      if (gen !== generation) return;
      if (r.ok) set({ busy: false, step: 'goodbye', history: [], signedOut: r.value });
      else set({ busy: false, error: r.error.message });
    },

    signOutByBadge: async (code) => {
      if (get().busy) return;
      const gen = generation;
      set({ busy: true, error: null });
      const r = await invoke('visit.signOutByBadge', { code });
      if (gen !== generation) return;
      if (r.ok) set({ busy: false, step: 'goodbye', history: [], signedOut: r.value });
      else set({ busy: false, error: r.error.message });
    },

    startInvite: () => start('invite', 'inviteScan'),

    startStaff: () => start('staff', 'staff'),

    setInviteCode: (inviteCode) => set({ inviteCode, error: null }),

    lookupInvite: async (scanned) => {
      const s = get();
      if (s.busy) return;
      const code = normaliseScanCode(scanned ?? s.inviteCode);
      if (code === '') {
        set({ error: 'Scan the QR code on your invitation, or type the code printed under it.' });
        return;
      }
      const gen = generation;
      set({ busy: true, error: null, inviteCode: code });
      const r = await invoke('invite.lookup', { code });
      if (gen !== generation) return;
      if (!r.ok) {
        // The box is emptied so the next scan starts clean.
        set({ busy: false, inviteCode: '', error: r.error.message });
        return;
      }
      go('inviteWelcome', { busy: false, invite: r.value, needsAcknowledgement: r.value.needsAcknowledgement });
    },

    continueInvite: () => {
      const invite = get().invite;
      if (invite) go(invite.needsAcknowledgement ? 'expectations' : 'devices');
    },
  };
});

/** Whether what was drawn is a signature main will keep (enough ink, nothing but strokes). */
function signed(signature: string | null): boolean {
  return signature !== null && signatureProblem(signature) === null;
}

/** The signature to send with a sign-in: left out when none was drawn (the setting does not ask for one). */
function withSignature(signature: string | null): { signature?: string } {
  return signature === null ? {} : { signature };
}

// A test's half-finished kiosk work (a config read, a sign-in in flight) must not land in the next test.
resettable(useKioskStore, () => {
  forgetPendingWork();
  return initialKioskState();
});
