import type { HeldPupilDevice } from '../../shared/contract/index.js';
import { Alert } from '../components/Alert.js';
import { BigButton } from '../components/BigButton.js';
import { Notice } from '../components/Notice.js';
import { DataTable, type Column } from '../lib/DataTable.js';
import { countWords, DEVICES, HANDED_IN, PUPIL } from './held-columns.js';
import { useHeldStore } from './held-store.js';

/**
 * "Back at the end of the day": each pupil's devices held for the day, with one action per child that gives
 * them back (custody.return, to the pupil). Confiscated devices are only counted here: they have their own
 * page, as they go to a parent or carer.
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
        <p className="muted">
          {countWords(confiscated.length, 'confiscated device is', 'confiscated devices are')} held apart: they go to a parent or carer, from Confiscated.
        </p>
      ) : null}
    </>
  );
}
