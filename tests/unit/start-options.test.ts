import { describe, expect, it } from 'vitest';
import { parseStartArgs, UsageError } from '../../src/main/cli/start-options.js';
import { chromiumArgs } from '../../src/main/cli/find-browser.js';
import { defaultDataDir } from '../../src/main/core/paths.js';

describe('npm start options', () => {
  it('defaults to Electron-or-browser, opening a window, any port, the per-user data folder', () => {
    const options = parseStartArgs([], { HOME: '/home/office' });
    expect(options).toMatchObject({ forceBrowser: false, open: true, port: 0, fullscreen: false });
    expect(options.dataDir).toBe(defaultDataDir());
  });

  it('reads every flag, in both --flag value and --flag=value forms', () => {
    expect(parseStartArgs(['--browser', '--no-open', '--port', '8123', '--data-dir', '/tmp/sh', '--kiosk'], {})).toMatchObject({
      forceBrowser: true, open: false, port: 8123, dataDir: '/tmp/sh', fullscreen: true,
    });
    expect(parseStartArgs(['--port=9000', '--data-dir=/srv/safe hands'], {})).toMatchObject({ port: 9000, dataDir: '/srv/safe hands' });
  });

  it('takes the data folder from SAFE_HANDS_DATA_DIR, and the flag wins over it', () => {
    expect(parseStartArgs([], { SAFE_HANDS_DATA_DIR: '/data/env' }).dataDir).toBe('/data/env');
    expect(parseStartArgs(['--data-dir', '/data/flag'], { SAFE_HANDS_DATA_DIR: '/data/env' }).dataDir).toBe('/data/flag');
  });

  it.each([[['--port', 'abc']], [['--port', '70000']], [['--port']], [['--data-dir']], [['--frobnicate']]])('refuses %j with a usage message', (argv) => {
    expect(() => parseStartArgs(argv, {})).toThrow(UsageError);
  });

  it('keeps the records on PostgreSQL when given --database or SAFE_HANDS_DATABASE_URL, the flag winning, and SQLite otherwise', () => {
    const address = 'postgres://safehands@db.school.lan/safehands?sslmode=verify-full';
    expect(parseStartArgs([], {}).database).toBeNull();
    expect(parseStartArgs([], { SAFE_HANDS_DATABASE_URL: '  ' }).database).toBeNull();
    expect(parseStartArgs(['--database', address], {}).database).toBe(address);
    expect(parseStartArgs([`--database=${address}`], {}).database).toBe(address);
    expect(parseStartArgs([], { SAFE_HANDS_DATABASE_URL: address }).database).toBe(address);
    expect(parseStartArgs(['--database', 'postgresql://a@b/flag'], { SAFE_HANDS_DATABASE_URL: address }).database).toBe('postgresql://a@b/flag');
  });

  it.each([
    [['--database', 'db.school.lan'], /must be a PostgreSQL address such as postgres:\/\//],
    [['--database', 'mysql://a@b/c'], /must start postgres:\/\/ \(a PostgreSQL server\), not mysql:\/\//],
    [['--database', 'postgres://safehands@db.school.lan'], /must name the database, e\.g\. postgres:\/\/safehands@db\.school\.lan\/safehands/],
    [['--database'], /--database needs a value/],
  ])('refuses the database address in %j, saying what is wrong', (argv, words) => {
    expect(() => parseStartArgs(argv, {})).toThrow(words);
  });

  it('names SAFE_HANDS_DATABASE_URL when that is the address that is wrong', () => {
    expect(() => parseStartArgs([], { SAFE_HANDS_DATABASE_URL: 'file:///tmp/x' })).toThrow(/^SAFE_HANDS_DATABASE_URL must start postgres:\/\//);
  });

  it('starts the clock where SAFE_HANDS_TEST_CLOCK says, and refuses an instant without a time zone', () => {
    expect(parseStartArgs([], {}).clockStart).toBeNull();
    expect(parseStartArgs([], { SAFE_HANDS_TEST_CLOCK: '2028-02-29T23:59:59+00:00' }).clockStart).toBe('2028-02-29T23:59:59.000Z');
    expect(parseStartArgs([], { SAFE_HANDS_TEST_CLOCK: '2027-03-28T02:30+01:00' }).clockStart).toBe('2027-03-28T01:30:00.000Z');
    for (const bad of ['2027-01-12 08:05', '2027-01-12T08:05:00', 'tomorrow', '2027-02-30T08:00:00Z']) {
      expect(() => parseStartArgs([], { SAFE_HANDS_TEST_CLOCK: bad }), bad).toThrow(/SAFE_HANDS_TEST_CLOCK must be an instant/);
    }
  });

  it('puts the data folder where Electron would, per platform', () => {
    expect(defaultDataDir('linux', { HOME: '/home/a' })).toBe('/home/a/.config/Safe Hands');
    expect(defaultDataDir('linux', { HOME: '/home/a', XDG_CONFIG_HOME: '/cfg' })).toBe('/cfg/Safe Hands');
    expect(defaultDataDir('darwin', { HOME: '/Users/a' })).toBe('/Users/a/Library/Application Support/Safe Hands');
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\a\\AppData\\Roaming', HOME: 'C:\\Users\\a' })).toMatch(/Roaming.Safe Hands$/);
  });

  it('opens Chromium as an app window, full screen only in kiosk mode', () => {
    const args = chromiumArgs('http://127.0.0.1:1/launch?key=k', '/p', false, false);
    expect(args).toContain('--app=http://127.0.0.1:1/launch?key=k');
    expect(args).not.toContain('--kiosk');
    expect(chromiumArgs('u', '/p', true, true)).toEqual(expect.arrayContaining(['--kiosk', '--no-sandbox']));
  });
});
