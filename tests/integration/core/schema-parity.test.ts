// The two migration trees build the same schema: a SQLite database migrated through migrations/*.sql and a
// PostgreSQL one through migrations/postgres/*.sql have the same tables, columns (in order, with matching
// types, NOT NULL and defaults), keys, indexes and triggers. The repositories run the same SQL on both, so a
// column or index on one engine only would be a bug found in production. Refusals themselves are tried in
// invariants.test.ts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR } from '../../../src/main/core/paths.js';
import { openDatabase, type Db } from '../../../src/main/db/connection.js';
import { migrate, readMigrations } from '../../../src/main/db/migrate.js';
import { migratePostgres, PG_MIGRATIONS_DIR } from '../../../src/main/db/pg-migrate.js';
import { SEALED_TABLES } from '../../../src/main/db/record-changes.js';
import { freshPgDatabase, type PgDatabase } from '../../helpers/pg-database.js';

const JANUARY = () => new Date('2026-01-01T00:00:00.000Z');

interface Column { name: string; type: 'integer' | 'text' | string; notNull: boolean; default: string | null }
interface Index { columns: string[]; unique: boolean; where: string | null }
interface Table {
  columns: Column[];
  primaryKey: string[];
  /** UNIQUE constraints (not indexes made by CREATE INDEX), as "a,b". */
  uniques: string[];
  /** "col,col -> table(col,col)" */
  foreignKeys: string[];
  /** Indexes made by CREATE [UNIQUE] INDEX, by name. */
  indexes: Record<string, Index>;
}
interface Trigger { table: string; timing: string; event: string; columns: string[]; message: string }
interface Shape { tables: Record<string, Table>; triggers: Record<string, Trigger> }

/** A partial index's WHERE as both engines would agree on it: PostgreSQL adds casts and parentheses. */
const predicate = (text: string | null): string | null =>
  text === null ? null : text.replace(/::[a-z ]+/g, '').replace(/[()]/g, '').replace(/\s+/g, ' ').trim().toLowerCase();
const unquote = (text: string) => text.replaceAll("''", "'");

function sqliteShape(db: Db): Shape {
  const tables: Record<string, Table> = {};
  const names = db.prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string; sql: string }[];
  for (const { name } of names) {
    const info = db.prepare(`SELECT name, type, "notnull" AS nn, dflt_value, pk FROM pragma_table_info(?) ORDER BY cid`).all(name) as
      { name: string; type: string; nn: number; dflt_value: string | null; pk: number }[];
    const indexList = db.prepare('SELECT name, "unique" AS u, origin, partial FROM pragma_index_list(?)').all(name) as { name: string; u: number; origin: string; partial: number }[];
    const keyColumns = (index: string) =>
      (db.prepare('SELECT name, "desc" AS d FROM pragma_index_xinfo(?) WHERE key = 1 ORDER BY seqno').all(index) as { name: string; d: number }[])
        .map((c) => (c.d ? `${c.name} DESC` : c.name));
    const indexes: Record<string, Index> = {};
    for (const ix of indexList.filter((i) => i.origin === 'c')) {
      const sql = (db.prepare(`SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = ?`).get(ix.name) as { sql: string }).sql;
      indexes[ix.name] = { columns: keyColumns(ix.name), unique: ix.u === 1, where: predicate(/\sWHERE\s([\s\S]*)$/i.exec(sql)?.[1] ?? null) };
    }
    const fks = db.prepare('SELECT id, seq, "table" AS target, "from" AS source, "to" AS dest FROM pragma_foreign_key_list(?) ORDER BY id, seq').all(name) as
      { id: number; seq: number; target: string; source: string; dest: string }[];
    const byId = new Map<number, typeof fks>();
    for (const fk of fks) byId.set(fk.id, [...(byId.get(fk.id) ?? []), fk]);
    tables[name] = {
      columns: info.map((c) => ({
        name: c.name,
        type: c.type.toLowerCase(),
        // An INTEGER PRIMARY KEY (the rowid) is never NULL, and a STRICT table's other keys are NOT NULL too.
        notNull: c.nn === 1 || c.pk > 0,
        default: c.dflt_value,
      })),
      primaryKey: info.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name),
      uniques: indexList.filter((i) => i.origin === 'u').map((i) => keyColumns(i.name).join(',')).sort(),
      foreignKeys: [...byId.values()].map((cols) => `${cols.map((c) => c.source).join(',')} -> ${cols[0]!.target}(${cols.map((c) => c.dest).join(',')})`).sort(),
      indexes,
    };
  }
  const triggers: Record<string, Trigger> = {};
  for (const t of db.prepare(`SELECT name, tbl_name, sql FROM sqlite_schema WHERE type = 'trigger'`).all() as { name: string; tbl_name: string; sql: string }[]) {
    const head = /^CREATE TRIGGER \S+ (BEFORE|AFTER) (INSERT|UPDATE|DELETE)(?: OF ([\w, ]+?))? ON (\w+)/i.exec(t.sql);
    const raise = /RAISE\(ABORT,\s*'((?:[^']|'')*)'\)/.exec(t.sql);
    if (!head || !raise) throw new Error(`A SQLite trigger this test cannot read: ${t.sql}`);
    triggers[t.name] = {
      table: t.tbl_name, timing: head[1]!.toUpperCase(), event: head[2]!.toUpperCase(),
      columns: head[3] ? head[3].split(',').map((c) => c.trim()) : [], message: unquote(raise[1]!),
    };
  }
  return { tables, triggers };
}

