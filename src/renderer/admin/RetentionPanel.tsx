import { useState } from 'react';
import type { RetentionRun } from '../../shared/contract/index.js';
import { formatDate } from '../../shared/domain/time.js';
import { invoke } from '../api.js';
import { Alert } from '../components/Alert.js';
import { BigButton } from '../components/BigButton.js';
import { ModalDialog } from '../components/ModalDialog.js';
import { handleFailure } from '../lib/action-result.js';
import { announceChanged } from '../lib/console-events.js';
import { retentionLines } from './retention-words.js';

/**
 * Removing old details now, rather than waiting for the daily run: after the retention period was shortened,
 * or before handing the PC on. The same run as the nightly one (retention.runNow), so it removes nothing
 * the nightly run would keep.
 */
export function RetentionPanel() {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<RetentionRun | null>(null);

  const run = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    const r = await invoke('retention.runNow', {});
    setBusy(false);
    setConfirming(false);
    if (!r.ok) {
      const failure = handleFailure(r.error);
      if (!failure.locked) setError(failure.message);
      return;
    }
    setDone(r.value);
    await announceChanged({});
  };

  const lines = done ? retentionLines(done) : [];
  return (
    <section className="card form-section" aria-labelledby="retention-now-title">
      <h2 id="retention-now-title">Removing old details</h2>
      <p>
        Every day Safe Hands removes personal details older than the retention period chosen in Settings. Run it now if
        you have just shortened the period, or must not wait until tomorrow.
      </p>
      <BigButton variant="secondary" onClick={() => { setDone(null); setConfirming(true); }} disabled={busy}>
        Remove old details now
      </BigButton>
      {error ? <Alert>{error}</Alert> : null}
      {done ? (
        <div role="status" className="retention-result">
          <p>
            <strong>Done.</strong> Details from before {formatDate(done.cutoff)}:{' '}
            {lines.length === 0 ? 'there were none left to remove.' : ''}
          </p>
          {lines.length > 0 ? <ul>{lines.map((line) => <li key={line}>{line}</li>)}</ul> : null}
        </div>
      ) : null}
      {confirming ? (
        <ModalDialog
          title="Remove old details now?"
          onEscape={() => setConfirming(false)}
          description={
            <p>
              Names and other personal details older than the retention period are replaced with “Removed”, for good. What
              happened (times, devices, who was on duty) stays, and the audit trail records the run.
            </p>
          }
        >
          <BigButton onClick={() => void run()} disabled={busy}>{busy ? 'Removing…' : 'Remove them now'}</BigButton>
          <BigButton variant="secondary" onClick={() => setConfirming(false)} disabled={busy}>Cancel</BigButton>
        </ModalDialog>
      ) : null}
    </section>
  );
}
