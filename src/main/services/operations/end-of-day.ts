import type { EndOfDayReport } from '../../../shared/contract/index.js';
import { ukDay, ukTime } from '../../../shared/domain/time.js';
import { markSignedOut } from '../../db/repositories/visit-repo.js';
import { onSite } from '../visits/on-site.js';
import { audit, nowIso, type ServiceContext } from '../../core/context.js';
import { inSafe } from '../custody/safe-views.js';
import { listBookings } from '../safeguarding/bookings.js';
import { readSetting, saveSetting } from '../admin/settings-store.js';

/** Who never signed out and what is still in the safe: the office's last look before locking up. */
export async function endOfDayReport(ctx: ServiceContext): Promise<Omit<EndOfDayReport, 'auditMark'>> {
  const { date, bookings } = await listBookings(ctx, {});
  return {
    date,
    endOfDay: await readSetting(ctx.db, 'day.endTime'),
    notSignedOut: (await onSite(ctx)).visits,
    inSafe: (await inSafe(ctx)).owners,
    noShows: bookings.filter((b) => b.noShow).length,
  };
}

/**
 * At the end of the day, when the setting asks for it, visitors still signed in are signed out
 * automatically. Their items stay in the safe and stay flagged: nothing in custody changes.
 */
export async function autoSignOutIfDue(ctx: ServiceContext): Promise<{ signedOut: number }> {
  if (!await readSetting(ctx.db, 'day.autoSignOut')) return { signedOut: 0 };
  const now = nowIso(ctx);
  const today = ukDay(now);
  if (ukTime(now) < await readSetting(ctx.db, 'day.endTime') || await readSetting(ctx.db, 'day.lastAutoSignOutDay') === today) return { signedOut: 0 };
  return ctx.db.transaction(async () => {
    // Asked again under the write lock: another desk on the same database may have done it a moment ago.
    if (await readSetting(ctx.db, 'day.lastAutoSignOutDay') === today) return { signedOut: 0 };
    const visits = (await onSite(ctx)).visits;
    for (const v of visits) {
      if (await markSignedOut(ctx.db, v.visitId, now, 'automatic')) await audit(ctx, 'visit.sign_out', 'visit', v.visitId, { method: 'automatic', itemsInSafe: v.itemsInSafe });
    }
    await saveSetting(ctx.db, 'day.lastAutoSignOutDay', today, now);
    return { signedOut: visits.length };
  });
}
