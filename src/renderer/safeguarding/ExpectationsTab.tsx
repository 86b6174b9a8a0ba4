import { useEffect, useId, useState } from 'react';
import type { PolicyDetail } from '../../shared/contract/index.js';
import { formatDate, formatDateTime } from '../../shared/domain/time.js';
import { Alert } from '../components/Alert.js';
import { BigButton } from '../components/BigButton.js';
import { PolicyText } from '../components/PolicyText.js';
import { PageHeading } from '../components/PageHeading.js';
import { useSessionStore } from '../staff/session-store.js';
import { usePolicyStore } from './policy-store.js';
import { useSafeguardingStore } from './safeguarding-store.js';
import { Notice } from '../components/Notice.js';
import { PolicyEditor } from './PolicyEditor.js';
import { RecordReviewDialog } from './RecordReviewDialog.js';
import { VersionsTable } from './VersionsTable.js';

function ReviewTag({ detail }: { detail: PolicyDetail }) {
  const due = formatDate(detail.reviewDue);
  if (detail.reviewStatus === 'overdue') {
    return <span className="tag tag-warning"><span aria-hidden="true">⚠ </span>Review overdue: it was due {due}</span>;
  }
  if (detail.reviewStatus === 'due_soon') {
    return <span className="tag tag-warning"><span aria-hidden="true">⚠ </span>Review due soon: by {due}</span>;
  }
  return <span className="tag tag-info"><span aria-hidden="true">✓ </span>Next review by {due}</span>;
}

/** The text as the kiosk shows it: summary first, the full text a tap away. */
function CurrentText({ title, summary, fullText }: { title: string; summary: readonly string[]; fullText: string }) {
  const [showFull, setShowFull] = useState(false);
  const fullId = useId();
  return (
    <>
      <p className="policy-preview-title">{title}</p>
      <ul className="policy-summary">{summary.map((line, i) => <li key={i}>{line}</li>)}</ul>
      <BigButton variant="secondary" aria-expanded={showFull} aria-controls={fullId} onClick={() => setShowFull((v) => !v)}>
        {showFull ? 'Hide the full text' : 'Show the full text'}
      </BigButton>
      <div id={fullId} hidden={!showFull}>{showFull ? <PolicyText text={fullText} /> : null}</div>
    </>
  );
}

/** The DSL owns the expectations text: its versions, who acknowledged them, and the annual review. */
export function ExpectationsTab() {
  const isDsl = useSessionStore((s) => s.session?.roles.includes('dsl') ?? false);
  const detail = usePolicyStore((s) => s.detail);
  const publicPolicy = usePolicyStore((s) => s.publicPolicy);
  const error = usePolicyStore((s) => s.error);
  const draft = usePolicyStore((s) => s.draft);
  const load = usePolicyStore((s) => s.load);
  const startEdit = usePolicyStore((s) => s.startEdit);
  const recordReview = usePolicyStore((s) => s.recordReview);
  const notice = useSafeguardingStore((s) => s.notice);
  const [reviewing, setReviewing] = useState(false);

  useEffect(() => {
    void load(isDsl);
  }, [load, isDsl]);

  if (draft) return <PolicyEditor />;

  if (!isDsl) {
    return (
      <>
        <div className="console-heading"><PageHeading>Expectations</PageHeading></div>
        <Alert tone="info">Only a Designated Safeguarding Lead can change the expectations or record their review.</Alert>
        {error ? <Alert>{error}</Alert> : null}
        {publicPolicy ? (
          <section className="card" aria-labelledby="current-heading">
            <h2 id="current-heading">What visitors see now (version {publicPolicy.version})</h2>
            <CurrentText title={publicPolicy.title} summary={publicPolicy.summary} fullText={publicPolicy.fullText} />
          </section>
        ) : null}
      </>
    );
  }

  return (
    <>
      <div className="console-heading">
        <PageHeading>Expectations</PageHeading>
        {detail ? (
          <div className="console-refresh">
            <BigButton onClick={startEdit}>Edit and publish a new version</BigButton>
            <BigButton variant="secondary" onClick={() => setReviewing(true)}>Record a review with no changes</BigButton>
          </div>
        ) : null}
      </div>
      <Notice text={notice} />
      {error ? <Alert>{error}</Alert> : null}
      {detail ? (
        <>
          <section className="card policy-status" aria-labelledby="current-heading">
            <div className="policy-status-head">
              <h2 id="current-heading">Version {detail.current.version} is current</h2>
              <ReviewTag detail={detail} />
            </div>
            <p className="muted">
              Published {formatDateTime(detail.current.createdAt)}{detail.current.createdBy ? ` by ${detail.current.createdBy}` : ''}.
              {detail.lastReview
                ? ` Last reviewed ${formatDateTime(detail.lastReview.reviewedAt)} by ${detail.lastReview.reviewedBy}: “${detail.lastReview.note}”`
                : ' Not reviewed since it was published.'}
            </p>
            <CurrentText title={detail.current.title} summary={detail.current.summary} fullText={detail.current.fullText} />
          </section>
          <section className="card console-section" aria-labelledby="versions-heading">
            <h2 id="versions-heading">Versions</h2>
            <VersionsTable versions={detail.versions} currentId={detail.current.versionId} labelledBy="versions-heading"
              countHeader="Acknowledged by" count={(v) => v.acknowledgements} />
          </section>
        </>
      ) : null}
      {reviewing ? <RecordReviewDialog onConfirm={recordReview} onClose={() => setReviewing(false)} /> : null}
    </>
  );
}
