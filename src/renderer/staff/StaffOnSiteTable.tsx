import type { StaffOnSite } from '../../shared/contract/index.js';
import { mayKeepPhone } from '../../shared/domain/staff-days.js';
import { formatTime } from '../../shared/domain/time.js';
import { BigButton } from '../components/BigButton.js';
import { DataTable, type Column } from '../lib/DataTable.js';
import { devicesWords, signedInWords, slotWords } from './staff-day-words.js';
import { mayKeepWords } from './staff-permission-model.js';

interface StaffOnSiteTableProps {
  staff: readonly StaffOnSite[];
  phonesInSafe: boolean;
  loaded: boolean;
  /** Staff days whose button is being saved. */
  working: readonly number[];
  labelledBy: string;
  onTakeOut: (person: StaffOnSite) => void;
  onPutBack: (person: StaffOnSite) => void;
  onPhoneIn: (person: StaffOnSite) => void;
}

/**
 * Where their own devices are: in the safe (which bag, which receipt), out since when, or not handed in; and
 * what the headteacher's signed permission in force today lets them keep ("May keep phone: remote learning").
 */
function DevicesCell({ person, phonesInSafe }: { person: StaffOnSite; phonesInSafe: boolean }) {
  const lines: string[] = [];
  if (person.devicesInSafe.length > 0) {
    const slots = [...new Set(person.devicesInSafe.map((d) => slotWords(d.bagSlot)))].join(', ');
    lines.push(`${devicesWords(person.devicesInSafe)} in the safe, ${slots}`);
  }
  if (person.devicesOut.length > 0) {
    const since = person.devicesOut.reduce((a, d) => (d.takenAt > a ? d.takenAt : a), person.devicesOut[0]!.takenAt);
    lines.push(`${devicesWords(person.devicesOut)} out since ${formatTime(since)}`);
  }
  const permitted = person.mayKeep.map((p) => <span key={p.permissionId} className="staff-may-keep">{mayKeepWords(p)}</span>);
  const missing = phonesInSafe && !person.phoneInSafe && mayKeepPhone(person) === null;
  if (lines.length === 0) {
    const none = missing
      ? <span className="staff-phone-missing">Phone not in the safe</span>
      : permitted.length > 0 ? null : <span className="muted">None in the safe</span>;
    return <>{none}{permitted}</>;
  }
  const text = lines.join('; ');
  return (
    <>
      <span className={missing ? 'staff-phone-missing' : undefined}>{text.charAt(0).toUpperCase()}{text.slice(1)}</span>
      {permitted}
    </>
  );
}

/**
 * Everyone signed in now. Break time is two taps a person: "Phone out" (then confirm) gives back what is in
 * the safe; "Phone back in" (then confirm) logs what they took out again, in the same bag.
 */
export function StaffOnSiteTable({ staff, phonesInSafe, loaded, working, labelledBy, onTakeOut, onPutBack, onPhoneIn }: StaffOnSiteTableProps) {
  const columns: Column<StaffOnSite>[] = [
    { header: 'Name', cell: (p) => p.displayName },
    {
      header: 'Signed in',
      cell: (p) => (p.fromEarlierDay ? <span className="staff-earlier-day">{signedInWords(p)} · not signed out since</span> : signedInWords(p)),
    },
    { header: 'Own devices', cell: (p) => <DevicesCell person={p} phonesInSafe={phonesInSafe} /> },
    {
      header: 'Actions',
      headerHidden: true,
      cell: (p) => {
        const busy = working.includes(p.staffDayId);
        const name = <>{' '}<span className="visually-hidden">for {p.displayName}</span></>;
        return (
          <div className="cell-actions">
            {p.devicesInSafe.length > 0 ? (
              <BigButton variant="secondary" onClick={() => onTakeOut(p)} disabled={busy}>Out for a break{name}</BigButton>
            ) : null}
            {p.devicesOut.length > 0 ? (
              <BigButton onClick={() => onPutBack(p)} disabled={busy}>Back in the safe{name}</BigButton>
            ) : null}
            {phonesInSafe && p.devicesInSafe.length === 0 && p.devicesOut.length === 0 && !p.fromEarlierDay ? (
              <BigButton variant="secondary" onClick={() => onPhoneIn(p)} disabled={busy}>Phone into the safe{name}</BigButton>
            ) : null}
          </div>
        );
      },
    },
  ];
  return (
    <DataTable rows={staff} columns={columns} rowKey={(p) => p.staffDayId} labelledBy={labelledBy} className="staff-on-site-table"
      rowClassName={(p) => (p.fromEarlierDay ? 'staff-row-earlier' : undefined)}
      empty={loaded ? 'Nobody has signed in yet today.' : 'Reading who is signed in…'} />
  );
}
