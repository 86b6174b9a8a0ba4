import { useConsoleStore } from '../console/console-store.js';
import { OPERATIONS_SECTION_LABELS, sectionsFor, useSectionsStore } from '../console/sections-store.js';

/** The operations sections' entries in the console navigation, drawn like the core ones. */
export function OperationsNavItems() {
  const roles = useConsoleStore((s) => s.session?.roles);
  const section = useSectionsStore((s) => s.section);
  const open = useSectionsStore((s) => s.open);
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
