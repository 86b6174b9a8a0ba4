import { documentUrl, inDesktopApp } from '../api.js';
import { Alert } from '../components/Alert.js';
import { BigButton } from '../components/BigButton.js';
import { PrintWarning } from '../components/PrintWarning.js';
import { useReprintStore } from '../stores/reprint-store.js';

interface ReceiptPrintStateProps {
  receiptId: number;
  receiptNumber: string;
  /** Copies the printer took; 0 means the owner has no paper receipt. */
  printCount: number;
  /** Why the last try did not print, as staff were told then. */
  printProblem: string | null;
  ownerName: string;
}

/**
 * A receipt the printer never took, said plainly, with Reprint beside it; after a Reprint, what the printer
 * did. Nothing at all for a receipt that printed and has not been reprinted here.
 */
export function ReceiptPrintState({ receiptId, receiptNumber, printCount, printProblem, ownerName }: ReceiptPrintStateProps) {
  const printing = useReprintStore((s) => s.printing.includes(receiptId));
  const outcome = useReprintStore((s) => s.outcomes[receiptId]);
  const reprint = useReprintStore((s) => s.reprint);

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
  const failed = outcome ? ('error' in outcome ? outcome.error : outcome.print.printed ? null : outcome.print.reason) : null;
  // Not tried yet on this screen: what stopped it last time, from the record.
  const earlier = outcome ? null : printProblem;
  const documentId = outcome && 'print' in outcome ? outcome.print.documentId : null;
  return (
    <div className="receipt-unprinted receipt-print-state">
      <p className="receipt-unprinted-line">
        <span className="tag tag-warning"><span aria-hidden="true">⚠ </span>Receipt {receiptNumber} not printed</span>{' '}
        <span className="muted">{ownerName} has no paper receipt for these items.</span>
      </p>
      {earlier ? <p className="receipt-unprinted-why">Last try: {earlier}</p> : null}
      {failed ? <Alert><strong>It did not print.</strong> {failed}</Alert> : null}
      {outcome && 'print' in outcome ? <PrintWarning print={outcome.print} /> : null}
      <div className="print-actions">
        <BigButton variant="secondary" className="btn-small" onClick={() => void reprint(receiptId)} disabled={printing}>
          {printing ? 'Printing…' : 'Reprint'}{' '}<span className="visually-hidden">receipt {receiptNumber}</span>
        </BigButton>
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
