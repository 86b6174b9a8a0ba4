import type { HTMLAttributes, Ref } from 'react';
import { FieldFrame } from './FieldFrame.js';
import { tooLongMessage } from './length-message.js';

interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: string | undefined;
  type?: 'text' | 'password';
  inputMode?: HTMLAttributes<HTMLInputElement>['inputMode'];
  autoComplete?: string;
  autoCapitalize?: string;
  maxLength?: number;
  inputRef?: Ref<HTMLInputElement>;
  name?: string;
  className?: string;
}

/** A labelled text box with its hint and error underneath, wired up for screen readers; too long is said, not cut. */
export function TextField({
  label,
  value,
  onChange,
  error,
  hint,
  type = 'text',
  inputMode,
  autoComplete = 'off',
  autoCapitalize,
  maxLength,
  inputRef,
  name,
  className,
}: TextFieldProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error ?? tooLongMessage(label, value, maxLength)} className={className}>
      {(control) => (
        <input
          {...control}
          ref={inputRef}
          name={name}
          className="field-input"
          type={type}
          inputMode={inputMode}
          autoComplete={autoComplete}
          autoCapitalize={autoCapitalize}
          autoCorrect="off"
          spellCheck={false}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </FieldFrame>
  );
}

export { FieldError } from './FieldError.js';
