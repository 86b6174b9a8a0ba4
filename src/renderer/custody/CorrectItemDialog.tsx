import { useState } from 'react';
import { commandSchemas } from '../../shared/contract/index.js';
import type { CustodyItemView } from '../../shared/domain/custody.js';
import { DEVICE_KIND_LABELS } from '../../shared/domain/devices.js';
import { Alert } from '../components/Alert.js';
import { BigButton } from '../components/BigButton.js';
import { ModalDialog } from '../components/ModalDialog.js';
import { TextAreaField } from '../components/TextAreaField.js';
import { TextField } from '../components/TextField.js';
import { useDialogAction } from '../components/useDialogAction.js';
import type { ActionResult } from '../lib/action-result.js';
import type { CorrectionDraft } from './custody-shared.js';
import { maxLengthOf } from '../../shared/validation.js';

const CORRECTION = commandSchemas['custody.correct'].input.shape;

/** "Phone, bag 12": how an item is named on buttons and in titles. */
export function itemTitle(item: CustodyItemView): string {
  return `${DEVICE_KIND_LABELS[item.kind]}, bag ${item.bagSlot}`;
}

/** Beside an item whose logged details were corrected afterwards: the original is kept, this shows the correction. */
export function CorrectedTag() {
  return <span className="tag tag-info item-corrected">Details corrected</span>;
}

interface CorrectItemDialogProps {
  item: CustodyItemView;
  onConfirm: (draft: CorrectionDraft) => Promise<ActionResult>;
  onClose: () => void;
}

/**
 * Fixing what was written when an item was logged (the wrong bag, a mistyped colour). The boxes start
 * with the details as they stand; the original record is kept, and the correction is saved beside it
 * with the reason and who made it. Like every confirm dialog, it stays open with main's messages until
 * the correction is saved.
 */
export function CorrectItemDialog({ item, onConfirm, onClose }: CorrectItemDialogProps) {
  const [draft, setDraft] = useState<CorrectionDraft>({
    description: item.description ?? '',
    marks: item.marks ?? '',
    bagSlot: item.bagSlot,
    reason: '',
  });
  const { busy, error, fields, run, clearField } = useDialogAction(onClose);
  const formId = `correct-item-${item.itemId}`;
  const label = itemTitle(item);
  const field = (key: keyof CorrectionDraft) => ({
    value: draft[key],
    error: fields[key],
    onChange: (value: string) => {
      setDraft((d) => ({ ...d, [key]: value }));
      clearField(key);
    },
  });

  return (
    <ModalDialog
      variant="form"
      title={`Correct details: ${label.charAt(0).toLowerCase()}${label.slice(1)}`}
      onEscape={onClose}
      description={
        <p>The original record is kept, and the correction is saved beside it with your name and the reason.</p>
      }
      body={
        <form
          id={formId}
          className="form correct-item-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void run(() => onConfirm(draft));
          }}
        >
          {error ? <Alert>{error}</Alert> : null}
          <div className="field-pair">
            <TextField label="Make and colour" maxLength={maxLengthOf(CORRECTION.description)} {...field('description')} />
            <TextField label="Identifying marks" maxLength={maxLengthOf(CORRECTION.marks)} {...field('marks')} />
          </div>
          <TextField label="Bag or slot number" maxLength={maxLengthOf(CORRECTION.bagSlot)} className="correct-item-bag" {...field('bagSlot')} />
          <TextAreaField
            label="Reason for the correction"
            hint='For example: "Logged in the wrong bag".'
            maxLength={maxLengthOf(CORRECTION.reason)}
            rows={2}
            {...field('reason')}
          />
        </form>
      }
    >
      <BigButton type="submit" form={formId} disabled={busy}>{busy ? 'Saving…' : 'Save correction'}</BigButton>
      <BigButton variant="secondary" onClick={onClose}>Cancel</BigButton>
    </ModalDialog>
  );
}
