import { BigButton } from '../components/BigButton.js';
import { JobFailedReminder } from './JobFailedReminder.js';
import { useExceptionStore } from '../safeguarding/exception-store.js';
import { useReminderStore } from './reminder-store.js';
import { useNavigationStore } from './navigation-store.js';

/**
 * At the top of every console page: for everyone while Safe Hands cannot save (a full or read-only disk)
 * and while a scheduled job keeps failing (a backup, the end-of-day sign-out);
 * for the DSL and administrators while the annual review of the expectations is due or overdue, and while
 * the audit check finds records changed outside Safe Hands.
 */
export function RemindersBanner() {
  const reminders = useReminderStore((s) => s.reminders);
  const openSection = useNavigationStore((s) => s.openSafeguarding);
  const goToExpectations = () => {
    useExceptionStore.getState().cancel();
    useExceptionStore.getState().closeRecord();
    openSection('expectations');
  };
  const openAudit = useNavigationStore((s) => s.openSection);
  if (reminders.length === 0) return null;
  return (
    <section className="reminders no-print" aria-label="Reminders">
      {reminders.map((r) => r.kind === 'storage_problem' ? (
        <div key={r.kind} className="reminder reminder-overdue" role="alert">
          <span className="reminder-mark" aria-hidden="true">⚠</span>
          <div className="reminder-text">
            <p><strong>{r.message}</strong></p>
            <details>
              <summary>Details for IT support</summary>
              <p>{r.detail}</p>
            </details>
          </div>
        </div>
      ) : r.kind === 'job_failed' ? (
        <JobFailedReminder key={`${r.kind}-${r.job}`} reminder={r} />
      ) : r.kind === 'audit_problem' ? (
        <div key={r.kind} className="reminder reminder-overdue" role="alert">
          <span className="reminder-mark" aria-hidden="true">⚠</span>
          <div className="reminder-text">
            <p><strong>{r.message}</strong></p>
            <ul className="reminder-problems">
              {r.problems.map((p) => <li key={p}>{p}</li>)}
            </ul>
          </div>
          <BigButton variant="secondary" className="btn-small" onClick={() => openAudit('audit')}>
            Open the audit trail
          </BigButton>
        </div>
      ) : (
        <div key={r.kind} className={r.status === 'overdue' ? 'reminder reminder-overdue' : 'reminder'}>
          <span className="reminder-mark" aria-hidden="true">⚠</span>
          <p className="reminder-text">{r.message}</p>
          <BigButton variant="secondary" className="btn-small" onClick={goToExpectations}>
            Open the expectations
          </BigButton>
        </div>
      ))}
    </section>
  );
}
