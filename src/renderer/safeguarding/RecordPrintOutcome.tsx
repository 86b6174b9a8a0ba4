import { useId } from 'react';
import type { PrintStatus } from '../../shared/contract/index.js';
import { documentUrl, inDesktopApp } from '../api.js';
import { Alert } from '../components/Alert.js';
import { PrintWarning } from '../components/PrintWarning.js';

/** Whether the approval record came out of the A4 printer; if not, why, and the PDF to print another way. */
export function RecordPrintOutcome({ print }: { print: PrintStatus }) {
  const newTabId = useId();
  if (print.printed) {
    return (
      <>
        <p role="status" className="print-ok">
          <span className="print-ok-mark" aria-hidden="true">✓</span>
          The record was printed on {print.printer}
        </p>
        <PrintWarning print={print} />
      </>
    );
  }
  return (
    <div className="print-outcome">
      <Alert><strong>The record was not printed.</strong> {print.reason}</Alert>
      <PrintWarning print={print} />
      {print.documentId === null ? null : inDesktopApp() ? (
        <p className="print-saved">The record PDF was saved in the Safe Hands data folder, in "exceptions".</p>
      ) : (
        <div className="print-actions">
          <a className="btn btn-secondary" href={documentUrl(print.documentId)} target="_blank" rel="noopener" aria-describedby={newTabId}>
            Open the record PDF
          </a>
          <span id={newTabId} className="visually-hidden">Opens in a new tab</span>
        </div>
      )}
    </div>
  );
}
