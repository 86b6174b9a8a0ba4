import type { CustodyItemView } from '../../shared/domain/custody.js';
import { DEVICE_KIND_LABELS } from '../../shared/domain/devices.js';
import { BigButton } from '../components/BigButton.js';
import { CorrectedTag, itemTitle } from './CorrectItemDialog.js';

interface ReceiptItemsTableProps {
  items: readonly CustodyItemView[];
  caption: string;
  /** Offers "Correct details" for each item still in the safe. */
  onCorrect?: (item: CustodyItemView) => void;
}

/** The items on a receipt as logged (with any correction applied): what, what it looks like, where it is. */
export function ReceiptItemsTable({ items, caption, onCorrect }: ReceiptItemsTableProps) {
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col">Make and colour</th>
            <th scope="col">Identifying marks</th>
            <th scope="col">Bag or slot</th>
            {onCorrect ? <th scope="col"><span className="visually-hidden">Actions</span></th> : null}
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.itemId}>
              <th scope="row">
                {DEVICE_KIND_LABELS[item.kind]}
                {item.corrected ? <> <CorrectedTag /></> : null}
              </th>
              <td>{item.description ?? <span className="muted">Not given</span>}</td>
              <td>{item.marks ?? <span className="muted">None</span>}</td>
              <td className="bag">{item.bagSlot}</td>
              {onCorrect ? (
                <td className="cell-actions-end">
                  {item.state === 'in_safe' ? (
                    <BigButton variant="secondary" className="btn-small" onClick={() => onCorrect(item)}>
                      Correct details…{' '}<span className="visually-hidden">({itemTitle(item)})</span>
                    </BigButton>
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
