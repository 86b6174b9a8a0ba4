import { LADO_OUTCOME_LABELS, type ConcernView, type ParentsInformedEntry } from '../../shared/domain/concerns.js';
import { formatDateTime } from '../../shared/domain/time.js';
import { BigButton } from '../components/BigButton.js';
import { dayLabel } from '../lib/uk-clock.js';
import { mayRecordParentsTold } from './concern-follow-up.js';

/** The dialogs that add to a concern after it was raised. */
export type FollowUpKind = 'parents' | 'debrief' | 'ladoReferral' | 'ladoOutcome' | 'police';

function Recorded({ by, at }: { by: string; at: string }) {
  return <span className="muted"> ({by}, {formatDateTime(at)})</span>;
}

function ParentsLine({ entry }: { entry: ParentsInformedEntry }) {
  if (entry.informed) {
    return (
      <p className="follow-up-line">
        Told on {dayLabel(entry.informedOn)}{entry.informedTime ? ` at ${entry.informedTime}` : ''} by {entry.informedBy}.
        {entry.whoWasTold ? ` Who was told: ${entry.whoWasTold}.` : ''}
        <Recorded by={entry.recordedBy} at={entry.recordedAt} />
      </p>
    );
  }
  return (
    <p className="follow-up-line">
      <strong>Not to be told for now</strong>: the DSL&apos;s decision.{' '}
      {entry.reason !== null ? <span className="prewrap">Why: {entry.reason}</span> : 'Speak to the DSL before contacting them.'}
      <Recorded by={entry.recordedBy} at={entry.recordedAt} />
    </p>
  );
}

/**
 * What followed the concern, as rows of its card: the parents or carers, the LADO and the police (for those
 * who may see them: main leaves them out for anyone else), and the debrief once there is one.
 */
export function ConcernFollowUpRows({ concern: c, seesAll }: { concern: ConcernView; seesAll: boolean }) {
  const lado = c.ladoReferral;
  return (
    <>
      <div className="record-row">
        <dt>Parents or carers</dt>
        <dd>
          {c.parentsInformed.length === 0 ? <p className="follow-up-line muted">Not recorded yet.</p> : null}
          {c.parentsInformed.map((entry, i) => <ParentsLine key={i} entry={entry} />)}
        </dd>
      </div>
      {c.aboutType === 'staff' && seesAll ? (
        <div className="record-row">
          <dt>LADO</dt>
          <dd>
            {lado ? (
              <>
                <p className="follow-up-line">
                  Referred on {dayLabel(lado.referredOn)}, reference {lado.ladoReference}.
                  <Recorded by={lado.recordedBy} at={lado.recordedAt} />
                </p>
                <p className="follow-up-line">
                  {lado.outcome && lado.outcomeOn ? (
                    <>
                      Outcome: <strong>{LADO_OUTCOME_LABELS[lado.outcome]}</strong>, {dayLabel(lado.outcomeOn)}.
                      {lado.outcomeNote ? <span className="prewrap"> {lado.outcomeNote}</span> : null}
                      {lado.outcomeRecordedBy && lado.outcomeRecordedAt ? <Recorded by={lado.outcomeRecordedBy} at={lado.outcomeRecordedAt} /> : null}
                    </>
                  ) : 'Outcome not known yet.'}
                </p>
              </>
            ) : <p className="follow-up-line muted">Not referred.</p>}
          </dd>
        </div>
      ) : null}
      {c.policeContacts.length > 0 ? (
        <div className="record-row">
          <dt>Police</dt>
          <dd>
            {c.policeContacts.map((p, i) => (
              <p key={i} className="follow-up-line">
                {dayLabel(p.contactedOn)}: {p.policeForce}, {p.officer}, reference {p.reference}.
                <Recorded by={p.recordedBy} at={p.recordedAt} />
              </p>
            ))}
          </dd>
        </div>
      ) : null}
      {c.debrief ? (
        <>
          <div className="record-row">
            <dt>Lessons learnt</dt>
            <dd><span className="prewrap">{c.debrief.lessonsLearnt}</span><Recorded by={c.debrief.recordedBy} at={c.debrief.recordedAt} /></dd>
          </div>
          <div className="record-row">
            <dt>Changes to practice</dt>
            <dd className="prewrap">{c.debrief.practiceChange ?? 'None.'}</dd>
          </div>
        </>
      ) : null}
    </>
  );
}

interface ActionsProps {
  concern: ConcernView;
  isDsl: boolean;
  onFollowUp: (kind: FollowUpKind) => void;
}

/** The buttons for what may be added now, by this person: the rest are not offered, as main would refuse them. */
export function ConcernFollowUpActions({ concern: c, isDsl, onFollowUp }: ActionsProps) {
  const button = (kind: FollowUpKind, label: string) => (
    <BigButton key={kind} variant="secondary" onClick={() => onFollowUp(kind)}>
      {label}{' '}<span className="visually-hidden">for the concern about {c.aboutName}</span>
    </BigButton>
  );
  return (
    <>
      {mayRecordParentsTold(c, isDsl) ? button('parents', 'Parents informed…') : null}
      {isDsl && c.aboutType === 'staff' && !c.ladoReferral ? button('ladoReferral', 'LADO referral…') : null}
      {isDsl && c.ladoReferral && !c.ladoReferral.outcome ? button('ladoOutcome', 'LADO outcome…') : null}
      {isDsl ? button('police', 'Police contact…') : null}
      {isDsl && c.status === 'closed' && !c.debrief ? button('debrief', 'Debrief…') : null}
    </>
  );
}
