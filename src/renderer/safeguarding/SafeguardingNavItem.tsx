import { useSafeguardingStore } from './safeguarding-store.js';

/** The Safeguarding entry in the console navigation, drawn like the others. */
export function SafeguardingNavItem() {
  const open = useSafeguardingStore((s) => s.open);
  const openSection = useSafeguardingStore((s) => s.openSection);
  return (
    <li>
      <button type="button" className="console-nav-item" aria-current={open ? 'page' : undefined} onClick={() => openSection()}>
        Safeguarding
      </button>
    </li>
  );
}
