import { useEffect, useState } from 'react';
import type { LearnerExceptionView } from '../../shared/domain/learners.js';
import { Alert } from '../components/Alert.js';
import { BigButton } from '../components/BigButton.js';
import { Notice } from '../components/Notice.js';
import { PageHeading } from '../components/PageHeading.js';
import { useSessionStore } from '../staff/session-store.js';
import { PrintOutcome } from '../components/PrintOutcome.js';
import { EndExceptionDialog } from './EndExceptionDialog.js';
import { ExceptionForm } from './ExceptionForm.js';
import { ExceptionsTable } from './ExceptionsTable.js';
import { useExceptionsStore } from './exceptions-store.js';
import { SignExceptionDialog } from './SignExceptionDialog.js';
import './learners.css';

/** Awaiting signatures, in force or still to start: the ones the office acts on. */
const CURRENT = new Set<LearnerExceptionView['state']>(['awaiting_signatures', 'in_force', 'not_started']);

/**
 * Pupils who may keep a device in school in exceptional circumstances (a phone that reads a medical
 * monitor). The office records one with the approving DSL's or headteacher's PIN, prints the agreement,
 * and records it signed; only the DSL or the headteacher ends one.
 */
export function PupilExceptionsPage() {
  const exceptions = useExceptionsStore((s) => s.exceptions);
  const loaded = useExceptionsStore((s) => s.loaded);
  const error = useExceptionsStore((s) => s.error);
  const notice = useExceptionsStore((s) => s.notice);
  const form = useExceptionsStore((s) => s.form);
  const printing = useExceptionsStore((s) => s.printing);
  const printed = useExceptionsStore((s) => s.printed);
  const load = useExceptionsStore((s) => s.load);
  const startForm = useExceptionsStore((s) => s.startForm);
  const printAgreement = useExceptionsStore((s) => s.printAgreement);
  const recordSigned = useExceptionsStore((s) => s.recordSigned);
  const end = useExceptionsStore((s) => s.end);
  const session = useSessionStore((s) => s.session);
  const mayEnd = session ? session.roles.includes('dsl') || session.roles.includes('head') : false;
  const [signing, setSigning] = useState<LearnerExceptionView | null>(null);
  const [ending, setEnding] = useState<LearnerExceptionView | null>(null);

  useEffect(() => {
    void load();
  }, [load]);

  if (form) return <ExceptionForm />;

  const current = exceptions.filter((e) => CURRENT.has(e.state));
  const past = exceptions.filter((e) => !CURRENT.has(e.state));
  const waiting = current.filter((e) => e.state === 'awaiting_signatures').length;
  return (
    <>
      <div className="console-heading">
        <PageHeading>Exceptions</PageHeading>
        <div className="console-refresh">
          <BigButton onClick={() => startForm(session)}>Record an exception</BigButton>
        </div>
      </div>
      <p className="section-lead">
        A pupil may keep a device with them in school only in exceptional circumstances, for example a phone that reads a
        medical monitor. The headteacher or the DSL approves it, and it is in force once the pupil and a parent or carer
        have signed the written agreement.
        {mayEnd ? '' : ' Only the DSL or the headteacher can end one.'}
      </p>
      <Notice text={notice} />
      {error ? <Alert>{error}</Alert> : null}
      {printed ? (
        <PrintOutcome print={printed.print} subject={`The agreement for ${printed.pupilName}`} pdfName="agreement" folder="learner-exceptions" />
      ) : null}
      <section className="card console-section" aria-labelledby="current-exceptions-heading">
        <h2 id="current-exceptions-heading">Current exceptions</h2>
        {waiting > 0 ? (
          <p className="exception-waiting">
            <span aria-hidden="true">⚠ </span>
            {waiting === 1 ? '1 agreement is waiting for signatures.' : `${waiting} agreements are waiting for signatures.`}
            {' '}Until it is signed, the pupil hands the device in as usual.
          </p>
        ) : null}
        <ExceptionsTable
          exceptions={current}
          headingId="current-exceptions-heading"
          empty={loaded ? 'No pupil has an exception at the moment.' : 'Reading the exceptions…'}
          actions={{ onPrint: (e) => void printAgreement(e), printing, onSigned: setSigning, onEnd: mayEnd ? setEnding : null }}
        />
      </section>
      {past.length > 0 ? (
        <section className="card console-section" aria-labelledby="past-exceptions-heading">
          <h2 id="past-exceptions-heading">Ended or run out</h2>
          <ExceptionsTable exceptions={past} headingId="past-exceptions-heading" empty="" actions={null} />
        </section>
      ) : null}
      {signing ? (
        <SignExceptionDialog exception={signing} onConfirm={(values) => recordSigned(signing, values)} onClose={() => setSigning(null)} />
      ) : null}
      {ending ? (
        <EndExceptionDialog pupilName={ending.pupilName} onConfirm={(reason) => end(ending, reason)} onClose={() => setEnding(null)} />
      ) : null}
    </>
  );
}
