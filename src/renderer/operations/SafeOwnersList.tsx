import type { SafeOwnerGroup } from '../../shared/contract/index.js';
import { DEVICE_KIND_LABELS } from '../../shared/domain/devices.js';
import { ownerLine } from '../../shared/domain/custody.js';
import { timeOrDateTime } from '../lib/format.js';
import { ReceiptPrintState } from '../custody/ReceiptPrintState.js';

/**
 * What is still in the safe, one entry per owner with the bag for each item, and any receipt the printer never
 * took (before locking up is the last chance to give the owner one).
 */
export function SafeOwnersList({ owners, now }: { owners: readonly SafeOwnerGroup[]; now: Date }) {
  if (owners.length === 0) return <p className="empty">The safe is empty.</p>;
  return (
    <ul className="eod-owners" aria-label="Still in the safe, by owner">
      {owners.map((g) => (
        <li key={`${g.ownerType}-${g.receipts[0]?.receiptId ?? g.ownerName}`} className="eod-owner">
          <p className="eod-owner-name">
            {g.ownerName} <span className="muted">({ownerLine(g.ownerType, g.ownerDetail)})</span>
            {g.pastEndOfDay ? <> <span className="tag tag-warning"><span aria-hidden="true">⚠ </span>After the end of the day</span></> : null}
          </p>
          <ul className="eod-items">
            {g.items.map((item) => (
              <li key={item.itemId}>
                {DEVICE_KIND_LABELS[item.kind]}, bag <span className="bag">{item.bagSlot}</span>
                {item.description ? <span className="muted"> · {item.description}</span> : null}
              </li>
            ))}
          </ul>
          <p className="eod-owner-meta muted">
            Since {timeOrDateTime(g.oldestLoggedAt, now)} · {g.receipts.length === 1 ? 'Receipt' : 'Receipts'} {g.receipts.map((r) => r.receiptNumber).join(', ')}
          </p>
          <div className="no-print">
            {g.receipts.map((r) => (
              <ReceiptPrintState key={r.receiptId} receiptId={r.receiptId} receiptNumber={r.receiptNumber} printCount={r.printCount} printProblem={r.printProblem} givenByHand={r.givenByHand} ownerName={g.ownerName} />
            ))}
          </div>
        </li>
      ))}
    </ul>
  );
}
