import { readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { makePrivateDir, writePrivateFile } from '../../core/private-files.js';
import { CommandError } from '../../core/command-error.js';
import { audit, nowIso, type ServiceContext } from '../../core/context.js';
import { readSetting, saveSetting } from './settings-store.js';

export const MAX_LOGO_BYTES = 1024 * 1024;

interface LogoContext extends ServiceContext {
  dataDir: string;
}

/** What kind of picture the bytes are, by their signature, or null for anything else. */
export function pictureKind(bytes: Buffer): 'png' | 'jpg' | null {
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpg';
  return null;
}

/**
 * Replaces (or removes) the setting's logo. Only a PNG or JPEG of at most 1 MB is kept; it is written to a
 * temporary file and renamed into place, so a failed upload never leaves half a picture.
 */
export async function setLogo(ctx: LogoContext, dataBase64: string | null): Promise<{ hasLogo: boolean }> {
  const dir = join(ctx.dataDir, 'branding');
  if (dataBase64 === null) {
    await ctx.db.transaction(async () => {
      await saveSetting(ctx.db, 'setting.logoFile', null, nowIso(ctx));
      await audit(ctx, 'settings.logo_removed', 'settings', null, {});
    });
    for (const name of ['logo.png', 'logo.jpg']) rmSync(join(dir, name), { force: true });
    return { hasLogo: false };
  }
  const bytes = Buffer.from(dataBase64, 'base64');
  if (bytes.length === 0) throw new CommandError('invalid_input', 'That logo file is empty.', { dataBase64: 'That logo file is empty.' });
  if (bytes.length > MAX_LOGO_BYTES) {
    throw new CommandError('invalid_input', 'The logo is too large: use a picture of at most 1 MB.', { dataBase64: 'The logo is too large.' });
  }
  const kind = pictureKind(bytes);
  if (!kind) throw new CommandError('invalid_input', 'The logo must be a PNG or JPEG picture.', { dataBase64: 'The logo must be a PNG or JPEG picture.' });
  makePrivateDir(dir);
  const name = kind === 'png' ? 'logo.png' : 'logo.jpg';
  const temporary = join(dir, `${name}.new`);
  writePrivateFile(temporary, bytes);
  renameSync(temporary, join(dir, name));
  await ctx.db.transaction(async () => {
    await saveSetting(ctx.db, 'setting.logoFile', name, nowIso(ctx));
    await audit(ctx, 'settings.logo', 'settings', null, { bytes: bytes.length, kind });
  });
  return { hasLogo: true };
}

/** The logo as a data: URL for the kiosk, or null when there is none (or its file has gone missing). */
export async function logoDataUrl(ctx: LogoContext): Promise<string | null> {
  const name = await readSetting(ctx.db, 'setting.logoFile');
  if (!name) return null;
  const file = join(ctx.dataDir, 'branding', name);
  try {
    // The kiosk asks for its configuration after every visitor: read the picture again only when it changed.
    const { mtimeMs, size } = statSync(file);
    const version = `${mtimeMs}:${size}`;
    if (cached?.file === file && cached.version === version) return cached.url;
    const url = `data:${name.endsWith('.png') ? 'image/png' : 'image/jpeg'};base64,${readFileSync(file).toString('base64')}`;
    cached = { file, version, url };
    return url;
  } catch {
    return null;
  }
}

let cached: { file: string; version: string; url: string } | null = null;
