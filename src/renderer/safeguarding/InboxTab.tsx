import { useEffect, useState } from 'react';
import type { ExceptionRequestView } from '../../shared/domain/exception-requests.js';
import { INBOX_KIND_LABELS, INBOX_KINDS, type InboxDestination, type InboxItem } from '../../shared/domain/inbox.js';
import { Alert } from '../components/Alert.js';
import { BigButton } from '../components/BigButton.js';
import { PageHeading } from '../components/PageHeading.js';
import { useNavigationStore } from '../console/navigation-store.js';
import { useInboxStore } from './inbox-store.js';
import { Notice } from '../components/Notice.js';
import { todayUk } from '../lib/uk-clock.js';
import { useSessionStore } from '../staff/session-store.js';
import { DeclineRequestDialog } from './DeclineRequestDialog.js';
import { useExceptionStore, type ApprovalTarget } from './exception-store.js';
import { useSafeguardingStore } from './safeguarding-store.js';
import './inbox.css';

const OPEN_LABELS: Record<InboxDestination, string> = {
  concerns: 'Open Concerns',
  expectations: 'Open Expectations',
  safe: 'Open In the safe',
  pupilExceptions: "Open Pupils' exceptions",
  confiscated: 'Open Confiscated',
  approval: 'Approve…',
};

/** A visitor's request opens the approval form for their visit, started from what they asked for. */
function requestTarget(r: ExceptionRequestView): ApprovalTarget {
  return { type: 'visit', visitId: r.visitId, name: r.visitorName, detail: r.visitorDetail, date: todayUk(), request: r };
}

/**
 * What waits for the DSL, grouped under a heading per kind, oldest first: new concerns, LADO outcomes,
 * pupils' exceptions not signed, anything held past the end of the day, the expectations review. Each
 * entry opens the page where it is dealt with; the list itself changes nothing.
 */
export function InboxTab() {
  const items = useInboxStore((s) => s.items);
  const loaded = useInboxStore((s) => s.loaded);
  const error = useInboxStore((s) => s.error);
  const load = useInboxStore((s) => s.load);
  const nav = useNavigationStore();
  const session = useSessionStore((s) => s.session);
  const startApproval = useExceptionStore((s) => s.startApproval);
  const notice = useSafeguardingStore((s) => s.notice);
  const [declining, setDeclining] = useState<ExceptionRequestView | null>(null);

  useEffect(() => {
    void load();
  }, [load]);

  const open = ({ opens: to, exceptionRequest }: InboxItem) => {
    if (to === 'approval') {
      if (exceptionRequest) startApproval(requestTarget(exceptionRequest), [], session);
      return;
    }
    if (to === 'concerns' || to === 'expectations') nav.showSafeguardingTab(to);
    else nav.show(to);
  };
  const groups = INBOX_KINDS.map((kind) => ({ kind, items: items.filter((i) => i.kind === kind) })).filter((g) => g.items.length > 0);
  return (
    <>
      <div className="console-heading">
        <PageHeading>Inbox</PageHeading>
      </div>
      <p className="section-lead">
        {!loaded ? 'Reading what waits for you…' : items.length === 0
          ? 'Nothing is waiting for the Designated Safeguarding Lead.'
          : `${items.length === 1 ? '1 thing is' : `${items.length} things are`} waiting for the Designated Safeguarding Lead, oldest first.`}
      </p>
      {error ? <Alert>{error}</Alert> : null}
      <Notice text={notice} />
      {groups.map((g) => (
        <section key={g.kind} className="card console-section inbox-group" aria-labelledby={`inbox-${g.kind}`}>
          <h2 id={`inbox-${g.kind}`}>{INBOX_KIND_LABELS[g.kind]} <span className="section-count">({g.items.length})</span></h2>
          <ul className="inbox-list">
            {g.items.map((item) => <InboxEntry key={item.key} item={item} onOpen={open} onDecline={setDeclining} />)}
          </ul>
        </section>
      ))}
      {declining ? <DeclineRequestDialog request={declining} onClose={() => setDeclining(null)} /> : null}
    </>
  );
}

interface InboxEntryProps {
  item: InboxItem;
  onOpen: (item: InboxItem) => void;
  onDecline: (request: ExceptionRequestView) => void;
}

function InboxEntry({ item, onOpen, onDecline }: InboxEntryProps) {
  const request = item.exceptionRequest;
  return (
    <li className="inbox-entry">
      <div>
        <span className="inbox-title">{item.title}</span>
        {item.detail ? <span className="inbox-detail muted">{item.detail}</span> : null}
      </div>
      <div className="inbox-actions">
        <BigButton variant="secondary" className="btn-small" onClick={() => onOpen(item)}>
          {OPEN_LABELS[item.opens]}<span className="visually-hidden">: {item.title}</span>
        </BigButton>
        {request ? (
          <BigButton variant="quiet" className="btn-small" onClick={() => onDecline(request)}>
            Decline…<span className="visually-hidden">{` ${request.visitorName}'s request`}</span>
          </BigButton>
        ) : null}
      </div>
    </li>
  );
}
