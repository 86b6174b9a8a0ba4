import type { DeviceKind } from '../../../shared/domain/devices.js';
import type { VisitorType } from '../../../shared/domain/visitors.js';
import { MAX_CHAR, type Storage } from '../storage.js';

export async function insertAcknowledgement(db: Storage, visitorId: number, policyVersionId: number, at: string): Promise<number> {
  const row = (await db.get('INSERT INTO acknowledgements (visitor_id, policy_version_id, acknowledged_at) VALUES (?, ?, ?) RETURNING id', [visitorId, policyVersionId, at])) as { id: number };
  return row.id;
}

export async function latestAcknowledgement(db: Storage, visitorId: number): Promise<{ id: number; policyVersionId: number } | undefined> {
  const row = (await db.get('SELECT id, policy_version_id FROM acknowledgements WHERE visitor_id = ? ORDER BY id DESC LIMIT 1', [visitorId])) as { id: number; policy_version_id: number } | undefined;
  return row && { id: row.id, policyVersionId: row.policy_version_id };
}

export async function insertVisit(
  db: Storage,
  v: { visitorId: number; visitorType: VisitorType; visiting: string; acknowledgementId: number; signedInAt: string; badgeToken: string },
): Promise<number> {
  const row = (await db.get(`INSERT INTO visits (visitor_id, visitor_type, visiting, acknowledgement_id, signed_in_at, badge_token)
       VALUES (?, ?, ?, ?, ?, ?) RETURNING id`, [v.visitorId, v.visitorType, v.visiting, v.acknowledgementId, v.signedInAt, v.badgeToken])) as { id: number };
  return row.id;
}

export interface VisitRow {
  id: number;
  visitor_id: number;
  visitor_type: VisitorType;
  visiting: string;
  signed_in_at: string;
  signed_out_at: string | null;
}

export async function findVisit(db: Storage, id: number): Promise<VisitRow | undefined> {
  return (await db.get('SELECT id, visitor_id, visitor_type, visiting, signed_in_at, signed_out_at FROM visits WHERE id = ?', [id])) as VisitRow | undefined;
}

export async function lastVisitOf(db: Storage, visitorId: number): Promise<VisitRow | undefined> {
  return (await db.get(`SELECT id, visitor_id, visitor_type, visiting, signed_in_at, signed_out_at FROM visits
       WHERE visitor_id = ? ORDER BY signed_in_at DESC, id DESC LIMIT 1`, [visitorId])) as VisitRow | undefined;
}

export async function openVisitOf(db: Storage, visitorId: number): Promise<VisitRow | undefined> {
  return (await db.get(`SELECT id, visitor_id, visitor_type, visiting, signed_in_at, signed_out_at FROM visits
       WHERE visitor_id = ? AND signed_out_at IS NULL ORDER BY id DESC LIMIT 1`, [visitorId])) as VisitRow | undefined;
}

export async function markSignedOut(db: Storage, visitId: number, at: string, method: 'kiosk' | 'staff' | 'automatic'): Promise<boolean> {
  const result = await db.run('UPDATE visits SET signed_out_at = ?, sign_out_method = ? WHERE id = ? AND signed_out_at IS NULL', [at, method, visitId]);
  return result.changes === 1;
}

export interface OnSiteRow {
  visit_id: number;
  visitor_id: number;
  first_name: string;
  last_name: string;
  family_name_first: number;
  organisation: string | null;
  visitor_type: VisitorType;
  visiting: string;
  signed_in_at: string;
  policy_version: number;
  collection_requested_at: string | null;
  photo_id_checked_at: string | null;
  dbs_assurance_seen_at: string | null;
}

export async function listOnSite(db: Storage): Promise<OnSiteRow[]> {
  return (await db.all(`SELECT vi.id AS visit_id, v.id AS visitor_id, v.first_name, v.last_name, v.family_name_first, v.organisation,
              vi.visitor_type, vi.visiting, vi.signed_in_at, p.version AS policy_version, vi.collection_requested_at,
              vi.photo_id_checked_at, vi.dbs_assurance_seen_at
       FROM visits vi
       JOIN visitors v ON v.id = vi.visitor_id
       JOIN acknowledgements a ON a.id = vi.acknowledgement_id
       JOIN policy_versions p ON p.id = a.policy_version_id
       WHERE vi.signed_out_at IS NULL
       ORDER BY vi.signed_in_at, vi.id`)) as OnSiteRow[];
}

