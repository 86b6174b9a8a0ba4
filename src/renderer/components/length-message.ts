/**
 * The message under a box whose text is longer than it may be. Boxes do not use the browser's maxLength,
 * which silently cuts a long paste short: they keep what was typed or pasted and say so at once. Counted
 * as main counts (UTF-16 units), so the screen and the service agree.
 */
export function tooLongMessage(label: string, value: string, maxLength: number | undefined): string | undefined {
  if (maxLength === undefined || value.length <= maxLength) return undefined;
  return `${label} is too long: at most ${maxLength.toLocaleString('en-GB')} characters, and this is ${value.length.toLocaleString('en-GB')}.`;
}
