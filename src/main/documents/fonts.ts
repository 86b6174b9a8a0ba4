/**
 * Fonts for every printed document. The shipped DejaVu fonts cover Latin (Polish and Vietnamese too), Greek,
 * Cyrillic, Arabic and Hebrew; the shipped fallback fonts (fallback-fonts.ts) add Chinese, Japanese, Korean,
 * the Indian scripts, Thai and others. After those, a font installed on the computer is tried, and only
 * when none has a character does a box stand in for it (text.ts), which the documents then point out.
 *
 * Font files are read and parsed once per process: a receipt costs layout and subsetting, not disk reads.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, join } from 'node:path';
import type * as fontkit from 'fontkit';
import { ASSETS_DIR } from '../core/paths.js';
import { shippedFallbackCandidates, type FallbackCandidate } from './fallback-fonts.js';
import { isWoff, isWoff2, woffToSfnt } from './woff.js';

// fontkit takes about 100 ms to load: required on the first document, not when the app starts.
const requireModule = createRequire(import.meta.url);
let fontkitModule: typeof fontkit | undefined;
const loadFontkit = (): typeof fontkit => (fontkitModule ??= requireModule('fontkit') as typeof fontkit);

export type FontRole = 'regular' | 'bold' | 'mono';

export interface LoadedFont {
  /** The name the font is registered under in each PDF document. */
  readonly key: string;
  /** Where it came from, for messages and tests. */
  readonly file: string;
  /** The parsed font; pdfkit accepts it directly, so it is never parsed twice. */
  readonly font: fontkit.Font;
  /** Distance from the baseline up to the top of the tallest letters, in em. */
  readonly ascent: number;
  /** Distance from the baseline down to the bottom of descenders, in em (positive). */
  readonly descent: number;
  hasGlyph(codePoint: number): boolean;
  /**
   * Whether fontkit can lay `text` out in this font without failing. fontkit 2.0.4 throws on some fonts'
   * mark positioning (null anchors, common in Indian-script fonts); such a font is passed over for that text.
   */
  canShape(text: string): boolean;
  /** Advance width of `text` in points at `size`. */
  widthOf(text: string, size: number): number;
}

export interface FontSet {
  readonly regular: LoadedFont;
  readonly bold: LoadedFont;
  readonly mono: LoadedFont;
  /**
   * A fallback font (shipped first, then the computer's) that has every one of these characters and, given
   * `text`, can lay it out; or null. Candidate files are opened one at a time, only when some text needs
   * them, and then kept.
   */
  fallbackFor(codePoints: readonly number[], text?: string): LoadedFont | null;
}

export const FONTS_DIR = join(ASSETS_DIR, 'fonts');

const SHIPPED = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  mono: 'DejaVuSansMono-Bold.ttf',
} as const satisfies Record<FontRole, string>;

/** A font the computer may have, as a path inside one of its font folders. */
interface SystemFont {
  path: string;
  postscriptName?: string;
}

/**
 * Fonts the computer may have that cover what the shipped fonts lack (rarer Chinese characters, symbols),
 * in order of preference, per platform. Only fonts with outline glyphs are listed: colour-bitmap emoji
 * fonts (Noto Color Emoji, Apple Color Emoji) cannot go into a PDF.
 */
