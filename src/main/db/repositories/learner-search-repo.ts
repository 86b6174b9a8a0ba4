import type { CustodyReason, CustodyState, OwnerType } from '../../../shared/domain/custody.js';
import type { DeviceKind } from '../../../shared/domain/devices.js';
import type { SearchConsentFrom, SearchContentAction } from '../../../shared/domain/learner-searches.js';
import type { Storage } from '../storage.js';

/** A search as stored, with the item, its receipt and the searcher's name (migration 0020). */
export interface SearchRow {
  id: number;
  item_id: number;
  receipt_id: number;
  receipt_number: string;
  learner_name: string | null;
  learner_group: string | null;
  device_kind: DeviceKind;
  /** As the console shows it: the latest correction's description, if the item was corrected. */
  device_description: string | null;
  searched_at: string;
  searched_by_name: string;
  consent_from: SearchConsentFrom;
  consent_name: string;
  consent_relationship: string | null;
  consent_given_at: string;
  looked_at: string;
  found: string;
  content_action: SearchContentAction;
  content_detail: string | null;
  witness: string | null;
}

const SELECT = `
  SELECT s.id, s.item_id, i.receipt_id, r.number AS receipt_number, r.learner_name, r.learner_group, i.kind AS device_kind,
         CASE WHEN c.id IS NULL THEN i.description ELSE c.description END AS device_description,
         s.searched_at, sb.display_name AS searched_by_name, s.consent_from, s.consent_name, s.consent_relationship,
         s.consent_given_at, s.looked_at, s.found, s.content_action, s.content_detail, s.witness
  FROM learner_searches s
  JOIN custody_items i ON i.id = s.item_id
  JOIN receipts r ON r.id = i.receipt_id
  JOIN staff sb ON sb.id = s.searched_by
  LEFT JOIN custody_corrections c ON c.id = (SELECT max(id) FROM custody_corrections WHERE item_id = i.id)`;

/** What a search needs to know of the item searched. */
export interface SearchableItem {
  id: number;
  reason: CustodyReason;
  state: CustodyState;
  logged_at: string;
  closed_at: string | null;
  owner_type: OwnerType;
}

export async function findSearchableItem(db: Storage, itemId: number): Promise<SearchableItem | undefined> {
  return (await db.get(`SELECT i.id, i.reason, i.state, i.logged_at, i.closed_at, r.owner_type
     FROM custody_items i JOIN receipts r ON r.id = i.receipt_id WHERE i.id = ?`, [itemId])) as SearchableItem | undefined;
}

export interface NewSearch {
  itemId: number;
  searchedAt: string;
  searchedBy: number;
  consentFrom: SearchConsentFrom;
  consentName: string;
  consentRelationship: string | null;
  consentGivenAt: string;
  lookedAt: string;
  found: string;
  content: SearchContentAction;
  contentDetail: string | null;
  witness: string | null;
}

export async function insertSearch(db: Storage, s: NewSearch): Promise<number> {
  return (
    (await db.get(`INSERT INTO learner_searches (item_id, searched_at, searched_by, consent_from, consent_name, consent_relationship, consent_given_at,
         looked_at, found, content_action, content_detail, witness)
       VALUES (@itemId, @searchedAt, @searchedBy, @consentFrom, @consentName, @consentRelationship, @consentGivenAt,
         @lookedAt, @found, @content, @contentDetail, @witness)
       RETURNING id`, s)) as { id: number }
  ).id;
}

export async function findSearch(db: Storage, id: number): Promise<SearchRow | undefined> {
  return (await db.get(`${SELECT} WHERE s.id = ?`, [id])) as SearchRow | undefined;
}

/** Every search, newest first (a school records a handful a term; the limit only guards the screen). */
export async function listSearches(db: Storage, limit = 1000): Promise<SearchRow[]> {
  return (await db.all(`${SELECT} ORDER BY s.searched_at DESC, s.id DESC LIMIT ?`, [limit])) as SearchRow[];
}

/**
 * Retention: the words that can name people (who consented and how they are related, what was looked at and
 * found, what was deleted, who else was present), on the schedule that removes the pupil's name from the
 * receipt: the receipt is older than the cut-off and the device has left the safe (migration 0020 allows only
 * this change). Call inside the retention run's transaction; answers how many searches it cleared.
 */
export async function clearExpiredSearches(db: Storage, cutoff: string): Promise<number> {
  return (await db.run(`UPDATE learner_searches SET consent_name = 'Removed',
       consent_relationship = CASE WHEN consent_relationship IS NULL THEN NULL ELSE 'Removed' END,
       looked_at = 'Removed', found = 'Removed',
       content_detail = CASE WHEN content_detail IS NULL THEN NULL ELSE 'Removed' END,
       witness = CASE WHEN witness IS NULL THEN NULL ELSE 'Removed' END
     WHERE consent_name <> 'Removed' AND item_id IN (
       SELECT i.id FROM custody_items i JOIN receipts r ON r.id = i.receipt_id
       WHERE i.state <> 'in_safe' AND r.owner_type = 'learner' AND r.created_at < @cutoff)`, { cutoff })).changes;
}
