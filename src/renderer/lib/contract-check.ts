import { commandSchemas, type CommandInput, type CommandName } from '../../shared/contract/index.js';
import { fieldProblems } from '../../shared/invalid-input.js';
import type { ActionResult } from './action-result.js';

/**
 * What main would say about a command's input, said before it is sent: the contract's own rules and
 * wording, keyed by field as main answers ("reason", "items.0.bagSlot"). Empty when main would take it.
 * A form checks exactly what it is about to send, so the screen and main cannot disagree.
 */
export function problemsWith<N extends CommandName>(name: N, input: CommandInput<N>): Record<string, string> {
  return fieldProblems(commandSchemas[name].input, input);
}

/**
 * A dialog's answer for those problems, or null when there are none. Its one message is the field's own
 * (the dialog then says it once, under the box); more than one are summed up at the top as well.
 */
export function refusal(fields: Record<string, string>): Extract<ActionResult, { ok: false }> | null {
  const messages = Object.values(fields);
  if (messages.length === 0) return null;
  return { ok: false, message: messages.length === 1 ? messages[0]! : 'Please check the answers marked below.', fields };
}
