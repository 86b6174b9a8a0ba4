import type { HeldPupilDevice } from '../../shared/contract/index.js';
import { Alert } from '../components/Alert.js';
import { BigButton } from '../components/BigButton.js';
import { Notice } from '../components/Notice.js';
import { DataTable, type Column } from '../lib/DataTable.js';
import { timeOrDateTime } from '../lib/format.js';
import { dayLabel } from '../lib/uk-clock.js';
import { itemWords } from './arrival-model.js';
import { useHeldStore } from './held-store.js';

/** "Not collected on Mon, 23 Nov 2026", or "After the end of the day": a mark and words, never colour alone. */
export function HeldFlag({ held }: { held: HeldPupilDevice }) {
  if (held.notCollectedSince) {
    return <span className="tag tag-warning"><span aria-hidden="true">⚠ </span>Not collected on {dayLabel(held.notCollectedSince)}</span>;
  }
  if (held.pastEndOfDay) return <span className="tag tag-warning"><span aria-hidden="true">⚠ </span>After the end of the day</span>;
  return null;
}

const PUPIL: Column<HeldPupilDevice> = {
  header: 'Pupil',
  cell: (h) => (
    <>
      <span className="agreement-pupil">{h.pupilName}</span>
      {h.classGroup ? <span className="agreement-line muted">{h.classGroup}</span> : null}
    </>
  ),
};

const DEVICES: Column<HeldPupilDevice> = {
  header: 'Device',
  cell: (h) => (
    <>
      {h.items.map((i) => <span key={i.itemId} className="agreement-line">{itemWords(i)} · bag {i.bagSlot}</span>)}
      <span className="agreement-line muted">Receipt {h.receiptNumber}</span>
    </>
  ),
};

const HANDED_IN: Column<HeldPupilDevice> = {
  header: 'Handed in',
  cell: (h) => (
    <>
      <span className="agreement-line">{timeOrDateTime(h.handedInAt)}</span>
      <HeldFlag held={h} />
    </>
  ),
};

function countWords(n: number, one: string, many: string): string {
  return n === 1 ? `1 ${one}` : `${n} ${many}`;
}

/**
 * "Back at the end of the day": each pupil's devices held for the day, with one action per child that gives
 * them back (custody.return, to the pupil). Confiscated devices are listed apart and never given back
 * from here: they go to a parent or carer.
 */
export function HomeTimeList() {
  const forTheDay = useHeldStore((s) => s.forTheDay);
  const confiscated = useHeldStore((s) => s.confiscated);
  const loaded = useHeldStore((s) => s.loaded);
  const error = useHeldStore((s) => s.error);
  const returning = useHeldStore((s) => s.returning);
  const notice = useHeldStore((s) => s.notice);
  const returnError = useHeldStore((s) => s.returnError);
  const giveBack = useHeldStore((s) => s.giveBack);
  const notCollected = forTheDay.filter((h) => h.notCollectedSince !== null).length;

  const action: Column<HeldPupilDevice> = {
    header: 'Actions',
    headerHidden: true,
    cell: (h) => {
      const busy = returning.includes(h.receiptId);
      return (
        <div className="cell-actions">
          <BigButton onClick={() => void giveBack(h)} disabled={busy}>
            {busy ? 'Giving back…' : 'Given back'}{' '}<span className="visually-hidden">to {h.pupilName}</span>
          </BigButton>
        </div>
      );
    },
  };
  const reason: Column<HeldPupilDevice> = {
    header: 'Why',
    cell: (h) => h.items.find((i) => i.confiscationReason)?.confiscationReason ?? '',
  };

  return (
    <>
      <section className="card console-section" aria-labelledby="home-time-heading">
        <h2 id="home-time-heading">Back at the end of the day</h2>
        <p className="section-count">
          {countWords(forTheDay.length, "pupil's device to give back", "pupils' devices to give back")}
          {notCollected > 0 ? ` · ${notCollected} not collected on an earlier day` : ''}
        </p>
        <p className="muted">Give each pupil their device as they leave, and tap Given back. It is recorded as returned to the pupil.</p>
        <Notice text={notice} />
        {returnError ? <Alert>{returnError}</Alert> : null}
        {error ? <Alert>{error}</Alert> : null}
        <DataTable rows={forTheDay} columns={[PUPIL, DEVICES, HANDED_IN, action]} rowKey={(h) => h.receiptId} labelledBy="home-time-heading"
          rowClassName={(h) => (h.notCollectedSince ? 'held-not-collected' : undefined)} className="held-table"
          empty={loaded ? 'No pupil has a device in the safe for the day.' : 'Reading the safe…'} />
      </section>
      {confiscated.length > 0 ? (
        <section className="card console-section" aria-labelledby="confiscated-heading">
          <h2 id="confiscated-heading">Confiscated</h2>
          <p className="section-count">{countWords(confiscated.length, 'pupil', 'pupils')}</p>
          <p className="muted">A confiscated device is not given back to the pupil. It is released to a parent or carer.</p>
          <DataTable rows={confiscated} columns={[PUPIL, DEVICES, reason, HANDED_IN]} rowKey={(h) => h.receiptId} labelledBy="confiscated-heading"
            className="held-table" />
        </section>
      ) : null}
    </>
  );
}
