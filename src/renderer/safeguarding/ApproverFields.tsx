import type { Ref } from 'react';
import type { StaffSummary } from '../../shared/contract/index.js';
import { MAX_PIN_DIGITS } from '../../shared/domain/pin-rules.js';
import { ChoiceCards } from '../components/ChoiceCards.js';
import { TextField } from '../components/TextField.js';

interface ApproverFieldsProps {
  staff: readonly StaffSummary[];
  approverId: number | null;
  pin: string;
  onApprover: (staffId: number) => void;
  onPin: (pin: string) => void;
  approverError?: string | undefined;
  pinError?: string | undefined;
  pinRef?: Ref<HTMLInputElement>;
}

/** The DSL who approves proves it is them now, whoever unlocked the console: their name and their own PIN. */
export function ApproverFields({ staff, approverId, pin, onApprover, onPin, approverError, pinError, pinRef }: ApproverFieldsProps) {
  // Only DSLs are offered; the service still checks the role when the PIN is given, in case it changed since.
  const dsls = staff.filter((s) => s.dsl);
  return (
    <section className="approver" aria-labelledby="approver-heading">
      <h2 id="approver-heading">Approval by the Designated Safeguarding Lead</h2>
      <p className="field-hint">Only a DSL can approve. They choose their name and type their own PIN.</p>
      <ChoiceCards
        legend="Approving DSL"
        choices={dsls.map((s) => ({ value: String(s.id), label: s.displayName }))}
        value={approverId === null ? null : String(approverId)}
        onChange={(v) => onApprover(Number(v))}
        error={approverError}
      />
      <TextField label="DSL's PIN" type="password" inputMode="numeric" maxLength={MAX_PIN_DIGITS} value={pin} onChange={onPin}
        error={pinError} inputRef={pinRef} className="field-narrow" />
    </section>
  );
}
