import type { z } from 'zod';
import type { CommandFailure } from './domain/errors.js';

/**
 * Zod's issues as one sentence for the screen and one per field for the form. Main answers a refused
 * command with this, and a form checks itself with the same schema and this same function before sending,
 * so a rule and its wording live once, in the contract.
 */
export function describeInvalid(error: z.ZodError): CommandFailure {
  const fields: Record<string, string> = {};
  let first: string | undefined;
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.');
    let message = issue.message;
    if (issue.code === 'unrecognized_keys') message = `This request has fields the app does not expect (${issue.keys.slice(0, 3).join(', ')}).`;
    else if (issue.code === 'invalid_type' && path === '') message = 'This request was not in the form the app expects.';
    if (path && !(path in fields)) fields[path] = message;
    first ??= message;
  }
  return { code: 'invalid_input', message: first ?? 'Something in the form is not valid.', ...(Object.keys(fields).length ? { fields } : {}) };
}

/**
 * What a form's boxes would be told if it were sent now: the schema's messages keyed by field ("owner.name",
 * "items.0.bagSlot"), exactly as main would answer them. Empty when the schema takes the input.
 */
export function fieldProblems(schema: z.ZodType, input: unknown): Record<string, string> {
  const parsed = schema.safeParse(input);
  return parsed.success ? {} : (describeInvalid(parsed.error).fields ?? {});
}
