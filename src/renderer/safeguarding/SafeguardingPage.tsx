import { useExceptionStore } from './exception-store.js';
import { useNavigationStore } from '../console/navigation-store.js';
import type { SafeguardingTab } from './safeguarding-tabs.js';
import { ApprovalForm } from './ApprovalForm.js';
import { BookingsTab } from './BookingsTab.js';
import { ConcernsTab } from './ConcernsTab.js';
import { ExceptionRecord } from './ExceptionRecord.js';
import { ExceptionsTab } from './ExceptionsTab.js';
import { ExpectationsTab } from './ExpectationsTab.js';
import { InboxTab } from './InboxTab.js';
import { LeafletTab } from './LeafletTab.js';
import { SafeguardingNav } from './SafeguardingNav.js';

function TabPage({ tab }: { tab: SafeguardingTab }) {
  switch (tab) {
    case 'inbox': return <InboxTab />;
    case 'exceptions': return <ExceptionsTab />;
    case 'bookings': return <BookingsTab />;
    case 'concerns': return <ConcernsTab />;
    case 'expectations': return <ExpectationsTab />;
    case 'leaflet': return <LeafletTab />;
  }
}

/**
 * Device exceptions, expected visitors, concerns, the expectations text and the leaflet. The approval form and an
 * approval record open over whichever part asked for them; choosing a part puts them away.
 */
export function SafeguardingPage() {
  const tab = useNavigationStore((s) => s.safeguardingTab);
  const showTab = useNavigationStore((s) => s.showSafeguardingTab);
  const approving = useExceptionStore((s) => s.target !== null);
  const viewing = useExceptionStore((s) => s.record !== null);
  const cancel = useExceptionStore((s) => s.cancel);
  const closeRecord = useExceptionStore((s) => s.closeRecord);
  return (
    <>
      <SafeguardingNav
        current={tab}
        onShow={(t) => {
          cancel();
          closeRecord();
          showTab(t);
        }}
      />
      {approving ? <ApprovalForm /> : viewing ? <ExceptionRecord /> : <TabPage key={tab} tab={tab} />}
    </>
  );
}
