import type { OnSiteVisit } from '../../shared/contract/index.js';
import { VISITOR_TYPE_LABELS } from '../../shared/domain/visitors.js';
import { BigButton } from '../components/BigButton.js';
import { countItems, timeOrDateTime } from '../lib/format.js';
import { fullName } from '../../shared/domain/names.js';
import { DataTable, type Column } from '../lib/DataTable.js';

interface NotSignedOutTableProps {
  visits: readonly OnSiteVisit[];
  labelledBy: string;
  now: Date;
  onSignOut: (visit: OnSiteVisit) => void;
}

/** Visitors the kiosk still thinks are here, each with the office's "Sign out…" for someone who has gone. */
export function NotSignedOutTable({ visits, labelledBy, now, onSignOut }: NotSignedOutTableProps) {
  const columns: readonly Column<OnSiteVisit>[] = [
    { header: 'Name', cell: (v) => fullName(v) },
    { header: 'Organisation', cell: (v) => v.organisation ?? <span className="muted">None</span> },
    { header: 'Type', cell: (v) => VISITOR_TYPE_LABELS[v.visitorType] },
    { header: 'Visiting', cell: (v) => v.visiting },
    { header: 'Signed in', cell: (v) => timeOrDateTime(v.signedInAt, now) },
    { header: 'In the safe', cell: (v) => (v.itemsInSafe > 0 ? countItems(v.itemsInSafe) : <span className="muted">None</span>) },
    {
      // The printed end-of-day list is for checking by eye: a button on paper is noise.
      header: 'Action',
      headerHidden: true,
      headerClassName: 'no-print',
      cellClassName: 'cell-action no-print',
      cell: (v) => (
        <BigButton variant="secondary" onClick={() => onSignOut(v)}>
          Sign out…{' '}<span className="visually-hidden">({fullName(v)})</span>
        </BigButton>
      ),
    },
  ];
  return (
    <DataTable
      rows={visits}
      columns={columns}
      rowKey={(v) => v.visitId}
      labelledBy={labelledBy}
      // Someone with items still in the safe must get them back before the office locks up.
      rowClassName={(v) => (v.itemsInSafe > 0 ? 'row-warning' : undefined)}
      empty="Everyone who signed in today has signed out."
    />
  );
}
