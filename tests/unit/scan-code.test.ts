import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commandSchemas } from '../../src/shared/contract/index.js';
import { groupScanCode, normaliseScanCode, SCAN_CODE_PATTERN } from '../../src/shared/domain/scan-code.js';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'.split('');
const code = fc.array(fc.constantFrom(...ALPHABET), { minLength: 26, maxLength: 26 }).map((a) => a.join(''));

/** How a person might copy a code from the paper: any case, any grouping, 0/1/8 for O/I/B, full-width forms. */
const copied = (c: string) => fc.tuple(
  fc.array(fc.boolean(), { minLength: 26, maxLength: 26 }),
  fc.array(fc.constantFrom('', '', '', ' ', '-', '\u2013', '.', '\u00a0', '\u200b'), { minLength: 26, maxLength: 26 }),
  fc.boolean(),
).map(([lower, seps, fullWidth]) => c.split('').map((ch, i) => {
  let out = lower[i] ? ch.toLowerCase() : ch;
  if (ch === 'O' && lower[i]) out = '0';
  if (ch === 'I' && lower[i]) out = '1';
  if (ch === 'B' && lower[i]) out = '8';
  if (fullWidth) out = String.fromCodePoint(out.codePointAt(0)! + 0xfee0);
  return `${out}${seps[i]}`;
}).join(''));

describe('codes typed from the paper', () => {
  it('come back as the code printed, however they were copied', () => {
    fc.assert(fc.property(code.chain((c) => fc.tuple(fc.constant(c), copied(c))), ([printed, typed]) => {
      expect(normaliseScanCode(typed)).toBe(printed);
    }));
  });

  it('never turn something that is not a code into one', () => {
    expect(SCAN_CODE_PATTERN.test(normaliseScanCode('2026-0042'))).toBe(false);
    expect(SCAN_CODE_PATTERN.test(normaliseScanCode(`9${'A'.repeat(25)}`))).toBe(false);
    expect(SCAN_CODE_PATTERN.test(normaliseScanCode('A'.repeat(27)))).toBe(false);
    expect(SCAN_CODE_PATTERN.test(normaliseScanCode("'; DROP TABLE receipts;--"))).toBe(false);
  });

  it('are read the same way for badges, invitations and exception records', () => {
    const printed = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    const typed = 'abcd-efgh-1jkl-mn0p-qrst-uvwx-yz';
    expect(commandSchemas['visit.signOutByBadge'].input.parse({ code: typed })).toEqual({ code: printed });
    expect(commandSchemas['invite.lookup'].input.parse({ code: typed })).toEqual({ code: printed });
    expect(commandSchemas['exception.lookup'].input.parse({ code: typed })).toEqual({ code: printed });
  });
});

describe('codes printed for people to read', () => {
  it('come in groups of four with what is left over last', () => {
    expect(groupScanCode('ABCDEFGHIJKLMNOPQRSTUVWXYZ')).toBe('ABCD EFGH IJKL MNOP QRST UVWX YZ');
    expect(groupScanCode('ABCDEFGH')).toBe('ABCD EFGH');
    expect(groupScanCode('ABC')).toBe('ABC');
  });

  it('are read back as the code, typed with spaces, dashes or none, in any case', () => {
    fc.assert(fc.property(code, fc.constantFrom(' ', '-', ''), fc.boolean(), (c, separator, lower) => {
      const typed = groupScanCode(c).replace(/ /g, separator);
      expect(normaliseScanCode(lower ? typed.toLowerCase() : typed)).toBe(c);
    }));
  });
});
