import { useState } from 'react';
import type { HeldPupilDevice } from '../../shared/contract/index.js';
import { BigButton } from '../components/BigButton.js';
import { useSessionStore } from '../staff/session-store.js';
import { SearchDialog } from './SearchDialog.js';
import { useSearchStore } from './search-store.js';

/**
 * "Record a search" on a row of the Confiscated page: only for the headteacher or leadership, who search a
 * confiscated device (school policy) and record it themselves. Says how often the device was searched already.
 */
export function SearchButton({ held }: { held: HeldPupilDevice }) {
  const isHead = useSessionStore((s) => s.session?.roles.includes('head') ?? false);
  const searched = useSearchStore((s) => s.searches.filter((x) => x.receiptId === held.receiptId).length);
  const [open, setOpen] = useState(false);
  if (!isHead) return null;
  return (
    <>
      <BigButton variant="secondary" onClick={() => setOpen(true)}
        hint={searched > 0 ? `Searched ${searched === 1 ? 'once' : `${searched} times`}` : undefined}>
        Record a search…{' '}<span className="visually-hidden">of {held.pupilName}&apos;s device</span>
      </BigButton>
      {open ? <SearchDialog held={held} onClose={() => setOpen(false)} /> : null}
    </>
  );
}
