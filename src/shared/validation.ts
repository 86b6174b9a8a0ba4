import { z } from 'zod';
import { MAX_PIN_DIGITS, MIN_PIN_DIGITS } from './domain/pin-rules.js';

/**
 * Building blocks for command inputs. Text from a touch screen or a scanner is trimmed, NFC-normalised and
 * limited in length; control characters are refused rather than silently stripped, so what is saved is what
 * the person typed.
 */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]/u;
/**
 * Characters that reorder text on screen (embeddings, overrides, isolates): one of them makes a name show
 * backwards on the kiosk and in every list, so it is refused. Lone surrogates are broken text, refused too.
 */
const REORDERING_OR_BROKEN = /[\u202a-\u202e\u2066-\u2069]|\p{Cs}/u;
/**
 * Invisible characters that copying and pasting brings along and no name needs (zero-width space, word
 * joiner, byte-order mark, soft hyphen, direction marks). Left in, a zero-width space makes a surname
 * impossible to find at sign-out, so they are removed. (Zero-width joiners stay: emoji and several scripts
 * need them.)
 */
const INVISIBLE = /[\u200b\u2060\ufeff\u00ad\u200e\u200f\u061c]/gu;

/** What every short text goes through before it is checked: one form of each character, no invisible ones, single spaces. */
function tidy(s: string): string {
  return s.normalize('NFC').replace(INVISIBLE, '').replace(/\s+/gu, ' ').trim();
}

function savable(label: string, max: number) {
  return z
    .string()
    .max(max, { error: `${label} is too long (at most ${max} characters).` })
    .refine((s) => !CONTROL_CHARS.test(s), { error: `${label} contains characters that cannot be saved.` })
    .refine((s) => !REORDERING_OR_BROKEN.test(s), { error: `${label} contains hidden characters that change how text is shown. Please type it again.` });
}

/**
 * The longest text each field takes, kept beside its schema so a screen can say "too long" while it is
 * typed, from the same number main checks (see maxLengthOf).
 */
const MAX_LENGTHS = new WeakMap<z.ZodType, number>();

function withMaxLength<T extends z.ZodType>(schema: T, max: number): T {
  MAX_LENGTHS.set(schema, max);
  return schema;
}

/** The most characters a text field of the contract takes (optional or not), or undefined for one that is not text. */
export function maxLengthOf(schema: z.ZodType): number | undefined {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) return maxLengthOf(schema.unwrap() as z.ZodType);
  return MAX_LENGTHS.get(schema);
}

/**
 * Required short text. `missing` is what a person is told when it is left empty, where "Please enter …"
 * with the label is not how the form asks for it ("Enter the bag or slot number.").
 */
export function text(label: string, max: number, words: { missing?: string } = {}) {
  const schema = z
    .string({ error: `${label} must be text.` })
    .max(max * 4, { error: `${label} is too long (at most ${max} characters).` })
    .transform(tidy)
    .pipe(z.string().min(1, { error: words.missing ?? `Please enter ${label.toLowerCase()}.` }).pipe(savable(label, max)));
  return withMaxLength(schema, max);
}

/** Optional free text: missing, null or blank all mean "not given". */
export function optionalText(label: string, max: number) {
  const schema = z
    .union([z.string({ error: `${label} must be text.` }), z.null()], { error: `${label} must be text.` })
    .optional()
    .transform((s) => (s == null ? '' : s))
    .pipe(
      z
        .string()
        .max(max * 4, { error: `${label} is too long (at most ${max} characters).` })
        .transform(tidy)
        .pipe(savable(label, max)),
    )
    .transform((s) => (s === '' ? null : s));
  return withMaxLength(schema, max);
}

