import { useEffect } from 'react';
import { BigButton } from '../components/BigButton.js';
import { useNavigationStore } from '../console/navigation-store.js';
import { useTodayStore } from '../console/today-store.js';
import { itemWords } from './arrival-model.js';
import { useHeldStore } from './held-store.js';
import { HeldFlag } from './held-columns.js';

/**
 * On Today: pupils' devices held for the day that nobody collected when that day ended, so they are seen
 * first thing the next morning. Shown only when there are some. A failed read says nothing here: the
 * Pupils' devices page shows it, as Today's own lists show theirs.
 */
export function NotCollectedOnToday() {
  const lastUpdated = useTodayStore((s) => s.lastUpdated);
  const load = useHeldStore((s) => s.load);
  const forTheDay = useHeldStore((s) => s.forTheDay);
  const show = useNavigationStore((s) => s.show);
  // Read with each refresh of Today, like the safe's unprinted receipts.
  useEffect(() => {
    if (lastUpdated) void load();
  }, [lastUpdated, load]);

  const flagged = forTheDay.filter((h) => h.notCollectedSince !== null);
  if (flagged.length === 0) return null;
  return (
    <section className="card console-section pupils-not-collected" aria-labelledby="not-collected-heading">
      <h2 id="not-collected-heading">Pupils' devices not collected</h2>
      <p className="section-count">{flagged.length === 1 ? '1 pupil' : `${flagged.length} pupils`}</p>
      <p className="muted">Held for the day and still in the safe after it. Give each back to the pupil, or let their parents know.</p>
      <ul className="not-collected-list" aria-labelledby="not-collected-heading">
        {flagged.map((h) => (
          <li key={h.receiptId}>
            <span className="agreement-pupil">{h.pupilName}</span>
            {h.classGroup ? <span className="muted">, {h.classGroup}</span> : null}
            {' · '}{h.items.map((i) => `${itemWords(i)}, bag ${i.bagSlot}`).join('; ')}{' '}
            <HeldFlag held={h} />
          </li>
        ))}
      </ul>
      <BigButton variant="secondary" onClick={() => show('pupils')}>Open Pupils' devices</BigButton>
    </section>
  );
}
