import { join } from 'node:path';
import type { ReceiptLayout, ReceiptView } from '../../../shared/contract/index.js';
import { DEVICE_KIND_LABELS } from '../../../shared/domain/devices.js';
import { buildReceiptPdf } from '../../documents/receipt.js';
import type { Storage } from '../../db/storage.js';
import { readSetting } from '../admin/settings-store.js';

/**
 * Where a receipt's PDF is kept in the data folder: receipts/2026/receipt-2026-0042.pdf for the first copy,
 * receipt-2026-0042-reprint-1.pdf for the next. The start-up rebuild looks for the first copy by this name.
 */
export function receiptPlace(receiptNumber: string, reprint: number): { folder: string; fileName: string } {
  return {
    folder: join('receipts', receiptNumber.slice(0, 4)),
    fileName: `receipt-${receiptNumber}${reprint > 0 ? `-reprint-${reprint}` : ''}.pdf`,
  };
}

/**
 * A receipt's PDF, made from what the database holds now. `reprint` is how many copies the spooler has
 * already taken: 0 makes the first copy (every item logged), more makes a marked reprint listing only what is
 * still in the safe.
 */
export async function receiptPdf(db: Storage, receipt: ReceiptView, token: string, reprint: number, layout?: ReceiptLayout): Promise<Buffer> {
  return buildReceiptPdf(
    {
      settingName: await readSetting(db, 'setting.name') ?? 'Safe Hands',
      settingAddress: await readSetting(db, 'setting.address'),
      receiptNumber: receipt.receiptNumber,
      token,
      owner: { name: receipt.ownerName, detail: receipt.ownerDetail },
      items: receipt.items
        .filter((i) => i.state === 'in_safe' || reprint === 0)
        .map((i) => ({ kindLabel: DEVICE_KIND_LABELS[i.kind], description: i.description, marks: i.marks, bagSlot: i.bagSlot })),
      loggedAt: receipt.createdAt,
      staffName: receipt.createdBy,
      reprint,
      lossAndDamage: await readSetting(db, 'custody.lossAndDamage'),
    },
    layout ?? await readSetting(db, 'printing.receiptLayout'),
  );
}
