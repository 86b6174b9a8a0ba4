import { useEffect, useRef, type ReactNode } from 'react';
import { describeDevices } from '../../shared/domain/devices.js';
import { EXCEPTION_PURPOSE_LABELS } from '../../shared/domain/exceptions.js';
import { formatDateTime, formatTime } from '../../shared/domain/time.js';
import { Alert } from '../components/Alert.js';
import { BigButton } from '../components/BigButton.js';
import { useApprovalCheckStore, type CheckedApproval } from './approval-check-store.js';
import { timeOrDateTime } from '../lib/format.js';
import { PageHeading } from '../components/PageHeading.js';
import { ScanForm } from '../components/ScanForm.js';
import { useScannerBurst } from '../lib/useScannerBurst.js';
import './check-approval.css';

const SCAN_LABEL = 'Scan the QR code on the approval record or type its record code';
const HAND_IN = 'The device should be in the office safe: ask them to hand it in.';

interface Verdict {
  inForce: boolean;
  /** Above the title: whether Safe Hands knows the record at all. */
  kicker: string;
  title: string;
  /** What it means for the member of staff standing with the visitor. */
  detail: string;
}

/** What a scanned record means now, in words: in force, or not and why, and what to do about it. */
export function verdictFor(a: CheckedApproval): Verdict {
  const who = a.visitorName ?? 'The visitor';
  const genuine = 'Genuine Safe Hands record';
  switch (a.state) {
    case 'active':
      return {
        inForce: true,
        kicker: 'Genuine approval',
        title: 'Approved: in force now',
        detail: `${who} may keep the devices below, for the permitted use and in the permitted areas only.`,
      };
    case 'revoked': {
      // The reason is in the record below; the band says what to do, and who ended it.
      const when = a.revokedAt ? ` at ${timeOrDateTime(a.revokedAt)}` : '';
      return {
        inForce: false,
        kicker: genuine,
        title: 'Not in force: approval revoked',
        detail: `${HAND_IN} Revoked${when} by ${a.revokedBy ?? 'the DSL'}.`,
      };
    }
    case 'expired':
      return {
        inForce: false,
        kicker: genuine,
        title: 'Not in force: approval expired',
        detail: `It ended at ${a.validUntil ? timeOrDateTime(a.validUntil) : 'the time set'}. ${HAND_IN}`,
      };
    case 'not_yet':
      return {
        inForce: false,
        kicker: genuine,
        title: 'Not in force yet',
        detail: `It starts at ${timeOrDateTime(a.validFrom)}. Until then the device should be in the office safe.`,
      };
    case 'visit_ended':
      return {
        inForce: false,
        kicker: genuine,
        title: 'Not in force: the visit has ended',
        detail: 'It was for one visit, which has ended (or its booking was cancelled). It does not cover another visit: '
          + 'the device should be in the office safe unless the DSL approves it again.',
      };
    case 'awaiting_arrival':
      return {
        inForce: false,
        kicker: genuine,
        title: 'Not in force: not signed in yet',
        detail: 'It was approved in advance and starts when they sign in at reception. Until then the device should be in the office safe.',
      };
  }
}

