import type { AuditEntryView, AuditVerification } from '../../shared/contract/index.js';

/** One line of an entry's details, as text: "visitorId: 12", "after.roles: office, dsl". */
export interface DetailLine {
  key: string;
  value: string;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value as a short piece of plain text; nothing in it is ever treated as markup. */
export function detailValue(value: unknown): string {
  if (value === null || value === undefined) return 'none';
  if (typeof value === 'string') return value === '' ? '(blank)' : value;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.map(detailValue).join(', ');
  if (isPlainObject(value)) {
    const parts = Object.entries(value).map(([k, v]) => `${k}: ${detailValue(v)}`);
    return parts.length === 0 ? 'none' : `(${parts.join('; ')})`;
  }
  return String(value);
}

/**
 * An entry's details as "key: value" lines. A nested record (a change's "before" and "after") is opened out
 * one level as "before.roles", so each line says one thing.
 */
export function detailLines(detail: Record<string, unknown>): DetailLine[] {
  const lines: DetailLine[] = [];
  for (const [key, value] of Object.entries(detail)) {
    if (isPlainObject(value) && Object.keys(value).length > 0) {
      for (const [inner, v] of Object.entries(value)) lines.push({ key: `${key}.${inner}`, value: detailValue(v) });
    } else {
      lines.push({ key, value: detailValue(value) });
    }
  }
  return lines;
}

/** What an entry is about: "visit #12", or just "settings" when it is about no one record. */
export function entryTarget(entry: Pick<AuditEntryView, 'entity' | 'entityId'>): string {
  const entity = entry.entity.replace(/_/g, ' ');
  return entry.entityId === null ? entity : `${entity} #${entry.entityId}`;
}

/** The answer to "Check the trail", in one plain sentence. */
export function verificationMessage(v: AuditVerification): string {
  if (v.ok) return `The audit trail is intact (${v.checked} ${v.checked === 1 ? 'entry' : 'entries'} checked).`;
  if (v.firstBrokenId === null) return 'The audit trail or the records it describes have been altered.';
  return `The audit trail has been altered: the first changed entry is #${v.firstBrokenId}.`;
}
