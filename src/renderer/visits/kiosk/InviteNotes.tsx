import { useKioskStore } from '../kiosk-store.js';

/** The visitor signed in with an invitation whose device use the DSL approved in advance. */
export function useInviteApproved(): boolean {
  return useKioskStore((s) => s.flow === 'invite' && s.invite?.deviceUseApproved === true);
}

/** On the devices step: the DSL has already approved this visitor's device use. */
export function InviteDeviceNote() {
  if (!useInviteApproved()) return null;
  return (
    <div className="callout callout-approved">
      <p>
        <span className="callout-mark" aria-hidden="true">✓</span>
        Your device use has been approved by the DSL; the office will explain the limits.
      </p>
    </div>
  );
}

/** On the done screen, instead of "hand your devices in": the office explains what the approval covers. */
export function InviteDoneNote() {
  return (
    <div className="callout callout-action">
      <h2 className="callout-title">Next: go to the office</h2>
      <p>
        Your device use has been approved by the DSL. The office will explain where and how you may use it, and look
        after anything else you have with you.
      </p>
    </div>
  );
}
