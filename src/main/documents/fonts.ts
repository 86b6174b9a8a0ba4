/**
 * Fonts for every printed document. The shipped DejaVu fonts cover Latin, Greek, Cyrillic, Arabic and
 * Hebrew letters; for characters they lack (Chinese, Japanese, Korean, emoji) a system font is used when
 * the computer has one, and otherwise a visible box stands in for just those characters.
 *
 * Font files are read and parsed once per process: a receipt costs layout and subsetting, not disk reads.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type * as fontkit from 'fontkit';
import { ASSETS_DIR } from '../paths.js';

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
  /** Advance width of `text` in points at `size`. */
  widthOf(text: string, size: number): number;
}

export interface FontSet {
  readonly regular: LoadedFont;
  readonly bold: LoadedFont;
  readonly mono: LoadedFont;
  /**
   * A system font that has every one of these characters, or null. Candidate files are opened one at a
   * time, only when a character needs them, and then kept.
   */
  fallbackFor(codePoints: readonly number[]): LoadedFont | null;
}

/** A system font that may exist on this computer; `postscriptName` picks one face from a .ttc collection. */
export interface FallbackCandidate {
  file: string;
  postscriptName?: string;
}

export const FONTS_DIR = join(ASSETS_DIR, 'fonts');

const SHIPPED = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  mono: 'DejaVuSansMono-Bold.ttf',
} as const satisfies Record<FontRole, string>;

/**
 * Fonts that cover what DejaVu lacks, in order of preference, per platform. Only fonts with outline
 * glyphs are listed: colour-bitmap emoji fonts (Noto Color Emoji, Apple Color Emoji) cannot go into a PDF.
 */
export function systemFallbackCandidates(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): FallbackCandidate[] {
  if (platform === 'win32') {
    const fontsDir = join(env.WINDIR ?? env.SystemRoot ?? 'C:\\Windows', 'Fonts');
    return [
      { file: join(fontsDir, 'msyh.ttc'), postscriptName: 'MicrosoftYaHei' },
      { file: join(fontsDir, 'msyh.ttf') },
      { file: join(fontsDir, 'simsun.ttc'), postscriptName: 'SimSun' },
      { file: join(fontsDir, 'YuGothM.ttc') },
      { file: join(fontsDir, 'malgun.ttf') },
      { file: join(fontsDir, 'seguisym.ttf') },
    ];
  }
  if (platform === 'darwin') {
    return [
      { file: '/System/Library/Fonts/PingFang.ttc', postscriptName: 'PingFangSC-Regular' },
      { file: '/System/Library/Fonts/Hiragino Sans GB.ttc' },
      { file: '/System/Library/Fonts/STHeiti Light.ttc' },
      { file: '/System/Library/Fonts/Supplemental/Arial Unicode.ttf' },
      { file: '/Library/Fonts/Arial Unicode.ttf' },
      { file: '/System/Library/Fonts/Apple Symbols.ttf' },
    ];
  }
  return [
    { file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', postscriptName: 'NotoSansCJKsc-Regular' },
    { file: '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc', postscriptName: 'NotoSansCJKsc-Regular' },
    { file: '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc', postscriptName: 'NotoSansCJKsc-Regular' },
    { file: '/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf' },
    { file: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc' },
    { file: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc' },
    { file: '/usr/share/fonts/truetype/arphic/uming.ttc' },
    { file: '/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf' },
    { file: '/usr/share/fonts/truetype/noto/NotoEmoji-Regular.ttf' },
  ];
}

const WIDTH_CACHE_LIMIT = 4000;

function wrapFont(key: string, file: string, font: fontkit.Font): LoadedFont {
  const widths = new Map<string, number>();
  const coverage = new Map<number, boolean>();
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
    const parsed = loadFontkit().create(readFileSync(candidate.file));
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
  /** Where to look for fonts covering what DejaVu lacks; defaults to this platform's usual places. */
  fallbackCandidates?: readonly FallbackCandidate[];
}

/**
 * A set of fonts: the shipped ones (read now) and the system fallbacks (read on first need). Keep the
 * result: every document built with it reuses the parsed fonts.
 */
export function loadFontSet(options: FontSetOptions = {}): FontSet {
  const regular = openShipped('regular');
  const bold = openShipped('bold');
  const mono = openShipped('mono');
  const candidates = [...(options.fallbackCandidates ?? systemFallbackCandidates())];
  const opened: LoadedFont[] = [];
  let next = 0;
  const covers = (font: LoadedFont, codePoints: readonly number[]) => codePoints.every((cp) => font.hasGlyph(cp));
  return {
    regular,
    bold,
    mono,
    fallbackFor(codePoints) {
      const known = opened.find((font) => covers(font, codePoints));
      if (known) return known;
      while (next < candidates.length) {
        const candidate = candidates[next++]!;
        if (opened.some((font) => font.file === candidate.file)) continue;
        const font = openFont(`SafeHands-fallback-${opened.length + 1}`, candidate);
        if (!font) continue;
        opened.push(font);
        if (covers(font, codePoints)) return font;
      }
      return null;
    },
  };
}

let shared: FontSet | null = null;

/** The process-wide font set, loaded on first use. */
export function defaultFontSet(): FontSet {
  shared ??= loadFontSet();
  return shared;
}
