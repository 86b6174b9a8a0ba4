import { useEffect, useState } from 'react';
import type { BookingView } from '../../shared/contract/index.js';
import { VISITOR_TYPE_LABELS } from '../../shared/domain/visitors.js';
import { Alert } from '../components/Alert.js';
import { BigButton } from '../components/BigButton.js';
import { PageHeading } from '../components/PageHeading.js';
import { fullName } from '../../shared/domain/names.js';
import { shownDay, useBookingStore } from './booking-store.js';
import { useSessionStore } from '../staff/session-store.js';
import { useExceptionStore } from './exception-store.js';
import { useSafeguardingStore } from './safeguarding-store.js';
import { BookingCard } from './BookingCard.js';
import { BookingForm } from './BookingForm.js';
import { CancelBookingDialog } from './CancelBookingDialog.js';
import { DateTimeField } from '../components/DateTimeField.js';
import { Notice } from '../components/Notice.js';
import { RevokeDialog } from './RevokeDialog.js';
import { dayLabel, isDate, shiftDay, todayUk } from '../lib/uk-clock.js';

/** Expected visitors for a day: booked ahead, invited by QR code, devices approved before they arrive. */
export function BookingsTab() {
  const store = useBookingStore();
  const isDsl = useSessionStore((s) => s.session?.roles.includes('dsl') ?? false);
  const notice = useSafeguardingStore((s) => s.notice);
  const startApproval = useExceptionStore((s) => s.startApproval);
  const session = useSessionStore((s) => s.session);
  const openRecord = useExceptionStore((s) => s.openRecord);
  const revoke = useExceptionStore((s) => s.revoke);
  const [cancelling, setCancelling] = useState<BookingView | null>(null);
  const [revoking, setRevoking] = useState<BookingView | null>(null);
  // The date box may hold half a date while it is typed; the list follows once it is a whole one.
  const day = shownDay(store.date);
  const [typedDate, setTypedDate] = useState(day);
  const load = store.load;

  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => setTypedDate(day), [day]);

  if (store.form) return <BookingForm />;

  const today = store.date === null;
  const expected = store.bookings.filter((b) => b.status === 'expected').length;
  return (
    <>
      <div className="console-heading">
        <PageHeading>Expected visitors</PageHeading>
        <div className="console-refresh">
          <BigButton onClick={store.startBooking}>Book a visitor</BigButton>
        </div>
      </div>
      <Notice text={notice} />
      <div className="card date-bar">
        <BigButton variant="secondary" onClick={() => void load(shiftDay(day, -1))}>
          <span aria-hidden="true">‹ </span>Previous day
        </BigButton>
        <DateTimeField label="Day" type="date" value={typedDate} onChange={(v) => {
          setTypedDate(v);
          if (isDate(v)) void load(v);
        }} />
        <BigButton variant="secondary" onClick={() => void load(shiftDay(day, 1))}>
          Next day<span aria-hidden="true"> ›</span>
        </BigButton>
        {today ? null : <BigButton variant="secondary" onClick={() => void load(todayUk())}>Today</BigButton>}
        <p className="date-bar-summary" role="status">
          {store.loading ? 'Loading…' : store.loaded
            ? `${dayLabel(day)}${today ? ' (today)' : ''}: ${store.bookings.length === 1 ? '1 booking' : `${store.bookings.length} bookings`}, ${expected} still expected`
            : ''}
        </p>
      </div>
      {store.error ? <Alert>{store.error}</Alert> : null}
      {store.loaded && store.bookings.length === 0 ? (
        <p className="empty card">Nobody is booked {today ? 'today' : `for ${dayLabel(day)}`}.</p>
      ) : null}
      {store.bookings.length > 0 ? (
        <ul className="booking-list" aria-label={`Bookings for ${dayLabel(day)}`}>
          {store.bookings.map((b) => (
            <BookingCard
              key={b.bookingId}
              booking={b}
              isDsl={isDsl}
              invite={store.invites[b.bookingId]}
              inviting={store.inviting === b.bookingId}
              onInvite={() => void store.invite(b)}
              onApprove={() => startApproval({
                type: 'booking', bookingId: b.bookingId, name: fullName(b), date: b.expectedDate,
                detail: [VISITOR_TYPE_LABELS[b.visitorType], b.organisation, `visiting ${b.host}`].filter(Boolean).join(' · '),
              }, [], session)}
              onRevoke={() => setRevoking(b)}
              onRecord={() => void openRecord({ bookingId: b.bookingId }, fullName(b))}
              onCancel={() => setCancelling(b)}
            />
          ))}
        </ul>
      ) : null}
      {cancelling ? (
        <CancelBookingDialog name={fullName(cancelling)} onConfirm={(reason) => store.cancelBooking(cancelling, reason)}
          onClose={() => setCancelling(null)} />
      ) : null}
      {revoking?.exception ? (
        <RevokeDialog name={fullName(revoking)} onConfirm={(reason) => revoke(revoking.exception!.exceptionId, fullName(revoking), reason)}
          onClose={() => setRevoking(null)} />
      ) : null}
    </>
  );
}
