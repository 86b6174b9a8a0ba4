import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from './connection.js';
import { MIGRATION_STEPS } from './migration-steps.js';

export interface MigrationFile {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

const FILE_PATTERN = /^(\d{4})_([a-z0-9_]+)\.sql$/;

export function readMigrations(dir: string): MigrationFile[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.sql')).sort();
  return files.map((file, index) => {
    const match = FILE_PATTERN.exec(file);
    if (!match) throw new MigrationError(`Migration file name ${file} is not NNNN_name.sql`);
    const version = Number(match[1]);
    if (version !== index + 1) throw new MigrationError(`Migration ${file} is out of sequence: expected ${index + 1}`);
    const sql = readFileSync(join(dir, file), 'utf8');
    return { version, name: match[2]!, sql, checksum: createHash('sha256').update(sql).digest('hex') };
  });
}

/**
 * The migrations recorded on a database, refused unless they are a prefix of the files: the same versions,
 * names and checksums, and none from a newer version of the product.
 */
export function checkAppliedMigrations(db: Db, migrations: readonly MigrationFile[]): AppliedRow[] {
  const applied = db.prepare('SELECT version, name, checksum FROM schema_migrations ORDER BY version').all() as AppliedRow[];
  return checkApplied(applied, migrations);
}

/**
 * The files already applied, in order, as recorded on the database (either engine): refused when the database
 * is newer than this version or a file applied to it has changed since.
 */
export function checkApplied<R extends AppliedRow>(applied: R[], migrations: readonly MigrationFile[]): R[] {
  if (applied.length > migrations.length) {
    const newest = applied[applied.length - 1]!.version;
    const known = migrations[migrations.length - 1]?.version ?? 0;
    throw new MigrationError(
      `This database was made by a newer version of Safe Hands (schema ${newest}, this version knows ${known}). Update the app before opening it.`,
    );
  }
  applied.forEach((row, i) => {
    const file = migrations[i]!;
    if (row.version !== file.version || row.name !== file.name || row.checksum !== file.checksum) {
      throw new MigrationError(
        `Migration ${row.version} (${row.name}) on this database does not match the file shipped with this version: the database cannot be used safely.`,
      );
    }
  });
  return applied;
}

export interface AppliedRow {
  version: number;
  name: string;
  checksum: string;
}

/**
 * Brings the database up to the migration files. Refuses a database that is not on this product's path:
 * one whose applied migrations are not a prefix of the files (edited, renamed or missing) or that comes
 * from a newer version of the product. Each migration, its code step if it has one (migration-steps.ts) and
 * its record commit together.
 */
export function migrate(
  db: Db,
  migrations: MigrationFile[],
  now: () => Date = () => new Date(),
  steps: ReadonlyMap<string, (db: Db) => void> = MIGRATION_STEPS,
): { applied: number[] } {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    checksum   TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`);
  const applied = checkAppliedMigrations(db, migrations);

  const record = db.prepare('INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)');
  const done: number[] = [];
  for (const file of migrations.slice(applied.length)) {
    db.transaction(() => {
      db.exec(file.sql);
      steps.get(`${String(file.version).padStart(4, '0')}_${file.name}`)?.(db);
      record.run(file.version, file.name, file.checksum, now().toISOString());
    }).immediate();
    done.push(file.version);
  }
  return { applied: done };
}
