import type { CommandFailure } from '../../shared/domain/errors.js';

/** What a console action answers to the dialog that asked for it. */
export type ActionResult = { ok: true } | { ok: false; message: string; fields: Record<string, string> };

/**
 * A failed command: when main says the session has locked, the whole console locks (the api tells the
 * session store, and every store that held what staff saw empties itself); otherwise the message is for the screen.
 */
export function handleFailure(error: CommandFailure): { message: string; fields: Record<string, string>; locked: boolean } {
  return { message: error.message, fields: error.fields ?? {}, locked: error.code === 'locked' };
}

/** A form's messages without one answer's: the person has just changed that answer. */
export function withoutField(fields: Record<string, string>, key: string): Record<string, string> {
  if (!(key in fields)) return fields;
  const next = { ...fields };
  delete next[key];
  return next;
}