const SYSTEM_FONTS: Record<'win32' | 'darwin' | 'other', readonly SystemFont[]> = {
  win32: [
    { path: 'msyh.ttc', postscriptName: 'MicrosoftYaHei' },
    { path: 'msyh.ttf' },
    { path: 'simsun.ttc', postscriptName: 'SimSun' },
    { path: 'YuGothM.ttc' },
    { path: 'malgun.ttf' },
    { path: 'Nirmala.ttf' },
    { path: 'seguisym.ttf' },
  ],
  darwin: [
    { path: 'PingFang.ttc', postscriptName: 'PingFangSC-Regular' },
    { path: 'Hiragino Sans GB.ttc' },
    { path: 'STHeiti Light.ttc' },
    { path: 'Arial Unicode.ttf' },
    { path: 'Apple Symbols.ttf' },
  ],
  other: [
    { path: 'opentype/noto/NotoSansCJK-Regular.ttc', postscriptName: 'NotoSansCJKsc-Regular' },
    { path: 'noto-cjk/NotoSansCJK-Regular.ttc', postscriptName: 'NotoSansCJKsc-Regular' },
    { path: 'google-noto-cjk/NotoSansCJK-Regular.ttc', postscriptName: 'NotoSansCJKsc-Regular' },
    { path: 'truetype/droid/DroidSansFallbackFull.ttf' },
    { path: 'truetype/wqy/wqy-microhei.ttc' },
    { path: 'truetype/wqy/wqy-zenhei.ttc' },
    { path: 'truetype/arphic/uming.ttc' },
    { path: 'truetype/ancient-scripts/Symbola_hint.ttf' },
    { path: 'truetype/noto/NotoEmoji-Regular.ttf' },
  ],
};

