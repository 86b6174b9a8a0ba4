import type { ReactNode } from 'react';

interface CheckFieldProps {
  label: ReactNode;
  hint?: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
  compact?: boolean;
}

/** A real checkbox drawn as a card: the whole card is the touch target, and a tick (not colour) shows it is on. */
export function CheckField({ label, hint, checked, onChange, disabled, compact }: CheckFieldProps) {
  return (
    <label className={['check-card', compact ? 'check-compact' : ''].filter(Boolean).join(' ')}>
      <input type="checkbox" checked={checked} disabled={disabled} onChange={(e) => onChange(e.target.checked)} />
      <span className="check-mark" aria-hidden="true" />
      <span className="choice-text">
        <span className="choice-label">{label}</span>
        {hint ? <span className="choice-hint">{hint}</span> : null}
      </span>
    </label>
  );
}
