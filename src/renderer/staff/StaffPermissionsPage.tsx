import { useEffect, useState } from 'react';
import { isCurrentPermission, type StaffPermissionView } from '../../shared/domain/staff-permissions.js';
import { Alert } from '../components/Alert.js';
import { BigButton } from '../components/BigButton.js';
import { Notice } from '../components/Notice.js';
import { PageHeading } from '../components/PageHeading.js';
import { PrintOutcome } from '../components/PrintOutcome.js';
import { EndPermissionDialog } from './EndPermissionDialog.js';
import { useSessionStore } from './session-store.js';
import { SignPermissionDialog } from './SignPermissionDialog.js';
import { StaffPermissionForm } from './StaffPermissionForm.js';
import { StaffPermissionsTable } from './StaffPermissionsTable.js';
import { useStaffPermissionsStore } from './staff-permissions-store.js';
import '../learners/learners.css';

/**
 * Staff members who may use their own phone or device at work, with the headteacher's written permission.
 * Everyone sees the list (the front desk needs to know who may keep their phone). The office records one
 * with the approving head's PIN, prints it and records it signed; only a head ends one.
 */
export function StaffPermissionsPage() {
  const permissions = useStaffPermissionsStore((s) => s.permissions);
  const loaded = useStaffPermissionsStore((s) => s.loaded);
  const error = useStaffPermissionsStore((s) => s.error);
  const notice = useStaffPermissionsStore((s) => s.notice);
  const form = useStaffPermissionsStore((s) => s.form);
  const printing = useStaffPermissionsStore((s) => s.printing);
  const printed = useStaffPermissionsStore((s) => s.printed);
  const load = useStaffPermissionsStore((s) => s.load);
  const startForm = useStaffPermissionsStore((s) => s.startForm);
  const print = useStaffPermissionsStore((s) => s.print);
  const recordSigned = useStaffPermissionsStore((s) => s.recordSigned);
  const end = useStaffPermissionsStore((s) => s.end);
  const session = useSessionStore((s) => s.session);
  const mayEnd = session?.roles.includes('head') ?? false;
  const [signing, setSigning] = useState<StaffPermissionView | null>(null);
  const [ending, setEnding] = useState<StaffPermissionView | null>(null);

  useEffect(() => {
    void load();
  }, [load]);

  if (form) return <StaffPermissionForm />;

  const current = permissions.filter((p) => isCurrentPermission(p.state));
  const past = permissions.filter((p) => !isCurrentPermission(p.state));
  const waiting = current.filter((p) => p.state === 'awaiting_signature').length;
  return (
    <>
      <div className="console-heading">
        <PageHeading>Staff device permissions</PageHeading>
        <div className="console-refresh">
          <BigButton onClick={() => startForm(session)}>Record a permission</BigButton>
        </div>
      </div>
      <p className="section-lead">
        Staff keep their own phones and devices put away at work unless the headteacher has given written permission, for
        example in an emergency, or for remote learning after a risk assessment. A permission is in force once the member of
        staff has signed it. Where staff phones go in the safe, someone with a permission in force for a phone is not asked for it.
        {mayEnd ? '' : ' Only the headteacher or a leader can end one.'}
      </p>
      <Notice text={notice} />
      {error ? <Alert>{error}</Alert> : null}
      {printed ? <PrintOutcome print={printed.print} subject={`The permission for ${printed.staffName}`} pdfName="permission" folder="staff-permissions" /> : null}
      <section className="card console-section" aria-labelledby="current-permissions-heading">
        <h2 id="current-permissions-heading">Current permissions</h2>
        {waiting > 0 ? (
          <p className="exception-waiting">
            <span aria-hidden="true">⚠ </span>
            {waiting === 1 ? '1 permission is waiting for a signature.' : `${waiting} permissions are waiting for a signature.`}
            {' '}Until it is signed, the usual rules apply.
          </p>
        ) : null}
        <StaffPermissionsTable
          permissions={current}
          headingId="current-permissions-heading"
          empty={loaded ? 'No member of staff has a permission at the moment.' : 'Reading the permissions…'}
          actions={{ onPrint: (p) => void print(p), printing, onSigned: setSigning, onEnd: mayEnd ? setEnding : null }}
        />
      </section>
      {past.length > 0 ? (
        <section className="card console-section" aria-labelledby="past-permissions-heading">
          <h2 id="past-permissions-heading">Ended or run out</h2>
          <StaffPermissionsTable permissions={past} headingId="past-permissions-heading" empty="" actions={null} />
        </section>
      ) : null}
      {signing ? (
        <SignPermissionDialog permission={signing} onConfirm={(signedOn) => recordSigned(signing, signedOn)} onClose={() => setSigning(null)} />
      ) : null}
      {ending ? (
        <EndPermissionDialog staffName={ending.staffName} onConfirm={(reason) => end(ending, reason)} onClose={() => setEnding(null)} />
      ) : null}
    </>
  );
}