/** Long text such as a policy: keeps its line breaks. `missing` as for text(). */
export function longText(label: string, max: number, words: { missing?: string } = {}) {
  const schema = z
    .string({ error: `${label} must be text.` })
    .max(max, { error: `${label} is too long (at most ${max} characters).` })
    .transform((s) => s.normalize('NFC').replace(/\r\n?/g, '\n').trim())
    .pipe(z.string().min(1, { error: words.missing ?? `Please enter ${label.toLowerCase()}.` }));
  return withMaxLength(schema, max);
}

/** A record's number. `missing` is what a person is told when none was chosen ("Choose the visitor."). */
export function id(label: string, words: { missing?: string } = {}) {
  const { missing } = words;
  return z
    .number({ error: (issue) => (missing !== undefined && issue.input == null ? missing : `${label} must be a number.`) })
    .int({ error: `${label} must be a whole number.` })
    .positive({ error: `${label} is not valid.` })
    .max(Number.MAX_SAFE_INTEGER, { error: `${label} is not valid.` });
}

/**
 * A PIN as typed. `wrong` is what a person is told when it is not one, where the form asks for a particular
 * PIN ("Type the PIN you unlocked with.") rather than any.
 */
export function pinCode(words: { wrong?: string } = {}) {
  const wrong = words.wrong ?? `A PIN is ${MIN_PIN_DIGITS} to ${MAX_PIN_DIGITS} digits.`;
  return z
    .string({ error: 'PIN must be text.' })
    .regex(new RegExp(`^\\d{${MIN_PIN_DIGITS},${MAX_PIN_DIGITS}}$`), { error: wrong });
}

export const pin = pinCode();

export function oneOf<const T extends readonly [string, ...string[]]>(values: T, message: string) {
  return z.enum(values, { error: message });
}

export const empty = z.object({}).strict();

/**
 * A calendar date typed in a form, as YYYY-MM-DD, that really exists (no 31 June). `missing` is what a person
 * is told when the box was left empty ("Enter the date of the visit.").
 */
export function calendarDate(label: string, words: { missing?: string } = {}) {
  const { missing } = words;
  const date = z.string({ error: `${label} must be a date.` });
  return (missing === undefined ? date : date.refine((s) => s !== '', { error: missing, abort: true }))
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${label} must be a date like 2027-09-01.` })
    .refine((s) => {
      const d = new Date(`${s}T12:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
    }, { error: `${label} is not a real date.` });
}

/** A time of day on the UK clock (HH:MM), as a form's time box gives it. `missing` as for calendarDate. */
export function timeOfDay(label: string, words: { missing?: string } = {}) {
  const { missing } = words;
  const wrong = `${label} must be a time like 09:30.`;
  const time = z.string({ error: wrong });
  return (missing === undefined ? time : time.refine((s) => s !== '', { error: missing, abort: true }))
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: wrong });
}

/** The longest given name or surname: also the most a surname search takes. */
export const MAX_NAME_LENGTH = 80;

/**
 * A person's name as the kiosk and the booking form take it: the given name (or the only name), the
 * surname, and the two choices that change what is needed (see PersonName in domain/names.ts). Both choices
 * may be left out, meaning "given name first, and a surname".
 */
export function personNameFields(labels: { first: string; last: string }) {
  return {
    firstName: text(labels.first, MAX_NAME_LENGTH),
    lastName: optionalText(labels.last, MAX_NAME_LENGTH),
    familyNameFirst: z.boolean({ error: 'Say whether the family name is written first.' }).default(false),
    oneName: z.boolean({ error: 'Say whether there is only one name.' }).default(false),
  };
}

/**
 * A surname is needed unless the person has only one name, and then there must be none: what is saved is
 * what the form showed. Checked on the whole input, since it depends on two fields.
 */
export function surnameMatchesChoice(v: { lastName: string | null; oneName: boolean }): { path: ['lastName']; message: string } | null {
  if (!v.oneName && v.lastName === null) return { path: ['lastName'], message: 'Please enter the surname, or choose "I have only one name".' };
  if (v.oneName && v.lastName !== null) return { path: ['lastName'], message: 'There is only one name, so leave the surname empty.' };
  return null;
}
