import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { PrintStatus } from '../../../shared/contract/index.js';
import { currentLeaflet, insertLeafletPrint, leafletPrintedForVisit, type LeafletVersion } from '../../db/repositories/leaflet-repo.js';
import { findVisit } from '../../db/repositories/visit-repo.js';
import { CommandError } from '../../core/command-error.js';
import { audit, nowIso } from '../../core/context.js';
import { makePrivateDir, replacePrivateFileUnsynced } from '../../core/private-files.js';
import { writeIfStorageAllows } from '../../core/storage-failure.js';
import type { OutputContext } from '../../documents/document-output.js';
import { buildLeafletPdf, type LeafletData } from '../../documents/leaflet.js';
import { printPdf } from '../../printing/print-pdf.js';
import { readSetting } from '../admin/settings-store.js';

/** Where leaflet PDFs are kept: retention-files.ts removes a version's once it has long been replaced. */
export const LEAFLET_FOLDER = 'leaflets';

/**
 * How long after signing in the kiosk may still print a leaflet for that visit. The last sign-in screen goes
 * back to the start after 15 seconds; this leaves room for a slow visitor without letting anyone at the
 * kiosk print for everyone signed in since the morning. Later, the office prints one.
 */
export const LEAFLET_AT_SIGN_IN_MINUTES = 15;

const ASK_AT_THE_OFFICE = 'Please ask at the office for a safeguarding leaflet.';

/**
 * The leaflet's PDF in the data folder, made once per version (and setting name): the file's name carries a
 * digest of what is on it, so every print of the same leaflet reuses the same file, a changed setting name
 * makes a new one, and the folder holds a handful of files rather than one per visitor. Written aside and
 * renamed, so a print reading it never sees half a file.
 */
async function keepLeaflet(ctx: OutputContext, leaflet: LeafletVersion): Promise<string> {
  const data: LeafletData = {
    settingName: await readSetting(ctx.db, 'setting.name') ?? 'Safe Hands',
    title: leaflet.title,
    body: leaflet.body,
    version: leaflet.version,
    publishedAt: leaflet.createdAt,
  };
  const digest = createHash('sha256').update(JSON.stringify(data)).digest('hex').slice(0, 12);
  const dir = join(ctx.dataDir, LEAFLET_FOLDER);
  const file = join(dir, `leaflet-${leaflet.version}-${digest}.pdf`);
  if (!existsSync(file)) {
    const pdf = await buildLeafletPdf(data);
    makePrivateDir(dir);
    replacePrivateFileUnsynced(file, pdf);
  }
  return file;
}

function a4Printer(ctx: OutputContext): Promise<string | null> {
  return readSetting(ctx.db, 'printing.a4Printer');
}

async function requireLeaflet(ctx: OutputContext, missing: string): Promise<LeafletVersion> {
  const leaflet = await currentLeaflet(ctx.db);
  if (!leaflet) throw new CommandError('conflict', missing);
  return leaflet;
}

/**
 * The current leaflet on the A4 printer, from the console: for a visitor at the desk, or a pile for the
 * entrance. A browser at a second desk gets the PDF to open, as for the roll call; the print is audited.
 */
export async function printLeaflet(ctx: OutputContext): Promise<{ version: number; print: PrintStatus }> {
  const leaflet = await requireLeaflet(ctx, 'There is no safeguarding leaflet yet. The DSL can write one under Safeguarding, then Leaflet.');
  const file = await keepLeaflet(ctx, leaflet);
  const documentId = ctx.documentLinks.issue(file, ctx.sessionKey);
  const printer = await a4Printer(ctx);
  const outcome = await printPdf(file, printer, { purpose: 'A4 documents' });
  // Paper that has come out is not taken back when the disk refuses the entry (as for the roll call).
  await writeIfStorageAllows(ctx.db, 'leaflet.print', () =>
    ctx.db.transaction(() => audit(ctx, 'leaflet.print', 'leaflet_version', leaflet.id, { version: leaflet.version, printed: outcome.ok })));
  const print: PrintStatus = outcome.ok ? { printed: true, printer: printer ?? '', documentId } : { printed: false, reason: outcome.reason, documentId };
  return { version: leaflet.version, print };
}

/**
 * A leaflet for the visitor who has just signed in and asked for one at the kiosk. The public kiosk must not
 * be a way to keep the A4 printer busy, so it prints at most once per visit (the schema holds that too), and
 * only for a visit still on site that signed in within the last few minutes. The print is recorded before
 * it is sent, in one transaction with its audit entry, so two taps at once print one leaflet.
 */
export async function printLeafletForVisitor(ctx: OutputContext, visitId: number): Promise<{ printed: boolean }> {
  const leaflet = await requireLeaflet(ctx, ASK_AT_THE_OFFICE);
  await ctx.db.transaction(async () => {
    const visit = await findVisit(ctx.db, visitId);
    const now = ctx.clock.now().getTime();
    const signedIn = visit ? Date.parse(visit.signed_in_at) : Number.NaN;
    // A visit the kiosk did not just sign in (or none at all) gets the same words: the kiosk learns nothing.
    if (!visit || visit.signed_out_at !== null || !(now - signedIn <= LEAFLET_AT_SIGN_IN_MINUTES * 60_000)) {
      throw new CommandError('conflict', ASK_AT_THE_OFFICE);
    }
    if (await leafletPrintedForVisit(ctx.db, visitId)) {
      throw new CommandError('conflict', 'Your leaflet has already been printed. Please ask at the office if you need another.');
    }
    await insertLeafletPrint(ctx.db, { visitId, leafletVersionId: leaflet.id, printedAt: nowIso(ctx) });
    await audit(ctx, 'leaflet.printForVisitor', 'visit', visitId, { version: leaflet.version });
  });
  const outcome = await printPdf(await keepLeaflet(ctx, leaflet), await a4Printer(ctx), { purpose: 'A4 documents' });
  return { printed: outcome.ok };
}
