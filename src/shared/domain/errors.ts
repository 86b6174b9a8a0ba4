/** Every failed command answers one of these codes with a sentence a person can act on. */
export const ERROR_CODES = [
  'invalid_input',
  'unknown_command',
  'not_set_up',
  'already_set_up',
  'locked',
  'forbidden',
  'wrong_pin',
  'account_locked',
  // A staff badge scanned at the kiosk that does not work (unknown, replaced, or its holder deactivated):
  // counted by the screen's PIN throttle like a wrong PIN, so codes cannot be tried one after another.
  'wrong_badge',
  // The staff member's PIN is too short for their role: they must choose a longer one before anything else.
  'pin_change_due',
  'not_found',
  'conflict',
  'stale_policy',
  'unauthorised_client',
  // The disk under the data folder will not take writes (full, read-only, failing): the kiosk is paused.
  'storage_problem',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface CommandFailure {
  code: ErrorCode;
  message: string;
  /** Per-field messages for forms, keyed by the input's field path ("firstName", "devices.0.quantity"). */
  fields?: Record<string, string>;
}

export type CommandResult<T> = { ok: true; value: T } | { ok: false; error: CommandFailure };
