import type { ReactNode } from 'react';
import { MAX_PIN_DIGITS } from '../../shared/domain/pin-rules.js';
import { ChoiceCards } from '../components/ChoiceCards.js';
import { TextField } from '../components/TextField.js';

interface DeciderChoiceProps {
  legend: string;
  /** Who may decide: the active accounts with the role it needs. */
  people: readonly { staffId: number; displayName: string }[];
  /** Said instead of the names when nobody has that role. */
  nobody: ReactNode;
  value: number | null;
  onChange: (staffId: number) => void;
  error: string | undefined;
  pin: string;
  onPin: (pin: string) => void;
  pinError: string | undefined;
}

/**
 * Who decided (the head who agreed, the DSL or head who approved or agrees): they choose their name and type
 * their own PIN, whoever unlocked the console. Main checks both again, so the record says who decided.
 */
export function DeciderChoice({ legend, people, nobody, value, onChange, error, pin, onPin, pinError }: DeciderChoiceProps) {
  return (
    <>
      {people.length === 0 ? (
        <p className="empty">{nobody}</p>
      ) : (
        <ChoiceCards
          legend={legend}
          choices={people.map((p) => ({ value: String(p.staffId), label: p.displayName }))}
          value={value === null ? null : String(value)}
          onChange={(v) => onChange(Number(v))}
          error={error}
        />
      )}
      <TextField label="Their PIN" type="password" inputMode="numeric" maxLength={MAX_PIN_DIGITS} value={pin}
        onChange={onPin} error={pinError} className="field-narrow" />
    </>
  );
}
