import type { HeldPupilDevice } from '../../shared/contract/index.js';
import { PoliceButton, ReleaseButton } from './ConfiscationButtons.js';
import { SearchButton } from './SearchButton.js';

/**
 * What can be done with one pupil's confiscated devices, from the Confiscated page: release them to a
 * parent or carer, hand them to the police, record a search. Each action is its own dialog; this only
 * offers the buttons the person's roles allow.
 */
export function ConfiscatedActions({ held }: { held: HeldPupilDevice }) {
  return (
    <div className="cell-actions">
      <ReleaseButton held={held} />
      <PoliceButton held={held} />
      <SearchButton held={held} />
    </div>
  );
}
