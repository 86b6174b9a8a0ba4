import { useId } from 'react';
import type { PrintStatus } from '../../shared/contract/index.js';
import { documentUrl, inDesktopApp } from '../api.js';
import { Alert } from '../components/Alert.js';

/**
 * Whether the leaflet came out of the A4 printer; if not, why, and its PDF to open (in a browser) or where it
 * was saved (in the desktop app, which has no tab to open it in), as for the roll call.
 */
export function LeafletPrintOutcome({ version, print }: { version: number; print: PrintStatus }) {
  const newTabId = useId();
  if (print.printed) {
    return (
      <p role="status" className="print-ok">
        <span className="print-ok-mark" aria-hidden="true">✓</span>
        Leaflet (version {version}) printed on {print.printer}.
      </p>
    );
  }
  return (
    <div className="print-outcome">
      <Alert><strong>The leaflet was not printed.</strong> {print.reason}</Alert>
      {print.documentId === null ? null : inDesktopApp() ? (
        <p className="print-saved">The PDF was saved in the Safe Hands data folder, in “leaflets”.</p>
      ) : (
        <p className="print-actions">
          <a className="btn btn-secondary" href={documentUrl(print.documentId)} target="_blank" rel="noopener" aria-describedby={newTabId}>
            Open the leaflet PDF
          </a>
          <span id={newTabId} className="muted">Opens in a new tab, to print from there</span>
        </p>
      )}
    </div>
  );
}
