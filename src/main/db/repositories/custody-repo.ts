import type { DeviceKind } from '../../../shared/domain/devices.js';
import { fullName } from '../../../shared/domain/names.js';
import type { CustodyItemView, CustodyReason, CustodyState, OwnerType } from '../../../shared/domain/custody.js';
import { listOf, MAX_CHAR, type Storage } from '../storage.js';
import { confiscationOutcome, OUTCOME_COLUMNS, OUTCOME_JOINS, type OutcomeColumns } from './confiscation-repo.js';

export interface ReceiptRow {
  id: number;
  number: string;
  token: string;
  owner_type: OwnerType;
  visit_id: number | null;
  staff_owner: number | null;
  learner_name: string | null;
  learner_group: string | null;
  handover_id: number | null;
  created_at: string;
  created_by_name: string;
  print_count: number;
  print_problem: string | null;
  /** Written out by hand for the owner because the printer never took it (migration 0016). */
  given_by_hand_at: string | null;
  given_by_hand_by_name: string | null;
  owner_name: string;
  owner_detail: string | null;
  visit_open: number;
  collection_requested_at: string | null;
}

/**
 * A receipt with its owner's name resolved from wherever that owner lives. A visitor's name is built in
 * toReceiptRow with fullName, not in SQL: PostgreSQL cannot run the same rule, so both engines give the
 * visitor's name columns and the app joins them.
 */
const RECEIPT_SELECT = `
  SELECT r.id, r.number, r.token, r.owner_type, r.visit_id, r.staff_owner, r.learner_name, r.learner_group,
         r.handover_id, r.created_at, cb.display_name AS created_by_name, r.print_count, r.print_problem,
         r.given_by_hand_at, gb.display_name AS given_by_hand_by_name,
         CASE r.owner_type
           WHEN 'visitor' THEN NULL
           WHEN 'staff' THEN so.display_name
           ELSE r.learner_name END AS owner_name,
         v.first_name AS owner_first_name, v.last_name AS owner_last_name, v.family_name_first AS owner_family_name_first,
         CASE r.owner_type
           WHEN 'visitor' THEN v.organisation
           WHEN 'staff' THEN 'Staff'
           ELSE 'Pupil' || coalesce(', ' || r.learner_group, '') END AS owner_detail,
         CASE WHEN vi.id IS NOT NULL AND vi.signed_out_at IS NULL THEN 1 ELSE 0 END AS visit_open,
         vi.collection_requested_at
  FROM receipts r
  JOIN staff cb ON cb.id = r.created_by
  LEFT JOIN visits vi ON vi.id = r.visit_id
  LEFT JOIN visitors v ON v.id = vi.visitor_id
  LEFT JOIN staff so ON so.id = r.staff_owner
  LEFT JOIN staff gb ON gb.id = r.given_by_hand_by`;

/** RECEIPT_SELECT's row before the visitor's name is built. */
type SelectedReceipt = ReceiptRow & { owner_first_name: string | null; owner_last_name: string | null; owner_family_name_first: number | null };

function toReceiptRow(row: SelectedReceipt): ReceiptRow {
  const { owner_first_name: first, owner_last_name: last, owner_family_name_first: familyFirst, ...receipt } = row;
  if (receipt.owner_type !== 'visitor') return receipt;
  // No name at all when the visit's visitor is missing.
  const name = first !== null && last !== null ? fullName({ firstName: first, lastName: last, familyNameFirst: familyFirst === 1 }) : null;
  return { ...receipt, owner_name: name as string };
}

/** nextReceiptSeq's statement, the same text on both engines (a test runs it on PostgreSQL from two desks). */
export const NEXT_RECEIPT_SEQ_SQL = `INSERT INTO receipt_numbers (year, last_seq) VALUES (@year, 1)
  ON CONFLICT (year) DO UPDATE SET last_seq = receipt_numbers.last_seq + 1
  RETURNING last_seq`;

/**
 * Takes the year's next receipt number: 1 for the year's first receipt, else one more than the last taken
 * (migration 0028's receipt_numbers). The number is held until the transaction ends: a rolled-back log undoes
 * the increment, so no number is ever skipped, and the receipts_numbered_in_turn trigger refuses a receipt
 * with any other number. Correct with many desks at once because of the lock each engine takes here and holds
 * to commit: on PostgreSQL the upsert's lock on the year's row (or, for a year's first receipt, on its key in
 * the primary key), so a second desk waits and then counts on from the committed value (READ COMMITTED
 * re-reads it); on SQLite the write transaction itself, which only one connection holds at a time.
 * Call it inside the transaction that writes the receipt, just before insertReceipt.
 */
export async function nextReceiptSeq(db: Storage, year: number): Promise<number> {
  return ((await db.get(NEXT_RECEIPT_SEQ_SQL, { year })) as { last_seq: number }).last_seq;
}

