import type { PendingHandover } from '../../shared/contract/index.js';
import { fullName } from '../../shared/domain/names.js';
import { useNavigationStore } from '../console/navigation-store.js';
import { useTodayStore } from '../console/today-store.js';
import type { ActionResult } from '../lib/action-result.js';
import { useLogStore } from './custody-log-store.js';

/**
 * "Not handed in" for a visitor's pending handover, from Today or from Log items: once it is recorded the
 * console shows Today, saying what was recorded.
 */
export function useNotHandedIn(): (handover: PendingHandover, note: string) => Promise<ActionResult> {
  const notHandedIn = useLogStore((s) => s.notHandedIn);
  const show = useNavigationStore((s) => s.show);
  const setNotice = useTodayStore((s) => s.setNotice);
  return async (handover, note) => {
    const r = await notHandedIn(handover, note);
    if (r.ok) {
      show('today');
      setNotice(`Recorded that ${fullName(handover)} handed nothing in.`);
    }
    return r;
  };
}
