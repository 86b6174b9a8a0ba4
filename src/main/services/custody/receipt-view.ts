import type { ReceiptView } from '../../../shared/contract/index.js';
import { itemsOfReceipts, type ReceiptRow } from '../../db/repositories/custody-repo.js';
import type { Storage } from '../../db/storage.js';

export async function toReceiptViews(db: Storage, rows: readonly ReceiptRow[]): Promise<ReceiptView[]> {
  const items = await itemsOfReceipts(db, rows.map((r) => r.id));
  return rows.map((r) => ({
    receiptId: r.id,
    receiptNumber: r.number,
    ownerType: r.owner_type,
    ownerName: r.owner_name,
    ownerDetail: r.owner_detail,
    visitId: r.visit_id,
    visitOpen: r.visit_open === 1,
    createdAt: r.created_at,
    createdBy: r.created_by_name,
    printCount: r.print_count,
    printProblem: r.print_count === 0 ? r.print_problem : null,
    givenByHand: r.given_by_hand_at === null ? null : { at: r.given_by_hand_at, by: r.given_by_hand_by_name ?? '' },
    items: items.get(r.id) ?? [],
  }));
}

export async function toReceiptView(db: Storage, row: ReceiptRow): Promise<ReceiptView> {
  return (await toReceiptViews(db, [row]))[0]!;
}
