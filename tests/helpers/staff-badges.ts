import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeQr, renderPdfToPngs } from './pdf.js';

/** Where staff.issueBadge keeps a member of staff's badge: one file each, replaced by their next badge. */
export function staffBadgeFile(dataDir: string, staffId: number): string {
  return join(dataDir, 'badges', `badge-staff-${staffId}.pdf`);
}

/**
 * The code on a member of staff's printed badge, read as the kiosk's scanner reads it: from the QR code on the
 * rendered page. The database holds only its hash, so the paper is the one place a test can find it.
 */
export async function readStaffBadge(dataDir: string, staffId: number): Promise<{ pdf: Buffer; code: string }> {
  const pdf = readFileSync(staffBadgeFile(dataDir, staffId));
  const [page] = await renderPdfToPngs(pdf, 300);
  const code = page ? decodeQr(page) : null;
  if (!code) throw new Error(`No QR code could be read on the badge of staff ${staffId}`);
  return { pdf, code };
}
