import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import type { Storage } from '../../db/storage.js';
import { receiptsInSafe } from '../../db/repositories/custody-repo.js';
import { makePrivateDir, replacePrivateFile } from '../../core/private-files.js';
import { receiptPdf, receiptPlace } from './receipt-document.js';
import { toReceiptViews } from './receipt-view.js';

/**
 * Makes again, from the database, the PDF of every receipt that still has something in the safe and whose
 * file is not in the data folder, or is cut short: the host stopped between committing the receipt and
 * writing its file, or while writing it (a power cut, a crash), or the file was removed. Receipts whose
 * items have all gone home are left alone: nothing can be collected with them, and retention may have
 * removed their files on purpose.
 *
 * Returns the receipt numbers made again. One receipt that cannot be made is reported and the rest go on.
 */
export async function rebuildMissingReceipts(db: Storage, dataDir: string): Promise<string[]> {
  // Closed before this turn came (a test, or a host stopped at once): the next start does it.
  if (!db.open) return [];
  const rows = (await receiptsInSafe(db)).filter((r) => {
    const place = receiptPlace(r.number, 0);
    return !isWholePdf(join(dataDir, place.folder, place.fileName));
  });
  const views = await toReceiptViews(db, rows);
  const rebuilt: string[] = [];
  for (const [index, view] of views.entries()) {
    // The app closed while this ran: what is left is made at the next start.
    if (!db.open) break;
    try {
      const place = receiptPlace(view.receiptNumber, 0);
      const pdf = await receiptPdf(db, view, rows[index]!.token, 0);
      if (!db.open) break;
      makePrivateDir(join(dataDir, place.folder));
      // Whole or not at all: a second stop while writing leaves the old file, which the next start sees.
      replacePrivateFile(join(dataDir, place.folder, place.fileName), pdf);
      rebuilt.push(view.receiptNumber);
    } catch (err) {
      console.error(`The PDF of receipt ${view.receiptNumber} could not be made again:`, err);
    }
  }
  if (rebuilt.length > 0) console.error(`Receipts: made again the missing PDF of ${rebuilt.join(', ')}.`);
  return rebuilt;
}

/** Whether the file is there and is a PDF written to its end ("%PDF-" first, "%%EOF" in its last bytes). */
export function isWholePdf(file: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const size = fstatSync(fd).size;
    if (size < 16) return false;
    const head = Buffer.alloc(5);
    readSync(fd, head, 0, 5, 0);
    const tail = Buffer.alloc(Math.min(64, size));
    readSync(fd, tail, 0, tail.length, size - tail.length);
    return head.toString('latin1') === '%PDF-' && tail.toString('latin1').includes('%%EOF');
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