export async function insertReceipt(
  db: Storage,
  r: {
    year: number; seq: number; number: string; token: string; ownerType: OwnerType; visitId: number | null; staffOwner: number | null;
    learnerName: string | null; learnerGroup: string | null; handoverId: number | null; createdAt: string; createdBy: number;
  },
): Promise<number> {
  const result = (await db.get(`INSERT INTO receipts (year, seq, number, token, owner_type, visit_id, staff_owner, learner_name, learner_group, handover_id, created_at, created_by)
     VALUES (@year, @seq, @number, @token, @ownerType, @visitId, @staffOwner, @learnerName, @learnerGroup, @handoverId, @createdAt, @createdBy)
     RETURNING id`, r)) as { id: number };
  return result.id;
}

export async function insertCustodyItem(
  db: Storage,
  item: {
    receiptId: number; kind: DeviceKind; description: string | null; marks: string | null; bagSlot: string;
    reason: CustodyReason; confiscationReason: string | null; loggedAt: string; loggedBy: number;
  },
): Promise<number> {
  const result = (await db.get(`INSERT INTO custody_items (receipt_id, kind, description, marks, bag_slot, reason, confiscation_reason, logged_at, logged_by)
     VALUES (@receiptId, @kind, @description, @marks, @bagSlot, @reason, @confiscationReason, @loggedAt, @loggedBy)
     RETURNING id`, item)) as { id: number };
  return result.id;
}

export async function findReceiptBy(db: Storage, field: 'id' | 'token' | 'number', value: number | string): Promise<ReceiptRow | undefined> {
  const row = (await db.get(`${RECEIPT_SELECT} WHERE r.${field} = ?`, [value])) as SelectedReceipt | undefined;
  return row && toReceiptRow(row);
}

/**
 * Receipts still holding something whose owner matches a name typed at the desk (a lost receipt): a
 * visitor by the start of any word of their surname (any of the folded `keys`, one per word typed), a staff
 * member or pupil by any part of the name.
 */
