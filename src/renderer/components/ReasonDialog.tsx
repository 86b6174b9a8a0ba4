import { useState, type ReactNode } from 'react';
import type { ActionResult } from '../lib/action-result.js';
import { Alert } from './Alert.js';
import { BigButton } from './BigButton.js';
import { ModalDialog } from './ModalDialog.js';
import { TextAreaField } from './TextAreaField.js';
import { TextField } from './TextField.js';
import { useDialogAction } from './useDialogAction.js';

export interface ReasonField<K extends string> {
  /** The name the store's answer uses for a message about this field, so the message is shown under it. */
  key: K;
  label: string;
  hint?: string;
  /** The contract's limit for this field (maxLengthOf), so the box says "too long" as main would. */
  maxLength: number | undefined;
  /** A one-line box (a name) instead of room for a sentence or two. */
  singleLine?: boolean;
}

interface ReasonDialogProps<K extends string> {
  title: string;
  /** The paragraph under the title: what confirming does, and that the reason is kept. */
  explanation: ReactNode;
  fields: readonly ReasonField<K>[];
  confirmLabel: string;
  /** The confirm button's words while the store works, so a second tap is plainly not needed. */
  busyLabel: string;
  cancelLabel?: string;
  /**
   * With an id, the fields sit in a form of that id and the confirm button submits it. Kept optional
   * because a form changes the layout (the .form gap) and lets Enter in a one-line box confirm.
   */
  formId?: string;
  onConfirm: (values: Record<K, string>) => Promise<ActionResult>;
  onClose: () => void;
}

/**
 * A step that is never silent: the person types why (and, for some, to whom) before confirming. The
 * dialog stays open with the store's messages until it works, then closes.
 */
export function ReasonDialog<K extends string>({
  title,
  explanation,
  fields,
  confirmLabel,
  busyLabel,
  cancelLabel = 'Cancel',
  formId,
  onConfirm,
  onClose,
}: ReasonDialogProps<K>) {
  const [values, setValues] = useState(() => Object.fromEntries(fields.map((f) => [f.key, ''])) as Record<K, string>);
  const { busy, error, fields: fieldErrors, run, clearField } = useDialogAction(onClose);
  const confirm = () => void run(() => onConfirm(values));

  const content = (
    <>
      {error ? <Alert>{error}</Alert> : null}
      {fields.map((f) => {
        const props = {
          label: f.label,
          hint: f.hint,
          value: values[f.key],
          maxLength: f.maxLength,
          onChange: (v: string) => {
            setValues((old) => ({ ...old, [f.key]: v }));
            clearField(f.key);
          },
          error: fieldErrors[f.key],
        };
        return f.singleLine ? <TextField key={f.key} {...props} /> : <TextAreaField key={f.key} {...props} />;
      })}
    </>
  );

  return (
    <ModalDialog
      variant="form"
      title={title}
      onEscape={onClose}
      description={<p>{explanation}</p>}
      body={
        formId ? (
          <form
            id={formId}
            className="form"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              confirm();
            }}
          >
            {content}
          </form>
        ) : (
          content
        )
      }
    >
      {formId ? (
        <BigButton type="submit" form={formId} disabled={busy}>{busy ? busyLabel : confirmLabel}</BigButton>
      ) : (
        <BigButton onClick={confirm} disabled={busy}>{busy ? busyLabel : confirmLabel}</BigButton>
      )}
      <BigButton variant="secondary" onClick={onClose}>{cancelLabel}</BigButton>
    </ModalDialog>
  );
}
