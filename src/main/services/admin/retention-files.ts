import { readdirSync, rmdirSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { Storage } from '../../db/storage.js';
import {
  bookingsPastPeriod, exceptionsPastPeriod, learnerExceptionsPastPeriod, receiptsPastPeriod, staffPermissionsPastPeriod, visitsPastPeriod,
  type PastPeriod,
} from '../../db/repositories/retention-repo.js';
import { currentLeaflet, leafletSupersededAt } from '../../db/repositories/leaflet-repo.js';

/** What the retention run did in the data folder. */
export interface DocumentsRemoved {
  /** Documents removed because everything they show is past the retention period. */
  removed: number;
  /** Documents (or folders of them) past the period that could not be removed, relative to the data folder. */
  notRemoved: string[];
}

/**
 * One kind of document Safe Hands keeps in the data folder. `name` is the file name its writer gives it
 * (see each writer, named below); its first group is the key that links the file to what it shows.
 * `pastPeriod` answers, for the keys found, whether that document is past the period: a key it leaves out
 * has no record in the database, and the file's own time decides (see removeExpiredDocuments).
 */
interface DocumentKind {
  folder: string;
  /** Kept in a folder per year (receipts/2026/), the year the record was made or is for. */
  byYear: boolean;
  name: RegExp;
  pastPeriod: PastPeriod;
}

const KINDS: readonly DocumentKind[] = [
  {
    // custody/receipt-document.ts receiptPlace: receipts/2026/receipt-2026-0042.pdf and its reprints. A
    // ".tmp" is a copy the start-up rebuild was writing when the host stopped; it names the owner too.
    // Never while anything on it is still in the safe (see receiptsPastPeriod for the rule).
    folder: 'receipts',
    byYear: true,
    name: /^receipt-(\d{4}-\d+)(?:-reprint-\d+)?\.pdf(?:\.tmp)?$/,
    pastPeriod: receiptsPastPeriod,
  },
  {
    // services/visits/badges.ts: badges/badge-visit-17.pdf. Goes with the visitor's details.
    folder: 'badges',
    byYear: false,
    name: /^badge-visit-(\d+)\.pdf$/,
    pastPeriod: visitsPastPeriod,
  },
  {
    // safeguarding/exceptions.ts: exceptions/exception-3.pdf. One for a visit (or a booking the visitor
    // arrived for) goes with the visitor's details; one for a booked visitor who never came, once the
    // booked day is past the period, as the invitation does.
    folder: 'exceptions',
    byYear: false,
    name: /^exception-(\d+)\.pdf$/,
    pastPeriod: exceptionsPastPeriod,
  },
  {
    // learners/exceptions.ts: learner-exceptions/learner-exception-3.pdf, the written agreement. Goes once
    // retention has removed the pupil's name from the exception itself.
    folder: 'learner-exceptions',
    byYear: false,
    name: /^learner-exception-(\d+)\.pdf$/,
    pastPeriod: learnerExceptionsPastPeriod,
  },
  {
    // staff/staff-permissions.ts: staff-permissions/staff-permission-4.pdf, the written permission. Goes once
    // retention has replaced the words on the permission itself.
    folder: 'staff-permissions',
    byYear: false,
    name: /^staff-permission-(\d+)\.pdf$/,
    pastPeriod: staffPermissionsPastPeriod,
  },
  {
    // safeguarding/bookings.ts: invites/2026/invite-5.pdf, in the year of the booked day. An invitation
    // is for one day: it goes once that day is past the period, whether the visitor came or not.
    folder: 'invites',
    byYear: true,
    name: /^invite-(\d+)\.pdf$/,
    pastPeriod: bookingsPastPeriod,
  },
  {
    // operations/roll-call.ts: roll-calls/roll-call-2026-11-23T09-00-00-000Z.pdf. A printed roll call has
    // no row (only a saved one does), so the time it was printed, in its name, decides: before the cut-off,
    // as for the names on a saved roll call. Not the file's time, which a copy or restore can change.
    folder: 'roll-calls',
    byYear: false,
    name: /^roll-call-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)\.pdf$/,
    pastPeriod: async (_db, keys, cutoff) =>
      new Map(keys.map((k) => [k, k.replace(/T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/, 'T$1:$2:$3.$4Z') < cutoff])),
  },
  {
    // operations/end-of-day-print.ts: end-of-day/end-of-day-2026-11-23T17-30-00-000Z.pdf. Like a printed
    // roll call it has no row: the time it was printed, in its name, decides.
    folder: 'end-of-day',
    byYear: false,
    name: /^end-of-day-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)\.pdf$/,
    pastPeriod: async (_db, keys, cutoff) =>
      new Map(keys.map((k) => [k, k.replace(/T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/, 'T$1:$2:$3.$4Z') < cutoff])),
  },
  {
    // safeguarding/leaflet-print.ts: leaflets/leaflet-3-<digest>.pdf, one per version (and setting name). It
    // names no visitor; a version's copies go once it was replaced by the next longer ago than the period,
    // so the folder does not grow for ever. The current version's are kept whatever their age.
    folder: 'leaflets',
    byYear: false,
    name: /^leaflet-(\d+)-[0-9a-f]{12}\.pdf$/,
    pastPeriod: async (db, keys, cutoff) => {
      const replacedAt = await leafletSupersededAt(db, keys.map(Number));
      const current = (await currentLeaflet(db))?.version;
      // A version the database does not know (a file from before an older backup was restored) is left out:
      // the file's own time decides.
      return new Map(keys.flatMap((k) => {
        const at = replacedAt.get(Number(k));
        if (at !== undefined) return [[k, at < cutoff] as const];
        return Number(k) === current ? [[k, false] as const] : [];
      }));
    },
  },
  {
    // operations/reports.ts: reports/visitors-2026-11-01-to-2026-11-30.csv (or .pdf). An export has no row
    // either; the last day it covers, in its name, decides: once that is past the period, so is every
    // record in it. Not the file's time: a report made today of years ago holds only old records.
    folder: 'reports',
    byYear: false,
    name: /^[a-z]+-\d{4}-\d{2}-\d{2}-to-(\d{4}-\d{2}-\d{2})\.(?:csv|pdf)$/,
    pastPeriod: async (_db, keys, cutoff) => new Map(keys.map((k) => [k, k < cutoff.slice(0, 10)])),
  },
];

