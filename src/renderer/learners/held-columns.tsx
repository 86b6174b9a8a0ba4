import type { HeldPupilDevice } from '../../shared/contract/index.js';
import type { Column } from '../lib/DataTable.js';
import { timeOrDateTime } from '../lib/format.js';
import { dayLabel } from '../lib/uk-clock.js';
import { itemWords } from './arrival-model.js';

/* The columns every list of pupils' devices in the safe shares: home time, confiscated, Today's flag. */

/** "Not collected on Mon, 23 Nov 2026", or "After the end of the day": a mark and words, never colour alone. */
export function HeldFlag({ held }: { held: HeldPupilDevice }) {
  if (held.notCollectedSince) {
    return <span className="tag tag-warning"><span aria-hidden="true">⚠ </span>Not collected on {dayLabel(held.notCollectedSince)}</span>;
  }
  if (held.pastEndOfDay) return <span className="tag tag-warning"><span aria-hidden="true">⚠ </span>After the end of the day</span>;
  return null;
}

export const PUPIL: Column<HeldPupilDevice> = {
  header: 'Pupil',
  cell: (h) => (
    <>
      <span className="agreement-pupil">{h.pupilName}</span>
      {h.classGroup ? <span className="agreement-line muted">{h.classGroup}</span> : null}
    </>
  ),
};

export const DEVICES: Column<HeldPupilDevice> = {
  header: 'Device',
  cell: (h) => (
    <>
      {h.items.map((i) => <span key={i.itemId} className="agreement-line">{itemWords(i)} · bag {i.bagSlot}</span>)}
      <span className="agreement-line muted">Receipt {h.receiptNumber}</span>
    </>
  ),
};

export const HANDED_IN: Column<HeldPupilDevice> = {
  header: 'Handed in',
  cell: (h) => (
    <>
      <span className="agreement-line">{timeOrDateTime(h.handedInAt)}</span>
      <HeldFlag held={h} />
    </>
  ),
};

/** "1 pupil", "3 pupils", and "No pupils" rather than a bare 0. */
export function countWords(n: number, one: string, many: string): string {
  if (n === 0) return `No ${many}`;
  return n === 1 ? `1 ${one}` : `${n} ${many}`;
}
