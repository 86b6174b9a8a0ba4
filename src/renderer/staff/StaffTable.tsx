import type { StaffAccount } from '../../shared/contract/index.js';
import { ROLE_LABELS } from '../../shared/domain/roles.js';
import { BigButton } from '../components/BigButton.js';
import { timeOrDateTime } from '../lib/format.js';

export type StaffAction = 'roles' | 'pin' | 'deactivate';

interface StaffTableProps {
  accounts: readonly StaffAccount[];
  labelledBy: string;
  myStaffId: number | null;
  onAction: (action: StaffAction, account: StaffAccount) => void;
  onUnlock: (account: StaffAccount) => void;
}

/** Every account, active or not, with what an administrator can do to each. */
export function StaffTable({ accounts, labelledBy, myStaffId, onAction, onUnlock }: StaffTableProps) {
  return (
    <div className="table-wrap">
      <table className="table staff-table" aria-labelledby={labelledBy}>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Roles</th>
            <th scope="col">Account</th>
            <th scope="col">Wrong-PIN lock</th>
            <th scope="col"><span className="visually-hidden">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((a) => {
            const who = <span className="visually-hidden">({a.displayName})</span>;
            return (
              <tr key={a.staffId} className={a.active ? undefined : 'row-inactive'}>
                <th scope="row">{a.displayName}{a.staffId === myStaffId ? <span className="muted"> (you)</span> : null}</th>
                <td>{a.roles.map((r) => ROLE_LABELS[r]).join(', ')}</td>
                <td>{a.active ? 'Active' : <span className="tag">Deactivated</span>}</td>
                <td>
                  {a.lockedUntil ? (
                    <span className="tag tag-warning"><span aria-hidden="true">⚠ </span>Locked until {timeOrDateTime(a.lockedUntil)}</span>
                  ) : (
                    <span className="muted">Not locked</span>
                  )}
                </td>
                <td className="cell-action">
                  {a.active ? (
                    <div className="staff-actions">
                      <BigButton variant="secondary" className="btn-small" onClick={() => onAction('roles', a)}>Edit roles…{' '}{who}</BigButton>
                      <BigButton variant="secondary" className="btn-small" onClick={() => onAction('pin', a)}>Reset PIN…{' '}{who}</BigButton>
                      {a.lockedUntil ? (
                        <BigButton variant="secondary" className="btn-small" onClick={() => onUnlock(a)}>Unlock{' '}{who}</BigButton>
                      ) : null}
                      {a.staffId === myStaffId ? null : (
                        <BigButton variant="secondary" className="btn-small" onClick={() => onAction('deactivate', a)}>Deactivate…{' '}{who}</BigButton>
                      )}
                    </div>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
