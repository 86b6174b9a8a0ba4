import { SAFEGUARDING_TAB_LABELS, SAFEGUARDING_TABS, type SafeguardingTab } from './safeguarding-tabs.js';

/** The parts of the Safeguarding section; the open one is marked in words and by more than colour. */
export function SafeguardingNav({ current, onShow }: { current: SafeguardingTab; onShow: (tab: SafeguardingTab) => void }) {
  return (
    <nav className="sub-nav no-print" aria-label="Safeguarding sections">
      <ul>
        {SAFEGUARDING_TABS.map((tab) => (
          <li key={tab}>
            <button type="button" className="sub-nav-item" aria-current={tab === current ? 'page' : undefined} onClick={() => onShow(tab)}>
              {SAFEGUARDING_TAB_LABELS[tab]}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
