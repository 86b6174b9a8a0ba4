import { z } from 'zod';
import { DEVICE_KINDS, MAX_DEVICES_PER_KIND, type DeviceKind } from './domain/devices.js';
import type { RequiredRole, StaffRole } from './domain/roles.js';
import { REACK_MODES, SETTING_KINDS, type ReackMode, type SettingKind } from './domain/setting.js';
import { VISITOR_TYPES, type VisitorType } from './domain/visitors.js';
import { empty, id, oneOf, optionalText, pin, text } from './validation.js';

/**
 * The one table of commands the renderer may call. Each entry names the role it needs, the schema that
 * main validates every input against, and (as a type only) what it answers. Both transports carry exactly
 * these commands, and main must implement every one of them (see src/main/commands/handlers.ts).
 */

const devices = z
  .array(
    z.object({
      kind: oneOf(DEVICE_KINDS, 'That kind of device is not one the kiosk knows.'),
      quantity: z
        .number({ error: 'How many must be a number.' })
        .int({ error: 'How many must be a whole number.' })
        .min(1, { error: 'How many must be at least 1.' })
        .max(MAX_DEVICES_PER_KIND, { error: `At most ${MAX_DEVICES_PER_KIND} of one kind.` }),
    }).strict(),
    { error: 'The list of devices is not valid.' },
  )
  .max(DEVICE_KINDS.length, { error: 'Each kind of device can be listed once.' })
  .refine((list) => new Set(list.map((d) => d.kind)).size === list.length, {
    error: 'Each kind of device can be listed once.',
  });

const surnamePrefix = z
  .string({ error: 'Type the first letters of your surname.' })
  .max(200, { error: 'That is too long for a surname.' })
  .transform((s) => s.normalize('NFC').trim())
  .pipe(
    z.string()
      .min(1, { error: 'Type the first letters of your surname.' })
      .max(80, { error: 'That is too long for a surname.' }),
  );

const newStaffPin = z
  .object({ pin, pinAgain: z.string({ error: 'Please type the PIN again.' }) })
  .refine((v) => v.pin === v.pinAgain, { error: 'The two PINs are not the same.', path: ['pinAgain'] });

export const commandSchemas = {
  // --- the kiosk (no staff session) ---------------------------------------------------------------
  'app.status': { role: 'kiosk', input: empty },
  'setup.create': {
    role: 'kiosk',
    input: z
      .object({
        settingName: text('The setting name', 120),
        settingKind: oneOf(SETTING_KINDS, 'Choose nursery or school.'),
        adminName: text('Your name', 80),
        pin,
        pinAgain: z.string({ error: 'Please type the PIN again.' }),
        expectationsTemplate: oneOf(SETTING_KINDS, 'Choose which default expectations to start from.'),
      })
      .strict()
      .refine((v) => v.pin === v.pinAgain, { error: 'The two PINs are not the same.', path: ['pinAgain'] }),
  },
  'kiosk.config': { role: 'kiosk', input: empty },
  'visitor.findReturning': { role: 'kiosk', input: z.object({ surnamePrefix }).strict() },
  'visitor.returningStatus': { role: 'kiosk', input: z.object({ visitorId: id('Visitor') }).strict() },
  'visit.signInNew': {
    role: 'kiosk',
    input: z
      .object({
        firstName: text('Your first name', 80),
        lastName: text('Your surname', 80),
        organisation: optionalText('Organisation', 120),
        visitorType: oneOf(VISITOR_TYPES, 'Choose the kind of visit from the list.'),
        visiting: text('Who you are visiting or why', 200),
        policyVersionId: id('Expectations version'),
        devices,
      })
      .strict(),
  },
  'visit.signInReturning': {
    role: 'kiosk',
    input: z
      .object({
        visitorId: id('Visitor'),
        visiting: optionalText('Who you are visiting or why', 200),
        acknowledgedPolicyVersionId: id('Expectations version').nullable().optional(),
        devices,
      })
      .strict(),
  },
  'visit.findOnSite': { role: 'kiosk', input: z.object({ surnamePrefix }).strict() },
  'visit.signOut': { role: 'kiosk', input: z.object({ visitId: id('Visit') }).strict() },
  'staff.listForUnlock': { role: 'kiosk', input: empty },
  'staff.unlock': { role: 'kiosk', input: z.object({ staffId: id('Staff member'), pin }).strict() },
  'staff.lock': { role: 'kiosk', input: empty },
  'staff.session': { role: 'kiosk', input: empty },

  // --- the staff console --------------------------------------------------------------------------
  'console.onSite': { role: 'office', input: empty },
  'console.pendingHandovers': { role: 'office', input: empty },
  'staff.changeOwnPin': {
    role: 'office',
    input: z
      .object({ currentPin: pin, newPin: newStaffPin })
      .strict(),
  },

  // --- administration and safeguarding ------------------------------------------------------------
  'settings.get': { role: 'admin', input: empty },
  'settings.update': {
    role: 'admin',
    input: z
      .object({
        idleSeconds: z.number({ error: 'Idle time must be a number of seconds.' }).int().min(30, { error: 'Idle time must be at least 30 seconds.' }).max(1800, { error: 'Idle time must be at most 30 minutes.' }).optional(),
        consoleLockSeconds: z.number({ error: 'Console lock time must be a number of seconds.' }).int().min(60, { error: 'The console must stay open at least a minute.' }).max(3600, { error: 'The console must lock within an hour.' }).optional(),
        reacknowledge: oneOf(REACK_MODES, 'Choose every visit or only when the expectations change.').optional(),
      })
      .strict()
      .refine((v) => Object.keys(v).length > 0, { error: 'Nothing to change.' }),
  },
  'audit.verify': { role: 'dsl', input: empty },
} as const satisfies Record<string, { role: RequiredRole; input: z.ZodType }>;

