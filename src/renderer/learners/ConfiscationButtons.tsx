import { useState } from 'react';
import type { HeldPupilDevice } from '../../shared/contract/index.js';
import { BigButton } from '../components/BigButton.js';
import { Notice } from '../components/Notice.js';
import { useSessionStore } from '../staff/session-store.js';
import { useConfiscationStore } from './confiscation-store.js';
import { useHeldStore } from './held-store.js';
import { PoliceDialog } from './PoliceDialog.js';
import { ReleaseDialog } from './ReleaseDialog.js';

/** "Release to a parent or carer" on a row of the Confiscated page: any member of staff, early only with the DSL or head. */
export function ReleaseButton({ held }: { held: HeldPupilDevice }) {
  const endOfDay = useHeldStore((s) => s.endOfDay);
  const agreers = useHeldStore((s) => s.earlyAgreers);
  const [open, setOpen] = useState(false);
  return (
    <>
      <BigButton onClick={() => setOpen(true)}>
        Release to a parent or carer…{' '}<span className="visually-hidden">({held.pupilName})</span>
      </BigButton>
      {open ? <ReleaseDialog held={held} endOfDay={endOfDay} agreers={agreers} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

/** "Hand to the police": offered only to the DSL and the headteacher, who alone may do it. */
export function PoliceButton({ held }: { held: HeldPupilDevice }) {
  const allowed = useSessionStore((s) => s.session?.roles.some((r) => r === 'dsl' || r === 'head') ?? false);
  const [open, setOpen] = useState(false);
  if (!allowed) return null;
  return (
    <>
      <BigButton variant="secondary" onClick={() => setOpen(true)}>
        Hand to the police…{' '}<span className="visually-hidden">({held.pupilName})</span>
      </BigButton>
      {open ? <PoliceDialog held={held} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

/** What the last release or handover did, said on the Confiscated page once the pupil's row has gone. */
export function ConfiscationNotice() {
  return <Notice text={useConfiscationStore((s) => s.notice)} />;
}
