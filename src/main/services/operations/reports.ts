import type { ParsedInput, ReportView, SignatureView } from '../../../shared/contract/index.js';
import { CUSTODY_REASON_LABELS } from '../../../shared/domain/custody.js';
import { CONCERN_SUBJECT_LABELS } from '../../../shared/domain/concerns.js';
import { DEVICE_KIND_LABELS, describeDevices, type DeviceKind } from '../../../shared/domain/devices.js';
import { EXCEPTION_PURPOSE_LABELS } from '../../../shared/domain/exceptions.js';
import { REPORT_TITLES, SIGNATURE_COLUMN, type ReportKind } from '../../../shared/domain/reports.js';
import { formatDateTime, formatDay, ukTime } from '../../../shared/domain/time.js';
import { VISITOR_TYPE_LABELS } from '../../../shared/domain/visitors.js';
import { buildReportPdf } from '../../documents/report-table.js';
import { printedAuditMark, type AuditTrail } from '../../audit/audit-trail.js';
import { followUpsOf } from '../../db/repositories/concern-follow-up-repo.js';
import { concernsReportRows, custodyReportRows, exceptionsReportRows, visitorsReportRows, type VisitorsReportRow } from '../../db/repositories/report-repo.js';
import { CommandError } from '../../core/command-error.js';
import { audit, nowIso, type ServiceContext } from '../../core/context.js';
import { keepDocument, type OutputContext } from '../../documents/document-output.js';
import { readSetting } from '../admin/settings-store.js';
import { toCsv } from './csv.js';
import { followUpWords } from './follow-up-words.js';

/** The UTC instant of midnight in the UK at the start of `day` (YYYY-MM-DD), British Summer Time included. */
export function ukMidnight(day: string): string {
  const utc = new Date(`${day}T00:00:00Z`);
  const local = ukTime(utc.toISOString());
  return new Date(utc.getTime() - (local === '01:00' ? 3600_000 : 0)).toISOString();
}

export function nextDay(day: string): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

const when = (iso: string | null) => (iso ? formatDateTime(iso) : '');

interface Columns {
  columns: { label: string; weight: number }[];
  rows: string[][];
  signatures?: (SignatureView | null)[];
}

/** The words for a visit's signature: when it was drawn, or that retention removed it. */
function signatureWords(r: VisitorsReportRow): string {
  if (r.signed_at === null) return '';
  return r.strokes === null ? 'Removed' : `Drawn at the kiosk on ${formatDateTime(r.signed_at)}`;
}

async function visitorsReport(ctx: ServiceContext, from: string, to: string): Promise<Columns> {
  const rows = await visitorsReportRows(ctx.db, from, to);
  // The column appears once the setting asks for signatures, or any visit in the period has one: a log from
  // before anyone signed keeps its usual shape.
  const signed = await readSetting(ctx.db, 'kiosk.askForSignature') || rows.some((r) => r.signed_at !== null);
  return {
    columns: [
      { label: 'Signed in', weight: 2 }, { label: 'Signed out', weight: 2 }, { label: 'Name', weight: 3 }, { label: 'Organisation', weight: 3 },
      { label: 'Type', weight: 2 }, { label: 'Visiting', weight: 3 }, { label: 'Version', weight: 1.2 }, { label: 'Signed out by', weight: 1.5 },
      ...(signed ? [{ label: SIGNATURE_COLUMN, weight: 2.5 }] : []),
    ],
    rows: rows.map((r) => [
      when(r.signed_in_at), when(r.signed_out_at), r.name, r.organisation ?? '', VISITOR_TYPE_LABELS[r.visitor_type], r.visiting, String(r.version),
      r.sign_out_method === 'kiosk' ? 'Kiosk' : r.sign_out_method === 'staff' ? 'Staff' : r.sign_out_method === 'automatic' ? 'End of day' : '',
      ...(signed ? [signatureWords(r)] : []),
    ]),
    ...(signed
      ? { signatures: rows.map((r) => (r.strokes !== null && r.signed_at !== null ? { strokes: r.strokes, signedAt: r.signed_at } : null)) }
      : {}),
  };
}

async function custodyReport(ctx: ServiceContext, from: string, to: string): Promise<Columns> {
  const rows = await custodyReportRows(ctx.db, from, to);
  const state = (s: string) => (s === 'in_safe' ? 'In the safe' : s === 'returned' ? 'Returned' : 'Handed on');
  return {
    columns: [
      { label: 'Receipt', weight: 1.5 }, { label: 'Owner', weight: 3 }, { label: 'Item', weight: 1.5 }, { label: 'Bag', weight: 1 }, { label: 'Why held', weight: 2 },
      { label: 'Logged', weight: 2 }, { label: 'Logged by', weight: 2 }, { label: 'Now', weight: 1.5 }, { label: 'Left the safe', weight: 2 },
      { label: 'By', weight: 2 }, { label: 'To', weight: 2 }, { label: 'Note', weight: 3 },
    ],
    rows: rows.map((r) => [
      r.number, r.owner, DEVICE_KIND_LABELS[r.kind], r.bag_slot, CUSTODY_REASON_LABELS[r.reason], when(r.logged_at), r.logged_by, state(r.state),
      when(r.closed_at), r.closed_by ?? '', r.closed_to ?? '', r.closed_note ?? '',
    ]),
  };
}

