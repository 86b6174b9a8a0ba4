import { useNavigationStore } from '../console/navigation-store.js';

/** The Safeguarding entry in the console navigation, drawn like the others. */
export function SafeguardingNavItem() {
  const open = useNavigationStore((s) => s.safeguarding);
  const openSection = useNavigationStore((s) => s.openSafeguarding);
  return (
    <li>
      <button type="button" className="console-nav-item" aria-current={open ? 'page' : undefined} onClick={() => openSection()}>
        Safeguarding
      </button>
    </li>
  );
}
