import type { PendingHandover } from '../../shared/contract/index.js';
import { describeDevices } from '../../shared/domain/devices.js';
import { formatTime } from '../../shared/domain/time.js';
import { BigButton } from '../components/BigButton.js';
import { fullName } from '../../shared/domain/names.js';

interface PendingTableProps {
  handovers: readonly PendingHandover[];
  labelledBy: string;
  onLog: (handover: PendingHandover) => void;
  /** For a visitor who has gone: their items can no longer be logged against the visit, only closed. */
  onClose: (handover: PendingHandover) => void;
}

export function PendingTable({ handovers, labelledBy, onLog, onClose }: PendingTableProps) {
  if (handovers.length === 0) {
    return <p className="empty">Nothing is waiting. Devices declared at the kiosk appear here until they are logged into the safe.</p>;
  }
  return (
    <div className="table-wrap">
      <table className="table" aria-labelledby={labelledBy}>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Organisation</th>
            <th scope="col">Devices</th>
            <th scope="col">Declared at</th>
            <th scope="col">Status</th>
            <th scope="col"><span className="visually-hidden">Action</span></th>
          </tr>
        </thead>
        <tbody>
          {handovers.map((h) => (
            <tr key={h.handoverId} className={h.visitorSignedOut ? 'row-warning' : undefined}>
              <th scope="row">{fullName(h)}</th>
              <td>{h.organisation ?? <span className="muted">None</span>}</td>
              <td>
                {describeDevices(h.devices)}
                {h.devicesApproved.length > 0 ? (
                  <span className="cell-note"> (device use approved for {describeDevices(h.devicesApproved)})</span>
                ) : null}
              </td>
              <td>{formatTime(h.declaredAt)}</td>
              <td>
                {h.visitorSignedOut ? (
                  <span className="tag tag-warning"><span aria-hidden="true">⚠ </span>Signed out</span>
                ) : (
                  <span className="tag">On site</span>
                )}
              </td>
              <td className="cell-action">
                {h.visitorSignedOut ? (
                  <BigButton variant="secondary" onClick={() => onClose(h)}>
                    Nothing handed in…{' '}<span className="visually-hidden">({fullName(h)})</span>
                  </BigButton>
                ) : (
                  <BigButton variant="secondary" onClick={() => onLog(h)}>
                    Log into safe{' '}<span className="visually-hidden">for {fullName(h)}</span>
                  </BigButton>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
