import type { Ref } from 'react';
import { FieldFrame } from './FieldFrame.js';
import { tooLongMessage } from './length-message.js';

interface TextAreaFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: string | undefined;
  maxLength?: number;
  rows?: number;
  inputRef?: Ref<HTMLTextAreaElement>;
  className?: string;
}

/** A labelled box for a sentence or two (a reason, a note), wired up like TextField; too long is said, not cut. */
export function TextAreaField({ label, value, onChange, error, hint, maxLength, rows = 3, inputRef, className }: TextAreaFieldProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error ?? tooLongMessage(label, value, maxLength)} className={className}>
      {(control) => (
        <textarea
          {...control}
          ref={inputRef}
          className="field-input field-textarea"
          rows={rows}
          spellCheck
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </FieldFrame>
  );
}
