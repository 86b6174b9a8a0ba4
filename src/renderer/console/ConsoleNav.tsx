import { SafeguardingNavItem } from '../safeguarding/SafeguardingNavItem.js';
import { OperationsNavItems } from '../operations/OperationsNavItems.js';
import { CONSOLE_VIEW_LABELS, CONSOLE_VIEWS, type ConsoleView } from './navigation-store.js';

/** The console's sections as big buttons; the open one is marked in words for assistive technology and by more than colour. */
export function ConsoleNav({ current, onShow }: { current: ConsoleView | null; onShow: (view: ConsoleView) => void }) {
  return (
    <nav className="console-nav" aria-label="Console sections">
      <ul>
        {CONSOLE_VIEWS.map((view) => (
          <li key={view}>
            <button
              type="button"
              className="console-nav-item"
              aria-current={view === current ? 'page' : undefined}
              onClick={() => onShow(view)}
            >
              {CONSOLE_VIEW_LABELS[view]}
            </button>
          </li>
        ))}
        <SafeguardingNavItem />
        <OperationsNavItems />
      </ul>
    </nav>
  );
}
