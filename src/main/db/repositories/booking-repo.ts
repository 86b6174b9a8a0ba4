import type { VisitorType } from '../../../shared/domain/visitors.js';
import type { Storage } from '../storage.js';

export interface BookingRow {
  id: number;
  first_name: string;
  last_name: string;
  family_name_first: number;
  organisation: string | null;
  visitor_type: VisitorType;
  host: string;
  expected_date: string;
  expected_time: string | null;
  invite_token: string;
  status: 'expected' | 'arrived' | 'cancelled';
  visit_id: number | null;
  created_by_name: string;
}

const SELECT = `
  SELECT b.id, b.first_name, b.last_name, b.family_name_first, b.organisation, b.visitor_type, b.host, b.expected_date, b.expected_time,
         b.invite_token, b.status, b.visit_id, s.display_name AS created_by_name
  FROM bookings b JOIN staff s ON s.id = b.created_by`;

export async function insertBooking(
  db: Storage,
  b: {
    firstName: string; lastName: string; familyNameFirst: boolean; organisation: string | null; visitorType: VisitorType; host: string; expectedDate: string;
    expectedTime: string | null; inviteToken: string; createdAt: string; createdBy: number;
  },
): Promise<number> {
  const row = (await db.get(`INSERT INTO bookings (first_name, last_name, family_name_first, organisation, visitor_type, host, expected_date, expected_time, invite_token, created_at, created_by)
       VALUES (@firstName, @lastName, @familyNameFirst, @organisation, @visitorType, @host, @expectedDate, @expectedTime, @inviteToken, @createdAt, @createdBy)
       RETURNING id`, { ...b, familyNameFirst: b.familyNameFirst ? 1 : 0 })) as { id: number };
  return row.id;
}

export async function findBookingBy(db: Storage, field: 'id' | 'invite_token', value: number | string): Promise<BookingRow | undefined> {
  return (await db.get(`${SELECT} WHERE b.${field} = ?`, [value])) as BookingRow | undefined;
}

export async function bookingsOn(db: Storage, day: string): Promise<BookingRow[]> {
  return (await db.all(`${SELECT} WHERE b.expected_date = ? ORDER BY b.expected_time IS NULL, b.expected_time, b.last_name, b.id`, [day])) as BookingRow[];
}

export async function markArrived(db: Storage, id: number, visitId: number): Promise<boolean> {
  return (await db.run(`UPDATE bookings SET status = 'arrived', visit_id = ? WHERE id = ? AND status = 'expected'`, [visitId, id])).changes === 1;
}

export async function cancelBooking(db: Storage, id: number, reason: string): Promise<boolean> {
  return (await db.run(`UPDATE bookings SET status = 'cancelled', cancel_reason = ? WHERE id = ? AND status = 'expected'`, [reason, id])).changes === 1;
}
