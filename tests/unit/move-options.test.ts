import { describe, expect, it } from 'vitest';
import { parseMoveArgs } from '../../src/main/cli/move-options.js';
import { UsageError } from '../../src/main/cli/start-options.js';

describe('npm run move-to-postgres options', () => {
  const address = 'postgres://safehands@db.school.lan/safehands?sslmode=verify-full';

  it('takes the database from --database or SAFE_HANDS_DATABASE_URL, the flag winning, and the data folder as npm start does', () => {
    expect(parseMoveArgs(['--database', address, '--data-dir', '/srv/desk'], {})).toEqual({ database: address, dataDir: '/srv/desk', help: false });
    expect(parseMoveArgs([], { SAFE_HANDS_DATABASE_URL: address, SAFE_HANDS_DATA_DIR: '/data/env' })).toMatchObject({ database: address, dataDir: '/data/env' });
    expect(parseMoveArgs([`--database=${address}`], { SAFE_HANDS_DATABASE_URL: 'postgres://other@x/y' }).database).toBe(address);
  });

  it('will not guess where to move to: without a database it asks for one', () => {
    expect(() => parseMoveArgs([], {})).toThrow('Say which PostgreSQL database to move the records into, with --database postgres://...');
    expect(parseMoveArgs(['--help'], {}).help).toBe(true);
  });

  it.each([
    [['--database', 'mysql://x@y/z'], /must start postgres:\/\//],
    [['--database', 'postgres://db.school.lan'], /must name the database/],
    [['--database'], /--database needs a value/],
    [['--frobnicate'], /Unknown option --frobnicate/],
  ])('refuses %j in words', (argv, message) => {
    expect(() => parseMoveArgs(argv, {})).toThrow(UsageError);
    expect(() => parseMoveArgs(argv, {})).toThrow(message);
  });
});
