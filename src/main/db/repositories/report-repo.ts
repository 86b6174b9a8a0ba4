import type { ConcernSubject } from '../../../shared/domain/concerns.js';
import type { CustodyReason } from '../../../shared/domain/custody.js';
import type { DeviceKind } from '../../../shared/domain/devices.js';
import type { ExceptionPurpose } from '../../../shared/domain/exceptions.js';
import type { VisitorType } from '../../../shared/domain/visitors.js';
import type { Storage } from '../storage.js';
import { fullNameOrNull } from './visitor-repo.js';

// Each report's rows for the instants [from, to), oldest first: see services/operations/reports.ts. Names are
// read as their columns and joined here (fullNameOrNull), the same on SQLite and PostgreSQL; every order ends
// on an id, so rows of the same instant come out the same way on both.

export interface VisitorsReportRow {
  signed_in_at: string;
  signed_out_at: string | null;
  name: string;
  organisation: string | null;
  visitor_type: VisitorType;
  visiting: string;
  version: number;
  sign_out_method: string | null;
  /** The signature drawn for the acknowledgement covering the visit (migration 0025): null strokes once removed. */
  signed_at: string | null;
  strokes: string | null;
}

export async function visitorsReportRows(db: Storage, from: string, to: string): Promise<VisitorsReportRow[]> {
  const rows = (await db.all(`SELECT vi.signed_in_at, vi.signed_out_at, v.first_name, v.last_name, v.family_name_first, v.organisation, vi.visitor_type, vi.visiting,
              p.version, vi.sign_out_method, s.signed_at, s.strokes
       FROM visits vi JOIN visitors v ON v.id = vi.visitor_id JOIN acknowledgements a ON a.id = vi.acknowledgement_id
       JOIN policy_versions p ON p.id = a.policy_version_id LEFT JOIN acknowledgement_signatures s ON s.id = a.id
       WHERE vi.signed_in_at >= ? AND vi.signed_in_at < ? ORDER BY vi.signed_in_at, vi.id`, [from, to])) as (Omit<VisitorsReportRow, 'name'> & { first_name: string; last_name: string; family_name_first: number })[];
  return rows.map(({ signed_in_at, signed_out_at, first_name, last_name, family_name_first, ...rest }) => ({
    signed_in_at, signed_out_at, name: fullNameOrNull(first_name, last_name, family_name_first)!, ...rest,
  }));
}

export interface CustodyReportRow {
  number: string;
  owner: string;
  kind: DeviceKind;
  bag_slot: string;
  reason: CustodyReason;
  logged_at: string;
  logged_by: string;
  state: string;
  closed_at: string | null;
  closed_by: string | null;
  closed_to: string | null;
  closed_note: string | null;
}

export async function custodyReportRows(db: Storage, from: string, to: string): Promise<CustodyReportRow[]> {
  const rows = (await db.all(`SELECT r.number, r.owner_type, v.first_name AS v_first_name, v.last_name AS v_last_name, v.family_name_first AS v_family_name_first,
              so.display_name AS staff_owner_name, r.learner_name, i.kind, i.bag_slot, i.reason, i.logged_at, lb.display_name AS logged_by, i.state, i.closed_at, cb.display_name AS closed_by, i.closed_to, i.closed_note
       FROM custody_items i JOIN receipts r ON r.id = i.receipt_id JOIN staff lb ON lb.id = i.logged_by
       LEFT JOIN staff cb ON cb.id = i.closed_by LEFT JOIN visits vi ON vi.id = r.visit_id LEFT JOIN visitors v ON v.id = vi.visitor_id
       LEFT JOIN staff so ON so.id = r.staff_owner
       WHERE i.logged_at >= ? AND i.logged_at < ? ORDER BY i.logged_at, i.id`, [from, to])) as (Omit<CustodyReportRow, 'owner'> & {
      owner_type: 'visitor' | 'staff' | 'learner'; v_first_name: string | null; v_last_name: string | null; v_family_name_first: number | null;
      staff_owner_name: string | null; learner_name: string | null;
    })[];
  return rows.map(({ number, owner_type, v_first_name, v_last_name, v_family_name_first, staff_owner_name, learner_name, ...rest }) => ({
    number,
    owner: (owner_type === 'visitor' ? fullNameOrNull(v_first_name, v_last_name, v_family_name_first) : owner_type === 'staff' ? staff_owner_name : learner_name)!,
    ...rest,
  }));
}

export interface ExceptionsReportRow {
  approved_at: string;
  visitor: string;
  purpose: ExceptionPurpose;
  purpose_detail: string | null;
  devices_json: string;
  permitted_use: string;
  permitted_areas: string;
  valid_until: string | null;
  approved_by: string;
  revoked_at: string | null;
  revoked_by: string | null;
  revoke_reason: string | null;
}

export async function exceptionsReportRows(db: Storage, from: string, to: string): Promise<ExceptionsReportRow[]> {
  const rows = (await db.all(`SELECT e.approved_at, v.first_name AS v_first_name, v.last_name AS v_last_name, v.family_name_first AS v_family_name_first,
              b.first_name AS b_first_name, b.last_name AS b_last_name, b.family_name_first AS b_family_name_first, e.purpose, e.purpose_detail,
              e.devices_json, e.permitted_use, e.permitted_areas, e.valid_until, ab.display_name AS approved_by, e.revoked_at, rb.display_name AS revoked_by, e.revoke_reason
       FROM device_exceptions e JOIN staff ab ON ab.id = e.approved_by LEFT JOIN staff rb ON rb.id = e.revoked_by
       LEFT JOIN bookings b ON b.id = e.booking_id LEFT JOIN visits vi ON vi.id = coalesce(e.visit_id, b.visit_id) LEFT JOIN visitors v ON v.id = vi.visitor_id
       WHERE e.approved_at >= ? AND e.approved_at < ? ORDER BY e.approved_at, e.id`, [from, to])) as (Omit<ExceptionsReportRow, 'visitor'> & {
      v_first_name: string | null; v_last_name: string | null; v_family_name_first: number | null;
      b_first_name: string | null; b_last_name: string | null; b_family_name_first: number | null;
    })[];
  // The visitor of the visit, else the name the booking was made in (an exception has one or the other).
  return rows.map(({ approved_at, v_first_name, v_last_name, v_family_name_first, b_first_name, b_last_name, b_family_name_first, ...rest }) => ({
    approved_at,
    visitor: (fullNameOrNull(v_first_name, v_last_name, v_family_name_first) ?? fullNameOrNull(b_first_name, b_last_name, b_family_name_first))!,
    ...rest,
  }));
}

export interface ConcernsReportRow {
  concern_id: number;
  raised_at: string;
  raised_by: string;
  about_type: ConcernSubject;
  about_name: string;
  location: string;
  what_happened: string;
  action_taken: string;
  status: string;
  outcome: string | null;
  reviewed_by: string | null;
}

export async function concernsReportRows(db: Storage, from: string, to: string): Promise<ConcernsReportRow[]> {
  return (await db.all(`SELECT c.id AS concern_id, c.raised_at, rb.display_name AS raised_by, c.about_type, c.about_name, c.location, c.what_happened, c.action_taken, c.status, c.outcome, vb.display_name AS reviewed_by
       FROM concerns c JOIN staff rb ON rb.id = c.raised_by LEFT JOIN staff vb ON vb.id = c.reviewed_by
       WHERE c.raised_at >= ? AND c.raised_at < ? ORDER BY c.raised_at, c.id`, [from, to])) as ConcernsReportRow[];
}
