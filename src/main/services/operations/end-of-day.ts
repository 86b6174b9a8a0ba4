import type { EndOfDayReport } from '../../../shared/contract/index.js';
import { ukDay, ukTime } from '../../../shared/domain/time.js';
import { inTransaction } from '../../db/connection.js';
import { markSignedOut } from '../../db/repositories/visit-repo.js';
import { onSite } from '../visits/on-site.js';
import { audit, nowIso, type ServiceContext } from '../../core/context.js';
import { inSafe } from '../custody/safe-views.js';
import { listBookings } from '../safeguarding/bookings.js';
import { readSetting, saveSetting } from '../admin/settings-store.js';

/** Who never signed out and what is still in the safe: the office's last look before locking up. */
export function endOfDayReport(ctx: ServiceContext): Omit<EndOfDayReport, 'auditMark'> {
  const { date, bookings } = listBookings(ctx, {});
  return {
    date,
    endOfDay: readSetting(ctx.db, 'day.endTime'),
    notSignedOut: onSite(ctx).visits,
    inSafe: inSafe(ctx).owners,
    noShows: bookings.filter((b) => b.noShow).length,
  };
}

/**
 * At the end of the day, when the setting asks for it, visitors still signed in are signed out
 * automatically. Their items stay in the safe and stay flagged: nothing in custody changes.
 */
export function autoSignOutIfDue(ctx: ServiceContext): { signedOut: number } {
  if (!readSetting(ctx.db, 'day.autoSignOut')) return { signedOut: 0 };
  const now = nowIso(ctx);
  const today = ukDay(now);
  if (ukTime(now) < readSetting(ctx.db, 'day.endTime') || readSetting(ctx.db, 'day.lastAutoSignOutDay') === today) return { signedOut: 0 };
  return inTransaction(ctx.db, () => {
    const visits = onSite(ctx).visits;
    for (const v of visits) {
      if (markSignedOut(ctx.db, v.visitId, now, 'automatic')) audit(ctx, 'visit.sign_out', 'visit', v.visitId, { method: 'automatic', itemsInSafe: v.itemsInSafe });
    }
    saveSetting(ctx.db, 'day.lastAutoSignOutDay', today, now);
    return { signedOut: visits.length };
  });
}
