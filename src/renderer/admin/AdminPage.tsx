import { PageHeading } from '../components/PageHeading.js';
import { useNavigationStore } from '../console/navigation-store.js';
import { ADMIN_TAB_LABELS, ADMIN_TABS, type AdminTab } from './admin-tabs.js';
import { BackupsPanel } from './BackupsPanel.js';
import { PeoplePanel } from './PeoplePanel.js';
import { RetentionPanel } from './RetentionPanel.js';
import { SettingsPanel } from './SettingsPanel.js';
import { StaffPanel } from '../staff/StaffPanel.js';

function TabPanel({ tab }: { tab: AdminTab }) {
  switch (tab) {
    case 'settings': return <SettingsPanel />;
    case 'backups': return <BackupsPanel />;
    case 'staff': return <StaffPanel />;
    case 'people': return <><PeoplePanel /><RetentionPanel /></>;
  }
}

/** The administrator's pages: settings, backups and staff accounts, one at a time. */
export function AdminPage() {
  const tab = useNavigationStore((s) => s.adminTab);
  const showTab = useNavigationStore((s) => s.showAdminTab);
  return (
    <>
      <div className="console-heading">
        <PageHeading>Admin</PageHeading>
      </div>
      <nav className="admin-tabs" aria-label="Admin sections">
        <ul>
          {ADMIN_TABS.map((t) => (
            <li key={t}>
              <button type="button" className="admin-tab" aria-current={t === tab ? 'page' : undefined} onClick={() => showTab(t)}>
                {ADMIN_TAB_LABELS[t]}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <TabPanel key={tab} tab={tab} />
    </>
  );
}
