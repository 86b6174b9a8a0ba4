import { useInboxStore } from '../safeguarding/inbox-store.js';
import { useSessionStore } from '../staff/session-store.js';
import { CONSOLE_VIEW_LABELS, useNavigationStore, type ConsoleView } from './navigation-store.js';
import { currentPage, groupOf, navGroupsFor, pageLabel, type ConsolePage } from './nav-groups.js';

/**
 * The console's navigation: one row of big buttons, one for each group (nav-groups.ts), and under the open
 * group, when it has several pages, a second row with them. The open page is marked in words for assistive
 * technology (aria-current="page") and by more than colour; the open group's button says it is where you
 * are (aria-current="true") and that its pages are shown below it (aria-expanded).
 */
export function ConsoleNav() {
  const roles = useSessionStore((s) => s.session?.roles);
  const nav = useNavigationStore();
  const waiting = useInboxStore((s) => s.items.length);
  if (!roles) return null;
  const isDsl = roles.includes('dsl');
  const groups = navGroupsFor(roles);
  const current = currentPage(nav);
  const open = groups.find((g) => g.group === groupOf(current));

  const go = (page: ConsolePage) => {
    // The DSL lands on their inbox: what waits for them comes first.
    if (page === 'safeguarding') nav.openSafeguarding(isDsl ? 'inbox' : undefined);
    else if (page in CONSOLE_VIEW_LABELS) nav.show(page as ConsoleView);
    else nav.openSection(page as Exclude<ConsolePage, ConsoleView | 'safeguarding'>);
  };

  return (
    <nav className="console-nav" aria-label="Console sections">
      <ul className="console-nav-groups">
        {groups.map((g) => {
          const isOpen = g === open;
          const several = g.pages.length > 1;
          return (
            <li key={g.group}>
              <button
                type="button"
                className="console-nav-item"
                aria-current={isOpen ? (several ? 'true' : 'page') : undefined}
                aria-expanded={several ? isOpen : undefined}
                aria-controls={several && isOpen ? 'console-nav-pages' : undefined}
                aria-describedby={g.group === 'safeguarding' && isDsl && waiting > 0 ? 'console-nav-inbox-count' : undefined}
                onClick={() => go(g.pages[0]!)}
              >
                {g.label}
                {g.group === 'safeguarding' && isDsl && waiting > 0 ? <span className="nav-count" aria-hidden="true">{waiting}</span> : null}
              </button>
            </li>
          );
        })}
      </ul>
      {/* The count is said as a description, so the button's name stays "Safeguarding" for those who go by it. */}
      {isDsl && waiting > 0 ? (
        <span id="console-nav-inbox-count" className="visually-hidden">{waiting === 1 ? '1 thing waits' : `${waiting} things wait`} in the DSL's inbox</span>
      ) : null}
      {open && open.pages.length > 1 ? (
        <div className="console-nav-pages">
          <ul id="console-nav-pages" aria-label={`${open.label} pages`}>
            {open.pages.map((page) => (
              <li key={page}>
                <button type="button" className="console-nav-page" aria-current={page === current ? 'page' : undefined} onClick={() => go(page)}>
                  {pageLabel(page)}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </nav>
  );
}
