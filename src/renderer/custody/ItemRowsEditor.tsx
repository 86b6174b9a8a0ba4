import { custodyItem, MAX_RECEIPT_ITEMS } from '../../shared/contract/index.js';
import { DEVICE_KIND_LABELS, DEVICE_KINDS, type DeviceKind } from '../../shared/domain/devices.js';
import { maxLengthOf } from '../../shared/validation.js';
import { BigButton } from '../components/BigButton.js';
import { SelectField } from '../components/SelectField.js';
import { FieldError, TextField } from '../components/TextField.js';
import type { ItemDraft, ItemField } from './custody-shared.js';

const KIND_OPTIONS = DEVICE_KINDS.map((kind) => ({ value: kind, label: DEVICE_KIND_LABELS[kind] }));

const BAG_SLOT_MAX = maxLengthOf(custodyItem.shape.bagSlot);

interface ItemRowsEditorProps {
  items: readonly ItemDraft[];
  sameBag: string;
  fieldErrors: Record<string, string>;
  onItem: (index: number, field: ItemField, value: string) => void;
  onSameBag: (bag: string) => void;
  onAdd: () => void;
  onRemove: (index: number) => void;
}

/** One row per device: what it is, what it looks like, and which bag or slot it went into. */
export function ItemRowsEditor({ items, sameBag, fieldErrors, onItem, onSameBag, onAdd, onRemove }: ItemRowsEditorProps) {
  return (
    <section className="form-section" aria-labelledby="items-heading">
      <div className="items-head">
        <div>
          <h2 id="items-heading">Items</h2>
          <p className="field-hint">Make and colour, and identifying marks, are optional. Every item needs a bag or slot number.</p>
        </div>
        {items.length > 1 ? (
          <TextField
            label="Same bag for all"
            hint="Fills in every item's bag or slot."
            value={sameBag}
            maxLength={BAG_SLOT_MAX}
            onChange={onSameBag}
          />
        ) : null}
      </div>
      <ol className="item-rows">
        {items.map((item, index) => {
          const n = index + 1;
          const err = (field: ItemField) => fieldErrors[`items.${index}.${field}`];
          return (
            <li key={item.key}>
              <fieldset className="item-row">
                <legend className="item-row-legend">Item {n}</legend>
                <div className="item-row-fields">
                  <SelectField
                    label="Kind of device"
                    value={item.kind}
                    options={KIND_OPTIONS}
                    placeholder="Choose…"
                    onChange={(v: DeviceKind | '') => onItem(index, 'kind', v)}
                    error={err('kind')}
                  />
                  <TextField label="Make and colour" value={item.description} maxLength={maxLengthOf(custodyItem.shape.description)}
                    onChange={(v) => onItem(index, 'description', v)} error={err('description')} />
                  <TextField label="Identifying marks" value={item.marks} maxLength={maxLengthOf(custodyItem.shape.marks)}
                    onChange={(v) => onItem(index, 'marks', v)} error={err('marks')} />
                  <TextField label="Bag or slot number" value={item.bagSlot} maxLength={BAG_SLOT_MAX}
                    onChange={(v) => onItem(index, 'bagSlot', v)} error={err('bagSlot')} />
                  {items.length > 1 ? (
                    <button type="button" className="btn btn-quiet item-remove" onClick={() => onRemove(index)}>
                      Remove{' '}<span className="visually-hidden">item {n}</span>
                    </button>
                  ) : null}
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      {fieldErrors.items ? <FieldError id="items-error" message={fieldErrors.items} /> : null}
      {items.length < MAX_RECEIPT_ITEMS ? (
        <div>
          <BigButton variant="secondary" onClick={onAdd}><span aria-hidden="true">+ </span>Add another item</BigButton>
        </div>
      ) : null}
    </section>
  );
}
