import type { StaffOnSite } from '../contract/staff.js';

/**
 * Staff on duty whose phone is not in the safe, where the setting keeps staff phones there during working
 * hours (nursery §4); nobody otherwise. A day left open from an earlier day is not someone on duty today,
 * and someone with the headteacher's signed permission in force for a phone today may keep it. The
 * console's Today page and the staff on site page both list these.
 */
export function phoneNotInSafe(answer: { staff: readonly StaffOnSite[]; phonesInSafe: boolean }): StaffOnSite[] {
  if (!answer.phonesInSafe) return [];
  return answer.staff.filter((s) => !s.phoneInSafe && !s.fromEarlierDay && !mayKeepPhone(s));
}

/** Their permission in force today to keep a phone with them, if they have one. */
export function mayKeepPhone(person: Pick<StaffOnSite, 'mayKeep'>): StaffOnSite['mayKeep'][number] | null {
  return person.mayKeep.find((p) => p.deviceKind === 'phone') ?? null;
}
