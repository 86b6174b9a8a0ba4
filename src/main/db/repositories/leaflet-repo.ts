import { listOf, type Storage } from '../storage.js';

/** One published version of the safeguarding leaflet (migration 0023): never changed once written. */
export interface LeafletVersion {
  id: number;
  version: number;
  title: string;
  body: string;
  createdAt: string;
  createdBy: string;
}

interface LeafletRow {
  id: number;
  version: number;
  title: string;
  body: string;
  created_at: string;
  created_by_name: string;
}

const SELECT_VERSION = `SELECT l.id, l.version, l.title, l.body, l.created_at, s.display_name AS created_by_name
  FROM leaflet_versions l JOIN staff s ON s.id = l.created_by`;

function toLeaflet(row: LeafletRow): LeafletVersion {
  return { id: row.id, version: row.version, title: row.title, body: row.body, createdAt: row.created_at, createdBy: row.created_by_name };
}

/** The newest version, or undefined while the setting has no leaflet. */
export async function currentLeaflet(db: Storage): Promise<LeafletVersion | undefined> {
  const row = (await db.get(`${SELECT_VERSION} ORDER BY l.version DESC LIMIT 1`)) as LeafletRow | undefined;
  return row && toLeaflet(row);
}

/** Writes the next version (the schema refuses any number but the newest plus one). */
export async function insertLeafletVersion(db: Storage, v: { title: string; body: string; createdAt: string; createdBy: number }): Promise<{ id: number; version: number }> {
  const version = ((await db.get('SELECT coalesce(max(version), 0) + 1 AS v FROM leaflet_versions')) as { v: number }).v;
  const { id } = (await db.get('INSERT INTO leaflet_versions (version, title, body, created_at, created_by) VALUES (?, ?, ?, ?, ?) RETURNING id', [version, v.title, v.body, v.createdAt, v.createdBy])) as { id: number };
  return { id, version };
}

/** Every version, newest first, with how many were printed for visitors at the kiosk. */
export async function listLeafletVersions(db: Storage): Promise<(Omit<LeafletVersion, 'body'> & { printedForVisitors: number })[]> {
  const rows = (await db.all(`SELECT l.id, l.version, l.title, l.created_at, s.display_name AS created_by_name,
            (SELECT count(*) FROM leaflet_prints p WHERE p.leaflet_version_id = l.id) AS printed
     FROM leaflet_versions l JOIN staff s ON s.id = l.created_by
     ORDER BY l.version DESC`)) as (Omit<LeafletRow, 'body'> & { printed: number })[];
  return rows.map((r) => ({ id: r.id, version: r.version, title: r.title, createdAt: r.created_at, createdBy: r.created_by_name, printedForVisitors: r.printed }));
}

/** Whether a leaflet was already printed for this visit at the kiosk. */
export async function leafletPrintedForVisit(db: Storage, visitId: number): Promise<boolean> {
  return (await db.get('SELECT 1 FROM leaflet_prints WHERE visit_id = ?', [visitId])) !== undefined;
}

export async function insertLeafletPrint(db: Storage, p: { visitId: number; leafletVersionId: number; printedAt: string }): Promise<number> {
  const row = (await db.get('INSERT INTO leaflet_prints (visit_id, leaflet_version_id, printed_at) VALUES (?, ?, ?) RETURNING id', [p.visitId, p.leafletVersionId, p.printedAt])) as { id: number };
  return row.id;
}

/**
 * For retention of the leaflet PDFs kept in the data folder: when each version stopped being the current one
 * (the next version's publication), or absent while it is still current.
 */
export async function leafletSupersededAt(db: Storage, versions: readonly number[]): Promise<Map<number, string>> {
  const rows = (await db.all(`SELECT l.version, n.created_at AS superseded_at
     FROM ${listOf(db.engine, '?', 'bigint', 'k')} JOIN leaflet_versions l ON l.version = k.value JOIN leaflet_versions n ON n.version = l.version + 1`, [versions])) as { version: number; superseded_at: string }[];
  return new Map(rows.map((r) => [r.version, r.superseded_at]));
}
