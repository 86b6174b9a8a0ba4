import { z } from 'zod';
import { DEVICE_KINDS, MAX_DEVICES_PER_KIND } from '../domain/devices.js';
import type { RequiredRole } from '../domain/roles.js';
import { normaliseScanCode, SCAN_CODE_PATTERN } from '../domain/scan-code.js';
import { oneOf, surnameMatchesChoice } from '../validation.js';

/** Input rules shared by the commands of more than one domain, and the shape every command declares. */

export const RECEIPT_LAYOUTS = ['roll80', 'a4'] as const;

export type ReceiptLayout = (typeof RECEIPT_LAYOUTS)[number];

export function surnameAsChosen(v: { lastName: string | null; oneName: boolean }, ctx: z.RefinementCtx): void {
  const problem = surnameMatchesChoice(v);
  if (problem) ctx.addIssue({ code: 'custom', message: problem.message, path: problem.path });
}

/**
 * When a rule over several answers of one form is checked: as soon as the answers it reads came through,
 * even if another answer on the form is wrong (zod would skip the rule after a missing choice such as the
 * kind of visit), so a form is told every problem at once. Use as `.refine(rule, { error, path,
 * ...onceAnswered('purpose', 'purposeDetail') })`.
 */
export function onceAnswered(...fields: readonly string[]): { when: (payload: z.core.ParsePayload) => boolean } {
  return {
    when: (payload) =>
      typeof payload.value === 'object' && payload.value !== null
      && !payload.issues.some((issue) => fields.includes(String(issue.path?.[0]))),
  };
}

/** When surnameAsChosen is checked (see onceAnswered). Use as `.superRefine(surnameAsChosen, SURNAME_RULE_TIMING)`. */
export const SURNAME_RULE_TIMING: z.core.$ZodSuperRefineParams = {
  when: (payload) => {
    const v = payload.value as { lastName?: unknown; oneName?: unknown } | null;
    if (typeof v !== 'object' || v === null || typeof v.oneName !== 'boolean') return false;
    if (typeof v.lastName !== 'string' && v.lastName !== null) return false;
    return onceAnswered('lastName', 'oneName').when(payload);
  },
};

/**
 * The most characters a scanned or typed code may be (receipts, badges, invitations, approval records):
 * far more than the 26 of a code with separators, so a scanner's extra characters are read, not refused.
 */
export const MAX_SCAN_CODE_INPUT = 200;

export const devices = z
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

export const inviteCode = z
  .string({ error: 'Scan the QR code on your invitation.' })
  .max(MAX_SCAN_CODE_INPUT, { error: 'That is not an invitation code.' })
  .transform(normaliseScanCode)
  .pipe(z.string().regex(SCAN_CODE_PATTERN, { error: 'That is not a Safe Hands invitation. Please sign in another way or ask at the office.' }));

/** What every command declares: who may call it and what its input must be. */
export type CommandSchema = { role: RequiredRole; input: z.ZodType; passive?: true; bodyLimit?: number };
