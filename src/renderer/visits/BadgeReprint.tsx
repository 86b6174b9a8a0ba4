import { documentUrl, inDesktopApp } from '../api.js';
import { Alert } from '../components/Alert.js';
import { BigButton } from '../components/BigButton.js';
import { PrintWarning } from '../components/PrintWarning.js';
import { useBadgeStore } from './badge-store.js';

/**
 * Reprint badge beside a signed-in visitor: a badge lost, smudged, or that never came out at the kiosk. The
 * same badge again: its QR code still signs them out.
 */
export function BadgeReprintButton({ visitId, name }: { visitId: number; name: string }) {
  const printing = useBadgeStore((s) => s.printing.includes(visitId));
  const reprint = useBadgeStore((s) => s.reprint);
  return (
    <BigButton variant="secondary" className="btn-small" onClick={() => void reprint(visitId)} disabled={printing}>
      {printing ? 'Printing…' : 'Reprint badge'}{' '}<span className="visually-hidden">for {name}</span>
    </BigButton>
  );
}

/**
 * What the last Reprint badge did, in a row of its own under the visitor's (the table's columns are too
 * narrow for it): printed, or why not with the PDF to print by hand, and a warning when their name has
 * letters no font here can print. Nothing until Reprint badge is used.
 */
export function BadgeReprintRow({ visitId, name, columns }: { visitId: number; name: string; columns: number }) {
  const outcome = useBadgeStore((s) => s.outcomes[visitId]);
  if (!outcome) return null;
  const print = 'print' in outcome ? outcome.print : null;
  return (
    <tr className="badge-outcome-row">
      <td colSpan={columns}>
        <div className="badge-outcome" role="group" aria-label={`Badge for ${name}`}>
          {print?.printed ? (
            <p role="status" className="print-ok">
              <span className="print-ok-mark" aria-hidden="true">✓</span>Badge for {name} printed on {print.printer}.
            </p>
          ) : null}
          {'error' in outcome ? <Alert>{outcome.error}</Alert> : null}
          {print && !print.printed ? (
            <div className="print-actions">
              <Alert><strong>The badge for {name} was not printed.</strong> {print.reason}</Alert>
              {print.documentId === null ? null : inDesktopApp() ? (
                <p className="print-saved">The badge PDF is in the Safe Hands data folder, in "badges".</p>
              ) : (
                <a className="btn btn-secondary btn-small" href={documentUrl(print.documentId)} target="_blank" rel="noopener">
                  Open the badge PDF{' '}<span className="visually-hidden">for {name} (opens in a new tab)</span>
                </a>
              )}
            </div>
          ) : null}
          {print ? <PrintWarning print={print} /> : null}
        </div>
      </td>
    </tr>
  );
}
