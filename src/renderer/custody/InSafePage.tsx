import { useEffect, useState } from 'react';
import type { SafeOwnerGroup } from '../../shared/contract/index.js';
import { CUSTODY_REASON_LABELS, ownerLine, type CustodyItemView } from '../../shared/domain/custody.js';
import { DEVICE_KIND_LABELS } from '../../shared/domain/devices.js';
import { formatDateTime, formatTime } from '../../shared/domain/time.js';
import { inDesktopApp } from '../api.js';
import { Alert } from '../components/Alert.js';
import { BigButton } from '../components/BigButton.js';
import { useSafeStore } from './safe-store.js';
import { useReprintStore } from './reprint-store.js';
import { ReceiptPrintState } from './ReceiptPrintState.js';
import { REFRESH_SECONDS } from '../lib/refresh.js';
import { heldFor, timeOrDateTime } from '../lib/format.js';
import { PageHeading } from '../components/PageHeading.js';
import { DeviceUseTag } from '../safeguarding/DeviceUseTag.js';
import { CorrectedTag, CorrectItemDialog, itemTitle } from './CorrectItemDialog.js';
import { now } from '../lib/clock.js';

function SafeGroup({ group, now, onCorrect }: { group: SafeOwnerGroup; now: Date; onCorrect: (item: CustodyItemView) => void }) {
  const headingId = `safe-group-${group.ownerType}-${group.receipts[0]?.receiptId ?? 0}`;
  return (
    <li className={['card', 'safe-group', group.pastEndOfDay ? 'safe-group-late' : ''].filter(Boolean).join(' ')}>
      <div className="safe-group-head">
        <h2 id={headingId} className="safe-group-name">{group.ownerName}</h2>
        <span className="muted">{ownerLine(group.ownerType, group.ownerDetail)}</span>
        {group.pastEndOfDay ? (
          <span className="tag tag-warning"><span aria-hidden="true">⚠ </span>Still here after the end of the day</span>
        ) : null}
        {group.collectionRequestedAt ? (
          <span className="tag tag-info">
            <span aria-hidden="true">➜ </span>Waiting at the office to collect (since {formatTime(group.collectionRequestedAt)})
          </span>
        ) : null}
      </div>
      {group.deviceUse ? <DeviceUseTag marker={group.deviceUse} /> : null}
      <p className="safe-group-meta">
        Held since {timeOrDateTime(group.oldestLoggedAt, now)} (held for {heldFor(group.oldestLoggedAt, now)})
        {' · '}
        {group.receipts.length === 1 ? 'Receipt ' : 'Receipts '}
        {group.receipts.map((r) => r.receiptNumber).join(', ')}
      </p>
      {group.receipts.map((r) => (
        <ReceiptPrintState key={r.receiptId} receiptId={r.receiptId} receiptNumber={r.receiptNumber} printCount={r.printCount} printProblem={r.printProblem} givenByHand={r.givenByHand} ownerName={group.ownerName} />
      ))}
      <ul className="safe-items">
        {group.items.map((item) => (
          <li key={item.itemId} className="safe-item">
            <span className="safe-item-kind">{DEVICE_KIND_LABELS[item.kind]}</span>
            {' · '}bag <span className="bag">{item.bagSlot}</span>
            {item.description ? <span className="muted"> · {item.description}</span> : null}
            {item.marks ? <span className="muted"> · marks: {item.marks}</span> : null}
            {item.reason === 'confiscated' ? (
              <span> · {CUSTODY_REASON_LABELS.confiscated}{item.confiscationReason ? `: ${item.confiscationReason}` : ''}</span>
            ) : null}
            {item.corrected ? <> <CorrectedTag /></> : null}
            {item.state === 'in_safe' ? (
              <BigButton variant="secondary" className="btn-small safe-item-correct" onClick={() => onCorrect(item)}>
                Correct details…{' '}<span className="visually-hidden">({itemTitle(item)}, {group.ownerName})</span>
              </BigButton>
            ) : null}
          </li>
        ))}
      </ul>
    </li>
  );
}

/** Everything the office is holding, whose it is and for how long, the longest-held first. */
export function InSafePage() {
  const owners = useSafeStore((s) => s.owners);
  const itemCount = useSafeStore((s) => s.itemCount);
  const loaded = useSafeStore((s) => s.loaded);
  const loading = useSafeStore((s) => s.loading);
  const error = useSafeStore((s) => s.error);
  const readAt = useSafeStore((s) => s.readAt);
  const load = useSafeStore((s) => s.load);
  const notice = useSafeStore((s) => s.notice);
  const correct = useSafeStore((s) => s.correct);
  const [correcting, setCorrecting] = useState<CustodyItemView | null>(null);
  const forgetReprints = useReprintStore((s) => s.forget);
  useEffect(() => forgetReprints, [forgetReprints]);

  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), REFRESH_SECONDS * 1000);
    return () => {
      clearInterval(timer);
      useSafeStore.setState({ notice: null });
    };
  }, [load]);

  const readTime = readAt ? new Date(readAt) : now();
  const late = owners.filter((g) => g.pastEndOfDay).length;
  return (
    <>
      <div className="console-heading">
        <PageHeading>In the safe</PageHeading>
        <div className="console-refresh no-print">
          <p className="muted" role="status">{loading ? 'Updating…' : readAt ? `Updated at ${formatTime(readAt)}` : ''}</p>
          {inDesktopApp() ? null : <BigButton variant="secondary" onClick={() => window.print()}>Print this list</BigButton>}
          <BigButton variant="secondary" onClick={() => void load()} disabled={loading}>Refresh</BigButton>
        </div>
      </div>
      {error ? <Alert>{error}</Alert> : null}
      <div aria-live="polite" className="no-print">
        {notice ? <p className="print-ok"><span className="print-ok-mark" aria-hidden="true">✓</span>{notice}</p> : null}
      </div>
      {loaded ? (
        <p className="safe-summary">
          <strong>{itemCount === 1 ? '1 item in the safe' : `${itemCount} items in the safe`}</strong>
          {owners.length > 0 ? ` for ${owners.length === 1 ? '1 person' : `${owners.length} people`}` : ''}
          {late > 0 ? `; ${late === 1 ? '1 of them is' : `${late} of them are`} still here after the end of the day.` : '.'}
          <span className="print-only"> Printed {formatDateTime(readTime.toISOString())}.</span>
        </p>
      ) : null}
      {loaded && owners.length === 0 ? <p className="empty card">The safe is empty.</p> : null}
      {owners.length > 0 ? (
        <ul className="safe-groups" aria-label="Items in the safe, longest held first">
          {owners.map((g) => (
            <SafeGroup key={`${g.ownerType}-${g.receipts[0]?.receiptId}`} group={g} now={readTime} onCorrect={setCorrecting} />
          ))}
        </ul>
      ) : null}
      {correcting ? (
        <CorrectItemDialog item={correcting} onConfirm={(draft) => correct(correcting, draft)} onClose={() => setCorrecting(null)} />
      ) : null}
    </>
  );
}