async function exceptionsReport(ctx: ServiceContext, from: string, to: string): Promise<Columns> {
  const rows = await exceptionsReportRows(ctx.db, from, to);
  return {
    columns: [
      { label: 'Approved', weight: 2 }, { label: 'Visitor', weight: 3 }, { label: 'Purpose', weight: 2.5 }, { label: 'Devices', weight: 2 },
      { label: 'Permitted use', weight: 4 }, { label: 'Areas', weight: 3 }, { label: 'Valid until', weight: 2 }, { label: 'Approved by', weight: 2 },
      { label: 'Revoked', weight: 2 }, { label: 'Revoked by', weight: 2 }, { label: 'Why revoked', weight: 3 },
    ],
    rows: rows.map((r) => [
      when(r.approved_at), r.visitor, r.purpose === 'other' ? `Other: ${r.purpose_detail ?? ''}` : EXCEPTION_PURPOSE_LABELS[r.purpose],
      describeDevices(JSON.parse(r.devices_json) as { kind: DeviceKind; quantity: number }[]), r.permitted_use, r.permitted_areas,
      r.valid_until ? when(r.valid_until) : 'This visit', r.approved_by, when(r.revoked_at), r.revoked_by ?? '', r.revoke_reason ?? '',
    ]),
  };
}

async function concernsReport(ctx: ServiceContext, from: string, to: string): Promise<Columns> {
  const rows = await concernsReportRows(ctx.db, from, to);
  const followUps = await followUpsOf(ctx.db, rows.map((r) => r.concern_id));
  return {
    columns: [
      { label: 'Raised', weight: 2 }, { label: 'By', weight: 2 }, { label: 'About', weight: 2 }, { label: 'Who', weight: 2.5 }, { label: 'Where', weight: 2 },
      { label: 'What happened', weight: 5 }, { label: 'Action taken', weight: 3.5 }, { label: 'Status', weight: 1.5 }, { label: 'Outcome', weight: 3.5 },
      { label: 'Reviewed by', weight: 2 }, { label: 'Follow-up', weight: 5 },
    ],
    rows: rows.map((r) => [
      when(r.raised_at), r.raised_by, CONCERN_SUBJECT_LABELS[r.about_type], r.about_name, r.location, r.what_happened, r.action_taken,
      r.status === 'new' ? 'New' : r.status === 'reviewed' ? 'Reviewed' : 'Closed', r.outcome ?? '', r.reviewed_by ?? '',
      followUpWords(followUps.get(r.concern_id)!),
    ]),
  };
}

const BUILDERS: Record<ReportKind, (ctx: ServiceContext, from: string, to: string) => Promise<Columns>> = {
  visitors: visitorsReport,
  custody: custodyReport,
  exceptions: exceptionsReport,
  concerns: concernsReport,
};

async function build(ctx: ServiceContext, input: ParsedInput<'report.get'>): Promise<Columns> {
  // Concern details are for the DSL and administrators only, in reports as on screen.
  if (input.kind === 'concerns' && !ctx.actor.roles.some((r) => r === 'dsl' || r === 'admin')) {
    throw new CommandError('forbidden', 'The concerns report is for the Designated Safeguarding Lead and administrators.');
  }
  return BUILDERS[input.kind](ctx, ukMidnight(input.from), ukMidnight(nextDay(input.to)));
}

export async function getReport(ctx: ServiceContext, input: ParsedInput<'report.get'>): Promise<ReportView> {
  const { columns, rows, signatures } = await build(ctx, input);
  return {
    kind: input.kind, title: REPORT_TITLES[input.kind], from: input.from, to: input.to, columns: columns.map((c) => c.label), rows,
    ...(signatures ? { signatures } : {}),
  };
}

/** The same report as a CSV for a spreadsheet or a landscape PDF, kept in the data folder and offered by link. */
export async function exportReport(ctx: OutputContext & { auditTrail: AuditTrail }, input: ParsedInput<'report.export'>): Promise<{ documentId: string; fileName: string; rows: number }> {
  const { columns, rows } = await build(ctx, input);
  const title = REPORT_TITLES[input.kind];
  const at = nowIso(ctx);
  const period = input.from === input.to ? formatDay(input.from) : `${formatDay(input.from)} to ${formatDay(input.to)}`;
  const content = input.format === 'csv'
    ? toCsv(columns.map((c) => c.label), rows)
    : await buildReportPdf({ settingName: await readSetting(ctx.db, 'setting.name') ?? 'Safe Hands', title, period, madeAt: at, madeBy: ctx.actor.label, columns, rows, auditMark: await printedAuditMark(ctx.auditTrail) });
  const fileName = `${input.kind}-${input.from}-to-${input.to}.${input.format}`;
  const { documentId } = await keepDocument(ctx, content, { folder: 'reports', fileName });
  await ctx.db.transaction(() => audit(ctx, 'report.export', 'report', null, { kind: input.kind, from: input.from, to: input.to, format: input.format, rows: rows.length }));
  return { documentId, fileName, rows: rows.length };
}