/** The data folder's document folders (receipts/, roll-calls/…): the start-up walk must narrow every one. */
export function documentFolders(): string[] {
  return KINDS.map((k) => k.folder);
}

/**
 * Removes the documents in the data folder that show personal details past the retention period, so a
 * name removed from the database is not left in a PDF or an export. What the app knows of each record
 * decides (above), not the file's time; only a file with no record (one made before an older backup was
 * restored) goes by its modification time. Files the app did not name are left alone, as are backups
 * (kept by count, see backups.ts). Custody records in the database are never touched: only files go.
 *
 * A file that cannot be removed is counted and named in the log and the rest go on: the database part of
 * the run matters more, and the next day's run tries again. A year folder left empty is removed too.
 */
export async function removeExpiredDocuments(db: Storage, dataDir: string, cutoff: string): Promise<DocumentsRemoved> {
  const outcome: DocumentsRemoved = { removed: 0, notRemoved: [] };
  const cutoffYear = Number(cutoff.slice(0, 4));
  for (const kind of KINDS) {
    const top = join(dataDir, kind.folder);
    const folders = kind.byYear
      // A later year's folder holds only records made (or booked) after the cut-off: not opened at all,
      // so the daily run reads only the old years, which it empties.
      ? listNames(top, outcome, kind.folder).filter((y) => /^\d{4}$/.test(y) && Number(y) <= cutoffYear).map((y) => join(kind.folder, y))
      : [kind.folder];
    for (const folder of folders) {
      const found = listNames(join(dataDir, folder), outcome, folder).flatMap((fileName) => {
        const key = kind.name.exec(fileName)?.[1];
        return key === undefined ? [] : [{ fileName, key }];
      });
      if (found.length === 0) continue;
      const past = await kind.pastPeriod(db, [...new Set(found.map((f) => f.key))], cutoff);
      let removedHere = 0;
      for (const { fileName, key } of found) {
        const file = join(dataDir, folder, fileName);
        if (!(past.get(key) ?? modifiedBefore(file, cutoff))) continue;
        try {
          unlinkSync(file);
          removedHere += 1;
        } catch (err) {
          // Gone already is what was wanted; anything else (a read-only folder, a locked file) is reported.
          if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue;
          outcome.notRemoved.push(join(folder, fileName));
          console.warn(`Retention: ${join(folder, fileName)} is past the retention period but could not be removed: ${(err as Error).message}`);
        }
      }
      outcome.removed += removedHere;
      if (kind.byYear && removedHere > 0) removeIfEmpty(join(dataDir, folder));
    }
  }
  return outcome;
}

/**
 * The names in a folder; none when it is not there (nothing made yet, or a backup drive not plugged in). One
 * that cannot be read is reported, as a file would be; `what` says what it holds, for the log.
 */
export function listNames(dir: string, outcome: DocumentsRemoved, shown: string, what = 'documents'): string[] {
  try {
    return readdirSync(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    outcome.notRemoved.push(shown);
    console.warn(`Retention: the folder ${shown} could not be read, so its ${what} past the retention period were not removed: ${(err as Error).message}`);
    return [];
  }
}

/** For a file with no record: last written before the cut-off. */
function modifiedBefore(file: string, cutoff: string): boolean {
  try {
    return statSync(file).mtime.toISOString() < cutoff;
  } catch {
    return false;
  }
}

/** A year folder with nothing left in it names no one; one that cannot be removed is harmless and stays. */
function removeIfEmpty(dir: string): void {
  try {
    if (readdirSync(dir).length === 0) rmdirSync(dir);
  } catch {
    // Left for the next run.
  }
}
