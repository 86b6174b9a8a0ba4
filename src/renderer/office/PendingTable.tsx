import type { PendingHandover } from '../../shared/contract.js';
import { describeDevices } from '../../shared/domain/devices.js';
import { formatTime } from '../../shared/domain/time.js';

export function PendingTable({ handovers, labelledBy }: { handovers: readonly PendingHandover[]; labelledBy: string }) {
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
          </tr>
        </thead>
        <tbody>
          {handovers.map((h) => (
            <tr key={h.handoverId} className={h.visitorSignedOut ? 'row-warning' : undefined}>
              <th scope="row">{h.firstName} {h.lastName}</th>
              <td>{h.organisation ?? <span className="muted">None</span>}</td>
              <td>{describeDevices(h.devices)}</td>
              <td>{formatTime(h.declaredAt)}</td>
              <td>
                {h.visitorSignedOut ? (
                  <span className="tag tag-warning"><span aria-hidden="true">⚠ </span>Signed out</span>
                ) : (
                  <span className="tag">On site</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
