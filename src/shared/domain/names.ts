/**
 * Pure helpers for people's names. The kiosk may only ever show "first name + surname initial",
 * so the shortening lives here where both ends use it.
 */
const segmenter = new Intl.Segmenter('en-GB', { granularity: 'grapheme' });

export function firstGrapheme(text: string): string {
  // Two ASCII characters (other than CR, which joins a following LF) are never one grapheme, so the first
  // character is the answer. Segmenting costs a few microseconds a name: a large share of a kiosk lookup.
  const first = text.charCodeAt(0);
  if (first < 0x80 && first !== 0x0d && (text.length === 1 || text.charCodeAt(1) < 0x80)) return text.charAt(0);
  for (const { segment } of segmenter.segment(text)) return segment;
  return '';
}

/**
 * What other visitors may see of a name: the first name and the surname's initial. A surname of one
 * character (王, or a lone "O") would be shown whole by its initial, so it is left out altogether.
 */
export function shortName(firstName: string, lastName: string): string {
  const surname = lastName.trim();
  const initial = firstGrapheme(surname);
  if (initial === '' || initial.length === surname.length) return firstName;
  return `${firstName} ${initial.toLocaleUpperCase('en-GB')}.`;
}

// Letters that do not decompose under NFD but that visitors type without the accent.
const FOLD_EXTRA: Record<string, string> = {
  ł: 'l', ø: 'o', đ: 'd', ħ: 'h', ß: 'ss', æ: 'ae', œ: 'oe', þ: 'th', ı: 'i',
};

/** Search key for a surname: lower case, accents and punctuation removed, so "obr" finds O'Brien. */
export function searchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('en-GB')
    .replace(/[łøđħßæœþı]/g, (ch) => FOLD_EXTRA[ch] ?? ch)
    .replace(/[\s'’`\-‐.]/g, '');
}
