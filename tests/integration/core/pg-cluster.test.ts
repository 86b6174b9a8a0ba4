// What every PostgreSQL test after this relies on: the run's throwaway server (pg-global-setup.ts) is private to
// this machine's loopback on its own port, each freshPgDatabase() is a world of its own, text behaves as SQLite's
// does, and a server started by startPgCluster() is really gone after stop().
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { startPgCluster } from '../../helpers/pg-cluster.js';
import { freshPgDatabase, type PgDatabase } from '../../helpers/pg-database.js';

const clients: pg.Client[] = [];
const databases: PgDatabase[] = [];
afterAll(async () => {
  for (const c of clients.splice(0)) await c.end();
  for (const d of databases.splice(0)) await d.drop();
});

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  clients.push(client);
  return client;
}

async function fresh(options?: { template?: string }): Promise<{ db: PgDatabase; client: pg.Client }> {
  const db = await freshPgDatabase(options);
  databases.push(db);
  return { db, client: await connect(db.url) };
}

async function tableExists(client: pg.Client, table: string): Promise<boolean> {
  const { rows } = await client.query<{ found: string | null }>('SELECT to_regclass($1)::text AS found', [table]);
  return rows[0]?.found !== null;
}

// Capitals before small letters, accents and other scripts after ASCII: UTF-8 byte order, as SQLite sorts TEXT.
const NAMES = ['王芳', 'émile', 'Zoe', 'abigail', 'Émile', 'Bob', 'zac', 'Ábel', 'bob'];
const BYTE_ORDER = ['Bob', 'Zoe', 'abigail', 'bob', 'zac', 'Ábel', 'Émile', 'émile', '王芳'];

