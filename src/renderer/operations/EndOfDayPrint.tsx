import { useId } from 'react';
import type { PrintStatus } from '../../shared/contract/index.js';
import { Alert } from '../components/Alert.js';
import { PrintWarning } from '../components/PrintWarning.js';

interface EndOfDayPrintProps {
  print: PrintStatus;
  /** Electron has no tab to open the PDF in: say where it was saved instead of offering a link. */
  desktop: boolean;
  documentHref: (documentId: string) => string;
}

/** Whether the end-of-day report came out of the printer; if not, why, and the PDF to open or where it is. */
export function EndOfDayPrint({ print, desktop, documentHref }: EndOfDayPrintProps) {
  const newTabId = useId();
  if (print.printed) {
    return (
      <div className="eod-print-outcome no-print">
        <p role="status" className="print-ok">
          <span className="print-ok-mark" aria-hidden="true">✓</span>
          End-of-day report printed on {print.printer}.
        </p>
        <PrintWarning print={print} />
      </div>
    );
  }
  return (
    <div className="eod-print-outcome no-print">
      <Alert>
        <strong>The end-of-day report was not printed.</strong> {print.reason}
      </Alert>
      {print.documentId === null ? null : desktop ? (
        <p className="print-saved">The PDF was saved in the Safe Hands data folder, in “end-of-day”.</p>
      ) : (
        <p className="print-actions">
          <a className="btn btn-secondary" href={documentHref(print.documentId)} target="_blank" rel="noopener" aria-describedby={newTabId}>
            Open the end-of-day report PDF
          </a>
          <span id={newTabId} className="muted">Opens in a new tab</span>
        </p>
      )}
      <PrintWarning print={print} />
    </div>
  );
}
