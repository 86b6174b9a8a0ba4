import { AdminPage } from '../admin/AdminPage.js';
import { ReportsPage } from './ReportsPage.js';
import { useSessionStore } from '../staff/session-store.js';
import type { OperationsSection } from './operations-sections.js';
import { AuditPage } from './AuditPage.js';
import { EndOfDayPage } from './EndOfDayPage.js';
import { RollCallPage } from './RollCallPage.js';

/** The page of the open operations section; Admin only ever for a session that holds the role. */
export function OperationsPage({ section }: { section: OperationsSection }) {
  const roles = useSessionStore((s) => s.session?.roles ?? []);
  switch (section) {
    case 'rollcall': return <RollCallPage />;
    case 'endOfDay': return <EndOfDayPage />;
    case 'reports': return <ReportsPage />;
    case 'audit': return roles.includes('dsl') || roles.includes('admin') ? <AuditPage /> : null;
    case 'admin': return roles.includes('admin') ? <AdminPage /> : null;
  }
}
