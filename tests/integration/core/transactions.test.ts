import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { inTransaction, onTransactions, openDatabase, type Db } from '../../../src/main/db/connection.js';

/**
 * One connection, one write transaction at a time, even when a transaction's work waits on something real
 * (a timer here; the network, on PostgreSQL). Without the turn, a second command's statements would run on
 * the same connection while the first waits, join its transaction, and commit or roll back with it.
 */
let db: Db;

function open(): Db {
  db = openDatabase(':memory:');
  db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, who TEXT NOT NULL)');
  return db;
}

const note = (who: string) => db.prepare('INSERT INTO notes (who) VALUES (?)').run(who);
const notes = () => (db.prepare('SELECT who FROM notes ORDER BY id').all() as { who: string }[]).map((r) => r.who);

afterEach(() => db?.close());

describe('a write transaction whose work waits', () => {
  it('keeps a second transaction out until it has committed: their writes never interleave', async () => {
    open();
    const first = inTransaction(db, async () => {
      note('first, before waiting');
      await sleep(20);
      note('first, after waiting');
    });
    const second = inTransaction(db, () => {
      note('second');
    });
    await Promise.all([first, second]);
    expect(notes()).toEqual(['first, before waiting', 'first, after waiting', 'second']);
  });

  it('does not take the second one down with it when it fails', async () => {
    open();
    const first = inTransaction(db, async () => {
      note('first');
      await sleep(20);
      throw new Error('the printer caught fire');
    });
    const second = inTransaction(db, async () => {
      note('second');
    });
    await expect(first).rejects.toThrow('the printer caught fire');
    await second;
    expect(notes()).toEqual(['second']);
  });

  it('lets waiting transactions in first come, first served', async () => {
    open();
    const order: string[] = [];
    const runs = ['a', 'b', 'c', 'd'].map((who, n) => inTransaction(db, async () => {
      // The first waits longest, so any order but the asking order would show.
      await sleep(20 - n * 5);
      order.push(who);
      note(who);
    }));
    await Promise.all(runs);
    expect(order).toEqual(['a', 'b', 'c', 'd']);
    expect(notes()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('runs a transaction begun inside another as part of it: undone alone when it fails, kept when the outer commits', async () => {
    open();
    await inTransaction(db, async () => {
      note('outer');
      await expect(inTransaction(db, async () => {
        note('inner, undone');
        await sleep(5);
        throw new Error('refused');
      })).rejects.toThrow('refused');
      await inTransaction(db, () => note('inner, kept'));
    });
    expect(notes()).toEqual(['outer', 'inner, kept']);
  });

  it('makes work a finished transaction left running wait for its own turn, not join the next one', async () => {
    open();
    let leftRunning: Promise<void> | undefined;
    await inTransaction(db, () => {
      note('first');
      // Started inside, carried on after the commit (as the audit trail records a finding afterwards).
      leftRunning = sleep(5).then(() => inTransaction(db, () => {
        note('left running');
      }));
    });
    await inTransaction(db, async () => {
      note('second, before waiting');
      await sleep(20);
      note('second, after waiting');
      throw new Error('second fails');
    }).catch(() => undefined);
    await leftRunning;
    // Had it joined the second transaction, the second's rollback would have taken it too.
    expect(notes()).toEqual(['first', 'left running']);
  });

  it('undoes everything, nested parts included, when the outer work fails', async () => {
    open();
    await expect(inTransaction(db, async () => {
      note('outer');
      await inTransaction(db, () => note('inner'));
      throw new Error('no');
    })).rejects.toThrow('no');
    expect(notes()).toEqual([]);
    expect(db.inTransaction).toBe(false);
  });

  it('calls the audit hooks in order: the last write inside, then after the commit or the rollback', async () => {
    open();
    const calls: string[] = [];
    onTransactions(db, {
      beforeCommit: async () => {
        await sleep(1);
        note('sealed');
        calls.push('beforeCommit');
      },
      afterCommit: () => calls.push(`afterCommit with ${notes().join(', ')}`),
      afterRollback: () => calls.push(`afterRollback with ${notes().length} notes`),
    });
    await inTransaction(db, () => note('work'));
    await expect(inTransaction(db, () => {
      note('doomed');
      throw new Error('no');
    })).rejects.toThrow('no');
    expect(calls).toEqual(['beforeCommit', 'afterCommit with work, sealed', 'afterRollback with 2 notes']);
  });

  it('frees the connection for the next one after a failure before any work (a write lock it could not take)', async () => {
    open();
    db.exec('BEGIN');
    // Someone left a transaction open on the connection: BEGIN IMMEDIATE fails, and the turn is given back.
    await expect(inTransaction(db, () => note('refused'))).rejects.toThrow(/within a transaction/);
    db.exec('ROLLBACK');
    await inTransaction(db, () => note('next'));
    expect(notes()).toEqual(['next']);
  });
});
