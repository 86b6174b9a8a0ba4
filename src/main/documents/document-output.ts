import { join } from 'node:path';
import type { PrintStatus } from '../../shared/contract/index.js';
import { printPdf } from '../printing/print-pdf.js';
import { makePrivateDir, writePrivateFile } from '../core/private-files.js';
import type { ServiceContext } from '../core/context.js';
import type { DocumentLinks } from './document-links.js';

export interface OutputContext extends ServiceContext {
  dataDir: string;
  documentLinks: DocumentLinks;
  /** The caller's window: a link made at an unlocked console dies when that console locks. */
  sessionKey?: string;
}

/**
 * Keeps a document the app made in the data folder and offers it by a short-lived link.
 *
 * The folder and file are written synchronously, as the database is: documents are small (a receipt is about
 * 27 KB), and right after a PDF build two file operations through the thread pool waited over a millisecond
 * (1.5 ms measured for a receipt, against about 0.15 ms written here). Same files, same content, and a
 * failure still comes back as a rejected promise. Folder 0700 and file 0600: a receipt names a visitor.
 */
export async function keepDocument(ctx: OutputContext, content: Buffer, place: { folder: string; fileName: string }): Promise<{ file: string; documentId: string }> {
  const dir = join(ctx.dataDir, place.folder);
  makePrivateDir(dir);
  const file = join(dir, place.fileName);
  writePrivateFile(file, content);
  return { file, documentId: ctx.documentLinks.issue(file, ctx.sessionKey) };
}

/**
 * Keeps a PDF and sends it to the printer chosen for it. Printing failing (or no printer chosen) is a plain
 * reason, never an error: the record the document describes is already safe.
 */
export async function keepAndPrint(
  ctx: OutputContext,
  pdf: Buffer,
  place: { folder: string; fileName: string },
  printer: { name: string | null; purpose: string },
): Promise<PrintStatus> {
  const { file, documentId } = await keepDocument(ctx, pdf, place);
  const outcome = await printPdf(file, printer.name, { purpose: printer.purpose });
  return outcome.ok ? { printed: true, printer: printer.name ?? '', documentId } : { printed: false, reason: outcome.reason, documentId };
}
