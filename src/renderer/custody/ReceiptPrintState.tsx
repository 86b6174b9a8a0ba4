import { documentUrl, inDesktopApp } from '../api.js';
import { Alert } from '../components/Alert.js';
import { BigButton } from '../components/BigButton.js';
import { PrintWarning } from '../components/PrintWarning.js';
import { useReprintStore } from './reprint-store.js';
import { timeOrDateTime } from '../lib/format.js';
import type { GivenByHand } from '../../shared/contract/index.js';

interface ReceiptPrintStateProps {
  receiptId: number;
  receiptNumber: string;
  /** Copies the printer took; 0 means the owner has no printed receipt. */
  printCount: number;
  /** Why the last try did not print, as staff were told then. */
  printProblem: string | null;
  /** Written out by hand for the owner instead; null when not. */
  givenByHand: GivenByHand | null;
  ownerName: string;
}

/**
 * A receipt the printer never took, said plainly, with Reprint beside it and "Written by hand and given" for
 * when staff wrote the number on paper instead; after either, what happened. A receipt given by hand is no
 * longer a problem, but can still be reprinted. Nothing at all for a receipt that printed and has not been
 * reprinted here.
 */
export function ReceiptPrintState({ receiptId, receiptNumber, printCount, printProblem, givenByHand, ownerName }: ReceiptPrintStateProps) {
  const printing = useReprintStore((s) => s.printing.includes(receiptId));
  const recording = useReprintStore((s) => s.recording.includes(receiptId));
  const outcome = useReprintStore((s) => s.outcomes[receiptId]);
  const reprint = useReprintStore((s) => s.reprint);
  const markGivenByHand = useReprintStore((s) => s.markGivenByHand);

  if (outcome && 'print' in outcome && outcome.print.printed) {
    return (
      <>
        <p role="status" className="print-ok receipt-print-state">
          <span className="print-ok-mark" aria-hidden="true">✓</span>Receipt {receiptNumber} printed on {outcome.print.printer}.
        </p>
        <PrintWarning print={outcome.print} />
      </>
    );
  }
  if (printCount > 0 && !outcome) return null;
  const byHand = outcome && 'givenByHand' in outcome ? outcome.givenByHand : givenByHand;
  const failed = outcome ? ('error' in outcome ? outcome.error : 'print' in outcome && !outcome.print.printed ? outcome.print.reason : null) : null;
  // Not tried yet on this screen: what stopped it last time, from the record.
  const earlier = outcome || byHand ? null : printProblem;
  const documentId = outcome && 'print' in outcome ? outcome.print.documentId : null;
  return (
    <div className={byHand ? 'receipt-by-hand receipt-print-state' : 'receipt-unprinted receipt-print-state'}>
      {byHand ? (
        // Announced when it was just recorded here; otherwise it is part of the page.
        <p className="receipt-by-hand-line" role={outcome && 'givenByHand' in outcome ? 'status' : undefined}>
          <span className="print-ok-mark" aria-hidden="true">✓</span>Receipt {receiptNumber} written by hand and given by {byHand.by} at {timeOrDateTime(byHand.at)}.
        </p>
      ) : (
        <p className="receipt-unprinted-line">
          <span className="tag tag-warning"><span aria-hidden="true">⚠ </span>Receipt {receiptNumber} not printed</span>{' '}
          <span className="muted">{ownerName} has no paper receipt for these items.</span>
        </p>
      )}
      {earlier ? <p className="receipt-unprinted-why">Last try: {earlier}</p> : null}
      {failed ? <Alert><strong>It did not print.</strong> {failed}</Alert> : null}
      {outcome && 'notRecorded' in outcome ? <Alert><strong>It was not recorded.</strong> {outcome.notRecorded}</Alert> : null}
      {outcome && 'print' in outcome ? <PrintWarning print={outcome.print} /> : null}
      <div className="print-actions">
        <BigButton variant="secondary" className="btn-small" onClick={() => void reprint(receiptId)} disabled={printing || recording}>
          {printing ? 'Printing…' : 'Reprint'}{' '}<span className="visually-hidden">receipt {receiptNumber}</span>
        </BigButton>
        {byHand ? null : (
          <BigButton variant="secondary" className="btn-small" onClick={() => void markGivenByHand(receiptId)} disabled={printing || recording}>
            {recording ? 'Recording…' : 'Written by hand and given'}{' '}<span className="visually-hidden">(receipt {receiptNumber})</span>
          </BigButton>
        )}
        {documentId === null ? null : inDesktopApp() ? (
          <span className="print-saved">The PDF is in the Safe Hands data folder, in "receipts".</span>
        ) : (
          <a className="btn btn-secondary btn-small" href={documentUrl(documentId)} target="_blank" rel="noopener">
            Open the receipt PDF{' '}<span className="visually-hidden">(opens in a new tab)</span>
          </a>
        )}
      </div>
    </div>
  );
}