function VerdictBanner({ verdict }: { verdict: Verdict }) {
  return (
    <div className={`approval-verdict ${verdict.inForce ? 'approval-verdict-yes' : 'approval-verdict-no'}`}>
      <span className="approval-verdict-icon" aria-hidden="true">{verdict.inForce ? '✓' : '✗'}</span>
      <div className="approval-verdict-text">
        <p className="approval-verdict-kicker">{verdict.kicker}</p>
        <h2 id="approval-verdict-heading" className="approval-verdict-title">{verdict.title}</h2>
        <p className="approval-verdict-detail">{verdict.detail}</p>
      </div>
    </div>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="record-row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function None() {
  return <span className="muted">None</span>;
}

/** The approval's verdict first, then what it allows, as the DSL recorded it. */
function CheckedRecord({ approval: a, checkedAt, onDone }: { approval: CheckedApproval; checkedAt: string; onDone: () => void }) {
  const verdict = verdictFor(a);
  return (
    <section className="card approval-check" aria-labelledby="approval-verdict-heading">
      <VerdictBanner verdict={verdict} />
      <h3 className="approval-check-subhead">What the DSL approved</h3>
      <dl className="record-list">
        <Row label="For"><strong>{a.visitorName ?? <span className="muted">Name not on record</span>}</strong></Row>
        <Row label="Purpose">{EXCEPTION_PURPOSE_LABELS[a.purpose]}{a.purposeDetail ? `: ${a.purposeDetail}` : ''}</Row>
        <Row label="Devices">{describeDevices(a.devices)}</Row>
        <Row label="Permitted use">{a.permittedUse}</Row>
        <Row label="Permitted areas">{a.permittedAreas}</Row>
        <Row label="Conditions">{a.conditions ?? <None />}</Row>
        <Row label="Valid from">{formatDateTime(a.validFrom)}</Row>
        <Row label="Valid until">{a.validUntil ? formatDateTime(a.validUntil) : 'Until they sign out'}</Row>
        <Row label="Approved by">{a.approvedBy}, {formatDateTime(a.approvedAt)}</Row>
        {a.revokedAt ? (
          <Row label="Revoked">{formatDateTime(a.revokedAt)} by {a.revokedBy}{a.revokeReason ? `: ${a.revokeReason}` : ''}</Row>
        ) : null}
      </dl>
      <div className="panel-actions approval-check-foot">
        <p className="muted">Checked at {formatTime(checkedAt)}. An approval can be revoked at any time: scan again to check later.</p>
        <BigButton variant="secondary" onClick={onDone}>Check another</BigButton>
      </div>
    </section>
  );
}

/** A code Safe Hands has never issued: said as plainly as a revoked approval, in main's words. */
function UnknownRecord({ message, onDone }: { message: string; onDone: () => void }) {
  return (
    <section className="card approval-check" aria-labelledby="approval-verdict-heading">
      <VerdictBanner verdict={{ inForce: false, kicker: 'Unknown record', title: 'Not approved', detail: message }} />
      <div className="panel-actions approval-check-foot">
        <BigButton variant="secondary" onClick={onDone}>Check another</BigButton>
      </div>
    </section>
  );
}

/**
 * A member of staff meets a visitor using a phone in school. The visitor shows the printed approval
 * record; its QR code is scanned (or its record code typed) and the screen says plainly whether the
 * approval is genuine and in force now, and what it allows.
 */
export function CheckApprovalPage() {
  const code = useApprovalCheckStore((s) => s.code);
  const checking = useApprovalCheckStore((s) => s.checking);
  const codeError = useApprovalCheckStore((s) => s.codeError);
  const result = useApprovalCheckStore((s) => s.result);
  const unknown = useApprovalCheckStore((s) => s.unknown);
  const error = useApprovalCheckStore((s) => s.error);
  const focusRequest = useApprovalCheckStore((s) => s.focusRequest);
  const setCode = useApprovalCheckStore((s) => s.setCode);
  const check = useApprovalCheckStore((s) => s.check);
  const clear = useApprovalCheckStore((s) => s.clear);
  const scanRef = useRef<HTMLInputElement>(null);

  // The box has the cursor whenever the screen opens, so a scan works without a tap first.
  useEffect(() => {
    scanRef.current?.focus();
  }, [focusRequest]);

  // An answer is true only when it was checked: leaving the screen forgets it rather than keep an old verdict.
  useEffect(() => () => useApprovalCheckStore.getState().clear(), []);

  useScannerBurst((scanned) => void check(scanned), scanRef);

  // Each answer is brought into view whole, so it can be read from beside the visitor without scrolling.
  const answerRef = useRef<HTMLDivElement>(null);
  const answeredAt = result?.checkedAt ?? unknown;
  useEffect(() => {
    const answer = answerRef.current;
    if (!answeredAt || !answer || typeof answer.scrollIntoView !== 'function') return;
    answer.scrollIntoView({ block: answer.offsetHeight > window.innerHeight ? 'start' : 'nearest' });
  }, [answeredAt]);

  const verdict = result ? verdictFor(result.approval) : null;
  const announcement = checking
    ? 'Checking the approval…'
    : verdict ? `${verdict.title}. ${verdict.detail}` : unknown ? `Not approved. ${unknown}` : '';

  return (
    <>
      <div className="console-heading">
        <PageHeading focus={false}>Check a device approval</PageHeading>
      </div>
      <p className="section-lead">
        Scan the QR code on a visitor&rsquo;s printed approval record to see whether it is genuine and in force now.
      </p>
      <ScanForm
        label={SCAN_LABEL}
        hint="A scanner checks it by itself. Typing the record code printed under the QR code? Press Check."
        code={code}
        onCode={setCode}
        onSubmit={() => void check()}
        inputRef={scanRef}
        error={codeError}
        busy={checking}
        action="Check"
        busyAction="Checking…"
        status={checking ? announcement : <span className="visually-hidden">{announcement}</span>}
      />
      {error ? <Alert>{error}</Alert> : null}
      <div ref={answerRef} className="approval-answer">
        {result ? <CheckedRecord approval={result.approval} checkedAt={result.checkedAt} onDone={clear} /> : null}
        {unknown ? <UnknownRecord message={unknown} onDone={clear} /> : null}
      </div>
    </>
  );
}
