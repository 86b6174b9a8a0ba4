import type { OnSiteVisit } from '../../shared/contract/index.js';
import { VISITOR_TYPE_LABELS } from '../../shared/domain/visitors.js';
import { BigButton } from '../components/BigButton.js';
import { countItems, timeOrDateTime } from '../lib/format.js';
import { fullName } from '../../shared/domain/names.js';

interface NotSignedOutTableProps {
  visits: readonly OnSiteVisit[];
  labelledBy: string;
  now: Date;
  onSignOut: (visit: OnSiteVisit) => void;
}

/** Visitors the kiosk still thinks are here, each with the office's "Sign out…" for someone who has gone. */
export function NotSignedOutTable({ visits, labelledBy, now, onSignOut }: NotSignedOutTableProps) {
  if (visits.length === 0) return <p className="empty">Everyone who signed in today has signed out.</p>;
  return (
    <div className="table-wrap">
      <table className="table" aria-labelledby={labelledBy}>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Organisation</th>
            <th scope="col">Type</th>
            <th scope="col">Visiting</th>
            <th scope="col">Signed in</th>
            <th scope="col">In the safe</th>
            <th scope="col" className="no-print"><span className="visually-hidden">Action</span></th>
          </tr>
        </thead>
        <tbody>
          {visits.map((v) => (
            <tr key={v.visitId} className={v.itemsInSafe > 0 ? 'row-warning' : undefined}>
              <th scope="row">{fullName(v)}</th>
              <td>{v.organisation ?? <span className="muted">None</span>}</td>
              <td>{VISITOR_TYPE_LABELS[v.visitorType]}</td>
              <td>{v.visiting}</td>
              <td>{timeOrDateTime(v.signedInAt, now)}</td>
              <td>{v.itemsInSafe > 0 ? countItems(v.itemsInSafe) : <span className="muted">None</span>}</td>
              <td className="cell-action no-print">
                <BigButton variant="secondary" onClick={() => onSignOut(v)}>
                  Sign out…{' '}<span className="visually-hidden">({fullName(v)})</span>
                </BigButton>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
