import { z } from 'zod';
import type { SettingKind } from '../domain/setting.js';
import { VISITOR_TYPES } from '../domain/visitors.js';
import { normaliseScanCode, SCAN_CODE_PATTERN } from '../domain/scan-code.js';
import { MAX_SIGNATURE_LENGTH, SIGNATURE_PROBLEM_MESSAGES, signatureProblem } from '../domain/signature.js';
import { empty, id, MAX_NAME_LENGTH, oneOf, optionalText, personNameFields, text } from '../validation.js';
import { type CommandSchema, devices, inviteCode, MAX_SCAN_CODE_INPUT, SURNAME_RULE_TIMING, surnameAsChosen } from './fields.js';
import type { OnSiteVisit, PolicyText, PrintStatus } from './answers.js';

/**
 * Visits: people signing in and out at the kiosk (new, returning, with an invitation, by badge), who is on
 * site, and their badges. Prefixes: visitor., visit., badge., kiosk.config, visit.onSite.
 */

/**
 * What a new visitor tells the kiosk about themselves. Kept apart from the command so the kiosk can check
 * each field as it is typed against the very rules main applies.
 */
export const visitorDetails = z.object({
  ...personNameFields({ first: 'Your first name', last: 'Your surname' }),
  organisation: optionalText('Organisation', 120),
  visitorType: oneOf(VISITOR_TYPES, 'Choose the kind of visit from the list.'),
  visiting: text('Who you are visiting or why', 200, { missing: 'Please tell us who you are visiting, or why you are here.' }),
});

const surnamePrefix = z
  .string({ error: 'Type the first letters of your surname.' })
  .max(200, { error: 'That is too long for a surname.' })
  .transform((s) => s.normalize('NFC').trim())
  .pipe(
    z.string()
      .min(1, { error: 'Type the first letters of your surname.' })
      .max(MAX_NAME_LENGTH, { error: 'That is too long for a surname.' }),
  );

const badgeCode = z
  .string({ error: 'Scan the QR code on your badge.' })
  .max(MAX_SCAN_CODE_INPUT, { error: 'That is not a badge code.' })
  .transform(normaliseScanCode)
  .pipe(z.string().regex(SCAN_CODE_PATTERN, { error: 'That is not a Safe Hands badge. Please sign out by typing your surname.' }));

/**
 * The signature drawn on the expectations screen when the setting asks for one (shared/domain/signature.ts):
 * only the strokes the kiosk writes, with enough ink to be a signature. Null or left out: none drawn.
 */
const signature = z
  .string({ error: SIGNATURE_PROBLEM_MESSAGES.unreadable })
  .max(MAX_SIGNATURE_LENGTH, { error: SIGNATURE_PROBLEM_MESSAGES.too_long })
  .superRefine((path, ctx) => {
    const problem = signatureProblem(path);
    if (problem) ctx.addIssue({ code: 'custom', message: SIGNATURE_PROBLEM_MESSAGES[problem] });
  })
  .nullable()
  .optional();

