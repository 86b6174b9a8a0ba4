import type { PrintStatus } from '../../shared/contract/index.js';
import { unprintableNamesWarning } from './name-block.js';

/**
 * The print outcome, with a warning for staff on screen when a name on the document has letters no font
 * on this computer can print: the paper shows boxes there, and a receipt nobody can read is a lost phone.
 * Working the warning out never stops the document: the name still prints as typed, boxes and all.
 */
export function withNameWarning(print: PrintStatus, names: readonly string[], document: string): PrintStatus {
  const warning = nameWarning(names, document);
  return warning ? { ...print, warning } : print;
}

/** The same warning for a document staff print or send themselves (an invitation), or undefined. */
export function nameWarning(names: readonly string[], document: string): string | undefined {
  try {
    return unprintableNamesWarning(names, document) ?? undefined;
  } catch (err) {
    console.error('Could not check which names print:', err);
    return undefined;
  }
}
