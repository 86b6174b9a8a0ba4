import type { ReactNode } from 'react';

interface RollCallRowProps {
  /** With `id`, makes the ids that name and describe the checkbox: unique on the page. */
  idPrefix: 'rollcall' | 'rollcall-staff';
  id: number;
  name: string;
  detail: ReactNode;
  checked: boolean;
  onToggle: () => void;
}

/**
 * One big tick per person, visitor or staff alike: the whole row is the touch target, the box is a real
 * checkbox named by the person's name, and a ticked row says "Accounted for" in words as well as turning blue.
 */
export function RollCallRow({ idPrefix, id, name, detail, checked, onToggle }: RollCallRowProps) {
  const nameId = `${idPrefix}-name-${id}`;
  const detailId = `${idPrefix}-detail-${id}`;
  return (
    <li>
      <label className={checked ? 'rollcall-person rollcall-person-done' : 'rollcall-person'}>
        <input type="checkbox" checked={checked} onChange={() => onToggle()} aria-labelledby={nameId} aria-describedby={detailId} />
        <span className="rollcall-tick" aria-hidden="true" />
        <span className="rollcall-text">
          <span className="rollcall-name" id={nameId}>{name}</span>
          <span className="rollcall-detail" id={detailId}>{detail}</span>
        </span>
        <span className="rollcall-state" aria-hidden="true">{checked ? 'Accounted for' : 'Not yet'}</span>
      </label>
    </li>
  );
}
