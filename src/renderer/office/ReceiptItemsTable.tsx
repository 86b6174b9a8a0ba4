import type { CustodyItemView } from '../../shared/domain/custody.js';
import { DEVICE_KIND_LABELS } from '../../shared/domain/devices.js';

/** The items on a receipt as logged: what, what it looks like, where it is. */
export function ReceiptItemsTable({ items, caption }: { items: readonly CustodyItemView[]; caption: string }) {
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
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.itemId}>
              <th scope="row">{DEVICE_KIND_LABELS[item.kind]}</th>
              <td>{item.description ?? <span className="muted">Not given</span>}</td>
              <td>{item.marks ?? <span className="muted">None</span>}</td>
              <td className="bag">{item.bagSlot}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
