import { useRef } from 'react';
import { commandSchemas } from '../../shared/contract/index.js';
import { LONG_PIN_DIGITS, MAX_PIN_DIGITS, MIN_PIN_DIGITS } from '../../shared/domain/pin-rules.js';
import { maxLengthOf } from '../../shared/validation.js';
import { Alert } from '../components/Alert.js';
import { BigButton } from '../components/BigButton.js';
import { TextField } from '../components/TextField.js';
import { useFocusFirstError } from '../components/useFocusFirstError.js';
import type { NewStaffDraft } from './staff-accounts-store.js';
import { RoleChecks } from './RoleChecks.js';

interface AddStaffFormProps {
  draft: NewStaffDraft;
  busy: boolean;
  error: string | null;
  fields: Record<string, string>;
  onChange: <K extends keyof NewStaffDraft>(key: K, value: NewStaffDraft[K]) => void;
  onSubmit: () => void;
}

/** A new account: a name people will recognise on the lock screen, its roles and a first PIN. */
export function AddStaffForm({ draft, busy, error, fields, onChange, onSubmit }: AddStaffFormProps) {
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, error);
  return (
    <section className="add-staff" aria-labelledby="add-staff-heading">
      <h3 id="add-staff-heading">Add staff</h3>
      <form
        ref={formRef}
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        {error ? <Alert>{error}</Alert> : null}
        <TextField label="Name" hint="As it should appear on the lock screen, for example Olu Adebayo." value={draft.displayName}
          maxLength={maxLengthOf(commandSchemas['staff.create'].input.shape.displayName)} onChange={(v) => onChange('displayName', v)} error={fields.displayName} className="field-narrow" />
        <RoleChecks dsl={draft.dsl} admin={draft.admin} head={draft.head} onChange={(role, on) => onChange(role, on)} error={fields.roles} />
        <div className="field-pair field-narrow">
          <TextField label="PIN" hint={draft.dsl || draft.admin || draft.head ? `${LONG_PIN_DIGITS} to ${MAX_PIN_DIGITS} digits: a DSL, administrator or head needs at least ${LONG_PIN_DIGITS}.` : `${MIN_PIN_DIGITS} to ${MAX_PIN_DIGITS} digits.`} type="password" inputMode="numeric" maxLength={MAX_PIN_DIGITS} value={draft.pin}
            onChange={(v) => onChange('pin', v)} error={fields.pin} />
          <TextField label="PIN again" type="password" inputMode="numeric" maxLength={MAX_PIN_DIGITS} value={draft.pinAgain}
            onChange={(v) => onChange('pinAgain', v)} error={fields.pinAgain} />
        </div>
        <div className="form-actions">
          <BigButton type="submit" disabled={busy}>{busy ? 'Adding…' : 'Add staff member'}</BigButton>
        </div>
      </form>
    </section>
  );
}
