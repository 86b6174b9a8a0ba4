import { useEffect } from 'react';
import { PageHeading } from '../components/PageHeading.js';
import { ArrivalQueue } from './ArrivalQueue.js';
import { HomeTimeList } from './HomeTimeList.js';
import { useHeldStore } from './held-store.js';
import './learners.css';

/**
 * The office's daily page for pupils' devices: the morning queue that logs them into the safe and the
 * home-time list that gives them back. Confiscated devices have their own page: they go to a parent.
 */
export function HandInAndHomeTimePage() {
  const loadHeld = useHeldStore((s) => s.load);

  useEffect(() => {
    void loadHeld();
  }, [loadHeld]);

  return (
    <>
      <div className="console-heading">
        <PageHeading>Hand in and home time</PageHeading>
      </div>
      <p className="section-lead">
        A pupil's device is handed in at the office on arrival and given back at the end of the day.
      </p>
      <ArrivalQueue />
      <HomeTimeList />
    </>
  );
}
