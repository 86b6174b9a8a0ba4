import { describe, expect, it } from 'vitest';
import { storageProblem } from '../../src/main/cli/storage-problem.js';

const failure = (code: string) => Object.assign(new Error(`${code}: raw`), { code });

describe('a data folder that cannot be used, said in words', () => {
  it.each([
    ['EROFS', /the disk is read-only.*paper visitor book/],
    ['SQLITE_READONLY', /the disk is read-only/],
    ['ENOSPC', /is full\. Free some space/],
    ['SQLITE_FULL', /is full/],
    ['EACCES', /not allowed to use the data folder \/srv\/sh/],
    ['SQLITE_CANTOPEN', /not allowed to use/],
    ['ENOTDIR', /is a file, not a folder/],
  ])('%s', (code, message) => {
    const text = storageProblem(failure(code), '/srv/sh');
    expect(text).toMatch(message);
    expect(text).not.toContain('raw');
  });

  it('leaves anything else to be thrown as it is', () => {
    expect(storageProblem(new TypeError('a bug'), '/srv/sh')).toBeNull();
    expect(storageProblem(null, '/srv/sh')).toBeNull();
  });
});
