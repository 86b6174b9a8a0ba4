/**
 * Every code Safe Hands prints under a QR (receipts, badges, invitations, exception records) is 26
 * characters from A-Z and 2-7. A USB scanner types it exactly; a person copying it from the paper may not,
 * and need not: the alphabet has no lower case, no separators and no 0, 1 or 8, so each of those can only
 * mean one thing.
 */
export const SCAN_CODE_PATTERN = /^[A-Z2-7]{26}$/;

// Spaces of every kind, zero-width characters, dashes and hyphens, dots, underscores and slashes.
const SEPARATORS = /[\s\u200b-\u200d\u2060\ufeff\u00ad\-\u2010-\u2015\u2212._/\\]+/g;
const LOOK_ALIKES: Record<string, string> = { '0': 'O', '1': 'I', '8': 'B' };

/**
 * What was scanned or typed, as the code it must be: full-width and other compatibility forms folded
 * (NFKC), separators dropped, upper case, and the look-alikes 0, 1 and 8 read as O, I and B.
 */
export function normaliseScanCode(raw: string): string {
  return raw.normalize('NFKC').replace(SEPARATORS, '').toUpperCase().replace(/[018]/g, (d) => LOOK_ALIKES[d]!);
}

/** How many characters a printed group of a code has: four are read out and typed back at a glance. */
const GROUP_SIZE = 4;

/**
 * A code as printed and shown for people to read out or type: groups of four with what is left over last,
 * "ABCD EFGH IJKL MNOP QRST UVWX YZ". The same everywhere, on paper and on screen; typing it back with or
 * without the spaces, in any case, is read by normaliseScanCode.
 */
export function groupScanCode(code: string): string {
  return code.match(new RegExp(`.{1,${GROUP_SIZE}}`, 'g'))?.join(' ') ?? '';
}
