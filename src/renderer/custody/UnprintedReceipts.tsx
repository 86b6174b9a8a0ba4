import { useEffect } from 'react';
import { useReprintStore } from './reprint-store.js';
import { useSafeStore } from './safe-store.js';
import { ReceiptPrintState } from './ReceiptPrintState.js';

/**
 * Today's list of receipts for things in the safe that never came out of the printer (it was off, or the
 * app stopped before printing): each person still needs a receipt to collect with. Shown only when there
 * are some; a receipt printed or given by hand from here stays, ticked, until the page is left. One written
 * out by hand (recorded as given) is not listed again.
 */
export function UnprintedReceipts() {
  const owners = useSafeStore((s) => s.owners);
  const outcomes = useReprintStore((s) => s.outcomes);
  const forget = useReprintStore((s) => s.forget);
  useEffect(() => forget, [forget]);

  const rows = owners.flatMap((group) =>
    group.receipts
      .filter((r) => (r.printCount === 0 && r.givenByHand === null) || outcomes[r.receiptId] !== undefined)
      .map((r) => ({ ...r, ownerName: group.ownerName, ownerDetail: group.ownerDetail })),
  );
  if (rows.length === 0) return null;
  const handled = (r: (typeof rows)[number]) => {
    const outcome = outcomes[r.receiptId];
    return r.printCount > 0 || r.givenByHand !== null || (outcome !== undefined && 'givenByHand' in outcome);
  };
  const waiting = rows.filter((r) => !handled(r)).length;
  const byHand = rows.some((r) => r.givenByHand !== null || 'givenByHand' in (outcomes[r.receiptId] ?? {}));
  return (
    <section className="card console-section unprinted-receipts" aria-labelledby="unprinted-heading">
      <h2 id="unprinted-heading">Receipts not printed</h2>
      <p className="section-count">
        {waiting === 0 ? (byHand ? 'None left to print.' : 'All printed now.') : waiting === 1 ? '1 receipt to print' : `${waiting} receipts to print`}
      </p>
      <p className="muted">
        The printer never took these. Print each one and give it to the person, so they can collect their items. If it will not
        print, write the receipt number on paper for them and choose “Written by hand and given”.
      </p>
      <ul className="unprinted-list" aria-labelledby="unprinted-heading">
        {rows.map((r) => (
          <li key={r.receiptId} className="unprinted-row">
            <p className="unprinted-who">
              <span className="unprinted-name">{r.ownerName}</span>
              <span className="muted">{r.ownerDetail ? ` · ${r.ownerDetail}` : ''} · receipt {r.receiptNumber}</span>
            </p>
            <ReceiptPrintState receiptId={r.receiptId} receiptNumber={r.receiptNumber} printCount={r.printCount} printProblem={r.printProblem} givenByHand={r.givenByHand} ownerName={r.ownerName} />
          </li>
        ))}
      </ul>
    </section>
  );
}
