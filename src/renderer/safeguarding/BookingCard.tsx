import { useId } from 'react';
import type { BookingView, CommandOutput } from '../../shared/contract/index.js';
import { VISITOR_TYPE_LABELS } from '../../shared/domain/visitors.js';
import { documentUrl, inDesktopApp } from '../api.js';
import { BigButton } from '../components/BigButton.js';
import { PrintWarning } from '../components/PrintWarning.js';
import { fullName } from '../../shared/domain/names.js';
import { DeviceUseTag } from './DeviceUseTag.js';
import { todayUk } from '../lib/uk-clock.js';

interface BookingCardProps {
  booking: BookingView;
  isDsl: boolean;
  /** The invitation made for this booking on this screen, if one was. */
  invite: CommandOutput<'booking.invite'> | undefined;
  inviting: boolean;
  onInvite: () => void;
  onApprove: () => void;
  onRevoke: () => void;
  onRecord: () => void;
  onCancel: () => void;
}

function StatusTag({ b }: { b: BookingView }) {
  if (b.status === 'cancelled') return <span className="tag">Cancelled</span>;
  if (b.status === 'arrived') return <span className="tag tag-info"><span aria-hidden="true">✓ </span>Arrived</span>;
  if (b.noShow) return <span className="tag tag-warning"><span aria-hidden="true">⚠ </span>Did not arrive</span>;
  return <span className="tag">{b.expectedTime ? `Expected at ${b.expectedTime}` : 'Expected'}</span>;
}

/** One expected visitor: who, when, any approval made in advance, and what staff can do before they arrive. */
export function BookingCard({ booking: b, isDsl, invite, inviting, onInvite, onApprove, onRevoke, onRecord, onCancel }: BookingCardProps) {
  const headingId = useId();
  const newTabId = useId();
  const name = fullName(b);
  // Still expected today or later: a visit booked for the evening can still be invited after the office day ends.
  const open = b.status === 'expected' && b.expectedDate >= todayUk();
  const marker = b.exception;
  const detail = [VISITOR_TYPE_LABELS[b.visitorType], b.organisation, `visiting ${b.host}`].filter(Boolean).join(' · ');
  return (
    <li className={['card', 'booking', b.status === 'cancelled' ? 'booking-cancelled' : ''].filter(Boolean).join(' ')}
      aria-labelledby={headingId}>
      <div className="booking-head">
        <h2 id={headingId} className="booking-name">{name}</h2>
        <StatusTag b={b} />
      </div>
      <p className="booking-detail">{detail}</p>
      <p className="booking-meta muted">Booked by {b.createdBy}</p>
      {marker ? <DeviceUseTag marker={marker} /> : null}
      {open || marker ? (
        <div className="panel-actions">
          {open ? (
            <BigButton variant="secondary" onClick={onInvite} disabled={inviting}>
              {inviting ? 'Making the invitation…' : <>Invitation (PDF){' '}<span className="visually-hidden">for {name}</span></>}
            </BigButton>
          ) : null}
          {open && (!marker || marker.endedBecause) ? (
            <BigButton variant="secondary" onClick={onApprove}>
              Approve device use in advance…{' '}<span className="visually-hidden">for {name}</span>
            </BigButton>
          ) : null}
          {isDsl && marker?.approved ? (
            <BigButton variant="secondary" onClick={onRevoke}>
              Revoke…{' '}<span className="visually-hidden">device use for {name}</span>
            </BigButton>
          ) : null}
          {marker ? (
            <BigButton variant="quiet" onClick={onRecord}>View record{' '}<span className="visually-hidden">for {name}</span></BigButton>
          ) : null}
          {open ? (
            <BigButton variant="quiet" onClick={onCancel}>Cancel…{' '}<span className="visually-hidden">the visit by {name}</span></BigButton>
          ) : null}
        </div>
      ) : null}
      {invite && open ? (
        <div className="invite-ready" role="status">
          {inDesktopApp() ? (
            <p>The invitation PDF was saved in the Safe Hands data folder, in "invites". Print it or email it to {name}.</p>
          ) : (
            <>
              <span aria-hidden="true" className="invite-ready-mark">✓</span>
              <span>Invitation ready. </span>
              <a className="btn btn-secondary" href={documentUrl(invite.documentId)} target="_blank" rel="noopener" aria-describedby={newTabId}>
                Open the invitation PDF{' '}<span className="visually-hidden">for {name}</span>
              </a>
              <span id={newTabId} className="visually-hidden">Opens in a new tab</span>
            </>
          )}
        </div>
      ) : null}
      {invite && open ? <PrintWarning print={invite} /> : null}
    </li>
  );
}
