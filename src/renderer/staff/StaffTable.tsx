import type { StaffAccount } from '../../shared/contract/index.js';
import { ROLE_LABELS } from '../../shared/domain/roles.js';
import { BigButton } from '../components/BigButton.js';
import { timeOrDateTime } from '../lib/format.js';
import { DataTable, type Column } from '../lib/DataTable.js';

export type StaffAction = 'roles' | 'pin' | 'badge' | 'deactivate';

interface StaffTableProps {
  accounts: readonly StaffAccount[];
  labelledBy: string;
  myStaffId: number | null;
  onAction: (action: StaffAction, account: StaffAccount) => void;
  onUnlock: (account: StaffAccount) => void;
}

interface AccountActionsProps extends Pick<StaffTableProps, 'onAction' | 'onUnlock'> {
  account: StaffAccount;
  isMe: boolean;
}

/** Each button names the account for a screen reader: a column of "Reset PIN" alone would not say whose. */
function AccountActions({ account: a, isMe, onAction, onUnlock }: AccountActionsProps) {
  const who = <span className="visually-hidden">({a.displayName})</span>;
  return (
    <div className="staff-actions">
      <BigButton variant="secondary" className="btn-small" onClick={() => onAction('roles', a)}>Edit roles…{' '}{who}</BigButton>
      <BigButton variant="secondary" className="btn-small" onClick={() => onAction('pin', a)}>Reset PIN…{' '}{who}</BigButton>
      <BigButton variant="secondary" className="btn-small" onClick={() => onAction('badge', a)}>
        {a.badgeIssuedAt ? 'Replace badge…' : 'Issue badge…'}{' '}{who}
      </BigButton>
      {a.lockedUntil ? (
        <BigButton variant="secondary" className="btn-small" onClick={() => onUnlock(a)}>Unlock{' '}{who}</BigButton>
      ) : null}
      {/* The service refuses to deactivate your own account, so the button is not offered. */}
      {isMe ? null : (
        <BigButton variant="secondary" className="btn-small" onClick={() => onAction('deactivate', a)}>Deactivate…{' '}{who}</BigButton>
      )}
    </div>
  );
}

/** Every account, active or not, with what an administrator can do to each. */
export function StaffTable({ accounts, labelledBy, myStaffId, onAction, onUnlock }: StaffTableProps) {
  const columns: readonly Column<StaffAccount>[] = [
    { header: 'Name', cell: (a) => <>{a.displayName}{a.staffId === myStaffId ? <span className="muted"> (you)</span> : null}</> },
    { header: 'Roles', cell: (a) => a.roles.map((r) => ROLE_LABELS[r]).join(', ') },
    { header: 'Account', cell: (a) => (a.active ? 'Active' : <span className="tag">Deactivated</span>) },
    {
      header: 'Wrong-PIN lock',
      cell: (a) => (a.lockedUntil ? (
        <span className="tag tag-warning"><span aria-hidden="true">⚠ </span>Locked until {timeOrDateTime(a.lockedUntil)}</span>
      ) : (
        <span className="muted">Not locked</span>
      )),
    },
    {
      header: 'Actions',
      headerHidden: true,
      cellClassName: 'cell-action',
      cell: (a) => (a.active ? <AccountActions account={a} isMe={a.staffId === myStaffId} onAction={onAction} onUnlock={onUnlock} /> : null),
    },
  ];
  return (
    <DataTable
      rows={accounts}
      columns={columns}
      rowKey={(a) => a.staffId}
      labelledBy={labelledBy}
      className="staff-table"
      rowClassName={(a) => (a.active ? undefined : 'row-inactive')}
    />
  );
}
