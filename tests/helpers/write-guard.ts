import { createHash } from 'node:crypto';
import type { Db } from '../../src/main/db/connection.js';

/**
 * Catches any write to the database between two points, cheaply enough to check thousands of calls. SQLite's
 * total_changes() moves with every row a statement on this connection inserts, updates or deletes (trigger
 * writes included, rolled-back ones too); schema_version moves with DDL; data_version with another
 * connection's commit. Only when one of them moved are the tables hashed, so a rolled-back write that left
 * nothing behind is not counted as a change, and a real change names its tables.
 */
export class WriteGuard {
  private readonly changes;
  private cached: { mark: string; tables: Map<string, string> } | null = null;

  constructor(private readonly db: Db) {
    this.changes = db.prepare('SELECT total_changes() AS n').pluck();
  }

  private mark(): string {
    return `${this.changes.get() as number}:${this.db.pragma('schema_version', { simple: true }) as number}:${this.db.pragma('data_version', { simple: true }) as number}`;
  }

  private tables(): Map<string, string> {
    const mark = this.mark();
    if (this.cached?.mark === mark) return this.cached.tables;
    const names = this.db
      .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
      .pluck()
      .all() as string[];
    const tables = new Map<string, string>();
    for (const name of names) {
      const hash = createHash('sha256');
      for (const row of this.db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).iterate()) hash.update(JSON.stringify(row));
      tables.set(name, hash.digest('hex'));
    }
    this.cached = { mark, tables };
    return tables;
  }

  /** Call before the command; the answer tells which tables changed since. */
  begin(): () => string[] {
    const mark = this.mark();
    const before = this.tables();
    return () => {
      if (this.mark() === mark) return [];
      const after = this.tables();
      const names = new Set([...before.keys(), ...after.keys()]);
      return [...names].filter((name) => before.get(name) !== after.get(name));
    };
  }
}
