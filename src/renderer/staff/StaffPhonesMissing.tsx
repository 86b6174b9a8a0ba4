import { useEffect } from 'react';
import { phoneNotInSafe } from '../../shared/domain/staff-days.js';
import { BigButton } from '../components/BigButton.js';
import { useNavigationStore } from '../console/navigation-store.js';
import { useTodayStore } from '../console/today-store.js';
import { signedInWords } from './staff-day-words.js';
import { useStaffDayStore } from './staff-day-store.js';
import './staff-days.css';

/**
 * On Today, where the setting keeps staff phones in the safe during working hours (nursery §4): staff on duty
 * whose phone is not in the safe, so the office can ask. Shown only when there are some; a phone out for a
 * break counts as not in, as it is. A failed read says nothing here: the Staff on site page shows it.
 */
export function StaffPhonesMissing() {
  const lastUpdated = useTodayStore((s) => s.lastUpdated);
  const load = useStaffDayStore((s) => s.load);
  const staff = useStaffDayStore((s) => s.staff);
  const phonesInSafe = useStaffDayStore((s) => s.phonesInSafe);
  const show = useNavigationStore((s) => s.show);
  // Read with each refresh of Today, like the pupils' devices not collected.
  useEffect(() => {
    if (lastUpdated) void load();
  }, [lastUpdated, load]);

  const missing = phoneNotInSafe({ staff, phonesInSafe });
  if (missing.length === 0) return null;
  return (
    <section className="card console-section staff-phones-missing" aria-labelledby="staff-phones-heading">
      <h2 id="staff-phones-heading">Staff on duty whose phone is not in the safe</h2>
      <p className="section-count">{missing.length === 1 ? '1 member of staff' : `${missing.length} members of staff`}</p>
      <ul className="staff-phones-list" aria-labelledby="staff-phones-heading">
        {missing.map((p) => (
          <li key={p.staffDayId}>
            <span className="staff-name">{p.displayName}</span>
            <span className="muted">
              {' · '}signed in {signedInWords(p)}
              {p.devicesOut.length > 0 ? ' · out for a break' : ''}
            </span>
          </li>
        ))}
      </ul>
      <BigButton variant="secondary" onClick={() => show('staffOnSite')}>Open Staff on site</BigButton>
    </section>
  );
}
