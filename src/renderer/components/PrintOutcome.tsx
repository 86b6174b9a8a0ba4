import { useId } from 'react';
import type { PrintStatus } from '../../shared/contract/index.js';
import { Alert } from './Alert.js';
import { BigButton } from './BigButton.js';
import { PrintWarning } from './PrintWarning.js';

interface PrintOutcomeProps {
  print: PrintStatus;
  reprinted: boolean;
  printing: boolean;
  /** Electron has no tab to open the PDF in: say where it is instead of offering a link. */
  desktop: boolean;
  documentHref: (documentId: string) => string;
  onPrintAgain: () => void;
}

/** Whether the receipt came out of the printer; if not, why in plain words, and what to do instead. */
export function PrintOutcome({ print, reprinted, printing, desktop, documentHref, onPrintAgain }: PrintOutcomeProps) {
  const newTabId = useId();
  if (print.printed) {
    return (
      <div className="print-outcome">
        <p role="status" className="print-ok">
          <span className="print-ok-mark" aria-hidden="true">✓</span>
          {reprinted ? `Receipt printed again on ${print.printer}` : `Receipt printed on ${print.printer}`}
        </p>
        <PrintWarning print={print} />
        <BigButton variant="secondary" onClick={onPrintAgain} disabled={printing}>{printing ? 'Printing…' : 'Print again'}</BigButton>
      </div>
    );
  }
  return (
    <div className="print-outcome">
      <Alert>
        <strong>The receipt was not printed.</strong> {print.reason}
      </Alert>
      <PrintWarning print={print} />
      <div className="print-actions">
        {print.documentId === null ? null : desktop ? (
          <p className="print-saved">The receipt PDF was saved in the Safe Hands data folder, in "receipts".</p>
        ) : (
          <>
            <a className="btn btn-secondary" href={documentHref(print.documentId)} target="_blank" rel="noopener" aria-describedby={newTabId}>
              Open the receipt PDF
            </a>
            <span id={newTabId} className="visually-hidden">Opens in a new tab</span>
          </>
        )}
        <BigButton variant="secondary" onClick={onPrintAgain} disabled={printing}>{printing ? 'Printing…' : 'Print again'}</BigButton>
      </div>
    </div>
  );
}
