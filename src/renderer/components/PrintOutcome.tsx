import { useId, type ReactNode } from 'react';
import type { PrintStatus } from '../../shared/contract/index.js';
import { documentUrl, inDesktopApp } from '../api.js';
import { Alert } from './Alert.js';
import { PrintWarning } from './PrintWarning.js';

interface PrintOutcomeProps {
  print: PrintStatus;
  /** What was printed, as a sentence starts: "The record", "The agreement for Maya Patel". */
  subject: string;
  /** The line when it did print, where a screen says more than "<subject> was printed on <printer>". */
  printedLine?: (printer: string) => string;
  /** The document in two or three words, for "Open the record PDF" and "The record PDF was saved…". */
  pdfName: string;
  /** The folder in the Safe Hands data folder the desktop app saves this kind of PDF in. */
  folder: string;
  /** More actions beside the PDF, shown whether or not it printed (the receipt's "Print again"). */
  children?: ReactNode;
}

/**
 * Whether a document came out of the printer; if not, why in plain words, and what to do instead: in a
 * browser, its PDF to open and print from a new tab; in the desktop app, which has no tab to open it in, the
 * folder it was saved in. One component, so every printed document answers the same way.
 */
export function PrintOutcome({ print, subject, printedLine, pdfName, folder, children }: PrintOutcomeProps) {
  const newTabId = useId();
  if (print.printed) {
    return (
      <div className="print-outcome">
        <p role="status" className="print-ok">
          <span className="print-ok-mark" aria-hidden="true">✓</span>
          {printedLine ? printedLine(print.printer) : `${subject} was printed on ${print.printer}`}
        </p>
        <PrintWarning print={print} />
        {children}
      </div>
    );
  }
  const pdf =
    print.documentId === null ? null : inDesktopApp() ? (
      <p className="print-saved">The {pdfName} PDF was saved in the Safe Hands data folder, in "{folder}".</p>
    ) : (
      <>
        <a className="btn btn-secondary" href={documentUrl(print.documentId)} target="_blank" rel="noopener" aria-describedby={newTabId}>
          Open the {pdfName} PDF
        </a>
        <span id={newTabId} className="visually-hidden">Opens in a new tab</span>
      </>
    );
  return (
    <div className="print-outcome">
      <Alert><strong>{subject} was not printed.</strong> {print.reason}</Alert>
      <PrintWarning print={print} />
      {pdf || children ? <div className="print-actions">{pdf}{children}</div> : null}
    </div>
  );
}
