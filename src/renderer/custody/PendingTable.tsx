import type { PendingHandover } from '../../shared/contract/index.js';
import { describeDevices } from '../../shared/domain/devices.js';
import { formatTime } from '../../shared/domain/time.js';
import { BigButton } from '../components/BigButton.js';
import { fullName } from '../../shared/domain/names.js';
import { DataTable, type Column } from '../lib/DataTable.js';

interface PendingTableProps {
  handovers: readonly PendingHandover[];
  labelledBy: string;
  onLog: (handover: PendingHandover) => void;
  /** For a visitor who has gone: their items can no longer be logged against the visit, only closed. */
  onClose: (handover: PendingHandover) => void;
}

export function PendingTable({ handovers, labelledBy, onLog, onClose }: PendingTableProps) {
  const columns: readonly Column<PendingHandover>[] = [
    { header: 'Name', cell: (h) => fullName(h) },
    { header: 'Organisation', cell: (h) => h.organisation ?? <span className="muted">None</span> },
    {
      header: 'Devices',
      cell: (h) => (
        <>
          {describeDevices(h.devices)}
          {h.devicesApproved.length > 0 ? (
            <span className="cell-note"> (device use approved for {describeDevices(h.devicesApproved)})</span>
          ) : null}
        </>
      ),
    },
    { header: 'Declared at', cell: (h) => formatTime(h.declaredAt) },
    {
      header: 'Status',
      cell: (h) => (h.visitorSignedOut ? (
        <span className="tag tag-warning"><span aria-hidden="true">⚠ </span>Signed out</span>
      ) : (
        <span className="tag">On site</span>
      )),
    },
    {
      header: 'Action',
      headerHidden: true,
      cellClassName: 'cell-action',
      cell: (h) => (h.visitorSignedOut ? (
        <BigButton variant="secondary" onClick={() => onClose(h)}>
          Nothing handed in…{' '}<span className="visually-hidden">({fullName(h)})</span>
        </BigButton>
      ) : (
        <BigButton variant="secondary" onClick={() => onLog(h)}>
          Log into safe{' '}<span className="visually-hidden">for {fullName(h)}</span>
        </BigButton>
      )),
    },
  ];
  return (
    <DataTable
      rows={handovers}
      columns={columns}
      rowKey={(h) => h.handoverId}
      labelledBy={labelledBy}
      // A visitor who left without handing in is the one the office must sort out.
      rowClassName={(h) => (h.visitorSignedOut ? 'row-warning' : undefined)}
      empty="Nothing is waiting. Devices declared at the kiosk appear here until they are logged into the safe."
    />
  );
}
