/**
 * Pure helpers for people's names. The kiosk may only ever show "first name + surname initial",
 * so the shortening lives here where both ends use it.
 */
const segmenter = new Intl.Segmenter('en-GB', { granularity: 'grapheme' });

export function firstGrapheme(text: string): string {
  for (const { segment } of segmenter.segment(text)) return segment;
  return '';
}

export function shortName(firstName: string, lastName: string): string {
  const initial = firstGrapheme(lastName).toLocaleUpperCase('en-GB');
  return initial ? `${firstName} ${initial}.` : firstName;
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
