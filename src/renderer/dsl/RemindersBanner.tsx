import { BigButton } from '../components/BigButton.js';
import { useExceptionStore } from '../stores/exception-store.js';
import { useReminderStore } from '../stores/reminder-store.js';
import { useSafeguardingStore } from '../stores/safeguarding-store.js';

/** At the top of every console page while the annual review of the expectations is due or overdue. */
export function RemindersBanner() {
  const reminders = useReminderStore((s) => s.reminders);
  const openSection = useSafeguardingStore((s) => s.openSection);
  const goToExpectations = () => {
    useExceptionStore.getState().cancel();
    useExceptionStore.getState().closeRecord();
    openSection('expectations');
  };
  if (reminders.length === 0) return null;
  return (
    <section className="reminders no-print" aria-label="Reminders">
      {reminders.map((r) => (
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
