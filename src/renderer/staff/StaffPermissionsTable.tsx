import { DEVICE_KIND_LABELS } from '../../shared/domain/devices.js';
import { STAFF_PERMISSION_PURPOSE_LABELS, type StaffPermissionView } from '../../shared/domain/staff-permissions.js';
import { formatDate } from '../../shared/domain/time.js';
import { BigButton } from '../components/BigButton.js';
import { DataTable, type Column } from '../lib/DataTable.js';
import { dayLabel } from '../lib/uk-clock.js';
import { permissionDaysWords, permissionStateWords } from './staff-permission-model.js';

/** What a row offers; ending is null where this person may not do it (it is a head's). */
export interface PermissionActions {
  onPrint: (permission: StaffPermissionView) => void;
  /** The permission being printed now, whose button waits. */
  printing: number | null;
  onSigned: (permission: StaffPermissionView) => void;
  onEnd: ((permission: StaffPermissionView) => void) | null;
}

interface StaffPermissionsTableProps {
  permissions: readonly StaffPermissionView[];
  headingId: string;
  empty: string;
  /** Offered on current permissions; null on the list of past ones. */
  actions: PermissionActions | null;
}

/** The state as a tag in words with a mark: never colour alone. */
function StateTag({ permission: p }: { permission: StaffPermissionView }) {
  const kind = p.state === 'in_force' ? 'tag tag-info' : p.state === 'awaiting_signature' ? 'tag tag-warning' : 'tag';
  const mark = p.state === 'in_force' ? '✓ ' : p.state === 'awaiting_signature' ? '⚠ ' : '';
  return (
    <>
      <span className={`${kind} exception-tag`}><span aria-hidden="true">{mark}</span>{permissionStateWords(p)}</span>
      {p.signed ? <span className="agreement-line muted">Signed on {dayLabel(p.signed.on)}</span> : null}
      {p.ended ? <span className="agreement-line muted">By {p.ended.by}: {p.ended.reason}</span> : null}
    </>
  );
}

const COLUMNS: readonly Column<StaffPermissionView>[] = [
  {
    header: 'Member of staff',
    cell: (p) => (
      <>
        <span className="agreement-pupil">{p.staffName}</span>
        <span className="agreement-line muted">{DEVICE_KIND_LABELS[p.deviceKind]}: {p.deviceDescription}</span>
      </>
    ),
  },
  {
    header: 'What for and where',
    cell: (p) => (
      <>
        <span>{STAFF_PERMISSION_PURPOSE_LABELS[p.purpose]}{p.purposeDetail ? `: ${p.purposeDetail}` : ''}</span>
        <span className="agreement-line">May be used for: {p.permittedUse}</span>
        <span className="agreement-line muted">Where: {p.permittedAreas}</span>
        {p.conditions ? <span className="agreement-line muted">Conditions: {p.conditions}</span> : null}
        {p.riskAssessedOn ? <span className="agreement-line muted">Risk assessment done on {dayLabel(p.riskAssessedOn)}</span> : null}
      </>
    ),
  },
  { header: 'Days', cell: (p) => permissionDaysWords(p) },
  {
    header: 'Approved by',
    cell: (p) => (
      <>
        <span>{p.approvedBy}</span>
        <span className="agreement-line muted">Recorded {formatDate(p.recordedAt)}</span>
      </>
    ),
  },
  { header: 'Status', cell: (p) => <StateTag permission={p} /> },
];

/** Staff members' device permissions as a table; each row says where it stands in words, and offers what can be done next. */
export function StaffPermissionsTable({ permissions, headingId, empty, actions }: StaffPermissionsTableProps) {
  const columns = actions
    ? [...COLUMNS, {
      header: 'Actions',
      headerHidden: true,
      cell: (p: StaffPermissionView) => (
        <div className="cell-actions">
          <BigButton variant="secondary" disabled={actions.printing !== null} onClick={() => actions.onPrint(p)}>
            {actions.printing === p.permissionId ? 'Printing…' : 'Print the permission'}{' '}
            <span className="visually-hidden">for {p.staffName}</span>
          </BigButton>
          {p.signed === null ? (
            <BigButton variant="secondary" onClick={() => actions.onSigned(p)}>
              Record their signature…{' '}<span className="visually-hidden">for {p.staffName}</span>
            </BigButton>
          ) : null}
          {actions.onEnd ? (
            <BigButton variant="secondary" onClick={() => actions.onEnd!(p)}>
              End…{' '}<span className="visually-hidden">the permission for {p.staffName}</span>
            </BigButton>
          ) : null}
        </div>
      ),
    }]
    : COLUMNS;
  return <DataTable rows={permissions} columns={columns} rowKey={(p) => p.permissionId} labelledBy={headingId} empty={empty} className="agreements-table" />;
}
