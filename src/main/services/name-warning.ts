import type { PrintStatus } from '../../shared/contract.js';
import { unprintableNamesWarning } from '../documents/name-block.js';

/**
 * The print outcome, with a warning for staff on screen when a name on the document has letters no font
 * on this computer can print: the paper shows boxes there, and a receipt nobody can read is a lost phone.
 * Working the warning out never stops the document: the name still prints as typed, boxes and all.
 */
export function withNameWarning(print: PrintStatus, names: readonly string[], document: string): PrintStatus {
  try {
    const warning = unprintableNamesWarning(names, document);
    return warning ? { ...print, warning } : print;
  } catch (err) {
    console.error('Could not check which names print:', err);
    return print;
  }
}
