import { commandSchemas, type CommandOutput, type KioskConfig, type SignInResult, type SignOutResult } from '../../shared/contract.js';
import { DEVICE_KINDS, type DeclaredDevice, type DeviceKind } from '../../shared/domain/devices.js';
import type { VisitorType } from '../../shared/domain/visitors.js';

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
  | 'inviteWelcome';

export type KioskFlow = 'new' | 'returning' | 'signOut' | 'invite';

/** What the kiosk learns from a scanned invitation: a short name, never the booking's details. */
export type InviteDetails = CommandOutput<'invite.lookup'>;

export interface VisitorDetails {
  firstName: string;
  lastName: string;
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
  fieldErrors: Record<string, string>;
  error: string | null;
  busy: boolean;
  signedIn: SignInResult | null;
  signedOut: SignOutResult | null;
  /** The visitor badge, when the setting prints them: still printing, printed, or not printed. */
  badge: 'none' | 'printing' | 'printed' | 'failed';
  /** The invitation code as scanned or typed, and what it opened. */
  inviteCode: string;
  invite: InviteDetails | null;
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
    details: { firstName: '', lastName: '', organisation: '', visitorType: null, visiting: '' },
    devices: noDevices(),
    search: { text: '', status: 'idle', matches: [], error: null },
    chosen: null,
    returningVisiting: '',
    needsAcknowledgement: false,
    acknowledgedVersionId: null,
    fieldErrors: {},
    error: null,
    busy: false,
    signedIn: null,
    signedOut: null,
    badge: 'none',
    inviteCode: '',
    invite: null,
  };
}

export function initialKioskState(): KioskData {
  return { config: null, configStatus: 'loading', configError: null, ...visitorState() };
}

export function declaredDevices(devices: DeviceCounts): DeclaredDevice[] {
  return DEVICE_KINDS.filter((kind) => devices[kind] > 0).map((kind) => ({ kind, quantity: devices[kind] }));
}

export const DETAIL_FIELDS: readonly string[] = ['firstName', 'lastName', 'organisation', 'visitorType', 'visiting'];

// The contract's own rules for these fields (lengths, hidden characters), so the kiosk never lets through
// what main would refuse, and never states a rule of its own that could drift from main's.
const detailsSchema = commandSchemas['visit.signInNew'].input.pick({ firstName: true, lastName: true, organisation: true, visitorType: true, visiting: true });

export function checkDetails(d: VisitorDetails): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!d.firstName.trim()) errors.firstName = 'Please enter your first name.';
  if (!d.lastName.trim()) errors.lastName = 'Please enter your surname.';
  if (!d.visitorType) errors.visitorType = 'Choose the kind of visit from the list.';
  if (!d.visiting.trim()) errors.visiting = 'Please tell us who you are visiting, or why you are here.';
  const parsed = detailsSchema.safeParse(d);
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const field = String(issue.path[0] ?? '');
    if (field && !(field in errors)) errors[field] = issue.message;
  }
  return errors;
}
