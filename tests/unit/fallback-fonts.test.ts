/**
 * The shipped fallback fonts are really there, licensed, in a form pdfkit can embed, and packed into the
 * installer (and nothing else of their 300 MB packages is). The packing is checked with electron-builder's
 * own file matcher, applied to the real node_modules as it applies it while building.
 */
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHIPPED_FALLBACKS, shippedFontPath } from '../../src/main/documents/fallback-fonts.js';
import { isWoff, isWoff2, woffToSfnt } from '../../src/main/documents/woff.js';
import { APP_ROOT } from '../../src/main/core/paths.js';

const require = createRequire(import.meta.url);
const FONTSOURCE = join(APP_ROOT, 'node_modules', '@fontsource');

describe('shipped fallback fonts', () => {
  const packageJson = JSON.parse(readFileSync(join(APP_ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };

  it.each(SHIPPED_FALLBACKS.map((entry) => [entry.covers, entry] as const))('%s: a pinned dependency, an OFL licence and a WOFF file', (_covers, entry) => {
    expect(packageJson.dependencies[entry.package]).toMatch(/^\d+\.\d+\.\d+$/);
    const file = shippedFontPath(entry);
    expect(file.startsWith(join(FONTSOURCE, entry.package.split('/')[1]!))).toBe(true);
    const bytes = readFileSync(file);
    // WOFF2 would print as blank glyphs (src/main/documents/woff.ts).
    expect(isWoff(bytes)).toBe(true);
    expect(isWoff2(bytes)).toBe(false);
    const licence = readFileSync(join(FONTSOURCE, entry.package.split('/')[1]!, 'LICENSE'), 'utf8');
    expect(licence).toContain('SIL Open Font License, Version 1.1');
  });

  it('lists every @fontsource package the app depends on, and only those', () => {
    const dependencies = Object.keys(packageJson.dependencies).filter((name) => name.startsWith('@fontsource/')).sort();
    expect(dependencies).toEqual(SHIPPED_FALLBACKS.map((entry) => entry.package).sort());
  });

  it('unpacks a WOFF file into the same font: every outline as fontkit reads it from the WOFF', () => {
    const fontkit = require('fontkit') as { create(data: Uint8Array): { glyphForCodePoint(cp: number): { path: { toSVG(): string } } } };
    const woff = readFileSync(shippedFontPath(SHIPPED_FALLBACKS[0]!));
    const fromWoff = fontkit.create(woff);
    const fromSfnt = fontkit.create(woffToSfnt(woff));
    for (const ch of '王芳張偉Wang') {
      expect(fromSfnt.glyphForCodePoint(ch.codePointAt(0)!).path.toSVG()).toBe(fromWoff.glyphForCodePoint(ch.codePointAt(0)!).path.toSVG());
    }
    expect(() => woffToSfnt(woff.subarray(0, 200))).toThrow(/WOFF/);
  });
});

describe('the installer (electron-builder.yml)', () => {
  // As electron-builder 26 filters a dependency's files (app-builder-lib getNodeModuleFileMatcher): only
  // the "!" patterns of `files` apply, after an implicit "**/*".
  function packedFontFiles(): string[] {
    const yaml = require('js-yaml') as { load(text: string): { files: unknown[] } };
    const { FileMatcher } = require('app-builder-lib/out/fileMatcher.js') as {
      FileMatcher: new (from: string, to: string, expand: (s: string) => string, patterns: string[]) => {
        prependPattern(pattern: string): void;
        createFilter(): (file: string, stat: ReturnType<typeof lstatSync> & { moduleFullFilePath?: string }) => boolean;
      };
    };
    const config = yaml.load(readFileSync(join(APP_ROOT, 'electron-builder.yml'), 'utf8'));
    const excludes = config.files.filter((p): p is string => typeof p === 'string' && p.startsWith('!'));
    const matcher = new FileMatcher(APP_ROOT, '/packed', (s) => s, excludes);
    matcher.prependPattern('**/*');
    const keep = matcher.createFilter();
    const kept: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir).sort()) {
        const file = join(dir, name);
        const stat = Object.assign(lstatSync(file), { moduleFullFilePath: relative(APP_ROOT, file) });
        if (!keep(file, stat)) continue;
        if (stat.isDirectory()) walk(file);
        else kept.push(relative(FONTSOURCE, file));
      }
    };
    walk(FONTSOURCE);
    return kept.sort();
  }

  it('packs exactly the fallback fonts the app reads, with their licences', () => {
    const expected = SHIPPED_FALLBACKS.flatMap((entry) => {
      const dir = entry.package.split('/')[1]!;
      return [`${dir}/LICENSE`, `${dir}/${entry.file}`, `${dir}/package.json`];
    }).sort();
    expect(packedFontFiles()).toEqual(expected);
  });
});
