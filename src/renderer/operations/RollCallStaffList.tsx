import type { StaffOnSite } from '../../shared/contract/index.js';
import { formatDate, formatTime } from '../../shared/domain/time.js';
import { RollCallRow } from './RollCallRow.js';

interface RollCallStaffListProps {
  staff: readonly StaffOnSite[];
  ticked: readonly number[];
  onToggle: (staffDayId: number) => void;
}

/**
 * Staff signed in for the day, ticked like the visitors (the same big rows). A day never signed out of says
 * so, since that person has probably gone home.
 */
export function RollCallStaffList({ staff, ticked, onToggle }: RollCallStaffListProps) {
  return (
    <ul className="rollcall-list" aria-label="Staff signed in">
      {staff.map((p) => (
        <RollCallRow
          key={p.staffDayId}
          idPrefix="rollcall-staff"
          id={p.staffDayId}
          name={p.displayName}
          detail={p.fromEarlierDay
            ? `Signed in ${formatDate(p.signedInAt)} and never signed out: may have gone home`
            : `Staff · In at ${formatTime(p.signedInAt)}`}
          checked={ticked.includes(p.staffDayId)}
          onToggle={() => onToggle(p.staffDayId)}
        />
      ))}
    </ul>
  );
}
