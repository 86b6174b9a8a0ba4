import type { StaffOnSite } from '../contract/staff.js';

/**
 * Staff on duty whose phone is not in the safe, where the setting keeps staff phones there during working
 * hours (nursery §4); nobody otherwise. A day left open from an earlier day is not someone on duty today.
 * The console's Today page and the staff on site page both list these.
 */
export function phoneNotInSafe(answer: { staff: readonly StaffOnSite[]; phonesInSafe: boolean }): StaffOnSite[] {
  if (!answer.phonesInSafe) return [];
  return answer.staff.filter((s) => !s.phoneInSafe && !s.fromEarlierDay);
}
