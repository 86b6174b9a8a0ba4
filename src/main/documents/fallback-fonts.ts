/**
 * The fallback fonts Safe Hands ships, for the letters the DejaVu fonts lack: the scripts visitors to UK
 * schools write their names in. Each comes from an npm package pinned in package.json (SIL Open Font
 * Licence; the package's LICENSE file travels with it into the installed app). Only the regular weight of
 * each script's subset is used: about 5.5 MB in all, most of it the four Chinese, Japanese and Korean fonts.
 * assets/fonts/README.md says why these files and not others.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { APP_ROOT } from '../core/paths.js';

/** A font file that may be used for characters the shipped DejaVu fonts lack. */
export interface FallbackCandidate {
  file: string;
  /** Picks one face from a .ttc collection. */
  postscriptName?: string;
  /** Opened only for text with one of these characters (the shipped fonts each cover known scripts). */
  opensFor?: RegExp;
  /** Tried before the other candidates for text with one of these characters. */
  firstFor?: RegExp;
}

export interface ShippedFallback {
  /** The npm package (a dependency in package.json). */
  package: string;
  /** The font file inside the package. */
  file: string;
  /** What it is for, in words, for the fonts README and messages. */
  covers: string;
  /** Opened only for text with one of these characters: a Thai name never loads the Chinese fonts. */
  opensFor: RegExp;
  /** Tried before the other fallbacks for text with one of these (Japanese kana, Korean hangul). */
  firstFor?: RegExp;
}

const HAN = String.raw`\p{Script=Han}\u3000-\u303f\uff00-\uffef`;
const KANA = String.raw`\p{Script=Hiragana}\p{Script=Katakana}`;

/** In order of preference: for a name that several can draw, the first wins. */
export const SHIPPED_FALLBACKS: readonly ShippedFallback[] = [
  { package: '@fontsource/noto-sans-sc', file: 'files/noto-sans-sc-chinese-simplified-400-normal.woff', covers: 'Chinese (simplified)', opensFor: new RegExp(`[${HAN}${KANA}]`, 'u') },
  { package: '@fontsource/noto-sans-tc', file: 'files/noto-sans-tc-chinese-traditional-400-normal.woff', covers: 'Chinese (traditional)', opensFor: new RegExp(`[${HAN}]`, 'u') },
  { package: '@fontsource/noto-sans-jp', file: 'files/noto-sans-jp-japanese-400-normal.woff', covers: 'Japanese', opensFor: new RegExp(`[${HAN}${KANA}]`, 'u'), firstFor: new RegExp(`[${KANA}]`, 'u') },
  { package: '@fontsource/noto-sans-kr', file: 'files/noto-sans-kr-korean-400-normal.woff', covers: 'Korean', opensFor: /[\p{Script=Hangul}]/u, firstFor: /[\p{Script=Hangul}]/u },
  { package: '@fontsource/noto-naskh-arabic', file: 'files/noto-naskh-arabic-arabic-400-normal.woff', covers: 'Arabic, Urdu, Persian, Pashto, Kurdish', opensFor: /[\p{Script=Arabic}]/u },
  { package: '@fontsource/noto-sans-devanagari', file: 'files/noto-sans-devanagari-devanagari-400-normal.woff', covers: 'Hindi, Marathi, Nepali (Devanagari)', opensFor: /[\p{Script=Devanagari}]/u },
  { package: '@fontsource/noto-sans-bengali', file: 'files/noto-sans-bengali-bengali-400-normal.woff', covers: 'Bengali', opensFor: /[\p{Script=Bengali}]/u },
  { package: '@fontsource/noto-sans-gujarati', file: 'files/noto-sans-gujarati-gujarati-400-normal.woff', covers: 'Gujarati', opensFor: /[\p{Script=Gujarati}]/u },
  // Not Noto Sans Gurmukhi: fontkit 2.0.4 fails on its mark positioning (a null anchor) in most Punjabi names.
  { package: '@fontsource/mukta-mahee', file: 'files/mukta-mahee-gurmukhi-400-normal.woff', covers: 'Punjabi (Gurmukhi)', opensFor: /[\p{Script=Gurmukhi}]/u },
  { package: '@fontsource/noto-sans-tamil', file: 'files/noto-sans-tamil-tamil-400-normal.woff', covers: 'Tamil', opensFor: /[\p{Script=Tamil}]/u },
  // Not Noto Sans Malayalam or Telugu: the same fontkit failure, on words such as ലക്ഷ്മി and శ్రీనివాస్.
  { package: '@fontsource/manjari', file: 'files/manjari-malayalam-400-normal.woff', covers: 'Malayalam', opensFor: /[\p{Script=Malayalam}]/u },
  { package: '@fontsource/hind-guntur', file: 'files/hind-guntur-telugu-400-normal.woff', covers: 'Telugu', opensFor: /[\p{Script=Telugu}]/u },
  { package: '@fontsource/noto-sans-kannada', file: 'files/noto-sans-kannada-kannada-400-normal.woff', covers: 'Kannada', opensFor: /[\p{Script=Kannada}]/u },
  { package: '@fontsource/noto-sans-sinhala', file: 'files/noto-sans-sinhala-sinhala-400-normal.woff', covers: 'Sinhala', opensFor: /[\p{Script=Sinhala}]/u },
  { package: '@fontsource/noto-sans-thai', file: 'files/noto-sans-thai-thai-400-normal.woff', covers: 'Thai', opensFor: /[\p{Script=Thai}]/u },
  { package: '@fontsource/noto-sans-ethiopic', file: 'files/noto-sans-ethiopic-ethiopic-400-normal.woff', covers: 'Tigrinya, Amharic (Ethiopic)', opensFor: /[\p{Script=Ethiopic}]/u },
];

const requireFrom = createRequire(import.meta.url);

/** Where a shipped font file is: found as Node finds the package, so a nested or hoisted install both work. */
export function shippedFontPath(entry: Pick<ShippedFallback, 'package' | 'file'>): string {
  try {
    return requireFrom.resolve(`${entry.package}/${entry.file}`);
  } catch {
    // Not resolvable (a damaged install): the usual place, which openFont then reports as missing.
    return join(APP_ROOT, 'node_modules', ...entry.package.split('/'), entry.file);
  }
}

export function shippedFallbackCandidates(): FallbackCandidate[] {
  return SHIPPED_FALLBACKS.map((entry) => ({
    file: shippedFontPath(entry),
    opensFor: entry.opensFor,
    ...(entry.firstFor ? { firstFor: entry.firstFor } : {}),
  }));
}
