import { newestBackupAnchors } from '../admin/backups.js';
import { endOfDayReport } from './end-of-day.js';
import { printEndOfDay } from './end-of-day-print.js';
import { printRollCall, saveRollCall } from './roll-call.js';
import { exportReport, getReport } from './reports.js';
import { auditEntries } from './audit-view.js';
import type { OperationsOutputs } from '../../../shared/contract/operations.js';
import type { DomainHandlers } from '../../commands/handler-types.js';

/** The operations commands (src/shared/contract/operations.ts), each implemented once: a missing one is a compile error. */
export const operationsHandlers: DomainHandlers<OperationsOutputs> = {
  'audit.verify': async (ctx) => {
    const { ok, checked, firstBrokenId, problems } = await ctx.auditTrail.check(await newestBackupAnchors(ctx));
    return { ok, checked, firstBrokenId, problems };
  },
  'audit.list': (ctx, input) => auditEntries(ctx, input),
  'audit.checkMark': (ctx, input) => ctx.auditTrail.checkMark(input),
  'endOfDay.report': async (ctx) => ({ ...await endOfDayReport(ctx), auditMark: await ctx.auditTrail.mark() }),
  'endOfDay.print': (ctx) => printEndOfDay(ctx),
  'rollcall.print': (ctx) => printRollCall(ctx),
  'rollcall.save': (ctx, input) => saveRollCall(ctx, input),
  'report.get': (ctx, input) => getReport(ctx, input),
  'report.export': (ctx, input) => exportReport(ctx, input),
};
