import { sqliteOf } from '../../src/main/db/sqlite-storage.js';
import type { Storage } from '../../src/main/db/storage.js';
import { tableHashes } from './test-app.js';

/**
 * Catches any write to the database between two points, cheaply enough to check thousands of calls. Only when
 * a cheap mark moved are the tables hashed, so a rolled-back write that left nothing behind is not counted as
 * a change, and a real change names its tables.
 *
 * The mark on SQLite: total_changes() moves with every row a statement on this connection inserts, updates or
 * deletes (trigger writes included, rolled-back ones too); schema_version moves with DDL; data_version with
 * another connection's commit.
 * The mark on PostgreSQL: the next transaction id, which moves whenever any transaction on the server writes
 * (a rolled-back one too, and other databases' writes: then the hashes tell).
 */
export class WriteGuard {
  private cached: { mark: string; tables: Map<string, string> } | null = null;

  constructor(private readonly db: Storage) {}

  private async mark(): Promise<string> {
    const sqlite = sqliteOf(this.db);
    if (!sqlite) return String((await this.db.get<{ next: unknown }>('SELECT pg_snapshot_xmax(pg_current_snapshot()) AS next'))!.next);
    const changes = sqlite.prepare('SELECT total_changes() AS n').pluck().get() as number;
    return `${changes}:${sqlite.pragma('schema_version', { simple: true }) as number}:${sqlite.pragma('data_version', { simple: true }) as number}`;
  }

  private async tables(): Promise<Map<string, string>> {
    const mark = await this.mark();
    if (this.cached?.mark === mark) return this.cached.tables;
    const tables = await tableHashes(this.db);
    this.cached = { mark, tables };
    return tables;
  }

  /** Call before the command; the answer tells which tables changed since. */
  async begin(): Promise<() => Promise<string[]>> {
    const mark = await this.mark();
    const before = await this.tables();
    return async () => {
      if (await this.mark() === mark) return [];
      const after = await this.tables();
      const names = new Set([...before.keys(), ...after.keys()]);
      return [...names].filter((name) => before.get(name) !== after.get(name));
    };
  }
}
