import { useId } from 'react';
import { ROLE_LABELS } from '../../shared/domain/roles.js';
import { FieldError } from '../components/TextField.js';

interface RoleChecksProps {
  dsl: boolean;
  admin: boolean;
  head: boolean;
  onChange: (role: 'dsl' | 'admin' | 'head', on: boolean) => void;
  error?: string | undefined;
}

/** The roles an administrator grants, as big tick boxes; office work comes with every account. */
export function RoleChecks({ dsl, admin, head, onChange, error }: RoleChecksProps) {
  const id = useId();
  return (
    <fieldset className={['choices', error ? 'field-invalid' : ''].filter(Boolean).join(' ')} aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}>
      <legend className="field-label">Roles</legend>
      <p className="field-hint" id={`${id}-hint`}>Everyone can do office work. Tick what else this person does.</p>
      <div className="role-checks">
        <label className="check-card">
          <input type="checkbox" checked={dsl} onChange={(e) => onChange('dsl', e.target.checked)} />
          <span className="check-mark" aria-hidden="true" />
          <span className="choice-text">
            <span className="choice-label">Designated Safeguarding Lead</span>
            <span className="choice-hint">Approves device exceptions, reviews concerns</span>
          </span>
        </label>
        <label className="check-card">
          <input type="checkbox" checked={admin} onChange={(e) => onChange('admin', e.target.checked)} />
          <span className="check-mark" aria-hidden="true" />
          <span className="choice-text">
            <span className="choice-label">Administrator</span>
            <span className="choice-hint">Settings, backups and staff accounts</span>
          </span>
        </label>
        <label className="check-card">
          <input type="checkbox" checked={head} onChange={(e) => onChange('head', e.target.checked)} />
          <span className="check-mark" aria-hidden="true" />
          <span className="choice-text">
            <span className="choice-label">{ROLE_LABELS.head}</span>
            <span className="choice-hint">Agrees to pupils bringing a device into school</span>
          </span>
        </label>
      </div>
      {error ? <FieldError id={`${id}-error`} message={error} /> : null}
    </fieldset>
  );
}
