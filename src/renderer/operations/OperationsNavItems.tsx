import { useSessionStore } from '../staff/session-store.js';
import { useNavigationStore } from '../console/navigation-store.js';
import { OPERATIONS_SECTION_LABELS, sectionsFor } from './operations-sections.js';

/** The operations sections' entries in the console navigation, drawn like the core ones. */
export function OperationsNavItems() {
  const roles = useSessionStore((s) => s.session?.roles);
  const section = useNavigationStore((s) => s.section);
  const open = useNavigationStore((s) => s.openSection);
  if (!roles) return null;
  return (
    <>
      {sectionsFor(roles).map((s) => (
        <li key={s}>
          <button type="button" className="console-nav-item" aria-current={s === section ? 'page' : undefined} onClick={() => open(s)}>
            {OPERATIONS_SECTION_LABELS[s]}
          </button>
        </li>
      ))}
    </>
  );
}
