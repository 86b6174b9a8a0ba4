import type { OnSiteVisit } from '../../shared/contract/index.js';
import { describeDevices } from '../../shared/domain/devices.js';
import { formatTime } from '../../shared/domain/time.js';
import { fullName } from '../../shared/domain/names.js';

/** What the person searching should know about their devices: approved use, items held, or what was declared. */
export function deviceNote(v: OnSiteVisit): string | null {
  if (v.deviceUse?.approved) return `Device use approved: ${v.deviceUse.permittedAreas}`;
  if (v.itemsInSafe > 0) return v.itemsInSafe === 1 ? '1 item in the safe' : `${v.itemsInSafe} items in the safe`;
  const declared = v.devicesDeclared.reduce((n, d) => n + d.quantity, 0);
  return declared > 0 ? `Declared ${describeDevices(v.devicesDeclared)}` : null;
}

interface RollCallListProps {
  people: readonly OnSiteVisit[];
  ticked: readonly number[];
  onToggle: (visitId: number) => void;
}

/**
 * One big tick per person: the whole row is the touch target, the box is a real checkbox named by the
 * person's name, and a ticked row says "Accounted for" in words as well as turning blue.
 */
export function RollCallList({ people, ticked, onToggle }: RollCallListProps) {
  return (
    <ul className="rollcall-list" aria-label="Everyone signed in">
      {people.map((v) => {
        const nameId = `rollcall-name-${v.visitId}`;
        const detailId = `rollcall-detail-${v.visitId}`;
        const checked = ticked.includes(v.visitId);
        const note = deviceNote(v);
        return (
          <li key={v.visitId}>
            <label className={checked ? 'rollcall-person rollcall-person-done' : 'rollcall-person'}>
              <input type="checkbox" checked={checked} onChange={() => onToggle(v.visitId)} aria-labelledby={nameId} aria-describedby={detailId} />
              <span className="rollcall-tick" aria-hidden="true" />
              <span className="rollcall-text">
                <span className="rollcall-name" id={nameId}>{fullName(v)}</span>
                <span className="rollcall-detail" id={detailId}>
                  {v.organisation ?? 'No organisation'} · Visiting: {v.visiting} · In at {formatTime(v.signedInAt)}
                  {note ? <> · {note}</> : null}
                </span>
              </span>
              <span className="rollcall-state" aria-hidden="true">{checked ? 'Accounted for' : 'Not yet'}</span>
            </label>
          </li>
        );
      })}
    </ul>
  );
}
