import { useState } from 'react';
import { commandSchemas, type StaffAccount } from '../../shared/contract/index.js';
import { maxLengthOf } from '../../shared/validation.js';
import { Alert } from '../components/Alert.js';
import { BigButton } from '../components/BigButton.js';
import { ModalDialog } from '../components/ModalDialog.js';
import { TextField } from '../components/TextField.js';
import { useDialogAction } from '../components/useDialogAction.js';
import type { ActionResult } from '../lib/action-result.js';
import { grantedRoles, type GrantedRole } from './staff-accounts-store.js';
import { RoleChecks } from './RoleChecks.js';

interface EditRolesDialogProps {
  account: StaffAccount;
  isMe: boolean;
  onConfirm: (displayName: string, roles: GrantedRole[]) => Promise<ActionResult>;
  onClose: () => void;
}

/** A staff member's name and roles. Their open console locks so the change takes effect at once. */
export function EditRolesDialog({ account, isMe, onConfirm, onClose }: EditRolesDialogProps) {
  const [name, setName] = useState(account.displayName);
  const [dsl, setDsl] = useState(account.roles.includes('dsl'));
  const [admin, setAdmin] = useState(account.roles.includes('admin'));
  const [head, setHead] = useState(account.roles.includes('head'));
  const { busy, error, fields, run, clearField } = useDialogAction(onClose);
  return (
    <ModalDialog
      variant="form"
      title={`Roles for ${account.displayName}`}
      onEscape={onClose}
      description={
        <>
          <p>
            {isMe
              ? 'This is your own account: when you save, your console locks and you unlock again with the new roles.'
              : 'If they have the console open, it locks so the new roles apply at once.'}
          </p>
          <p>A DSL, administrator or head needs a PIN of at least 6 digits. If theirs is shorter, they will be asked to choose a new one when they next unlock.</p>
        </>
      }
      body={
        <form
          id="edit-roles-form"
          className="form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void run(() => onConfirm(name, grantedRoles({ dsl, admin, head })));
          }}
        >
          {error ? <Alert>{error}</Alert> : null}
          <TextField label="Name" value={name} maxLength={maxLengthOf(commandSchemas['staff.update'].input.shape.displayName)} error={fields.displayName}
            onChange={(v) => {
              setName(v);
              clearField('displayName');
            }} />
          <RoleChecks dsl={dsl} admin={admin} head={head} error={fields.roles}
            onChange={(role, on) => {
              if (role === 'dsl') setDsl(on);
              else if (role === 'admin') setAdmin(on);
              else setHead(on);
              clearField('roles');
            }} />
        </form>
      }
    >
      <BigButton type="submit" form="edit-roles-form" disabled={busy}>{busy ? 'Saving…' : 'Save roles'}</BigButton>
      <BigButton variant="secondary" onClick={onClose}>Cancel</BigButton>
    </ModalDialog>
  );
}
