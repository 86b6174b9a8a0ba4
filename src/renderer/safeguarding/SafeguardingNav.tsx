import { useSessionStore } from '../staff/session-store.js';
import { useInboxStore } from './inbox-store.js';
import { SAFEGUARDING_TAB_LABELS, safeguardingTabsFor, type SafeguardingTab } from './safeguarding-tabs.js';

/** The parts of the Safeguarding section; the open one is marked in words and by more than colour. */
export function SafeguardingNav({ current, onShow }: { current: SafeguardingTab; onShow: (tab: SafeguardingTab) => void }) {
  const roles = useSessionStore((s) => s.session?.roles ?? []);
  const waiting = useInboxStore((s) => s.items.length);
  return (
    <nav className="sub-nav no-print" aria-label="Safeguarding sections">
      <ul>
        {safeguardingTabsFor(roles).map((tab) => (
          <li key={tab}>
            <button type="button" className="sub-nav-item" aria-current={tab === current ? 'page' : undefined} onClick={() => onShow(tab)}>
              {SAFEGUARDING_TAB_LABELS[tab]}
              {tab === 'inbox' && waiting > 0 ? <span className="nav-count" aria-hidden="true">{waiting}</span> : null}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
