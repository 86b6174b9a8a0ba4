import { useEffect, useState } from 'react';
import type { ConcernView } from '../../shared/domain/concerns.js';
import { Alert } from '../components/Alert.js';
import { BigButton } from '../components/BigButton.js';
import { PageHeading } from '../components/PageHeading.js';
import { useConcernStore } from './concern-store.js';
import { useSessionStore } from '../staff/session-store.js';
import { useTodayStore } from '../console/today-store.js';
import { useSafeguardingStore } from './safeguarding-store.js';
import { ConcernCard } from './ConcernCard.js';
import { ConcernForm } from './ConcernForm.js';
import { Notice } from '../components/Notice.js';
import { ReviewConcernDialog } from './ReviewConcernDialog.js';
import { ConcernFollowUpDialog } from './ConcernFollowUpDialog.js';
import type { FollowUpKind } from './ConcernFollowUps.js';
import { fullName } from '../../shared/domain/names.js';

/** Concerns and breaches: anyone records one; the DSL (and admin) see them all and the DSL reviews them. */
export function ConcernsTab() {
  const concerns = useConcernStore((s) => s.concerns);
  const loaded = useConcernStore((s) => s.loaded);
  const error = useConcernStore((s) => s.error);
  const form = useConcernStore((s) => s.form);
  const load = useConcernStore((s) => s.load);
  const startRaise = useConcernStore((s) => s.startRaise);
  const review = useConcernStore((s) => s.review);
  const roles = useSessionStore((s) => s.session?.roles ?? []);
  const onSite = useTodayStore((s) => s.onSite);
  const notice = useSafeguardingStore((s) => s.notice);
  const [reviewing, setReviewing] = useState<ConcernView | null>(null);
  const [followingUp, setFollowingUp] = useState<{ kind: FollowUpKind; concern: ConcernView } | null>(null);
  const isDsl = roles.includes('dsl');
  const seesAll = isDsl || roles.includes('admin');

  useEffect(() => {
    void load();
  }, [load]);

  if (form) return <ConcernForm />;

  const open = concerns.filter((c) => c.status !== 'closed').length;
  const visitName = (id: number | null) => {
    const v = onSite.find((o) => o.visitId === id);
    return v ? fullName(v) : null;
  };
  return (
    <>
      <div className="console-heading">
        <PageHeading>Concerns</PageHeading>
        <div className="console-refresh">
          <BigButton onClick={startRaise}>Record a concern</BigButton>
        </div>
      </div>
      <p className="section-lead">
        {seesAll
          ? 'Every concern staff have recorded, newest first.'
          : 'The concerns you have recorded. The Designated Safeguarding Lead sees and reviews them all.'}
        {isDsl && open > 0 ? ` ${open === 1 ? '1 is' : `${open} are`} not closed yet.` : ''}
      </p>
      <Notice text={notice} />
      {error ? <Alert>{error}</Alert> : null}
      {loaded && concerns.length === 0 ? <p className="empty card">No concerns have been recorded.</p> : null}
      {concerns.length > 0 ? (
        <ul className="concern-list" aria-label="Concerns">
          {concerns.map((c) => (
            <ConcernCard key={c.concernId} concern={c} visitName={visitName(c.visitId)} canReview={isDsl} seesAll={seesAll}
              onReview={() => setReviewing(c)} onFollowUp={(kind) => setFollowingUp({ kind, concern: c })} />
          ))}
        </ul>
      ) : null}
      {reviewing ? (
        <ReviewConcernDialog about={reviewing.aboutName} onConfirm={(outcome, close) => review(reviewing, outcome, close)}
          onClose={() => setReviewing(null)} />
      ) : null}
      {followingUp ? (
        <ConcernFollowUpDialog kind={followingUp.kind} concern={followingUp.concern} isDsl={isDsl} onClose={() => setFollowingUp(null)} />
      ) : null}
    </>
  );
}
