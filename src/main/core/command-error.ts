import type { ErrorCode } from '../../shared/domain/errors.js';

/** A refusal a person can act on; the dispatcher turns it into a typed error answer. */
export class CommandError extends Error {
  override name = 'CommandError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
  }
}
