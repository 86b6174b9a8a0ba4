import { withoutField } from './action-result.js';

/**
 * The parts of a form that a named decider confirms with their own PIN (a head's agreement, a pupil's
 * exception, a visitor's device approval), shared so each such form behaves the same way.
 */

/** Said above the form while any answer is marked. */
export const CHECK_BELOW = 'Please check the answers marked below.';

/** Answers after which the decider's PIN must be typed again (or someone else must decide). */
const PIN_CODES = new Set(['wrong_pin', 'account_locked', 'pin_change_due', 'forbidden', 'not_found']);

/** The PIN box after main refused the form: emptied, as at the lock screen, when the PIN or its owner was the problem. */
export function pinAfterRefusal(code: string, pin: string): string {
  return PIN_CODES.has(code) ? '' : pin;
}

/** Main's field paths as the form's boxes: "<decider>.pin" is the PIN box, anything else about the decider is their name. */
export function deciderFields(fields: Record<string, string>, decider: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(fields)) {
    const field = path === `${decider}.pin` ? 'pin' : path.startsWith(decider) ? decider : path;
    out[field] ??= message;
  }
  return out;
}

interface DeciderFormState<D> {
  form: D | null;
  formError: string | null;
  fieldErrors: Record<string, string>;
}

/** One answer changed: its mark goes, and "check the answers marked below" too once none is left to look for. */
export function answerChanged<D extends object, K extends keyof D & string>(
  s: DeciderFormState<D>,
  field: K,
  value: D[K],
): Partial<DeciderFormState<D>> {
  if (!s.form) return {};
  const fieldErrors = withoutField(s.fieldErrors, field);
  const formError = s.formError === CHECK_BELOW && Object.keys(fieldErrors).length === 0 ? null : s.formError;
  return { form: { ...s.form, [field]: value }, fieldErrors, formError };
}
