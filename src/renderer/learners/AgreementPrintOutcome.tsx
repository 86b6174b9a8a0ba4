import { useId } from 'react';
import type { PrintStatus } from '../../shared/contract/index.js';
import { documentUrl, inDesktopApp } from '../api.js';
import { Alert } from '../components/Alert.js';
import { PrintWarning } from '../components/PrintWarning.js';

/**
 * Whether a pupil's exception agreement came out of the A4 printer; if not, why, and (in a browser) the PDF
 * to open and print there, as for the roll call. The desktop app says where the PDF was kept.
 */
export function AgreementPrintOutcome({ pupilName, print }: { pupilName: string; print: PrintStatus }) {
  const newTabId = useId();
  if (print.printed) {
    return (
      <>
        <p role="status" className="print-ok">
          <span className="print-ok-mark" aria-hidden="true">✓</span>
          The agreement for {pupilName} was printed on {print.printer}
        </p>
        <PrintWarning print={print} />
      </>
    );
  }
  return (
    <div className="print-outcome">
      <Alert><strong>The agreement for {pupilName} was not printed.</strong> {print.reason}</Alert>
      <PrintWarning print={print} />
      {print.documentId === null ? null : inDesktopApp() ? (
        <p className="print-saved">The agreement PDF was saved in the Safe Hands data folder, in "learner-exceptions".</p>
      ) : (
        <div className="print-actions">
          <a className="btn btn-secondary" href={documentUrl(print.documentId)} target="_blank" rel="noopener" aria-describedby={newTabId}>
            Open the agreement PDF
          </a>
          <span id={newTabId} className="visually-hidden">Opens in a new tab</span>
        </div>
      )}
    </div>
  );
}
