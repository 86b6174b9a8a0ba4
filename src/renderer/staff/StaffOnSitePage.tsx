import { useEffect, useState } from 'react';
import type { StaffOnSite } from '../../shared/contract/index.js';
import { mayKeepPhone, phoneNotInSafe } from '../../shared/domain/staff-days.js';
import { formatTime } from '../../shared/domain/time.js';
import { Alert } from '../components/Alert.js';
import { BigButton } from '../components/BigButton.js';
import { Notice } from '../components/Notice.js';
import { PageHeading } from '../components/PageHeading.js';
import { useSessionStore } from './session-store.js';
import { BreakDialog } from './BreakDialog.js';
import { MyDayCard } from './MyDayCard.js';
import { OwnPhoneDialog } from './OwnPhoneDialog.js';
import { StaffOnSiteTable } from './StaffOnSiteTable.js';
import { useStaffDayStore } from './staff-day-store.js';
import './staff-days.css';

type Open = { kind: 'out' | 'back' | 'phoneIn'; person: StaffOnSite } | null;

/**
 * Staff on site (Front desk): who of the staff is signed in now, the person at this console signing
 * themselves in or out, and break time for phones kept in the safe.
 */
export function StaffOnSitePage() {
  const session = useSessionStore((s) => s.session);
  const staff = useStaffDayStore((s) => s.staff);
  const phonesInSafe = useStaffDayStore((s) => s.phonesInSafe);
  const loaded = useStaffDayStore((s) => s.loaded);
  const loading = useStaffDayStore((s) => s.loading);
  const error = useStaffDayStore((s) => s.error);
  const notice = useStaffDayStore((s) => s.notice);
  const actionError = useStaffDayStore((s) => s.actionError);
  const working = useStaffDayStore((s) => s.working);
  const load = useStaffDayStore((s) => s.load);
  const takeOut = useStaffDayStore((s) => s.takeOut);
  const putBack = useStaffDayStore((s) => s.putBack);
  const phoneIn = useStaffDayStore((s) => s.phoneIn);
  const [open, setOpen] = useState<Open>(null);
  const lastUpdated = useStaffDayStore((s) => s.lastUpdated);

  useEffect(() => {
    void load();
  }, [load]);

  if (!session) return null;
  const me = staff.find((p) => p.staffId === session.staffId) ?? null;
  const missing = phoneNotInSafe({ staff, phonesInSafe }).length;
  const today = staff.filter((p) => !p.fromEarlierDay).length;
  // On duty without their phone in the safe, with the headteacher's signed permission to keep it: not missing.
  const kept = staff.filter((p) => !p.fromEarlierDay && !p.phoneInSafe && mayKeepPhone(p) !== null).length;
  const phonesWords = missing > 0 ? `${missing} ${missing === 1 ? 'phone' : 'phones'} not in the safe` : kept > 0 ? 'no phone missing' : 'every phone in the safe';
  return (
    <>
      <div className="console-heading">
        <PageHeading>Staff on site</PageHeading>
        <div className="console-refresh">
          <p className="muted" role="status">{loading ? 'Updating…' : lastUpdated ? `Updated at ${formatTime(lastUpdated)}` : ''}</p>
          <BigButton variant="secondary" onClick={() => void load()} disabled={loading}>Refresh</BigButton>
        </div>
      </div>
      {error ? <Alert>{error}</Alert> : null}
      <Notice text={notice} />
      {actionError ? <Alert>{actionError}</Alert> : null}

      <MyDayCard me={me} displayName={session.displayName} />

      <section className="card console-section" aria-labelledby="staff-on-site-heading">
        <h2 id="staff-on-site-heading">Signed in now</h2>
        <p className="section-count">
          {today === 1 ? '1 member of staff' : `${today} members of staff`} signed in
          {phonesInSafe ? ` · ${phonesWords}${kept > 0 ? ` · ${kept} with permission to keep theirs` : ''}` : ''}
        </p>
        <p className="muted">
          {phonesInSafe
            ? 'Staff phones go in the safe during working hours. At a break, tap Out for a break and give them their phone; tap Back in the safe when they hand it back.'
            : 'Staff sign in and out here or at the kiosk with their PIN. They are on the evacuation list while signed in.'}
        </p>
        <StaffOnSiteTable
          staff={staff}
          phonesInSafe={phonesInSafe}
          loaded={loaded}
          working={working}
          labelledBy="staff-on-site-heading"
          onTakeOut={(person) => setOpen({ kind: 'out', person })}
          onPutBack={(person) => setOpen({ kind: 'back', person })}
          onPhoneIn={(person) => setOpen({ kind: 'phoneIn', person })}
        />
      </section>

      {open?.kind === 'out' || open?.kind === 'back' ? (
        <BreakDialog
          person={open.person}
          direction={open.kind}
          onConfirm={() => (open.kind === 'out' ? takeOut(open.person) : putBack(open.person))}
          onClose={() => setOpen(null)}
        />
      ) : null}
      {open?.kind === 'phoneIn' ? (
        <OwnPhoneDialog
          title={`${open.person.displayName}'s phone into the safe`}
          lead={<>The phone is logged under {open.person.displayName}'s name, and a receipt is printed.</>}
          submitLabel="Log the phone"
          fieldsAt="items.0"
          onConfirm={(bagSlot, description) => phoneIn(open.person, bagSlot, description)}
          onClose={() => setOpen(null)}
        />
      ) : null}
    </>
  );
}
