import { useEffect, useState } from 'react';
import type { OnSiteVisit, PendingHandover } from '../../shared/contract/index.js';
import { formatTime } from '../../shared/domain/time.js';
import { Alert } from '../components/Alert.js';
import { BigButton } from '../components/BigButton.js';
import { useCollectStore } from '../custody/collect-store.js';
import { useSessionStore } from '../staff/session-store.js';
import { useTodayStore } from './today-store.js';
import { useLogStore } from '../custody/custody-log-store.js';
import { useSafeStore } from '../custody/safe-store.js';
import { CollectionRequests } from '../custody/CollectionRequests.js';
import { NotHandedInDialog } from '../custody/NotHandedInDialog.js';
import { OnSiteTable } from '../visits/OnSiteTable.js';
import { OverrideDialog } from '../visits/OverrideDialog.js';
import { PageHeading } from '../components/PageHeading.js';
import { PendingTable } from '../custody/PendingTable.js';
import { UnprintedReceipts } from '../custody/UnprintedReceipts.js';
import { NotCollectedOnToday } from '../learners/NotCollectedOnToday.js';
import { OwnPhoneDialog } from '../staff/OwnPhoneDialog.js';
import { StaffPhonesMissing } from '../staff/StaffPhonesMissing.js';
import { useNotHandedIn } from '../custody/useNotHandedIn.js';
import { useNavigationStore } from './navigation-store.js';
import { fullName, searchedName } from '../../shared/domain/names.js';

function people(n: number): string {
  return n === 1 ? '1 person' : `${n} people`;
}

export function Dashboard() {
  const session = useSessionStore((s) => s.session);
  const onSite = useTodayStore((s) => s.onSite);
  const badgesEnabled = useTodayStore((s) => s.badgesEnabled);
  const pending = useTodayStore((s) => s.pending);
  const lastUpdated = useTodayStore((s) => s.lastUpdated);
  const refreshing = useTodayStore((s) => s.refreshing);
  const error = useTodayStore((s) => s.error);
  const notice = useTodayStore((s) => s.notice);
  const refresh = useTodayStore((s) => s.refresh);
  const overrideSignOut = useTodayStore((s) => s.overrideSignOut);
  const startHandover = useLogStore((s) => s.startHandover);
  const logOwnPhone = useLogStore((s) => s.logOwnPhone);
  const notHandedIn = useNotHandedIn();
  const show = useNavigationStore((s) => s.show);
  const startCollection = useCollectStore((s) => s.startFor);
  const loadSafe = useSafeStore((s) => s.load);
  // Which dialog is open is how the page looks, not data: it stays here.
  const [overriding, setOverriding] = useState<OnSiteVisit | null>(null);
  const [ownPhone, setOwnPhone] = useState(false);
  const [closing, setClosing] = useState<PendingHandover | null>(null);
  // The safe is read with each refresh of Today, for the receipts that never printed.
  useEffect(() => {
    if (lastUpdated) void loadSafe();
  }, [lastUpdated, loadSafe]);

  if (!session) return null;
  const waitingToCollect = onSite.filter((v) => v.collectionRequestedAt !== null);
  return (
    <>
      <div className="console-heading">
        <PageHeading>Today</PageHeading>
        <div className="console-refresh">
          <p className="muted" role="status">
            {refreshing ? 'Updating…' : lastUpdated ? `Updated at ${formatTime(lastUpdated)}` : ''}
          </p>
          <BigButton variant="secondary" onClick={() => setOwnPhone(true)}>My phone into the safe</BigButton>
          <BigButton variant="secondary" onClick={() => void refresh()} disabled={refreshing}>Refresh</BigButton>
        </div>
      </div>
      {error ? <Alert>{error}</Alert> : null}
      <div role="status" className="notice-slot">{notice ? <p className="notice"><span aria-hidden="true">✓ </span>{notice}</p> : null}</div>

      {waitingToCollect.length > 0 ? (
        <CollectionRequests
          visits={waitingToCollect}
          onCollect={(v) => { void startCollection(searchedName(v)); show('collect'); }}
          onOverride={setOverriding}
        />
      ) : null}

      <UnprintedReceipts />
      <NotCollectedOnToday />
      <StaffPhonesMissing />

      <section className="card console-section" aria-labelledby="pending-heading">
        <h2 id="pending-heading">Waiting to be logged into the safe</h2>
        <p className="section-count">{pending.length === 1 ? '1 visitor waiting' : `${pending.length} visitors waiting`}</p>
        <PendingTable handovers={pending} labelledBy="pending-heading" onLog={(h) => { startHandover(h); show('log'); }} onClose={setClosing} />
      </section>

      <section className="card console-section" aria-labelledby="onsite-heading">
        <h2 id="onsite-heading">On site now</h2>
        <p className="section-count">{people(onSite.length)} on site</p>
        <OnSiteTable visits={onSite} labelledBy="onsite-heading" badges={badgesEnabled} />
      </section>

      {overriding ? (
        <OverrideDialog
          visit={overriding}
          onConfirm={(reason) => overrideSignOut(overriding, reason)}
          onClose={() => setOverriding(null)}
        />
      ) : null}
      {closing ? (
        <NotHandedInDialog
          name={fullName(closing)}
          onConfirm={(note) => notHandedIn(closing, note)}
          onClose={() => setClosing(null)}
        />
      ) : null}
      {ownPhone ? (
        <OwnPhoneDialog
          title="Put your phone in the safe"
          lead={<>Your phone is logged under your name, {session.displayName}, and a receipt is printed.</>}
          submitLabel="Log my phone"
          busyLabel="Logging…"
          fieldsAt="items.0"
          onConfirm={async (bagSlot, description) => {
            const r = await logOwnPhone(session.staffId, bagSlot, description);
            if (r.ok) show('log');
            return r;
          }}
          onClose={() => setOwnPhone(false)}
        />
      ) : null}
    </>
  );
}
