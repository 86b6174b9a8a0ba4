/**
 * Pure helpers for people's names: how a name is written out in full, what other visitors may see of it,
 * and the words it is found by. Every screen, print and search uses these, so a name reads the same
 * everywhere and the rules for masking it live in one place.
 */

/**
 * A visitor's name as they gave it. `firstName` is the given name (the name we greet them by), or the only
 * name of someone who has one; `lastName` is the surname or family name, '' for someone with one name;
 * `familyNameFirst` is the order they write them in (王芳, Nagy Ferenc).
 */
export interface PersonName {
  firstName: string;
  lastName: string;
  familyNameFirst: boolean;
}

/**
 * Scripts whose names are written without a space between family and given name (王芳, 山田太郎, 김민준).
 * Only between two such characters is the space left out, so "Nagy Ferenc" keeps its space.
 */
const WRITTEN_TOGETHER = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]$/u;

function lastCodePoint(text: string): string {
  return Array.from(text).at(-1) ?? '';
}

/** The whole name, the way the visitor writes it: "Sarah Jones", "王芳", "Nagy Ferenc", "Suharto". */
export function fullName(name: PersonName): string {
  const given = name.firstName.trim();
  const family = name.lastName.trim();
  if (family === '') return given;
  if (given === '') return family;
  if (!name.familyNameFirst) return `${given} ${family}`;
  return writtenTogether(family, given) ? `${family}${given}` : `${family} ${given}`;
}

/** Whether a family name and a given name meet with no space between them (王 and 芳), both trimmed. */
function writtenTogether(family: string, given: string): boolean {
  return WRITTEN_TOGETHER.test(lastCodePoint(family)) && WRITTEN_TOGETHER.test(Array.from(given)[0] ?? '');
}

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
 * The boxes a form shows for a name, in the order they are typed: someone who writes their family name
 * first types it first, and someone with one name sees one box.
 */
export function nameBoxes(choice: { familyNameFirst: boolean; oneName: boolean }): { field: 'firstName' | 'lastName'; label: string }[] {
  if (choice.oneName) return [{ field: 'firstName', label: 'Name' }];
  if (choice.familyNameFirst) return [{ field: 'lastName', label: 'Family name' }, { field: 'firstName', label: 'Given name' }];
  return [{ field: 'firstName', label: 'First name' }, { field: 'lastName', label: 'Surname' }];
}

/** A name's initial with its full stop, or null when the initial would be the whole name (王, a lone "O"). */
function initialOf(name: string): string | null {
  const trimmed = name.trim();
  const initial = firstGrapheme(trimmed);
  if (initial === '' || initial.length === trimmed.length) return null;
  return `${initial.toLocaleUpperCase('en-GB')}.`;
}

/** What the kiosk shows in place of a name that has nothing it could show without showing it all. */
export const HIDDEN_NAME = 'Name hidden';

/**
 * What other visitors may see of a name: the given name and the surname's initial, in the visitor's own
 * order ("Ann S.", "N. Ferenc"). A surname of one character (王, or a lone "O") would be shown whole by its
 * initial, so it is left out altogether ("芳"). Someone with one name is found by it as others are by their
 * surname, so only its initial is shown ("S.").
 *
 * It often ends with the initial's full stop, so a sentence never puts punctuation after it ("Sign out Ann
 * S.?"): screens show it on a line of its own, after the question ("Is this you?").
 */
export function shortName(name: PersonName): string {
  const given = name.firstName.trim();
  if (name.lastName.trim() === '') return initialOf(given) ?? HIDDEN_NAME;
  const initial = initialOf(name.lastName);
  if (initial === null) return given;
  return name.familyNameFirst ? `${initial} ${given}` : `${given} ${initial}`;
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
    .replace(/[\s'’‘`\-‐‑–.]/g, ''); // the same characters as WORD_BREAK below
}

/** The name a person is looked up by: their surname, or their only name. */
export function searchedName(name: PersonName): string {
  return name.lastName.trim() === '' ? name.firstName : name.lastName;
}

/** What separates the words of a surname: spaces, hyphens, apostrophes and full stops. */
const WORD_BREAK = /[\s'’‘`\-‐‑–.]+/u;

/**
 * The folded words a visitor is found by: their surname (or their only name) from each of its words to the
 * end, so a search for the start of any word finds them ("sui" finds Ó Súilleabháin, "jones" Smith-Jones)
 * and the start of the whole surname still does ("obr" finds O'Brien, "vanderb" van der Berg).
 */
export function surnameWords(name: PersonName): string[] {
  const parts = searchedName(name).normalize('NFC').split(WORD_BREAK).filter((p) => p !== '');
  const words = new Set<string>();
  for (let i = 0; i < parts.length; i += 1) {
    const word = searchKey(parts.slice(i).join(''));
    if (word !== '') words.add(word);
  }
  return [...words];
}

/**
 * Every folded word a visitor is found by (visitor_name_words): their surname words, and for a name whose
 * family and given name are written with no space between them (王芳, 山田太郎, 김민준) the whole name too,
 * family name first, in whichever order they chose to show it: that is how its owner types it, as one word.
 * The whole name starts with the family name, so it only matches what the family name already matches, or
 * that and the start of the given name: nobody becomes findable by their given name alone. Names in other
 * scripts are typed with a space ("Wang Fang"), which the office's search splits into words; giving every
 * visitor this extra word would double the kiosk's index for nobody who needs it.
 */
export function nameWords(name: PersonName): string[] {
  const words = surnameWords(name);
  const family = name.lastName.normalize('NFC').trim();
  const given = name.firstName.normalize('NFC').trim();
  if (family === '' || given === '' || !writtenTogether(family, given)) return words;
  const whole = searchKey(`${family}${given}`);
  return words.includes(whole) ? words : [...words, whole];
}

/**
 * Search keys for a name typed at the office: one per word typed, so that staff find a visitor by any word
 * of the surname, whatever order the name is typed in ("Zoë O'Brien", "O'Brien Zoë", "brien"), and 王芳
 * typed as one word, as she writes it, by the whole name among her nameWords.
 */
export function typedNameKeys(typed: string): string[] {
  return [...new Set(typed.split(/\s+/u).map(searchKey).filter((k) => k !== ''))];
}
