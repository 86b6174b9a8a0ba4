import type { ParsedInput, PrintStatus, CommandOutput } from '../../../shared/contract/index.js';
import { DEVICE_KIND_LABELS } from '../../../shared/domain/devices.js';
import {
  purposeWords, staffPermissionState, type StaffPermissionInForce, type StaffPermissionView,
} from '../../../shared/domain/staff-permissions.js';
import { formatDate, formatDay, ukDay } from '../../../shared/domain/time.js';
import { findStaff, listActiveStaff } from '../../db/repositories/staff-repo.js';
import {
  endStaffPermission, findStaffPermission, insertStaffPermission, listStaffPermissions, overlappingStaffPermission,
  permissionsInForceOnSite, recordStaffPermissionSigned, type StaffPermissionRow,
} from '../../db/repositories/staff-permission-repo.js';
import { keepAndPrint, type OutputContext } from '../../documents/document-output.js';
import { withNameWarning } from '../../documents/name-warning.js';
import { buildStaffPermissionPdf } from '../../documents/staff-device-permission.js';
import { CommandError } from '../../core/command-error.js';
import { actingStaffId, audit, nowIso, type ServiceContext } from '../../core/context.js';
import { readSetting } from '../admin/settings-store.js';
import { asDecider, deciderRule } from './decider-pin.js';
import type { PinContext } from './pin-pepper.js';
import { refuseSigning } from './signing-checks.js';

/**
 * A member of staff's permission to use their own phone or device at work (nursery §4, school §4), recorded
 * as a pupil's exception is: the headteacher approves it with their own PIN at whoever's console this is;
 * it is printed for the headteacher and the member of staff to sign, and in force only once the office has
 * recorded the member of staff's signature; what it says is then fixed, and only a head ends it.
 */

/** Today at reception: a permission runs for whole UK calendar days. */
function today(ctx: Pick<ServiceContext, 'clock'>): string {
  return ukDay(nowIso(ctx));
}

/** Where printed permissions are kept: retention-files.ts removes them once the permission's words are removed. */
export const STAFF_PERMISSION_FOLDER = 'staff-permissions';

export function toStaffPermissionView(row: StaffPermissionRow, day: string): StaffPermissionView {
  const signed = row.signed_on !== null
    ? { on: row.signed_on, recordedAt: row.signature_recorded_at ?? '', recordedBy: row.signature_recorded_by_name ?? '' }
    : null;
  const ended = row.ended_at !== null ? { at: row.ended_at, by: row.ended_by_name ?? '', reason: row.end_reason ?? '' } : null;
  const dates = { validFrom: row.valid_from, validUntil: row.valid_until };
  return {
    permissionId: row.id,
    staffId: row.staff_id,
    staffName: row.staff_name,
    deviceKind: row.device_kind,
    deviceDescription: row.device_description,
    purpose: row.purpose,
    purposeDetail: row.purpose_detail,
    permittedUse: row.permitted_use,
    permittedAreas: row.permitted_areas,
    conditions: row.conditions,
    riskAssessedOn: row.risk_assessed_on,
    ...dates,
    approvedBy: row.approved_by_name,
    recordedAt: row.recorded_at,
    recordedBy: row.recorded_by_name,
    signed,
    ended,
    detailsRemoved: row.details_removed_at !== null,
    state: staffPermissionState({ ...dates, signed, ended }, day),
  };
}

/**
 * Who may approve: the headteacher or a leader, typing their own PIN. Both policies give this decision to the
 * headteacher (the nursery's manager), not the DSL: it is about a member of staff's conduct at work, as a
 * pupil's device agreement is about a pupil's.
 */
const APPROVER = deciderRule({
  form: 'approvedBy',
  roles: ['head'],
  decided: 'approved',
  refusal: (name) => `${name} is not the headteacher or a leader. Only they can give a member of staff permission to use a personal device.`,
  hint: 'Only the headteacher or a leader can approve.',
  failedAction: 'staff_permission.pin_failed',
});

async function mustFind(ctx: ServiceContext, permissionId: number): Promise<StaffPermissionRow> {
  const row = await findStaffPermission(ctx.db, permissionId);
  if (!row) throw new CommandError('not_found', 'That permission could not be found. Refresh the list.');
  return row;
}