const SEALING = /^record_changes_/;

async function postgresShape(client: pg.ClientBase): Promise<Shape & { sealing: Record<string, string[]>; sealingDefs: string[] }> {
  const q = async <R extends pg.QueryResultRow>(sql: string): Promise<R[]> => (await client.query<R>(sql)).rows;
  const tables: Record<string, Table> = {};
  for (const { tablename } of await q<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename`)) {
    tables[tablename] = { columns: [], primaryKey: [], uniques: [], foreignKeys: [], indexes: {} };
  }
  const columns = await q<{ table_name: string; column_name: string; data_type: string; is_nullable: string; column_default: string | null }>(
    `SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns
     WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position`,
  );
  for (const c of columns) {
    tables[c.table_name]?.columns.push({
      name: c.column_name,
      // Both are SQLite's INTEGER: ids are bigint, counts and flags integer (checked separately below).
      type: c.data_type === 'bigint' || c.data_type === 'integer' ? 'integer' : c.data_type,
      notNull: c.is_nullable === 'NO',
      default: c.column_default === null ? null : c.column_default.replace(/::[a-z ]+$/, ''),
    });
  }
  const constraints = await q<{ tbl: string; contype: string; cols: string[]; target: string | null; target_cols: string[] }>(
    `SELECT c.conrelid::regclass::text AS tbl, c.contype,
            array(SELECT a.attname FROM unnest(c.conkey) WITH ORDINALITY k(n, i)
                  JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.i)::text[] AS cols,
            c.confrelid::regclass::text AS target,
            array(SELECT a.attname FROM unnest(c.confkey) WITH ORDINALITY k(n, i)
                  JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.i)::text[] AS target_cols
     FROM pg_constraint c WHERE c.connamespace = current_schema()::regnamespace AND c.contype IN ('p', 'u', 'f')`,
  );
  for (const c of constraints) {
    const table = tables[c.tbl]!;
    if (c.contype === 'p') table.primaryKey = c.cols;
    else if (c.contype === 'u') table.uniques.push(c.cols.join(','));
    else table.foreignKeys.push(`${c.cols.join(',')} -> ${c.target}(${c.target_cols.join(',')})`);
  }
  for (const table of Object.values(tables)) {
    table.uniques.sort();
    table.foreignKeys.sort();
  }
  const indexes = await q<{ name: string; tbl: string; unique: boolean; pred: string | null; cols: string[] }>(
    `SELECT ic.relname AS name, i.indrelid::regclass::text AS tbl, i.indisunique AS unique, pg_get_expr(i.indpred, i.indrelid) AS pred,
            array(SELECT pg_get_indexdef(i.indexrelid, k, true) || CASE WHEN i.indoption[k - 1] & 1 = 1 THEN ' DESC' ELSE '' END
                  FROM generate_series(1, i.indnkeyatts) k ORDER BY k)::text[] AS cols
     FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
     WHERE ic.relnamespace = current_schema()::regnamespace
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.contype IN ('p', 'u'))`,
  );
  for (const ix of indexes) tables[ix.tbl]!.indexes[ix.name] = { columns: ix.cols, unique: ix.unique, where: predicate(ix.pred) };

  const triggers: Record<string, Trigger> = {};
  const sealing: Record<string, string[]> = {};
  const sealingDefs: string[] = [];
  for (const { def } of await q<{ def: string }>(
    `SELECT pg_get_triggerdef(t.oid) AS def FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
     WHERE NOT t.tgisinternal AND c.relnamespace = current_schema()::regnamespace ORDER BY t.tgname`,
  )) {
    const m = /^CREATE TRIGGER (\S+) (BEFORE|AFTER) (INSERT|UPDATE|DELETE)(?: OF ([\w, ]+?))? ON (?:\w+\.)?(\w+) FOR EACH ROW (?:WHEN .* )?EXECUTE FUNCTION (\w+)\((?:'((?:[^']|'')*)')?\)$/s.exec(def);
    if (!m) throw new Error(`A PostgreSQL trigger this test cannot read: ${def}`);
    const [, name, timing, event, cols, table, , message] = m;
    if (SEALING.test(name!)) {
      (sealing[table!] ??= []).push(`${timing} ${event}`);
      sealingDefs.push(def);
      continue;
    }
    triggers[name!] = { table: table!, timing: timing!, event: event!, columns: cols ? cols.split(',').map((c) => c.trim()) : [], message: unquote(message ?? '') };
  }
  return { tables, triggers, sealing, sealingDefs };
}

let folder: string;
let sqlite: Db;
let database: PgDatabase;
let client: pg.Client;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'safe-hands-parity-'));
  sqlite = openDatabase(join(folder, 'safe-hands.db'));
  migrate(sqlite, readMigrations(MIGRATIONS_DIR), JANUARY);
  database = await freshPgDatabase();
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
  await migratePostgres(client, PG_MIGRATIONS_DIR, JANUARY);
});

afterAll(async () => {
  await client?.end();
  await database?.drop();
  sqlite?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

describe('the SQLite and PostgreSQL schemas', () => {
  it('have the same tables', async () => {
    const [a, b] = [sqliteShape(sqlite), await postgresShape(client)];
    expect(Object.keys(b.tables).sort()).toEqual(Object.keys(a.tables).sort());
    expect(Object.keys(a.tables).length).toBeGreaterThan(30);
  });

  it('have, table by table, the same columns in the same order, keys, foreign keys and indexes', async () => {
    const [a, b] = [sqliteShape(sqlite), await postgresShape(client)];
    for (const name of Object.keys(a.tables)) expect(b.tables[name], name).toEqual(a.tables[name]);
  });

  it('have the same triggers, on the same table and event, refusing with the same words', async () => {
    const [a, b] = [sqliteShape(sqlite), await postgresShape(client)];
    expect(Object.keys(b.triggers).sort()).toEqual(Object.keys(a.triggers).sort());
    for (const name of Object.keys(a.triggers)) expect(b.triggers[name], name).toEqual(a.triggers[name]);
  });

  it('keep ids and the columns that hold them as bigint on PostgreSQL, everything else integer or text', async () => {
    const rows = (await client.query<{ table_name: string; column_name: string; data_type: string; is_identity: string; holds_id: boolean }>(
      `SELECT c.table_name, c.column_name, c.data_type, c.is_identity,
              EXISTS (SELECT 1 FROM information_schema.key_column_usage k JOIN information_schema.table_constraints tc
                        ON tc.constraint_name = k.constraint_name AND tc.table_schema = k.table_schema
                      WHERE k.table_schema = c.table_schema AND k.table_name = c.table_name AND k.column_name = c.column_name
                        AND tc.constraint_type = 'FOREIGN KEY') OR c.column_name = 'id' OR c.column_name = 'entity_id' AS holds_id
       FROM information_schema.columns c WHERE c.table_schema = current_schema()`,
    )).rows;
    const wrong = rows.filter((r) => (r.holds_id ? r.data_type !== 'bigint' : !['integer', 'text'].includes(r.data_type)));
    expect(wrong.map((r) => `${r.table_name}.${r.column_name} ${r.data_type}`)).toEqual([]);
    // Every INTEGER PRIMARY KEY id is an identity, except a signature's, which is its acknowledgement's id.
    const ids = rows.filter((r) => r.column_name === 'id');
    expect(ids.filter((r) => r.is_identity === 'NO').map((r) => r.table_name)).toEqual(['acknowledgement_signatures']);
  });
});

describe('audit sealing on PostgreSQL', () => {
  it('has an insert, an update and a delete trigger on every sealed table and on no other', async () => {
    const { sealing, sealingDefs } = await postgresShape(client);
    expect(Object.keys(sealing).sort()).toEqual([...SEALED_TABLES].sort());
    for (const table of SEALED_TABLES) expect(sealing[table]!.sort(), table).toEqual(['AFTER DELETE', 'AFTER INSERT', 'AFTER UPDATE']);
    for (const def of sealingDefs) expect(def).toContain(`WHEN ((current_setting('safe_hands.watch'::text, true) = 'on'::text))`);
  });
});

describe('the comparison', () => {
  it('finds a column missing on either side', async () => {
    const sqliteBefore = sqliteShape(sqlite);
    const pgBefore = await postgresShape(client);
    await client.query('BEGIN');
    try {
      await client.query('ALTER TABLE handovers DROP COLUMN note');
      expect((await postgresShape(client)).tables.handovers).not.toEqual(sqliteBefore.tables.handovers);
    } finally {
      await client.query('ROLLBACK');
    }
    sqlite.exec('BEGIN');
    try {
      sqlite.exec('ALTER TABLE visits DROP COLUMN dbs_assurance_seen_at');
      expect(sqliteShape(sqlite).tables.visits).not.toEqual(pgBefore.tables.visits);
    } finally {
      sqlite.exec('ROLLBACK');
    }
    // And both are whole again.
    expect((await postgresShape(client)).tables.handovers).toEqual(sqliteShape(sqlite).tables.handovers);
    expect(sqliteShape(sqlite).tables.visits).toEqual(pgBefore.tables.visits);
  });
});
