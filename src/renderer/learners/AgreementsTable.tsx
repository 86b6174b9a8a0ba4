import { DataTable, type Column } from '../lib/DataTable.js';
import type { AgreementView } from '../../shared/domain/learners.js';
import { formatDate } from '../../shared/domain/time.js';
import { BigButton } from '../components/BigButton.js';
import { dayLabel } from '../lib/uk-clock.js';
import { stateWords } from './agreement-model.js';
import { deviceWords } from './pupil-device-model.js';

interface AgreementsTableProps {
  agreements: readonly AgreementView[];
  headingId: string;
  empty: string;
  /** Offered on current agreements to someone with the head role; null for everyone else. */
  onEnd: ((agreement: AgreementView) => void) | null;
}

function Status({ agreement: a }: { agreement: AgreementView }) {
  return (
    <>
      <span className={a.state === 'in_force' ? 'agreement-state agreement-state-in-force' : 'agreement-state'}>
        <span aria-hidden="true">{a.state === 'in_force' ? '✓ ' : ''}</span>
        {stateWords(a)}
      </span>
      {a.ended ? <span className="agreement-line muted">By {a.ended.by}: {a.ended.reason}</span> : null}
    </>
  );
}

const COLUMNS: readonly Column<AgreementView>[] = [
  {
    header: 'Pupil',
    cell: (a) => (
      <>
        <span className="agreement-pupil">{a.pupilName}</span>
        <span className="agreement-line muted">{a.classGroup}</span>
      </>
    ),
  },
  {
    header: 'Device and reason',
    cell: (a) => (
      <>
        <span>{deviceWords(a)}</span>
        <span className="agreement-line muted">{a.reason}</span>
        {a.conditions ? <span className="agreement-line">Conditions: {a.conditions}</span> : null}
      </>
    ),
  },
  { header: 'Days', cell: (a) => `${dayLabel(a.validFrom)} to ${dayLabel(a.validUntil)}` },
  {
    header: 'Agreed by',
    cell: (a) => (
      <>
        <span>{a.agreedBy}</span>
        <span className="agreement-line muted">Recorded {formatDate(a.recordedAt)}</span>
      </>
    ),
  },
  { header: 'Status', cell: (a) => <Status agreement={a} /> },
];

/** Agreements as a table; each row says where it stands in words (and a mark), never by colour alone. */
export function AgreementsTable({ agreements, headingId, empty, onEnd }: AgreementsTableProps) {
  const columns = onEnd
    ? [...COLUMNS, {
      header: 'Actions',
      headerHidden: true,
      cell: (a: AgreementView) => (
        <div className="cell-actions">
          <BigButton variant="secondary" onClick={() => onEnd(a)}>
            End early…{' '}<span className="visually-hidden">the agreement for {a.pupilName}</span>
          </BigButton>
        </div>
      ),
    }]
    : COLUMNS;
  return <DataTable rows={agreements} columns={columns} rowKey={(a) => a.agreementId} labelledBy={headingId} empty={empty} className="agreements-table" />;
}
