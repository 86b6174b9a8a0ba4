import type { CustodyItemView } from '../../shared/domain/custody.js';
import { FieldError } from '../components/FieldError.js';
import { CheckField } from '../components/CheckField.js';
import { itemWords } from './arrival-model.js';

interface ItemChecksProps {
  items: readonly CustodyItemView[];
  chosen: readonly number[];
  onChange: (itemIds: number[]) => void;
  error?: string | undefined;
}

/**
 * Which of a pupil's confiscated devices go now: all are ticked at first, and any may be left in the safe
 * (the phone goes home, the watch stays for the police). One device is simply named.
 */
export function ItemChecks({ items, chosen, onChange, error }: ItemChecksProps) {
  if (items.length === 1) {
    const only = items[0]!;
    return <p className="release-device"><strong>Device:</strong> {itemWords(only)} · bag {only.bagSlot}</p>;
  }
  const toggle = (itemId: number, on: boolean) =>
    onChange(on ? items.map((i) => i.itemId).filter((id) => id === itemId || chosen.includes(id)) : chosen.filter((id) => id !== itemId));
  return (
    <fieldset className={['choices', error ? 'field-invalid' : ''].filter(Boolean).join(' ')}>
      <legend className="field-label">Devices going now</legend>
      <div className="item-checks">
        {items.map((i) => (
          <CheckField key={i.itemId} compact label={`${itemWords(i)} · bag ${i.bagSlot}`} checked={chosen.includes(i.itemId)}
            onChange={(on) => toggle(i.itemId, on)} />
        ))}
      </div>
      {error ? <FieldError id="release-items-error" message={error} /> : null}
    </fieldset>
  );
}
