import type { LearnerExceptionView } from '../../shared/domain/learners.js';
import { formatDate } from '../../shared/domain/time.js';
import { BigButton } from '../components/BigButton.js';
import { DataTable, type Column } from '../lib/DataTable.js';
import { dayLabel } from '../lib/uk-clock.js';
import { exceptionStateWords, signedWords } from './exception-model.js';
import { deviceWords } from './pupil-device-model.js';

/** What a row offers; each is null where this person may not do it (ending is for the DSL or headteacher). */
export interface ExceptionActions {
  onPrint: (exception: LearnerExceptionView) => void;
  /** The agreement being printed now, whose button waits. */
  printing: number | null;
  onSigned: (exception: LearnerExceptionView) => void;
  onEnd: ((exception: LearnerExceptionView) => void) | null;
}

interface ExceptionsTableProps {
  exceptions: readonly LearnerExceptionView[];
  headingId: string;
  empty: string;
  /** Offered on current exceptions; null on the list of past ones. */
  actions: ExceptionActions | null;
}

/** The state as a tag in words with a mark: never colour alone. */
function StateTag({ exception: e }: { exception: LearnerExceptionView }) {
  const kind = e.state === 'in_force' ? 'tag tag-info' : e.state === 'awaiting_signatures' ? 'tag tag-warning' : 'tag';
  const mark = e.state === 'in_force' ? '✓ ' : e.state === 'awaiting_signatures' ? '⚠ ' : '';
  return (
    <>
      <span className={`${kind} exception-tag`}><span aria-hidden="true">{mark}</span>{exceptionStateWords(e)}</span>
      {e.signed ? <span className="agreement-line muted">{signedWords(e)}</span> : null}
      {e.ended ? <span className="agreement-line muted">By {e.ended.by}: {e.ended.reason}</span> : null}
    </>
  );
}

const COLUMNS: readonly Column<LearnerExceptionView>[] = [
  {
    header: 'Pupil',
    cell: (e) => (
      <>
        <span className="agreement-pupil">{e.pupilName}</span>
        <span className="agreement-line muted">{e.classGroup}</span>
      </>
    ),
  },
  {
    header: 'Device and reason',
    cell: (e) => (
      <>
        <span>{deviceWords(e)}</span>
        <span className="agreement-line muted">{e.reason}</span>
        <span className="agreement-line">May be used for: {e.permittedUse}</span>
      </>
    ),
  },
  { header: 'Days', cell: (e) => `${dayLabel(e.validFrom)} to ${dayLabel(e.validUntil)}` },
  {
    header: 'Approved by',
    cell: (e) => (
      <>
        <span>{e.approvedBy}</span>
        <span className="agreement-line muted">Recorded {formatDate(e.recordedAt)}</span>
      </>
    ),
  },
  { header: 'Status', cell: (e) => <StateTag exception={e} /> },
];

/** Pupils' device exceptions as a table; each row says where it stands in words, and offers what can be done next. */
export function ExceptionsTable({ exceptions, headingId, empty, actions }: ExceptionsTableProps) {
  const columns = actions
    ? [...COLUMNS, {
      header: 'Actions',
      headerHidden: true,
      cell: (e: LearnerExceptionView) => (
        <div className="cell-actions">
          <BigButton variant="secondary" disabled={actions.printing !== null} onClick={() => actions.onPrint(e)}>
            {actions.printing === e.exceptionId ? 'Printing…' : 'Print the agreement'}{' '}
            <span className="visually-hidden">for {e.pupilName}</span>
          </BigButton>
          {e.signed === null ? (
            <BigButton variant="secondary" onClick={() => actions.onSigned(e)}>
              Record signatures…{' '}<span className="visually-hidden">for {e.pupilName}</span>
            </BigButton>
          ) : null}
          {actions.onEnd ? (
            <BigButton variant="secondary" onClick={() => actions.onEnd!(e)}>
              End…{' '}<span className="visually-hidden">the exception for {e.pupilName}</span>
            </BigButton>
          ) : null}
        </div>
      ),
    }]
    : COLUMNS;
  return <DataTable rows={exceptions} columns={columns} rowKey={(e) => e.exceptionId} labelledBy={headingId} empty={empty} className="agreements-table" />;
}
