import { useId } from 'react';
import { CONCERN_SUBJECT_LABELS, type ConcernStatus, type ConcernView } from '../../shared/domain/concerns.js';
import { formatDateTime } from '../../shared/domain/time.js';
import { BigButton } from '../components/BigButton.js';
import { ConcernFollowUpActions, ConcernFollowUpRows, type FollowUpKind } from './ConcernFollowUps.js';

const STATUS_LABELS: Record<ConcernStatus, string> = { new: 'New', reviewed: 'Reviewed', closed: 'Closed' };

function StatusTag({ status }: { status: ConcernStatus }) {
  if (status === 'new') return <span className="tag tag-warning"><span aria-hidden="true">● </span>{STATUS_LABELS.new}</span>;
  if (status === 'reviewed') return <span className="tag tag-info"><span aria-hidden="true">◐ </span>{STATUS_LABELS.reviewed}</span>;
  return <span className="tag"><span aria-hidden="true">✓ </span>{STATUS_LABELS.closed}</span>;
}

interface ConcernCardProps {
  concern: ConcernView;
  visitName: string | null;
  /** The DSL: reviews concerns and makes the decisions that follow. */
  canReview: boolean;
  /** The DSL or an administrator: sees the LADO's part and why the parents are not to be told. */
  seesAll: boolean;
  onReview: () => void;
  onFollowUp: (kind: FollowUpKind) => void;
}

/** One concern as raised, the DSL's outcome once there is one, and what followed (parents, LADO, police, debrief). */
export function ConcernCard({ concern: c, visitName, canReview, seesAll, onReview, onFollowUp }: ConcernCardProps) {
  const headingId = useId();
  return (
    <li className={['card', 'concern', c.status === 'new' ? 'concern-new' : ''].filter(Boolean).join(' ')} aria-labelledby={headingId}>
      <div className="concern-head">
        <h2 id={headingId} className="concern-name">{c.aboutName}</h2>
        <span className="muted">{CONCERN_SUBJECT_LABELS[c.aboutType]}</span>
        <StatusTag status={c.status} />
      </div>
      <p className="concern-meta">
        Raised by {c.raisedBy}, {formatDateTime(c.raisedAt)} · {c.location}
        {c.visitId !== null ? ` · Linked to the visit${visitName ? ` of ${visitName}` : ''}` : ''}
      </p>
      <dl className="record-list">
        <div className="record-row"><dt>What happened</dt><dd className="prewrap">{c.whatHappened}</dd></div>
        <div className="record-row"><dt>What was done</dt><dd className="prewrap">{c.actionTaken}</dd></div>
        {c.outcome ? (
          <div className="record-row">
            <dt>Outcome</dt>
            <dd>
              <span className="prewrap">{c.outcome}</span>
              {c.reviewedBy && c.reviewedAt ? <span className="muted"> ({c.reviewedBy}, {formatDateTime(c.reviewedAt)})</span> : null}
            </dd>
          </div>
        ) : null}
        <ConcernFollowUpRows concern={c} seesAll={seesAll} />
      </dl>
      <div className="panel-actions">
        {canReview && c.status !== 'closed' ? (
          <BigButton variant="secondary" onClick={onReview}>
            Review…{' '}<span className="visually-hidden">the concern about {c.aboutName}</span>
          </BigButton>
        ) : null}
        <ConcernFollowUpActions concern={c} isDsl={canReview} onFollowUp={onFollowUp} />
      </div>
    </li>
  );
}