describe('the test PostgreSQL', () => {
  it('listens on 127.0.0.1 at the port it was given, never the machine’s own 5432', async () => {
    const serverUrl = new URL(inject('pgServerUrl'));
    expect(serverUrl.hostname).toBe('127.0.0.1');
    expect(Number(serverUrl.port)).not.toBe(5432);
    const { client } = await fresh();
    const { rows } = await client.query<{ addr: string; port: number; listen: string }>(
      `SELECT host(inet_server_addr()) AS addr, inet_server_port() AS port, current_setting('listen_addresses') AS listen`,
    );
    expect(rows[0]).toEqual({ addr: '127.0.0.1', port: Number(serverUrl.port), listen: '127.0.0.1' });
  });

  it('gives each fresh database its own tables and rows', async () => {
    const one = await fresh();
    const two = await fresh();
    expect(one.db.name).not.toBe(two.db.name);
    await one.client.query('CREATE TABLE visitors (name text NOT NULL)');
    await one.client.query(`INSERT INTO visitors VALUES ('Ann')`);
    expect(await tableExists(one.client, 'visitors')).toBe(true);
    expect(await tableExists(two.client, 'visitors')).toBe(false);
    await two.client.query('CREATE TABLE visitors (name text NOT NULL)');
    expect((await two.client.query('SELECT name FROM visitors')).rows).toEqual([]);
    expect((await one.client.query('SELECT name FROM visitors')).rows).toEqual([{ name: 'Ann' }]);
  });

  it('makes databases in UTF8 with the C locale, so text sorts byte by byte exactly as SQLite does', async () => {
    const { client } = await fresh();
    const { rows: [settings] } = await client.query(
      `SELECT pg_encoding_to_char(encoding) AS encoding, datcollate, datctype FROM pg_database WHERE datname = current_database()`,
    );
    expect(settings).toEqual({ encoding: 'UTF8', datcollate: 'C', datctype: 'C' });

    await client.query('CREATE TABLE people (name text NOT NULL)');
    for (const name of NAMES) await client.query('INSERT INTO people VALUES ($1)', [name]);
    const pgOrder = (await client.query<{ name: string }>('SELECT name FROM people ORDER BY name')).rows.map((r) => r.name);
    expect(pgOrder).toEqual(BYTE_ORDER);

    const sqlite = new Database(':memory:');
    try {
      sqlite.exec('CREATE TABLE people (name TEXT NOT NULL)');
      const insert = sqlite.prepare('INSERT INTO people VALUES (?)');
      for (const name of NAMES) insert.run(name);
      const sqliteOrder = (sqlite.prepare('SELECT name FROM people ORDER BY name').all() as { name: string }[]).map((r) => r.name);
      expect(pgOrder).toEqual(sqliteOrder);
      // A prefix range ("every name starting with É") is the same on both: the plan's person search relies on it.
      const between = `SELECT count(*) AS n FROM people WHERE name >= 'É' AND name < 'Ê'`;
      expect(Number((await client.query<{ n: string }>(between)).rows[0]?.n)).toBe(1);
      expect((sqlite.prepare(between).get() as { n: number }).n).toBe(1);
    } finally {
      sqlite.close();
    }
  });

  it('folds only ASCII in lower(), as SQLite does, so lower(x) LIKE answers the same on both engines', async () => {
    const { client } = await fresh();
    const words = ['ÉCOLE', 'Ábel SMITH', 'ÖZ', 'WANG 王芳'];
    const sqlite = new Database(':memory:');
    try {
      for (const word of words) {
        const { rows } = await client.query<{ folded: string }>('SELECT lower($1) AS folded', [word]);
        const fromSqlite = (sqlite.prepare('SELECT lower(?) AS folded').get(word) as { folded: string }).folded;
        expect(rows[0]?.folded, word).toBe(fromSqlite);
      }
      expect((await client.query('SELECT lower($1) AS folded', ['ÉCOLE'])).rows[0]).toEqual({ folded: 'École' });
    } finally {
      sqlite.close();
    }
  });

  it('copies a named template, tables and rows included, without touching the template', async () => {
    const template = await freshPgDatabase();
    databases.push(template);
    const setUp = new pg.Client({ connectionString: template.url });
    await setUp.connect();
    await setUp.query('CREATE TABLE schema_migrations (version integer PRIMARY KEY)');
    await setUp.query('INSERT INTO schema_migrations VALUES (1), (2)');
    await setUp.end(); // a template cannot be copied while anyone is connected to it

    const copy = await fresh({ template: template.name });
    await copy.client.query('INSERT INTO schema_migrations VALUES (3)');
    expect((await copy.client.query('SELECT version FROM schema_migrations ORDER BY version')).rows).toEqual([{ version: 1 }, { version: 2 }, { version: 3 }]);
    const original = await connect(template.url);
    expect((await original.query('SELECT count(*)::integer AS n FROM schema_migrations')).rows).toEqual([{ n: 2 }]);
  });

  it('refuses a blank template name before touching the server', async () => {
    await expect(freshPgDatabase({ template: ' ' })).rejects.toThrow(/template must be the name of an existing database/);
  });

  it('drops a database even with a connection still open to it', async () => {
    const db = await freshPgDatabase();
    const lingering = new pg.Client({ connectionString: db.url });
    lingering.on('error', () => {}); // the forced drop ends this session
    await lingering.connect();
    await db.drop();
    await expect(connect(db.url)).rejects.toMatchObject({ code: '3D000' }); // invalid_catalog_name
    await lingering.end().catch(() => {});
  });

  it('runs without fsync for speed, and keeps durability when asked (the crash tests ask)', async () => {
    const { client } = await fresh();
    const fast = await client.query(`SELECT current_setting('fsync') AS fsync, current_setting('synchronous_commit') AS sc`);
    expect(fast.rows[0]).toEqual({ fsync: 'off', sc: 'off' });

    const durable = await startPgCluster({ durable: true });
    try {
      const own = new pg.Client({ connectionString: durable.url('postgres') });
      await own.connect();
      const { rows } = await own.query(`SELECT current_setting('fsync') AS fsync, current_setting('synchronous_commit') AS sc, current_setting('full_page_writes') AS fpw`);
      await own.end();
      expect(rows[0]).toEqual({ fsync: 'on', sc: 'on', fpw: 'on' });
    } finally {
      await durable.stop();
    }
  }, 60_000);

  it('is really gone after stop(): connections are refused and its folder is removed', async () => {
    const cluster = await startPgCluster();
    expect(cluster.port).not.toBe(Number(new URL(inject('pgServerUrl')).port)); // a second server of its own
    const client = new pg.Client({ connectionString: cluster.url('postgres') });
    await client.connect();
    expect((await client.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    await client.end();
    expect(existsSync(cluster.folder)).toBe(true);

    await cluster.stop();
    expect(existsSync(cluster.folder)).toBe(false);
    const after = new pg.Client({ connectionString: cluster.url('postgres'), connectionTimeoutMillis: 5000 });
    await expect(after.connect()).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    await expect(cluster.stop()).resolves.toBeUndefined(); // a second stop is harmless
  }, 60_000);
});