/**
 * On-site visits whose surname has a word starting with `prefix`, folded (the kiosk's sign-out search). Few
 * people are on site, so each open visit's words are checked by a seek of their primary key.
 */
export async function searchOnSiteBySurname(db: Storage, prefix: string, limit: number): Promise<(OnSiteRow & { visit_id: number })[]> {
  return (await db.all(`SELECT vi.id AS visit_id, v.id AS visitor_id, v.first_name, v.last_name, v.family_name_first, v.organisation,
              vi.visitor_type, vi.visiting, vi.signed_in_at, 0 AS policy_version, vi.collection_requested_at,
              NULL AS photo_id_checked_at, NULL AS dbs_assurance_seen_at
       FROM visits vi JOIN visitors v ON v.id = vi.visitor_id
       WHERE vi.signed_out_at IS NULL
         AND EXISTS (SELECT 1 FROM visitor_name_words w WHERE w.visitor_id = v.id AND w.word >= @prefix AND w.word < @prefix || ${MAX_CHAR})
       ORDER BY vi.signed_in_at DESC, vi.id DESC
       LIMIT @limit`, { prefix, limit })) as OnSiteRow[];
}

export interface DeclaredRow {
  visit_id: number;
  kind: DeviceKind;
  quantity: number;
}

/** The visitor asked to leave with items still in the safe: the console highlights them until collected. */
export async function markCollectionRequested(db: Storage, visitId: number, at: string): Promise<void> {
  await db.run('UPDATE visits SET collection_requested_at = coalesce(collection_requested_at, ?) WHERE id = ?', [at, visitId]);
}

export async function signOutByStaffOverride(db: Storage, visitId: number, at: string, by: number, reason: string): Promise<boolean> {
  const result = await db.run(`UPDATE visits SET signed_out_at = ?, sign_out_method = 'staff', sign_out_override_reason = ?, sign_out_override_by = ?
       WHERE id = ? AND signed_out_at IS NULL`, [at, reason, by, visitId]);
  return result.changes === 1;
}

export async function collectionRequestedAt(db: Storage, visitId: number): Promise<string | null> {
  const row = (await db.get('SELECT collection_requested_at FROM visits WHERE id = ?', [visitId])) as { collection_requested_at: string | null } | undefined;
  return row?.collection_requested_at ?? null;
}

export async function recordProfessionalChecks(db: Storage, visitId: number, c: { photoIdAt: string | null; dbsAt: string | null; by: number }): Promise<void> {
  await db.run('UPDATE visits SET photo_id_checked_at = ?, dbs_assurance_seen_at = ?, checks_recorded_by = ? WHERE id = ?', [c.photoIdAt, c.dbsAt, c.by, visitId]);
}

export async function setVisitBooking(db: Storage, visitId: number, bookingId: number): Promise<void> {
  await db.run('UPDATE visits SET booking_id = ? WHERE id = ?', [bookingId, visitId]);
}

export async function visitChecks(db: Storage, visitId: number): Promise<{ photo_id_checked_at: string | null; dbs_assurance_seen_at: string | null } | undefined> {
  return (await db.get('SELECT photo_id_checked_at, dbs_assurance_seen_at FROM visits WHERE id = ?', [visitId])) as never;
}

export async function visitIdByBadge(db: Storage, token: string): Promise<number | undefined> {
  const row = (await db.get('SELECT id FROM visits WHERE badge_token = ?', [token])) as { id: number } | undefined;
  return row?.id;
}

/** The code printed on a visit's badge. */
export async function badgeTokenOf(db: Storage, visitId: number): Promise<string> {
  const row = (await db.get('SELECT badge_token FROM visits WHERE id = ?', [visitId])) as { badge_token: string } | undefined;
  return row?.badge_token as string;
}
