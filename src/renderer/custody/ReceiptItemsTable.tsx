import type { CustodyItemView } from '../../shared/domain/custody.js';
import { DEVICE_KIND_LABELS } from '../../shared/domain/devices.js';
import { BigButton } from '../components/BigButton.js';
import { CorrectedTag, itemTitle } from './CorrectItemDialog.js';
import { DataTable, type Column } from '../lib/DataTable.js';

interface ReceiptItemsTableProps {
  items: readonly CustodyItemView[];
  caption: string;
  /** Offers "Correct details" for each item still in the safe. */
  onCorrect?: (item: CustodyItemView) => void;
}

const COLUMNS: readonly Column<CustodyItemView>[] = [
  { header: 'Item', cell: (item) => <>{DEVICE_KIND_LABELS[item.kind]}{item.corrected ? <> <CorrectedTag /></> : null}</> },
  { header: 'Make and colour', cell: (item) => item.description ?? <span className="muted">Not given</span> },
  { header: 'Identifying marks', cell: (item) => item.marks ?? <span className="muted">None</span> },
  { header: 'Bag or slot', cellClassName: 'bag', cell: (item) => item.bagSlot },
];

/** The items on a receipt as logged (with any correction applied): what, what it looks like, where it is. */
export function ReceiptItemsTable({ items, caption, onCorrect }: ReceiptItemsTableProps) {
  const correct: Column<CustodyItemView> | null = onCorrect ? {
    header: 'Actions',
    headerHidden: true,
    cellClassName: 'cell-actions-end',
    cell: (item) => (item.state === 'in_safe' ? (
      <BigButton variant="secondary" className="btn-small" onClick={() => onCorrect(item)}>
        Correct details…{' '}<span className="visually-hidden">({itemTitle(item)})</span>
      </BigButton>
    ) : null),
  } : null;
  return <DataTable rows={items} columns={correct ? [...COLUMNS, correct] : COLUMNS} rowKey={(item) => item.itemId} caption={caption} />;
}