/** The checks before a permission is written (inside its transaction); answers today. */
async function checkNewPermission(ctx: ServiceContext, input: ParsedInput<'staffPermission.record'>, approverId: number): Promise<string> {
  const day = today(ctx);
  const member = await findStaff(ctx.db, input.staffId);
  if (!member || !member.active) {
    throw new CommandError('not_found', 'That member of staff could not be found. Choose them from the list.', { staffId: 'Choose the member of staff.' });
  }
  // Nobody approves their own: a head who needs one asks another leader, so every permission had a second pair of eyes.
  if (member.id === approverId) {
    throw new CommandError(
      'forbidden',
      'Nobody can approve their own permission. Another headteacher or leader must approve it.',
      { 'approvedBy.staffId': 'Someone else must approve this.' },
    );
  }
  if (input.validUntil !== null && input.validUntil < day) {
    throw new CommandError('invalid_input', 'The last day has already passed, so this permission would never be in force.', {
      validUntil: 'The last day has already passed.',
    });
  }
  if (input.riskAssessedOn !== null && input.riskAssessedOn > day) {
    const words = 'The risk assessment cannot be dated in the future: record the permission once it has been done.';
    throw new CommandError('invalid_input', words, { riskAssessedOn: words });
  }
  const same = await overlappingStaffPermission(ctx.db, {
    staffId: input.staffId, deviceKind: input.deviceKind, purpose: input.purpose, validFrom: input.validFrom, validUntil: input.validUntil,
  });
  if (same) {
    const until = same.valid_until === null ? 'until it is ended' : `to ${formatDay(same.valid_until)}`;
    throw new CommandError(
      'conflict',
      `${same.staff_name} already has permission for a ${DEVICE_KIND_LABELS[same.device_kind].toLowerCase()} for `
        + `${purposeWords({ purpose: same.purpose, purposeDetail: same.purpose_detail })} from ${formatDay(same.valid_from)} ${until}. `
        + 'If this one replaces it, end that one first.',
    );
  }
  return day;
}

/**
 * Records a permission. Whoever unlocked the console (usually the office), the headteacher or leader who
 * approved types their own PIN now: the record says who decided. Not in force until signed.
 */
export async function recordPermission(ctx: PinContext, input: ParsedInput<'staffPermission.record'>): Promise<StaffPermissionView> {
  const recordedBy = actingStaffId(ctx);
  return asDecider(ctx, input.approvedBy, APPROVER, async (approver, approverCtx) => {
    const day = await checkNewPermission(ctx, input, approver.id);
    const id = await insertStaffPermission(ctx.db, {
      staffId: input.staffId,
      deviceKind: input.deviceKind,
      deviceDescription: input.deviceDescription,
      purpose: input.purpose,
      purposeDetail: input.purposeDetail,
      permittedUse: input.permittedUse,
      permittedAreas: input.permittedAreas,
      conditions: input.conditions,
      riskAssessedOn: input.riskAssessedOn,
      validFrom: input.validFrom,
      validUntil: input.validUntil,
      approvedBy: approver.id,
      recordedAt: nowIso(ctx),
      recordedBy,
    });
    // The free text stays out of the entry: the trail is kept for good, and retention removes those words from the record.
    await audit(approverCtx, 'staff_permission.record', 'staff_permission', id, {
      staffId: input.staffId, deviceKind: input.deviceKind, purpose: input.purpose, riskAssessedOn: input.riskAssessedOn,
      validFrom: input.validFrom, validUntil: input.validUntil, atConsoleOf: recordedBy,
    });
    return toStaffPermissionView((await findStaffPermission(ctx.db, id))!, day);
  });
}

/**
 * Records the printed permission as signed by the member of staff, from the paper: from then on it is in
 * force for its days. Once only; never for a day still to come, nor before it was recorded.
 */
