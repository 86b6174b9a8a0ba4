import { SURNAME_RULE_TIMING, surnameAsChosen, visitorDetails, type CommandOutput, type KioskConfig, type SignInResult, type SignOutResult } from '../../shared/contract/index.js';
import { DEVICE_KINDS, type DeclaredDevice, type DeviceKind } from '../../shared/domain/devices.js';
import { nameBoxes } from '../../shared/domain/names.js';
import type { VisitorType } from '../../shared/domain/visitors.js';
import { fieldProblems } from '../../shared/invalid-input.js';

/** The kiosk's state machine: its steps, the data one visitor's turn collects, and pure helpers over it. */
export type KioskStep =
  | 'welcome'
  | 'details'
  | 'expectations'
  | 'devices'
  | 'done'
  | 'returningSearch'
  | 'returningConfirm'
  | 'signOutSearch'
  | 'signOutConfirm'
  | 'goodbye'
  | 'inviteScan'
  | 'inviteWelcome'
  // "I need to keep a device for my work": which device and what for, asked of the DSL (KeepDeviceStep.tsx).
  | 'keepDevice'
  // A member of staff signing in or out for the day: its own short path (src/renderer/staff/KioskStaffPath.tsx).
  | 'staff';

export type KioskFlow = 'new' | 'returning' | 'signOut' | 'invite' | 'staff';

/** What the kiosk learns from a scanned invitation: a short name, never the booking's details. */
export type InviteDetails = CommandOutput<'invite.lookup'>;

export interface VisitorDetails {
  /** The given name, or the only name (see PersonName). */
  firstName: string;
  /** The surname or family name; not sent for someone with only one name. */
  lastName: string;
  familyNameFirst: boolean;
  oneName: boolean;
  organisation: string;
  visitorType: VisitorType | null;
  visiting: string;
}

export type DeviceCounts = Record<DeviceKind, number>;

/** A search result, whichever search found it: `id` is a visitor id (returning) or a visit id (sign-out). */
export interface KioskMatch {
  id: number;
  displayName: string;
  organisation: string | null;
}

export interface SurnameSearch {
  text: string;
  status: 'idle' | 'searching' | 'done' | 'failed';
  matches: KioskMatch[];
  error: string | null;
}

export const SEARCH_DEBOUNCE_MS = 150;

export interface KioskData {
  config: KioskConfig | null;
  configStatus: 'loading' | 'ready' | 'failed';
  configError: string | null;
  step: KioskStep;
  /** Steps to go back to; cleared once a sign-in or sign-out is done, so "Back" cannot undo it. */
  history: KioskStep[];
  flow: KioskFlow | null;
  details: VisitorDetails;
  devices: DeviceCounts;
  search: SurnameSearch;
  chosen: KioskMatch | null;
  returningVisiting: string;
  needsAcknowledgement: boolean;
  acknowledgedVersionId: number | null;
  /** The signature drawn on the expectations screen when the setting asks for one (shared/domain/signature.ts). */
  signature: string | null;
  fieldErrors: Record<string, string>;
  error: string | null;
  busy: boolean;
  signedIn: SignInResult | null;
  signedOut: SignOutResult | null;
  /** The visitor badge, when the setting prints them: still printing, printed, or not printed. */
  badge: 'none' | 'printing' | 'printed' | 'failed';
  /** The safeguarding leaflet the visitor may ask for once signed in: not asked for, printing, printed, or not. */
  leaflet: 'none' | 'printing' | 'printed' | 'failed';
  /** The invitation code as scanned or typed, and what it opened. */
  inviteCode: string;
  invite: InviteDetails | null;
  keepRequest: KeepRequest;
}

/** The visitor's request to keep a device, as typed on the kiosk, and whether it reached the DSL once signed in. */
export interface KeepRequest {
  kind: DeviceKind | null;
  purpose: string;
  /** 'ready': asked for, sent once the visitor is signed in (a visit is what the DSL decides for). */
  status: 'none' | 'ready' | 'sending' | 'sent' | 'failed';
}


function noDevices(): DeviceCounts {
  return Object.fromEntries(DEVICE_KINDS.map((k) => [k, 0])) as DeviceCounts;
}

/** What one visitor leaves behind: everything except the kiosk's own configuration. */
export function visitorState(): Omit<KioskData, 'config' | 'configStatus' | 'configError'> {
  return {
    step: 'welcome',
    history: [],
    flow: null,
    details: { firstName: '', lastName: '', familyNameFirst: false, oneName: false, organisation: '', visitorType: null, visiting: '' },
    devices: noDevices(),
    search: { text: '', status: 'idle', matches: [], error: null },
    chosen: null,
    returningVisiting: '',
    needsAcknowledgement: false,
    acknowledgedVersionId: null,
    signature: null,
    fieldErrors: {},
    error: null,
    busy: false,
    signedIn: null,
    signedOut: null,
    badge: 'none',
    leaflet: 'none',
    inviteCode: '',
    invite: null,
    keepRequest: { kind: null, purpose: '', status: 'none' },
  };
}

export function initialKioskState(): KioskData {
  return { config: null, configStatus: 'loading', configError: null, ...visitorState() };
}

export function declaredDevices(devices: DeviceCounts): DeclaredDevice[] {
  return DEVICE_KINDS.filter((kind) => devices[kind] > 0).map((kind) => ({ kind, quantity: devices[kind] }));
}

/** The fields of the details step: a message from main about any of them sends the visitor back there. */
export const DETAIL_FIELDS: readonly string[] = Object.keys(visitorDetails.shape);

/** The rules visit.signInNew applies to these fields, the surname-or-one-name rule included. */
const detailsRules = visitorDetails.superRefine(surnameAsChosen, SURNAME_RULE_TIMING);

/**
 * The details checked against the contract's own rules (what is needed, lengths, hidden characters), so the
 * kiosk never lets through what main would refuse and states no rule of its own.
 */
export function checkDetails(d: VisitorDetails): Record<string, string> {
  const errors = fieldProblems(detailsRules, detailsToSend(d));
  // What the kiosk says more: a name left empty is asked for by the name on its box ("Given name",
  // "Family name", "Name", which change with the visitor's choices), and a missing surname points at the
  // tick box the visitor can use instead. Whether it is needed at all is still the contract's to say.
  for (const { field, label } of nameBoxes(d)) {
    if (!(field in errors) || d[field].trim() !== '') continue;
    errors[field] = field === 'lastName'
      ? `Please enter your ${label.toLowerCase()}, or tick "I have only one name".`
      : `Please enter your ${label.toLowerCase()}.`;
  }
  return errors;
}

/** The name and details as the sign-in command takes them: no surname at all for someone with one name. */
export function detailsToSend(d: VisitorDetails) {
  return {
    firstName: d.firstName,
    lastName: d.oneName || d.lastName.trim() === '' ? null : d.lastName,
    familyNameFirst: !d.oneName && d.familyNameFirst,
    oneName: d.oneName,
    organisation: d.organisation.trim() === '' ? null : d.organisation,
    visitorType: d.visitorType,
    visiting: d.visiting,
  };
}
