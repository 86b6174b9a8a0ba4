import { useEffect } from 'react';
import type { HeldPupilDevice } from '../../shared/contract/index.js';
import { Alert } from '../components/Alert.js';
import { PageHeading } from '../components/PageHeading.js';
import { DataTable, type Column } from '../lib/DataTable.js';
import { ConfiscatedActions } from './ConfiscatedActions.js';
import { ConfiscationNotice } from './ConfiscationButtons.js';
import { countWords, DEVICES, HANDED_IN, PUPIL } from './held-columns.js';
import { useHeldStore } from './held-store.js';
import { SearchesList } from './SearchesList.js';
import './learners.css';

const REASON: Column<HeldPupilDevice> = {
  header: 'Why',
  cell: (h) => h.items.find((i) => i.confiscationReason)?.confiscationReason ?? '',
};

const ACTIONS: Column<HeldPupilDevice> = {
  header: 'Actions',
  headerHidden: true,
  cell: (h) => <ConfiscatedActions held={h} />,
};

/**
 * Pupils' devices the school confiscated and still holds, longest held first. They are never given back to
 * the pupil: they are released to a parent or carer at the end of the day, or handed to the police.
 */
export function ConfiscatedPage() {
  const confiscated = useHeldStore((s) => s.confiscated);
  const loaded = useHeldStore((s) => s.loaded);
  const error = useHeldStore((s) => s.error);
  const load = useHeldStore((s) => s.load);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <>
      <div className="console-heading">
        <PageHeading>Confiscated</PageHeading>
      </div>
      <p className="section-lead">
        A confiscated device stays in the safe until the end of the school day. It is released to a parent or carer, not
        to the pupil.
      </p>
      {error ? <Alert>{error}</Alert> : null}
      <section className="card console-section" aria-labelledby="confiscated-heading">
        <h2 id="confiscated-heading">In the safe</h2>
        <p className="section-count">{countWords(confiscated.length, 'pupil', 'pupils')}</p>
        <ConfiscationNotice />
        <DataTable rows={confiscated} columns={[PUPIL, DEVICES, REASON, HANDED_IN, ACTIONS]} rowKey={(h) => h.receiptId}
          labelledBy="confiscated-heading" className="held-table"
          empty={loaded ? 'No confiscated device is in the safe.' : 'Reading the safe…'} />
      </section>
      <SearchesList />
    </>
  );
}
