import type { OnSiteVisit } from '../../shared/contract/index.js';
import { describeDevices } from '../../shared/domain/devices.js';
import { formatTime } from '../../shared/domain/time.js';
import { fullName } from '../../shared/domain/names.js';
import { RollCallRow } from './RollCallRow.js';

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

/** Everyone signed in, one big tick each (RollCallRow), with what matters about their devices. */
export function RollCallList({ people, ticked, onToggle }: RollCallListProps) {
  return (
    <ul className="rollcall-list" aria-label="Everyone signed in">
      {people.map((v) => {
        const note = deviceNote(v);
        return (
          <RollCallRow
            key={v.visitId}
            idPrefix="rollcall"
            id={v.visitId}
            name={fullName(v)}
            detail={<>{v.organisation ?? 'No organisation'} · Visiting: {v.visiting} · In at {formatTime(v.signedInAt)}{note ? <> · {note}</> : null}</>}
            checked={ticked.includes(v.visitId)}
            onToggle={() => onToggle(v.visitId)}
          />
        );
      })}
    </ul>
  );
}