export const visitsCommands = {
  'kiosk.config': { role: 'kiosk', input: empty },
  'visitor.findReturning': { role: 'kiosk', input: z.object({ surnamePrefix }).strict() },
  'visitor.returningStatus': { role: 'kiosk', input: z.object({ visitorId: id('Visitor') }).strict() },
  'visit.signInNew': {
    role: 'kiosk',
    input: visitorDetails
      .extend({ policyVersionId: id('Expectations version'), devices, signature })
      .strict()
      .superRefine(surnameAsChosen, SURNAME_RULE_TIMING),
  },
  'visit.signInReturning': {
    role: 'kiosk',
    input: z
      .object({
        visitorId: id('Visitor'),
        visiting: optionalText('Who you are visiting or why', 200),
        acknowledgedPolicyVersionId: id('Expectations version').nullable().optional(),
        devices,
        signature,
      })
      .strict(),
  },
  'visit.findOnSite': { role: 'kiosk', input: z.object({ surnamePrefix }).strict() },
  'visit.signOutByBadge': { role: 'kiosk', input: z.object({ code: badgeCode }).strict() },
  'badge.print': { role: 'kiosk', input: z.object({ code: badgeCode }).strict() },
  'badge.reprint': { role: 'office', input: z.object({ visitId: id('Visit') }).strict() },
  'visit.signOut': { role: 'kiosk', input: z.object({ visitId: id('Visit') }).strict() },
  // Passive commands are the console's timed refreshes: they need the session but do not keep it alive,
  // so an unattended console still locks itself.
  'visit.onSite': { role: 'office', input: empty, passive: true },
  'visit.overrideSignOut': {
    role: 'office',
    input: z.object({ visitId: id('Visit'), reason: text('The reason', 300) }).strict(),
  },

  'visit.recordChecks': {
    role: 'office',
    input: z
      .object({
        visitId: id('Visit'),
        photoIdChecked: z.boolean({ error: 'Say whether photo ID was checked.' }),
        dbsAssuranceSeen: z.boolean({ error: "Say whether the employer's DBS assurance was seen." }),
      })
      .strict(),
  },

  'visit.signInWithInvite': {
    role: 'kiosk',
    input: z
      .object({ code: inviteCode, acknowledgedPolicyVersionId: id('Expectations version').nullable().optional(), devices, signature })
      .strict(),
  },

} as const satisfies Record<string, CommandSchema>;

export interface KioskConfig {
  settingName: string;
  /** The setting's logo as a data: URL for the welcome screen, or null. */
  logoDataUrl: string | null;
  settingKind: SettingKind;
  idleSeconds: number;
  /** How long the "are you still there?" warning stays up before the kiosk resets. */
  idleWarningSeconds: number;
  consoleLockSeconds: number;
  policy: PolicyText;
  /** What the setting accepts for devices in its safe (Settings): shown with the expectations, printed on receipts. */
  lossAndDamage: string;
  /** The setting has a safeguarding leaflet (school §6): the last sign-in step offers to print one. */
  leafletAvailable: boolean;
  /** Settings: visitors sign with a finger on the expectations screen before "I agree" (shared/domain/signature.ts). */
  askForSignature: boolean;
}

/** A signature kept with an acknowledgement: its strokes (an SVG path in the fixed box) and when it was drawn. */
export interface SignatureView {
  strokes: string;
  signedAt: string;
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
  /** The visit's badge code when badges are switched on: the kiosk asks for the badge to be printed. */
  badgeCode: string | null;
}

export interface SignOutResult {
  firstName: string;
  /** `collect_items`: the visit stays open until the office returns what is in the safe. */
  status: 'signed_out' | 'collect_items';
  itemsInSafe: number;
  /** Devices the visitor declared that the office has not yet logged: they may still be at the desk. */
  devicesDeclaredNotLogged: number;
}

export interface VisitsOutputs {
  'kiosk.config': KioskConfig;
  'visitor.findReturning': { matches: ReturningMatch[] };
  'visitor.returningStatus': { needsAcknowledgement: boolean };
  'visit.signInNew': SignInResult;
  'visit.signInReturning': SignInResult;
  'visit.findOnSite': { matches: OnSiteMatch[] };
  'visit.signOut': SignOutResult;
  'visit.onSite': { visits: OnSiteVisit[]; badgesEnabled: boolean };
  'visit.overrideSignOut': { signedOut: true; itemsStillInSafe: number };
  'visit.recordChecks': { visitId: number; photoIdCheckedAt: string | null; dbsAssuranceSeenAt: string | null };
  'visit.signInWithInvite': SignInResult;
  'visit.signOutByBadge': SignOutResult;
  'badge.print': { print: PrintStatus };
  'badge.reprint': { print: PrintStatus };
}
