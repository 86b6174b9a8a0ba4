import { useEffect, useState } from 'react';
import { isCurrent, type AgreementView } from '../../shared/domain/learners.js';
import { Alert } from '../components/Alert.js';
import { BigButton } from '../components/BigButton.js';
import { Notice } from '../components/Notice.js';
import { PageHeading } from '../components/PageHeading.js';
import { useSessionStore } from '../staff/session-store.js';
import { AgreementForm } from './AgreementForm.js';
import { AgreementsTable } from './AgreementsTable.js';
import { EndAgreementDialog } from './EndAgreementDialog.js';
import { useLearnersStore } from './learners-store.js';
import './learners.css';

/**
 * The headteacher's prior agreements that let a pupil bring a device into school. The office reads them;
 * the headteacher or leadership records and ends them.
 */
export function AgreementsPage() {
  const agreements = useLearnersStore((s) => s.agreements);
  const loaded = useLearnersStore((s) => s.loaded);
  const error = useLearnersStore((s) => s.error);
  const notice = useLearnersStore((s) => s.notice);
  const form = useLearnersStore((s) => s.form);
  const load = useLearnersStore((s) => s.load);
  const startForm = useLearnersStore((s) => s.startForm);
  const end = useLearnersStore((s) => s.end);
  const session = useSessionStore((s) => s.session);
  const isHead = session?.roles.includes('head') ?? false;
  const [ending, setEnding] = useState<AgreementView | null>(null);

  useEffect(() => {
    void load();
  }, [load]);

  if (form) return <AgreementForm />;

  const current = agreements.filter((a) => isCurrent(a.state));
  const past = agreements.filter((a) => !isCurrent(a.state));
  return (
    <>
      <div className="console-heading">
        <PageHeading>Agreements</PageHeading>
        {isHead ? (
          <div className="console-refresh">
            <BigButton onClick={() => startForm(session)}>Record an agreement</BigButton>
          </div>
        ) : null}
      </div>
      <p className="section-lead">
        A pupil may bring a device into school only with the headteacher's agreement.
        {isHead ? '' : ' The headteacher or leadership records and ends agreements.'}
      </p>
      <Notice text={notice} />
      {error ? <Alert>{error}</Alert> : null}
      <section className="card console-section" aria-labelledby="current-agreements-heading">
        <h2 id="current-agreements-heading">Current agreements</h2>
        <AgreementsTable agreements={current} headingId="current-agreements-heading" onEnd={isHead ? setEnding : null}
          empty={loaded ? 'No pupil has an agreement at the moment.' : 'Reading the agreements…'} />
      </section>
      {past.length > 0 ? (
        <section className="card console-section" aria-labelledby="past-agreements-heading">
          <h2 id="past-agreements-heading">Ended agreements</h2>
          <AgreementsTable agreements={past} headingId="past-agreements-heading" onEnd={null} empty="" />
        </section>
      ) : null}
      {ending ? (
        <EndAgreementDialog pupilName={ending.pupilName} onConfirm={(reason) => end(ending, reason)} onClose={() => setEnding(null)} />
      ) : null}
    </>
  );
}
