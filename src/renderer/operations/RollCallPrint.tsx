import { useId } from 'react';
import type { PrintStatus } from '../../shared/contract/index.js';
import { Alert } from '../components/Alert.js';
import { PrintWarning } from '../components/PrintWarning.js';
import { ListOnScreenNote } from './ListOnScreenNote.js';

interface RollCallPrintProps {
  people: number;
  print: PrintStatus;
  /** Electron has no tab to open the PDF in: say where it was saved instead of offering a link. */
  desktop: boolean;
  documentHref: (documentId: string) => string;
}

function peopleOnIt(n: number): string {
  return n === 1 ? '1 person on it' : `${n} people on it`;
}

/** Whether the evacuation list came out of the printer; if not, why, and where the PDF is. */
export function RollCallPrint({ people, print, desktop, documentHref }: RollCallPrintProps) {
  const newTabId = useId();
  if (print.printed) {
    return (
      <>
        <p role="status" className="print-ok">
          <span className="print-ok-mark" aria-hidden="true">✓</span>
          Evacuation list printed on {print.printer} ({peopleOnIt(people)}).
        </p>
        {/* Kept off the page when the list on screen is printed from the browser, like the outcome below. */}
        {print.warning ? <div className="rollcall-print-outcome"><PrintWarning print={print} /></div> : null}
      </>
    );
  }
  return (
    <div className="rollcall-print-outcome">
      <Alert>
        <strong>The evacuation list was not printed.</strong> {print.reason}
        {/* No PDF to open: the screen is the list. */}
        {print.documentId === null ? <ListOnScreenNote desktop={desktop} /> : null}
      </Alert>
      {print.documentId === null ? null : desktop ? (
        <p className="print-saved">The PDF ({peopleOnIt(people)}) was saved in the Safe Hands data folder, in “roll-calls”.</p>
      ) : (
        <p className="print-actions">
          <a className="btn btn-secondary" href={documentHref(print.documentId)} target="_blank" rel="noopener" aria-describedby={newTabId}>
            Open the evacuation list PDF
          </a>
          <span id={newTabId} className="muted">{peopleOnIt(people)}; opens in a new tab</span>
        </p>
      )}
      <PrintWarning print={print} />
    </div>
  );
}
