import { useState } from 'react';
import type { StaffOnSite } from '../../shared/contract/index.js';
import { Alert } from '../components/Alert.js';
import { BigButton } from '../components/BigButton.js';
import { OwnPhoneDialog } from './OwnPhoneDialog.js';
import { signedInWords } from './staff-day-words.js';
import { useStaffDayStore } from './staff-day-store.js';

/**
 * The person at this console: signing themselves in or out in one tap, or two with their phone into the
 * safe (where the setting keeps staff phones there) or out of it as they leave.
 */
export function MyDayCard({ me, displayName }: { me: StaffOnSite | null; displayName: string }) {
  const phonesInSafe = useStaffDayStore((s) => s.phonesInSafe);
  const signIn = useStaffDayStore((s) => s.signIn);
  const signOut = useStaffDayStore((s) => s.signOut);
  const [phoneDialog, setPhoneDialog] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const act = async (work: () => Promise<{ ok: boolean; message?: string }>) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    const r = await work();
    setBusy(false);
    if (!r.ok && r.message) setError(r.message);
  };

  const signedIn = me !== null && !me.fromEarlierDay;
  return (
    <section className="card console-section my-day" aria-labelledby="my-day-heading">
      <div className="my-day-who">
        <h2 id="my-day-heading">{displayName}</h2>
        <p className="section-count">
          {signedIn ? `Signed in at ${signedInWords(me)}` : me ? `Not signed out since ${signedInWords(me)}` : 'Not signed in'}
        </p>
        {error ? <Alert>{error}</Alert> : null}
      </div>
      <div className="my-day-actions">
        {signedIn ? (
          <>
            {me.devicesInSafe.length > 0 ? (
              <BigButton onClick={() => void act(() => signOut(true))} disabled={busy}>Sign out and take my phone</BigButton>
            ) : null}
            <BigButton variant={me.devicesInSafe.length > 0 ? 'secondary' : 'primary'} onClick={() => void act(() => signOut(false))} disabled={busy}>
              {me.devicesInSafe.length > 0 ? 'Sign out, phone stays in the safe' : 'Sign out'}
            </BigButton>
          </>
        ) : (
          <>
            {phonesInSafe ? <BigButton onClick={() => setPhoneDialog(true)} disabled={busy}>Sign in, my phone into the safe</BigButton> : null}
            <BigButton variant={phonesInSafe ? 'secondary' : 'primary'} onClick={() => void act(() => signIn(null))} disabled={busy}>
              {phonesInSafe ? 'Sign in without my phone' : 'Sign in'}
            </BigButton>
          </>
        )}
      </div>
      {phoneDialog ? (
        <OwnPhoneDialog
          title="Sign in, with your phone into the safe"
          lead={<>You are signed in and your phone is logged under your name, {displayName}, in one go. A receipt is printed.</>}
          submitLabel="Sign in"
          fieldsAt="phone"
          onConfirm={(bagSlot, description) => signIn({ bagSlot, description: description.trim() === '' ? null : description })}
          onClose={() => setPhoneDialog(false)}
        />
      ) : null}
    </section>
  );
}