/** The folders this platform keeps installed fonts in: the machine's, then the user's own. */
export function systemFontDirs(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string[] {
  if (platform === 'win32') {
    const dirs = [join(env.WINDIR ?? env.SystemRoot ?? 'C:\\Windows', 'Fonts')];
    if (env.LOCALAPPDATA) dirs.push(join(env.LOCALAPPDATA, 'Microsoft', 'Windows', 'Fonts'));
    return dirs;
  }
  if (platform === 'darwin') return ['/System/Library/Fonts', '/System/Library/Fonts/Supplemental', '/Library/Fonts'];
  const dirs = ['/usr/share/fonts', '/usr/local/share/fonts'];
  if (env.HOME) dirs.push(join(env.HOME, '.local', 'share', 'fonts'));
  return dirs;
}

/**
 * The computer's fonts worth trying, looked for in `dirs` (this platform's font folders by default). An
 * empty list of folders means none: what a PC without Chinese fonts looks like, for tests.
 */
export function systemFallbackCandidates(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  dirs: readonly string[] = systemFontDirs(platform, env),
): FallbackCandidate[] {
  const known = SYSTEM_FONTS[platform === 'win32' || platform === 'darwin' ? platform : 'other'];
  return known.flatMap((font) => dirs.map((dir) => ({ file: join(dir, font.path), ...(font.postscriptName ? { postscriptName: font.postscriptName } : {}) })));
}

const WIDTH_CACHE_LIMIT = 4000;
const SHAPE_CACHE_LIMIT = 4000;

function wrapFont(key: string, file: string, font: fontkit.Font): LoadedFont {
  const widths = new Map<string, number>();
  const coverage = new Map<number, boolean>();
  const shapes = new Map<string, boolean>();
  const em = font.unitsPerEm;
  return {
    key,
    file,
    font,
    ascent: font.ascent / em,
    descent: Math.abs(font.descent) / em,
    hasGlyph(codePoint) {
      let known = coverage.get(codePoint);
      if (known === undefined) {
        known = font.hasGlyphForCodePoint(codePoint);
        coverage.set(codePoint, known);
      }
      return known;
    },
    canShape(text) {
      let known = shapes.get(text);
      if (known === undefined) {
        // pdfkit lays a line out a word at a time and this module measures whole runs: try both.
        known = [text, ...text.split(' ')].every((part) => {
          try {
            font.layout(part);
            return true;
          } catch {
            return false;
          }
        });
        if (shapes.size >= SHAPE_CACHE_LIMIT) shapes.clear();
        shapes.set(text, known);
      }
      return known;
    },
    widthOf(text, size) {
      let units = widths.get(text);
      if (units === undefined) {
        units = font.layout(text).advanceWidth;
        if (widths.size >= WIDTH_CACHE_LIMIT) widths.clear();
        widths.set(text, units);
      }
      return (units / em) * size;
    },
  };
}

/** Parse a font file (or one face of a collection). Returns null for anything unusable, never throws. */
function openFont(key: string, candidate: FallbackCandidate): LoadedFont | null {
  try {
    if (!existsSync(candidate.file)) return null;
    let bytes: Buffer = readFileSync(candidate.file);
    // pdfkit embeds WOFF2 fonts as blank glyphs (woff.ts): never use one.
    if (isWoff2(bytes)) return null;
    if (isWoff(bytes)) bytes = woffToSfnt(bytes);
    const parsed = loadFontkit().create(bytes);
    let face: fontkit.Font | null | undefined;
    if ('fonts' in parsed) {
      face = (candidate.postscriptName ? parsed.getFont(candidate.postscriptName) : null) ?? parsed.fonts[0];
    } else {
      face = parsed;
    }
    if (!face || typeof face.layout !== 'function' || !(face.unitsPerEm > 0)) return null;
    return wrapFont(key, candidate.file, face);
  } catch {
    return null;
  }
}

function openShipped(role: FontRole): LoadedFont {
  const file = join(FONTS_DIR, SHIPPED[role]);
  const font = openFont(`SafeHands-${role}`, { file });
  if (!font) throw new Error(`The font file ${file} is missing or damaged: reinstall Safe Hands.`);
  return font;
}

export interface FontSetOptions {
  /** Every fallback, in order, instead of the shipped ones followed by the computer's. */
  fallbackCandidates?: readonly FallbackCandidate[];
  /** Where the computer's own fonts are looked for, after the shipped fallbacks; this platform's folders by default. */
  systemFontDirs?: readonly string[];
}

/**
 * A set of fonts: the shipped DejaVu ones (read now) and the fallbacks (read on first need). Keep the
 * result: every document built with it reuses the parsed fonts.
 */
export function loadFontSet(options: FontSetOptions = {}): FontSet {
  const regular = openShipped('regular');
  const bold = openShipped('bold');
  const mono = openShipped('mono');
  // The shipped fallbacks come first so that a name prints the same on every PC, in fonts tested with
  // pdfkit; the computer's fonts only fill what they lack.
  const candidates = options.fallbackCandidates
    ? [...options.fallbackCandidates]
    : [...shippedFallbackCandidates(), ...systemFallbackCandidates(process.platform, process.env, options.systemFontDirs)];
  const opened = new Map<number, LoadedFont | null>();
  const open = (index: number): LoadedFont | null => {
    if (!opened.has(index)) {
      const candidate = candidates[index]!;
      const same = [...opened.entries()].find(([i, font]) => font && candidates[i]!.file === candidate.file && candidates[i]!.postscriptName === candidate.postscriptName);
      opened.set(index, same ? null : openFont(`SafeHands-fallback-${index + 1}`, candidate));
    }
    return opened.get(index)!;
  };
  return {
    regular,
    bold,
    mono,
    fallbackFor(codePoints, text) {
      const sample = text ?? String.fromCodePoint(...codePoints);
      const order = candidates.map((_, i) => i);
      const first = order.filter((i) => candidates[i]!.firstFor?.test(sample));
      for (const index of [...first, ...order.filter((i) => !first.includes(i))]) {
        const candidate = candidates[index]!;
        if (candidate.opensFor && !candidate.opensFor.test(sample)) continue;
        const font = open(index);
        if (font && codePoints.every((cp) => font.hasGlyph(cp)) && (text === undefined || font.canShape(text))) return font;
      }
      return null;
    },
  };
}

/** Folders separated as in PATH: where to look for the computer's fonts instead of the usual places. */
export const FONT_DIRS_VARIABLE = 'SAFE_HANDS_FONT_DIRS';

let shared: FontSet | null = null;

/**
 * The process-wide font set, loaded on first use. SAFE_HANDS_FONT_DIRS, when set, replaces the folders
 * searched for the computer's own fonts (empty: none), so a PC's printing can be reproduced elsewhere.
 */
export function defaultFontSet(): FontSet {
  const dirs = process.env[FONT_DIRS_VARIABLE];
  shared ??= loadFontSet(dirs === undefined ? {} : { systemFontDirs: dirs.split(delimiter).filter(Boolean) });
  return shared;
}
