import { describe, expect, it } from 'vitest';
import { fullName, nameWords, searchKey, shortName, surnameWords, typedNameKeys, type PersonName } from '../../src/shared/domain/names.js';
import { describeDevices, totalDevices } from '../../src/shared/domain/devices.js';

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

describe('a name typed the way its owner writes it', () => {
  const name = (lastName: string, firstName: string, familyNameFirst = true): PersonName => ({ firstName, lastName, familyNameFirst });
  /** The kiosk: the folded text typed starts one of the visitor's words. */
  const kioskFinds = (typed: string, n: PersonName) => nameWords(n).some((w) => w.startsWith(searchKey(typed)));
  /** The office: any word typed starts one of the visitor's words. */
  const officeFinds = (typed: string, n: PersonName) => typedNameKeys(typed).some((k) => nameWords(n).some((w) => w.startsWith(k)));

  it.each([
    [name('王', '芳'), '王芳'],
    // The order they chose to show it in does not change how it is typed: family name first, as one word.
    [name('王', '芳', false), '王芳'],
    [name('山田', '太郎'), '山田太郎'],
    [name('김', '민준'), '김민준'],
    [name('欧阳', '娜娜'), '欧阳娜娜'],
  ])('%j is found at the kiosk and in the office by %s, typed as one word', (n, typed) => {
    expect(kioskFinds(typed, n)).toBe(true);
    expect(officeFinds(typed, n)).toBe(true);
    // And still by the family name alone, or with a space, as before.
    expect(kioskFinds(n.lastName, n)).toBe(true);
    expect(officeFinds(`${n.lastName} ${n.firstName}`, n)).toBe(true);
  });

  it('adds the whole name as one word only where it is written without a space, and after the surname words', () => {
    expect(nameWords(name('王', '芳'))).toEqual(['王', '王芳']);
    expect(nameWords(name('Wang', 'Fang'))).toEqual(['wang']);
    expect(nameWords(name('王', 'Fang'))).toEqual(['王']);
    expect(nameWords(name('Nagy', 'Ferenc'))).toEqual(['nagy']);
    expect(nameWords({ firstName: '王芳', lastName: '', familyNameFirst: false })).toEqual(['王芳']);
  });

  it('never makes anyone findable by their given name alone', () => {
    expect(kioskFinds('芳', name('王', '芳'))).toBe(false);
    expect(kioskFinds('太郎', name('山田', '太郎'))).toBe(false);
  });

  it('finds Wang Fang written in Latin letters by his family name, and in the office by his name with a space', () => {
    const wang = name('Wang', 'Fang');
    expect(kioskFinds('Wang', wang)).toBe(true);
    expect(officeFinds('Wang Fang', wang)).toBe(true);
    expect(officeFinds('Fang Wang', wang)).toBe(true);
  });

  it('finds someone with one name by that name, however much of it is typed', () => {
    const only = { firstName: '王芳', lastName: '', familyNameFirst: false };
    expect(kioskFinds('王', only)).toBe(true);
    expect(kioskFinds('王芳', only)).toBe(true);
    expect(officeFinds('王芳', only)).toBe(true);
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

  it('after "your", gives no number for one of a kind', () => {
    expect(describeDevices([{ kind: 'phone', quantity: 1 }], { owned: true })).toBe('phone');
    expect(describeDevices([{ kind: 'phone', quantity: 1 }, { kind: 'smart_watch', quantity: 2 }], { owned: true })).toBe('phone and 2 smart watches');
    expect(totalDevices([{ kind: 'phone', quantity: 1 }])).toBe(1);
    expect(totalDevices([{ kind: 'phone', quantity: 1 }, { kind: 'smart_watch', quantity: 2 }])).toBe(3);
  });
});
