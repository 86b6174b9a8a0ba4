import { useId, type HTMLAttributes, type Ref } from 'react';

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

/** A labelled text box with its hint and error underneath, wired up for screen readers. */
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
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['field', error ? 'field-invalid' : '', className ?? ''].filter(Boolean).join(' ')}>
      <label className="field-label" htmlFor={id}>{label}</label>
      {hint ? <p className="field-hint" id={hintId}>{hint}</p> : null}
      <input
        id={id}
        ref={inputRef}
        name={name}
        className="field-input"
        type={type}
        inputMode={inputMode}
        autoComplete={autoComplete}
        autoCapitalize={autoCapitalize}
        autoCorrect="off"
        spellCheck={false}
        maxLength={maxLength}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value)}
      />
      {error ? <FieldError id={errorId} message={error} /> : null}
    </div>
  );
}

/** The "!" mark means an error is never shown by colour alone. */
export function FieldError({ id, message }: { id: string; message: string }) {
  return (
    <p className="field-error" id={id}>
      <span className="field-error-mark" aria-hidden="true">!</span>
      {message}
    </p>
  );
}