export type CommandName = keyof typeof commandSchemas;
export const COMMAND_NAMES = Object.keys(commandSchemas) as CommandName[];

export function isCommandName(name: unknown): name is CommandName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(commandSchemas, name);
}

/** What the caller sends (before validation) and what the handler receives (after it). */
export type CommandInput<N extends CommandName> = z.input<(typeof commandSchemas)[N]['input']>;
export type ParsedInput<N extends CommandName> = z.output<(typeof commandSchemas)[N]['input']>;

// --- answers ---------------------------------------------------------------------------------------

export interface AppStatus {
  setUp: boolean;
  settingName: string | null;
}

export interface PolicyText {
  versionId: number;
  version: number;
  title: string;
  summary: string[];
  fullText: string;
}

export interface KioskConfig {
  settingName: string;
  settingKind: SettingKind;
  idleSeconds: number;
  /** How long the "are you still there?" warning stays up before the kiosk resets. */
  idleWarningSeconds: number;
  consoleLockSeconds: number;
  policy: PolicyText;
}

/** What the public kiosk may show about a person: never a full surname. */
export interface KioskPersonMatch {
  displayName: string;
  organisation: string | null;
}

export interface ReturningMatch extends KioskPersonMatch {
  visitorId: number;
}

export interface OnSiteMatch extends KioskPersonMatch {
  visitId: number;
}

export interface SignInResult {
  visitId: number;
  firstName: string;
  devicesToHandIn: number;
}

export interface SignOutResult {
  firstName: string;
  /** Devices the visitor declared that the office has not yet logged: they may still be at the desk. */
  devicesDeclaredNotLogged: number;
}

export interface StaffSummary {
  id: number;
  displayName: string;
}

export interface StaffSessionInfo {
  staffId: number;
  displayName: string;
  roles: StaffRole[];
  expiresAt: string;
}

export interface OnSiteVisit {
  visitId: number;
  visitorId: number;
  firstName: string;
  lastName: string;
  organisation: string | null;
  visitorType: VisitorType;
  visiting: string;
  signedInAt: string;
  policyVersion: number;
  devicesDeclared: { kind: DeviceKind; quantity: number }[];
}

export interface PendingHandover {
  handoverId: number;
  visitId: number;
  firstName: string;
  lastName: string;
  organisation: string | null;
  declaredAt: string;
  visitorSignedOut: boolean;
  devices: { kind: DeviceKind; quantity: number }[];
}

export interface SettingsView {
  settingName: string;
  settingKind: SettingKind;
  idleSeconds: number;
  consoleLockSeconds: number;
  reacknowledge: ReackMode;
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  firstBrokenId: number | null;
}

export interface CommandOutputs {
  'app.status': AppStatus;
  'setup.create': { staffId: number };
  'kiosk.config': KioskConfig;
  'visitor.findReturning': { matches: ReturningMatch[] };
  'visitor.returningStatus': { needsAcknowledgement: boolean };
  'visit.signInNew': SignInResult;
  'visit.signInReturning': SignInResult;
  'visit.findOnSite': { matches: OnSiteMatch[] };
  'visit.signOut': SignOutResult;
  'staff.listForUnlock': { staff: StaffSummary[] };
  'staff.unlock': StaffSessionInfo;
  'staff.lock': { locked: true };
  'staff.session': { session: StaffSessionInfo | null };
  'console.onSite': { visits: OnSiteVisit[] };
  'console.pendingHandovers': { handovers: PendingHandover[] };
  'staff.changeOwnPin': { changed: true };
  'settings.get': SettingsView;
  'settings.update': SettingsView;
  'audit.verify': AuditVerification;
}

export type CommandOutput<N extends CommandName> = CommandOutputs[N];

/** The client side of the contract: what `api.invoke` looks like in the renderer and in tests. */
export type Invoke = <N extends CommandName>(
  name: N,
  input: CommandInput<N>,
) => Promise<import('./domain/errors.js').CommandResult<CommandOutput<N>>>;

/** The one IPC channel; the preload repeats it (sandboxed preloads cannot import), a test keeps them equal. */
export const IPC_CHANNEL = 'safe-hands:invoke';

// A command without a declared answer type fails to compile here.
export type EveryCommandHasAnOutput = { [N in CommandName]: CommandOutputs[N] };
