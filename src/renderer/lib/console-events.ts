import type { ReceiptView } from '../../shared/contract/index.js';

/**
 * What happens in the console that more than one store acts on. Stores keep their own state and call the
 * api; instead of reaching into each other they say here what happened, and each store that cares listens.
 *
 * - locked: the staff session is over (the person locked, the idle timer ran out, main ended it, or
 *   their own account changed). Everything staff saw must go from the screen.
 * - changed: a record on someone's screen changed (a visitor signed out, an item logged or returned, a
 *   review recorded). Lists that are showing read again.
 */

/** What changed, where the answer already says: a receipt as main now has it, for a page showing it. */
export interface Change {
  receipt?: ReceiptView;
  /** A staff account changed: the lock screen's names and the console's staff pickers read again. */
  staff?: true;
}

/** A listener may return a promise (a list being read again); announcing waits for it. */
const lockedListeners = new Set<() => unknown>();
const changedListeners = new Set<(change: Change) => unknown>();

/** Calls `listener` each time the console locks; the answer stops listening. */
export function onConsoleLocked(listener: () => unknown): () => void {
  lockedListeners.add(listener);
  return () => lockedListeners.delete(listener);
}

/** Calls `listener` each time a record changes; the answer stops listening. */
export function onRecordsChanged(listener: (change: Change) => unknown): () => void {
  changedListeners.add(listener);
  return () => changedListeners.delete(listener);
}

export async function announceLocked(): Promise<void> {
  await Promise.all([...lockedListeners].map((listener) => listener()));
}

/** Resolves once every list has been read again, so a dialog can close on lists already up to date. */
export async function announceChanged(change: Change = {}): Promise<void> {
  await Promise.all([...changedListeners].map((listener) => listener(change)));
}
