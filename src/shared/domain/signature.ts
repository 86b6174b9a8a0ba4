/**
 * A visitor's signature drawn with a finger on the expectations screen, kept as vector strokes: an SVG path
 * of absolute moves and lines with whole-number coordinates in a fixed box. A few kilobytes at most, it
 * scales to any size on screen or paper, and it can be checked character by character, so nothing but
 * strokes (no markup, no script) is ever stored or drawn. The kiosk writes it, the contract checks it, the
 * database checks its characters again, and the console draws it as an <svg> path.
 *
 * Grammar: one or more strokes, each "M<x> <y>" followed by one or more "L<x> <y>", with nothing between
 * them: "M120 80L131 84L150 90M300 60L300 61". A tap is a stroke of two equal points (drawn as a dot).
 */

/** The box every signature is drawn in: wide and short, like the line on a paper form. */
export const SIGNATURE_WIDTH = 1000;
export const SIGNATURE_HEIGHT = 300;

/** Longest path kept: a long signature written slowly is well under half of this. */
export const MAX_SIGNATURE_LENGTH = 16000;

/**
 * How much ink counts as a signature: the strokes' total length, in box units (a thousandth of the pad's
 * width). About a tenth of the pad's width: a tap or a short tick is not enough, any initials are.
 */
export const MIN_SIGNATURE_INK = 100;

/**
 * A new point is kept only this far (box units) from the last one kept: smooth enough to read, and a slow
 * hand does not fill the path with points on top of each other.
 */
export const MIN_POINT_GAP = 3;

export type SignaturePoint = readonly [x: number, y: number];
export type SignatureStroke = readonly SignaturePoint[];

// Whole numbers written as the kiosk writes them: no sign, no leading zeros, at most four digits.
const NUMBER = String.raw`(?:0|[1-9]\d{0,3})`;
const STROKE = new RegExp(String.raw`M(${NUMBER}) (${NUMBER})((?:L${NUMBER} ${NUMBER})+)`, 'y');
const LINE = new RegExp(String.raw`L(${NUMBER}) (${NUMBER})`, 'g');

/** The strokes a path holds, or null when it is not a path this grammar makes (or is out of the box). */
export function parseSignature(path: string): SignatureStroke[] | null {
  if (path.length === 0 || path.length > MAX_SIGNATURE_LENGTH) return null;
  const strokes: SignatureStroke[] = [];
  STROKE.lastIndex = 0;
  while (STROKE.lastIndex < path.length) {
    const at = STROKE.lastIndex;
    const m = STROKE.exec(path);
    if (!m || m.index !== at) return null;
    const points: SignaturePoint[] = [[Number(m[1]), Number(m[2])]];
    for (const l of m[3]!.matchAll(LINE)) points.push([Number(l[1]), Number(l[2])]);
    if (points.some(([x, y]) => x > SIGNATURE_WIDTH || y > SIGNATURE_HEIGHT)) return null;
    strokes.push(points);
  }
  return strokes;
}

/** The path for these strokes: each point rounded into the box; a single point is written as a dot. */
export function signaturePath(strokes: readonly SignatureStroke[]): string {
  const clamp = (v: number, max: number) => Math.min(max, Math.max(0, Math.round(v)));
  return strokes
    .filter((s) => s.length > 0)
    .map((s) => {
      const points = s.map(([x, y]) => `${clamp(x, SIGNATURE_WIDTH)} ${clamp(y, SIGNATURE_HEIGHT)}`);
      if (points.length === 1) points.push(points[0]!);
      return `M${points[0]}${points.slice(1).map((p) => `L${p}`).join('')}`;
    })
    .join('');
}

/** The strokes' total length in box units. */
export function inkLength(strokes: readonly SignatureStroke[]): number {
  let total = 0;
  for (const s of strokes) {
    for (let i = 1; i < s.length; i += 1) total += Math.hypot(s[i]![0] - s[i - 1]![0], s[i]![1] - s[i - 1]![1]);
  }
  return total;
}

export type SignatureProblem = 'unreadable' | 'too_long' | 'too_little';

/** What is wrong with a path sent as a signature, or null when it is one to keep. */
export function signatureProblem(path: string): SignatureProblem | null {
  if (path.length > MAX_SIGNATURE_LENGTH) return 'too_long';
  const strokes = parseSignature(path);
  if (!strokes) return 'unreadable';
  return inkLength(strokes) < MIN_SIGNATURE_INK ? 'too_little' : null;
}

export const SIGNATURE_PROBLEM_MESSAGES: Record<SignatureProblem, string> = {
  unreadable: 'The signature could not be read. Please clear it and sign again.',
  too_long: 'The signature is too long to keep. Please clear it and sign again.',
  too_little: 'Please sign your name in the box with your finger.',
};

/** Whether the strokes drawn so far are enough to sign with (the kiosk's "I agree" waits for this). */
export function isEnoughInk(strokes: readonly SignatureStroke[]): boolean {
  return inkLength(strokes) >= MIN_SIGNATURE_INK && signaturePath(strokes).length <= MAX_SIGNATURE_LENGTH;
}
