import type { CommandInput } from '../../shared/contract/index.js';
import type { ConcernView } from '../../shared/domain/concerns.js';
import { invoke } from '../api.js';
import { handleFailure, type ActionResult } from '../lib/action-result.js';
import { announceChanged } from '../lib/console-events.js';
import { problemsWith, refusal } from '../lib/contract-check.js';
import { useConcernStore } from './concern-store.js';
import { useSafeguardingStore } from './safeguarding-store.js';

/** The commands that add to a concern after it was raised, each from its own dialog on the concern's card. */
export type FollowUpCommand =
  | 'concern.recordParentsInformed' | 'concern.recordParentsNotInformed' | 'concern.recordDebrief'
  | 'concern.recordLadoReferral' | 'concern.recordLadoOutcome' | 'concern.recordPoliceContact';

/**
 * Checks the dialog's answers with the contract's own rules and wording, sends them, and puts the concern
 * main gives back in place of the one on screen, with `done` as the page's notice.
 */
export async function recordFollowUp<N extends FollowUpCommand>(name: N, input: CommandInput<N>, done: string): Promise<ActionResult> {
  const refused = refusal(problemsWith(name, input));
  if (refused) return refused;
  const r = await invoke(name, input);
  if (!r.ok) {
    const { message, fields } = handleFailure(r.error);
    return { ok: false, message, fields };
  }
  const updated = r.value as ConcernView;
  useConcernStore.setState((s) => ({ concerns: s.concerns.map((c) => (c.concernId === updated.concernId ? updated : c)) }));
  useSafeguardingStore.getState().setNotice(done);
  // A LADO outcome recorded takes it out of the DSL's inbox: the count follows at once.
  await announceChanged();
  return { ok: true };
}

/** A box's text as sent: trimmed, and null for an optional one left empty. */
export function optional(value: string): string | null {
  return value.trim() === '' ? null : value.trim();
}

/** Whether the newest word on telling the parents is the DSL's decision not to tell them. */
export function parentsNotToBeTold(concern: ConcernView): boolean {
  return concern.parentsInformed.at(-1)?.informed === false;
}

/**
 * Whether this person may record that the parents were told: main's rule, so the button is not offered
 * where it would be refused. Anyone who sees the concern, except that an allegation against staff and a
 * DSL's decision not to tell them are the DSL's to act on.
 */
export function mayRecordParentsTold(concern: ConcernView, isDsl: boolean): boolean {
  return isDsl || (concern.aboutType !== 'staff' && !parentsNotToBeTold(concern));
}
