import { useEffect, useState } from 'react';
import type { StaffAccount } from '../../shared/contract/index.js';
import { Alert } from '../components/Alert.js';
import { PrintOutcome } from '../components/PrintOutcome.js';
import { useSessionStore } from './session-store.js';
import { useStaffAccountsStore, type StaffChangeResult } from './staff-accounts-store.js';
import { AddStaffForm } from './AddStaffForm.js';
import { BadgeDialog } from './BadgeDialog.js';
import { DeactivateDialog } from './DeactivateDialog.js';
import { EditRolesDialog } from './EditRolesDialog.js';
import { ResetPinDialog } from './ResetPinDialog.js';
import { StaffTable, type StaffAction } from './StaffTable.js';

/** Staff accounts: who can unlock the console, with which roles, and the everyday fixes (PIN, lock-out, leavers). */
export function StaffPanel() {
  const s = useStaffAccountsStore();
  const myStaffId = useSessionStore((c) => c.session?.staffId ?? null);
  const lock = useSessionStore((c) => c.lock);
  const lockIfMine = async (r: StaffChangeResult) => {
    if (r.ok && r.lockNotice) await lock(r.lockNotice);
    return r;
  };
  const [open, setOpen] = useState<{ action: StaffAction; account: StaffAccount } | null>(null);
  const load = s.load;

  useEffect(() => {
    void load();
  }, [load]);

  const close = () => setOpen(null);
  return (
    <section className="card form-section" aria-labelledby="staff-title">
      <h2 id="staff-title">Staff</h2>
      {s.error ? <Alert>{s.error}</Alert> : null}
      <div role="status" className="notice-slot">{s.notice ? <p className="notice"><span aria-hidden="true">✓ </span>{s.notice}</p> : null}</div>
      {s.badgePrint ? (
        <PrintOutcome print={s.badgePrint.print} subject={`The badge for ${s.badgePrint.displayName}`} pdfName="badge" folder="badges" />
      ) : null}

      <h3 id="staff-list-heading">Staff accounts</h3>
      {s.loaded ? (
        <StaffTable accounts={s.accounts} labelledBy="staff-list-heading" myStaffId={myStaffId}
          onAction={(action, account) => setOpen({ action, account })} onUnlock={(a) => void s.unlockAccount(a)} />
      ) : (
        <p className="muted">{s.loading ? 'Reading the staff accounts…' : ''}</p>
      )}

      <AddStaffForm draft={s.draft} busy={s.creating} error={s.createError} fields={s.createFields}
        onChange={s.changeDraft} onSubmit={() => void s.create()} />

      {open?.action === 'roles' ? (
        <EditRolesDialog account={open.account} isMe={open.account.staffId === myStaffId}
          onConfirm={async (name, roles) => lockIfMine(await s.update(open.account, name, roles, myStaffId))} onClose={close} />
      ) : null}
      {open?.action === 'pin' ? (
        <ResetPinDialog account={open.account} onConfirm={async (pin, again) => lockIfMine(await s.resetPin(open.account, pin, again, myStaffId))} onClose={close} />
      ) : null}
      {open?.action === 'badge' ? (
        <BadgeDialog account={open.account} onConfirm={() => s.issueBadge(open.account)} onClose={close} />
      ) : null}
      {open?.action === 'deactivate' ? (
        <DeactivateDialog account={open.account} onConfirm={(reason) => s.deactivate(open.account, reason)} onClose={close} />
      ) : null}
    </section>
  );
}