export function recordPermissionSigned(ctx: ServiceContext, input: ParsedInput<'staffPermission.recordSigned'>): Promise<StaffPermissionView> {
  const by = actingStaffId(ctx);
  return ctx.db.transaction(async () => {
    const row = await mustFind(ctx, input.permissionId);
    const day = today(ctx);
    refuseSigning({
      paper: 'permission', record: 'permission', signedOn: row.signed_on, signatureRecordedBy: row.signature_recorded_by_name,
      endedAt: row.ended_at, validUntil: row.valid_until, recordedAt: row.recorded_at,
    }, input.signedOn, day);
    if (!await recordStaffPermissionSigned(ctx.db, row.id, { signedOn: input.signedOn, at: nowIso(ctx), by })) {
      throw new CommandError('conflict', 'That permission was recorded as signed a moment ago. Refresh the list.');
    }
    await audit(ctx, 'staff_permission.record_signed', 'staff_permission', row.id, { signedOn: input.signedOn });
    return toStaffPermissionView((await findStaffPermission(ctx.db, row.id))!, day);
  });
}

/** Ends a permission (no longer needed, misused), with the reason: the headteacher's or a leader's call. */
export function endPermission(ctx: ServiceContext, input: ParsedInput<'staffPermission.end'>): Promise<StaffPermissionView> {
  const by = actingStaffId(ctx);
  return ctx.db.transaction(async () => {
    const row = await mustFind(ctx, input.permissionId);
    const day = today(ctx);
    if (row.ended_at !== null) {
      throw new CommandError('conflict', `That permission was already ended by ${row.ended_by_name ?? 'someone'} on ${formatDate(row.ended_at)}.`);
    }
    if (row.valid_until !== null && row.valid_until < day) {
      throw new CommandError('conflict', `That permission already ran out on ${formatDay(row.valid_until)}.`);
    }
    if (!await endStaffPermission(ctx.db, row.id, { at: nowIso(ctx), by, reason: input.reason })) {
      throw new CommandError('conflict', 'That permission was ended a moment ago. Refresh the list.');
    }
    await audit(ctx, 'staff_permission.end', 'staff_permission', row.id, {});
    return toStaffPermissionView((await findStaffPermission(ctx.db, row.id))!, day);
  });
}

/** Every permission, who may approve one (the active heads) and who one may be for (every active account). */
export async function listPermissions(ctx: ServiceContext): Promise<CommandOutput<'staffPermission.list'>> {
  const day = today(ctx);
  const active = await listActiveStaff(ctx.db);
  return {
    permissions: (await listStaffPermissions(ctx.db, day)).map((r) => toStaffPermissionView(r, day)),
    heads: active.filter((s) => s.roles.includes('head')).map((s) => ({ staffId: s.id, displayName: s.displayName })),
    staff: active.map((s) => ({ staffId: s.id, displayName: s.displayName })),
  };
}

/** The permissions in force today for everyone signed in now, by member of staff: for Staff on site. */
export async function permissionsInForceByStaff(ctx: ServiceContext): Promise<Map<number, StaffPermissionInForce[]>> {
  const byStaff = new Map<number, StaffPermissionInForce[]>();
  for (const r of await permissionsInForceOnSite(ctx.db, today(ctx))) {
    byStaff.set(r.staff_id, [...(byStaff.get(r.staff_id) ?? []), {
      permissionId: r.id, deviceKind: r.device_kind, purpose: r.purpose, purposeDetail: r.purpose_detail,
    }]);
  }
  return byStaff;
}

/** The written permission on A4, kept and printed: for the headteacher and the member of staff to sign, or a signed copy. */
export async function printPermission(ctx: OutputContext, permissionId: number): Promise<{ print: PrintStatus }> {
  const row = await mustFind(ctx, permissionId);
  if (row.details_removed_at !== null) {
    throw new CommandError('conflict', 'This permission is past the retention period: what it said was removed, so there is nothing to print.');
  }
  const at = nowIso(ctx);
  const permission = toStaffPermissionView(row, ukDay(at));
  const pdf = await buildStaffPermissionPdf({ settingName: await readSetting(ctx.db, 'setting.name') ?? 'Safe Hands', permission, printedAt: at });
  const print = await keepAndPrint(
    ctx,
    pdf,
    { folder: STAFF_PERMISSION_FOLDER, fileName: `staff-permission-${row.id}.pdf` },
    { name: await readSetting(ctx.db, 'printing.a4Printer'), purpose: 'A4 documents' },
  );
  return { print: withNameWarning(print, [row.staff_name, row.approved_by_name], 'permission') };
}
