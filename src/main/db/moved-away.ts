import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MOVED_FILE } from '../core/paths.js';
import { writePrivateFile } from '../core/private-files.js';
import { formatDateTime } from '../../shared/domain/time.js';

/**
 * The note `npm run move-to-postgres` leaves in a data folder whose records it moved: the SQLite file stays
 * (nothing is deleted), so without the note the desk could be started on it again and write a log of its
 * own that no other desk sees.
 */
export interface MovedAway {
  movedAt: string;
  /** Host and database, never the user or password: "db.school.lan:5432/safehands". */
  server: string;
}

export function serverOf(address: string): string {
  const url = new URL(address);
  return `${url.host}${url.pathname}`;
}

export function noteMovedAway(dataDir: string, address: string, at: Date): void {
  const note: MovedAway = { movedAt: at.toISOString(), server: serverOf(address) };
  writePrivateFile(join(dataDir, MOVED_FILE), `${JSON.stringify(note, null, 2)}\n`);
}

/** The note, if this folder's records were moved; a note that cannot be read still counts as moved. */
export function movedAway(dataDir: string): MovedAway | null {
  const file = join(dataDir, MOVED_FILE);
  if (!existsSync(file)) return null;
  try {
    const note = JSON.parse(readFileSync(file, 'utf8')) as Partial<MovedAway>;
    return { movedAt: String(note.movedAt ?? ''), server: String(note.server ?? 'a PostgreSQL server') };
  } catch {
    return { movedAt: '', server: 'a PostgreSQL server' };
  }
}

/** "to the PostgreSQL database db.school.lan/safehands on 7 Dec 2026, 16:05" */
export function describeMove(note: MovedAway): string {
  const when = Number.isNaN(Date.parse(note.movedAt)) ? '' : ` on ${formatDateTime(note.movedAt)}`;
  return `to the PostgreSQL database ${note.server}${when}`;
}
