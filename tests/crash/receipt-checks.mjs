// What must hold for receipts after every crash and restart: none is said to have printed when it did not,
// and every receipt for something still in the safe can be printed (its PDF is in the data folder, made again
// at start if the host died before writing it, and Reprint works).
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { receiptPlace } from '../../dist/main/services/custody/receipt-document.js';
import { isWholePdf } from '../../dist/main/services/custody/receipt-rebuild.js';
import { connect } from './kiosk-client.mjs';

/** How long the restarted host gets to make missing receipt PDFs again (its first PDF loads the fonts). */
const REBUILD_WAIT_MS = 15_000;

/**
 * The harness never sets up a receipt printer, so no receipt may count as printed and the trail may hold no
 * "receipt.print" entry: before the fix, a receipt counted as printed before anything was sent anywhere.
 */
export function checkNothingClaimedPrinted(db) {
  const broken = [];
  for (const r of db.prepare('SELECT number, print_count FROM receipts WHERE print_count > 0').iterate()) {
    broken.push(`receipt ${r.number} counted as printed ${r.print_count} time(s), but no printer is set up`);
  }
  const claimed = db.prepare("SELECT count(*) FROM audit_log WHERE action IN ('receipt.print', 'receipt.reprint')").pluck().get();
  if (claimed > 0) broken.push(`${claimed} audit entries say a receipt printed, but no printer is set up`);
  return broken;
}

/** Where the first copy of a receipt's PDF is kept, by the app's own rule. */
function receiptFile(dataDir, receiptNumber) {
  const place = receiptPlace(receiptNumber, 0);
  return join(dataDir, place.folder, place.fileName);
}

/** Every receipt holding something in the safe has a whole PDF, once the restarted host has had time to make it. */
export async function waitForReceiptPdfs(db, dataDir) {
  const numbers = db.prepare(`SELECT r.number FROM receipts r
    WHERE EXISTS (SELECT 1 FROM custody_items i WHERE i.receipt_id = r.id AND i.state = 'in_safe') ORDER BY r.id`).pluck().all();
  const deadline = Date.now() + REBUILD_WAIT_MS;
  let missing = numbers.filter((n) => !isWholePdf(receiptFile(dataDir, n)));
  while (missing.length > 0 && Date.now() < deadline) {
    await sleep(100);
    missing = missing.filter((n) => !isWholePdf(receiptFile(dataDir, n)));
  }
  return missing.map((n) => `receipt ${n} has items in the safe but no whole PDF ${REBUILD_WAIT_MS / 1000} s after the restart`);
}

/**
 * The receipt the host died on, through the restarted host as the console sees it: listed in the safe as
 * never printed (so Reprint is offered), and Reprint answers with its PDF on disk.
 */
export async function checkReprint(url, admin, dataDir, receiptNumber) {
  const call = (await connect(url)).window();
  const unlocked = await call('staff.unlock', { staffId: admin.staffId, pin: admin.pin });
  if (!unlocked.ok) return [`could not unlock to reprint receipt ${receiptNumber}: ${unlocked.error.message}`];
  const safe = await call('custody.inSafe', {});
  if (!safe.ok) return [`custody.inSafe failed: ${safe.error.message}`];
  const listed = safe.value.owners.flatMap((o) => o.receipts).find((r) => r.receiptNumber === receiptNumber);
  if (!listed) return [`receipt ${receiptNumber}, caught between its commit and its PDF, is not listed in the safe`];
  const broken = [];
  if (listed.printCount !== 0) broken.push(`receipt ${receiptNumber} never printed but is listed with ${listed.printCount} copies printed`);
  const reprint = await call('custody.reprint', { receiptId: listed.receiptId });
  if (!reprint.ok) return [...broken, `Reprint of receipt ${receiptNumber} was refused: ${reprint.error.message}`];
  if (reprint.value.print.documentId === null) broken.push(`Reprint of receipt ${receiptNumber} made no PDF: ${reprint.value.print.reason}`);
  if (!isWholePdf(receiptFile(dataDir, receiptNumber))) broken.push(`Reprint of receipt ${receiptNumber} left no whole PDF`);
  await call('staff.lock', {});
  return broken;
}
