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
 * When surnameAsChosen is checked: whenever the two answers it reads came through, even if another answer on
 * the form is wrong (zod would skip it after a missing choice such as the kind of visit), so a form is told
 * every problem at once. Use as `.superRefine(surnameAsChosen, SURNAME_RULE_TIMING)`.
 */
export const SURNAME_RULE_TIMING: z.core.$ZodSuperRefineParams = {
  when: (payload) => {
    const v = payload.value as { lastName?: unknown; oneName?: unknown } | null;
    if (typeof v !== 'object' || v === null || typeof v.oneName !== 'boolean') return false;
    if (typeof v.lastName !== 'string' && v.lastName !== null) return false;
    return !payload.issues.some((issue) => issue.path?.[0] === 'lastName' || issue.path?.[0] === 'oneName');
  },
};

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
  .max(200, { error: 'That is not an invitation code.' })
  .transform(normaliseScanCode)
  .pipe(z.string().regex(SCAN_CODE_PATTERN, { error: 'That is not a Safe Hands invitation. Please sign in another way or ask at the office.' }));

/** What every command declares: who may call it and what its input must be. */
export type CommandSchema = { role: RequiredRole; input: z.ZodType; passive?: true; bodyLimit?: number };
