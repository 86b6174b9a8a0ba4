/**
 * A person's name on a printed document, with a note under it when some of its letters cannot be printed.
 *
 * The shipped fonts draw the scripts UK visitors write in, but a rare character (an old Japanese name
 * variant, a script no font here has) still prints as a box. A box alone looks like a printer fault and
 * nobody checks; the note says what it is and what to do, and keeps the character's number so the name can
 * be matched to the record on screen.
 */
import { stack, text, type Block, type TextBlockOptions } from './blocks.js';
import { defaultFontSet, type FontSet } from './fonts.js';
import { cleanText, PLACEHOLDER, TextShaper, type TextStyle } from './text.js';

/** "U+20BB7": how a character that cannot be drawn is written down instead. */
export function codePointLabel(character: string): string {
  return [...character].map((ch) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(' ');
}

/** The printed note for a name with letters that could not be printed (each given as typed). */
export function unprintableNote(missing: readonly string[], size: 'full' | 'short' = 'full'): string {
  if (size === 'short') return `${PLACEHOLDER} could not be printed: check their ID.`;
  const labels = [...new Set(missing)].map(codePointLabel);
  return `${PLACEHOLDER} = a letter this computer cannot print (${labels.join(', ')}). Check the name on screen or on their ID.`;
}

export interface NameBlockOptions extends TextBlockOptions {
  /**
   * 'short' for a label of fixed size (a badge): a one-line note, and one line fewer for the name, so the
   * block is never taller than the name alone.
   */
  note?: 'full' | 'short';
}

export function nameText(shaper: TextShaper, name: string, style: TextStyle, width: number, options: NameBlockOptions = {}): Block {
  const { note = 'full', ...textOptions } = options;
  const missing = shaper.undrawable(name, style.role);
  if (missing.length === 0) return text(shaper, name, style, width, textOptions);
  const short = note === 'short';
  const maxLines = short && textOptions.maxLines !== undefined ? Math.max(1, textOptions.maxLines - 1) : textOptions.maxLines;
  const noteSize = short ? 6.5 : Math.max(6.5, Math.min(9, style.size * 0.6));
  const noteStyle: TextStyle = { role: 'regular', size: noteSize, leading: 1.2, ...(style.color ? { color: style.color } : {}) };
  return stack([
    text(shaper, name, style, width, { ...textOptions, ...(maxLines === undefined ? {} : { maxLines }) }),
    text(shaper, unprintableNote(missing, note), noteStyle, width, { align: textOptions.align ?? 'left', ...(short ? { maxLines: 1 } : {}) }),
  ]);
}

/**
 * What to tell staff on screen when a document was made with names that have letters no font here can
 * print (`document`: "receipt", "badge", "evacuation list"), or null when every name prints.
 */
export function unprintableNamesWarning(names: readonly string[], document: string, fonts: FontSet = defaultFontSet()): string | null {
  const shaper = new TextShaper(fonts);
  const affected = [...new Set(names.map(cleanText))].filter((name) => shaper.undrawable(name, 'bold').length > 0);
  if (affected.length === 0) return null;
  const shown = affected.slice(0, 3).map((name) => `“${name}”`).join(', ');
  const more = affected.length > 3 ? ` and ${affected.length - 3} more` : '';
  const these = affected.length === 1 ? 'the name' : 'those names';
  return `Some letters of ${shown}${more} cannot be printed on this computer, so the ${document} shows ${PLACEHOLDER} in their place. Check ${these} on screen or against their ID.`;
}
