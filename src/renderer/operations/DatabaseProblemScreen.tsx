import { useEffect } from 'react';
import { useAppStore } from '../stores/app-store.js';

/** How often the paused kiosk asks again, so it comes back by itself once a backup is restored. */
const RECHECK_SECONDS = 30;

/**
 * The kiosk when the start-up check found the database damaged: nothing is signed in or out until it is
 * put right, visitors are sent to the paper book, and the office is told what to do.
 */
export function DatabaseProblemScreen({ problem }: { problem: string }) {
  const loadStatus = useAppStore((s) => s.loadStatus);
  useEffect(() => {
    const timer = setInterval(() => void loadStatus(), RECHECK_SECONDS * 1000);
    return () => clearInterval(timer);
  }, [loadStatus]);

  return (
    <main className="db-problem">
      <div className="card db-problem-card">
        <h1>Safe Hands needs attention</h1>
        <p className="db-problem-lead">
          The visitor records on this computer did not pass their check when Safe Hands started, so the kiosk is paused to keep them safe.
        </p>
        <section className="db-problem-part" aria-labelledby="db-visitors">
          <h2 id="db-visitors">Visitors</h2>
          <p>Please <strong>sign the paper visitor book at the office</strong>, and hand your phone and other devices to the office as usual.</p>
        </section>
        <section className="db-problem-part" aria-labelledby="db-office">
          <h2 id="db-office">Office staff</h2>
          <ol>
            <li>Use the paper visitor book until this screen goes away.</li>
            <li>Unlock the staff console, open <strong>Admin</strong>, then <strong>Backups</strong>, and restore the most recent backup.</li>
            <li>If there is no backup, or restoring does not help, call your IT support.</li>
          </ol>
          <p><a className="btn btn-primary" href="#/console">Staff console</a></p>
        </section>
        <details className="db-problem-details">
          <summary>Details for IT support</summary>
          <p>{problem}</p>
        </details>
      </div>
    </main>
  );
}
