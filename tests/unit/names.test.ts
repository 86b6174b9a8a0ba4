import { describe, expect, it } from 'vitest';
import { searchKey, shortName } from '../../src/shared/domain/names.js';
import { describeDevices } from '../../src/shared/domain/devices.js';

describe('what the kiosk may show of a name', () => {
  it.each([
    ['Zoë', "O'Brien-Łukasz", 'Zoë O.'],
    // A one-character surname is the whole surname: its "initial" would show the full name.
    ['芳', '王', '芳'],
    ['芳', ' 王 ', '芳'],
    ['Lan', '王芳', 'Lan 王.'],
    ['Ada', 'éclair', 'Ada É.'],
    ['Kai', '👩‍👩‍👧 Family', 'Kai 👩‍👩‍👧.'],
    // A plain letter followed by a combining accent is one character on screen, not a bare "e".
    ['Ana', 'e\u0301tienne', 'Ana \u00c9.'.normalize('NFD')],
    ['Bo', 'o', 'Bo'],
    ['Ana', 'e\u0301', 'Ana'],
    ['Cy', '', 'Cy'],
  ])('%s %s is shown as %s', (first, last, shown) => {
    expect(shortName(first, last)).toBe(shown);
  });
});

describe('surname search keys', () => {
  it.each([
    ["O'Brien-Łukasz", 'obrienlukasz'],
    ['Müller', 'muller'],
    ['Søren Østergård', 'sorenostergard'],
    ['STRAßE', 'strasse'],
    ['van der Berg', 'vanderberg'],
    ['王', '王'],
  ])('%s folds to %s', (name, key) => {
    expect(searchKey(name)).toBe(key);
  });
});

describe('describing declared devices', () => {
  it('reads naturally for one, two and many kinds', () => {
    expect(describeDevices([{ kind: 'phone', quantity: 1 }])).toBe('1 phone');
    expect(describeDevices([{ kind: 'phone', quantity: 1 }, { kind: 'smart_watch', quantity: 2 }])).toBe('1 phone and 2 smart watches');
    expect(describeDevices([{ kind: 'tablet', quantity: 1 }, { kind: 'camera', quantity: 1 }, { kind: 'other', quantity: 2 }])).toBe(
      '1 tablet, 1 camera and 2 other devices',
    );
    expect(describeDevices([])).toBe('no devices');
  });
});
