import { describe, expect, it } from 'vitest';
import { fullName, searchKey, shortName, surnameWords } from '../../src/shared/domain/names.js';
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
  ])('%s %s is shown as %s', (first, last, shown) => {
    expect(shortName({ firstName: first, lastName: last, familyNameFirst: false })).toBe(shown);
  });

  it.each([
    // Written family name first: the family initial leads, as the visitor writes it.
    ['芳', '王', '芳'],
    ['Ferenc', 'Nagy', 'N. Ferenc'],
    ['娜娜', '欧阳', '欧. 娜娜'],
  ])('%s with family name %s first is shown as %s', (first, last, shown) => {
    expect(shortName({ firstName: first, lastName: last, familyNameFirst: true })).toBe(shown);
  });

  it.each([
    // Someone with one name is found by it, as others by their surname: only its initial is shown.
    ['Suharto', 'S.'],
    ['Cy', 'C.'],
    ['王', 'Name hidden'],
    ['\u00c9milie'.normalize('NFD'), '\u00c9.'.normalize('NFD')],
  ])('the only name %s is shown as %s', (only, shown) => {
    expect(shortName({ firstName: only, lastName: '', familyNameFirst: false })).toBe(shown);
  });
});

describe('a name written out in full, the way its owner writes it', () => {
  it.each([
    [{ firstName: 'Sarah', lastName: 'Jones', familyNameFirst: false }, 'Sarah Jones'],
    [{ firstName: '芳', lastName: '王', familyNameFirst: true }, '王芳'],
    [{ firstName: '太郎', lastName: '山田', familyNameFirst: true }, '山田太郎'],
    [{ firstName: '민준', lastName: '김', familyNameFirst: true }, '김민준'],
    [{ firstName: 'Ferenc', lastName: 'Nagy', familyNameFirst: true }, 'Nagy Ferenc'],
    [{ firstName: 'Fang', lastName: '王', familyNameFirst: true }, '王 Fang'],
    [{ firstName: '芳', lastName: '王', familyNameFirst: false }, '芳 王'],
    [{ firstName: 'محمد', lastName: 'العلي', familyNameFirst: false }, 'محمد العلي'],
    [{ firstName: 'Suharto', lastName: '', familyNameFirst: true }, 'Suharto'],
  ])('%j is written %s', (name, written) => {
    expect(fullName(name)).toBe(written);
  });
});

describe('the words a surname is found by', () => {
  const words = (lastName: string, firstName = 'Ann') => surnameWords({ firstName, lastName, familyNameFirst: false });
  it.each([
    ['Ó Súilleabháin', ['osuilleabhain', 'suilleabhain']],
    ["O'Brien", ['obrien', 'brien']],
    ['Smith-Jones', ['smithjones', 'jones']],
    ['van der Berg', ['vanderberg', 'derberg', 'berg']],
    ['O\u0301 Su\u0301illeabha\u0301in', ['osuilleabhain', 'suilleabhain']],
    ['王', ['王']],
    ['عبد الله', ['عبدالله', 'الله']],
    ['Smith', ['smith']],
  ])('%s is found by %j', (surname, found) => {
    expect(words(surname)).toEqual(found);
  });

  it('uses the only name of someone who has one', () => {
    expect(words('', 'Suharto')).toEqual(['suharto']);
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