export async function receiptsInSafeByOwnerName(db: Storage, keys: readonly string[], typed: string, limit: number): Promise<ReceiptRow[]> {
  const rows = (await db.all(`${RECEIPT_SELECT}
     WHERE EXISTS (SELECT 1 FROM custody_items i WHERE i.receipt_id = r.id AND i.state = 'in_safe')
       AND (EXISTS (SELECT 1 FROM ${listOf(db.engine, '@keys', 'text', 'k')} JOIN visitor_name_words w
                    ON w.visitor_id = v.id AND w.word >= k.value AND w.word < k.value || ${MAX_CHAR})
            OR lower(so.display_name) LIKE @contains ESCAPE '\\' OR lower(r.learner_name) LIKE @contains ESCAPE '\\')
     ORDER BY r.created_at, r.id
     LIMIT @limit`, { keys, contains: `%${escapeLike(typed.toLowerCase())}%`, limit })) as SelectedReceipt[];
  return rows.map(toReceiptRow);
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export async function receiptsInSafe(db: Storage): Promise<ReceiptRow[]> {
  const rows = (await db.all(`${RECEIPT_SELECT} WHERE r.id IN (SELECT DISTINCT receipt_id FROM custody_items WHERE state = 'in_safe') ORDER BY r.created_at, r.id`)) as SelectedReceipt[];
  return rows.map(toReceiptRow);
}

interface ItemRow extends OutcomeColumns {
  id: number;
  receipt_id: number;
  kind: DeviceKind;
  description: string | null;
  marks: string | null;
  bag_slot: string;
  reason: CustodyReason;
  confiscation_reason: string | null;
  state: CustodyState;
  logged_at: string;
  logged_by_name: string;
  closed_at: string | null;
  closed_by_name: string | null;
  closed_to: string | null;
  closed_note: string | null;
  corrected: number;
}

/** Items of the given receipts, with the latest correction (if any) applied to what staff see. */
export async function itemsOfReceipts(db: Storage, receiptIds: readonly number[]): Promise<Map<number, CustodyItemView[]>> {
  const byReceipt = new Map<number, CustodyItemView[]>();
  if (receiptIds.length === 0) return byReceipt;
  const rows = (await db.all(`SELECT i.id, i.receipt_id, i.kind,
            CASE WHEN c.id IS NULL THEN i.description ELSE c.description END AS description,
            CASE WHEN c.id IS NULL THEN i.marks ELSE c.marks END AS marks,
            coalesce(c.bag_slot, i.bag_slot) AS bag_slot,
            i.reason, i.confiscation_reason, i.state, i.logged_at, lb.display_name AS logged_by_name,
            i.closed_at, cb.display_name AS closed_by_name, i.closed_to, i.closed_note,
            CAST((c.id IS NOT NULL) AS INTEGER) AS corrected, ${OUTCOME_COLUMNS}
     FROM custody_items i
     JOIN staff lb ON lb.id = i.logged_by
     LEFT JOIN staff cb ON cb.id = i.closed_by
     LEFT JOIN custody_corrections c ON c.id = (SELECT max(id) FROM custody_corrections WHERE item_id = i.id)
     ${OUTCOME_JOINS}
     WHERE i.receipt_id IN (SELECT value FROM ${listOf(db.engine, '?', 'bigint', 'ids')})
     ORDER BY i.receipt_id, i.id`, [receiptIds])) as ItemRow[];
  for (const r of rows) {
    const list = byReceipt.get(r.receipt_id) ?? [];
    list.push({
      itemId: r.id,
      kind: r.kind,
      description: r.description,
      marks: r.marks,
      bagSlot: r.bag_slot,
      reason: r.reason,
      confiscationReason: r.confiscation_reason,
      state: r.state,
      loggedAt: r.logged_at,
      loggedBy: r.logged_by_name,
      closedAt: r.closed_at,
      closedBy: r.closed_by_name,
      closedTo: r.closed_to,
      closedNote: r.closed_note,
      corrected: r.corrected === 1,
      confiscationOutcome: confiscationOutcome(r),
    });
    byReceipt.set(r.receipt_id, list);
  }
  return byReceipt;
}

export async function findItem(db: Storage, itemId: number): Promise<{ id: number; receipt_id: number; state: CustodyState; closed_at: string | null } | undefined> {
  return (await db.get('SELECT id, receipt_id, state, closed_at FROM custody_items WHERE id = ?', [itemId])) as
    | { id: number; receipt_id: number; state: CustodyState; closed_at: string | null }
    | undefined;
}

/** Moves an item out of the safe; false when it had already left (another console got there first). */
export async function closeItem(
  db: Storage,
  c: { itemId: number; state: 'returned' | 'handed_on'; at: string; by: number; to: string; note: string | null },
): Promise<boolean> {
  const result = await db.run(`UPDATE custody_items SET state = @state, closed_at = @at, closed_by = @by, closed_to = @to, closed_note = @note
     WHERE id = @itemId AND state = 'in_safe'`, c);
  return result.changes === 1;
}

export async function insertCorrection(
  db: Storage,
  c: { itemId: number; description: string | null; marks: string | null; bagSlot: string; reason: string; at: string; by: number },
): Promise<number> {
  const result = (await db.get(`INSERT INTO custody_corrections (item_id, description, marks, bag_slot, reason, at, by_staff)
     VALUES (@itemId, @description, @marks, @bagSlot, @reason, @at, @by)
     RETURNING id`, c)) as { id: number };
  return result.id;
}

export async function countInSafeForVisit(db: Storage, visitId: number): Promise<number> {
  return (
    (await db.get(`SELECT count(*) AS n FROM custody_items i JOIN receipts r ON r.id = i.receipt_id
       WHERE r.visit_id = ? AND i.state = 'in_safe'`, [visitId])) as { n: number }
  ).n;
}

export async function countInSafeByVisit(db: Storage, visitIds: readonly number[]): Promise<Map<number, number>> {
  const counts = new Map<number, number>();
  if (visitIds.length === 0) return counts;
  const rows = (await db.all(`SELECT r.visit_id, count(*) AS n FROM custody_items i JOIN receipts r ON r.id = i.receipt_id
     WHERE i.state = 'in_safe' AND r.visit_id IN (SELECT value FROM ${listOf(db.engine, '?', 'bigint', 'ids')}) GROUP BY r.visit_id`, [visitIds])) as { visit_id: number; n: number }[];
  for (const r of rows) counts.set(r.visit_id, r.n);
  return counts;
}

/** The spooler took a copy: one more printed, and no problem left to show. Returns the new count. */
export async function recordPrinted(db: Storage, receiptId: number): Promise<number> {
  await db.run('UPDATE receipts SET print_count = print_count + 1, print_problem = NULL WHERE id = ?', [receiptId]);
  return ((await db.get('SELECT print_count FROM receipts WHERE id = ?', [receiptId])) as { print_count: number }).print_count;
}

/** The receipt was written out by hand for its owner: who did it and when (see services/custody/given-by-hand.ts). */
export async function recordGivenByHand(db: Storage, receiptId: number, at: string, by: number): Promise<void> {
  await db.run('UPDATE receipts SET given_by_hand_at = ?, given_by_hand_by = ? WHERE id = ?', [at, by, receiptId]);
}

/** Why a receipt that has never printed did not print this time; a receipt already printed keeps none. */
export async function recordPrintProblem(db: Storage, receiptId: number, reason: string): Promise<void> {
  await db.run('UPDATE receipts SET print_problem = ? WHERE id = ? AND print_count = 0', [reason, receiptId]);
}
