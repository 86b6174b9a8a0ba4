import { useEffect, type ReactNode } from 'react';
import type { AppStatus, StorageProblem, StorageProblemKind } from '../../../shared/contract/index.js';
import { useAppStore } from '../../app-store.js';

/** How often the paused kiosk asks again, so it carries on by itself once the problem is put right. */
const RECHECK_SECONDS = 30;

/** Why the kiosk stopped, for the office, by what the disk is doing. */
const STORAGE_LEAD: Record<StorageProblemKind, string> = {
  full: 'This computer’s disk is full, so Safe Hands cannot save any new visitor records. The kiosk is paused until it can.',
  read_only: 'This computer’s disk has become read-only, so Safe Hands cannot save any new visitor records. The kiosk is paused until it can.',
  not_allowed: 'Safe Hands is no longer allowed to save in its folder on this computer. The kiosk is paused until it can save again.',
  disk_error: 'This computer’s disk gave an error when Safe Hands saved a record, so the kiosk is paused to keep the records safe.',
  unreachable: 'This desk cannot reach the database server it shares with the other desks, so it cannot save any visitor records. The kiosk is paused until it can.',
};

const STORAGE_FIX: Record<StorageProblemKind, ReactNode> = {
  full: <>Free some space on the computer’s disk (move or delete files that are not Safe Hands’ own), or <strong>call your IT support</strong>.</>,
  read_only: <><strong>Call your IT support</strong> and show them the details below.</>,
  not_allowed: <><strong>Call your IT support</strong> and show them the details below.</>,
  disk_error: <><strong>Call your IT support today</strong>: the disk may be failing. Show them the details below.</>,
  unreachable: <>Check this computer’s network cable or Wi-Fi. If the other desks are stuck too, <strong>call your IT support</strong>: the database server may be down.</>,
};

/**
 * The kiosk while it is paused (kiosk-pause.ts): nothing is signed in or out, visitors are sent to the paper
 * book, and the office is told what to do. A damaged database needs a backup restored; a disk that will
 * not take writes needs space or IT, and the kiosk carries on by itself once Safe Hands can save again.
 */
export function KioskPausedScreen({ status }: { status: Pick<AppStatus, 'databaseProblem' | 'storageProblem'> }) {
  const loadStatus = useAppStore((s) => s.loadStatus);
  useEffect(() => {
    const timer = setInterval(() => void loadStatus(), RECHECK_SECONDS * 1000);
    return () => clearInterval(timer);
  }, [loadStatus]);

  const storage = status.databaseProblem === null ? status.storageProblem : null;
  return (
    <main className="kiosk-paused">
      <div className="card kiosk-paused-card">
        <h1>Safe Hands needs attention</h1>
        <p className="kiosk-paused-lead">
          {storage ? STORAGE_LEAD[storage.kind] : 'The visitor records on this computer did not pass their check when Safe Hands started, so the kiosk is paused to keep them safe.'}
        </p>
        <section className="kiosk-paused-part" aria-labelledby="paused-visitors">
          <h2 id="paused-visitors">Visitors</h2>
          <p>Please <strong>sign the paper visitor book at the office</strong>, and hand your phone and other devices to the office as usual.</p>
        </section>
        <section className="kiosk-paused-part" aria-labelledby="paused-office">
          <h2 id="paused-office">Office staff</h2>
          {storage ? <StorageSteps problem={storage} /> : (
            <ol>
              <li>Use the paper visitor book until this screen goes away.</li>
              <li>Unlock the staff console, open <strong>Admin</strong>, then <strong>Backups</strong>, and restore the most recent backup.</li>
              <li>If there is no backup, or restoring does not help, call your IT support.</li>
            </ol>
          )}
          <p><a className="btn btn-primary" href="#/console">Staff console</a></p>
        </section>
        <details className="kiosk-paused-details">
          <summary>Details for IT support</summary>
          <p>{storage ? `${storage.detail} Since ${storage.since}.` : status.databaseProblem}</p>
        </details>
      </div>
    </main>
  );
}

function StorageSteps({ problem }: { problem: StorageProblem }) {
  return (
    <ol>
      <li>Use the paper visitor book until this screen goes away. It goes by itself once Safe Hands can save again.</li>
      <li>{STORAGE_FIX[problem.kind]}</li>
      {problem.kind === 'unreachable'
        // The records are on the server: the console cannot read them either until it is back.
        ? <li>The staff console cannot show who is on site or what is in the safe until the server is back: use the paper book and the safe’s own labels meanwhile.</li>
        : <li>You can still unlock the staff console to look things up, such as who is on site and what is in the safe.</li>}
    </ol>
  );
}
