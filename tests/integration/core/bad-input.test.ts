import { afterEach, describe, expect, it } from 'vitest';
import { COMMAND_NAMES, commandSchemas } from '../../../src/shared/contract/index.js';
import { ERROR_CODES } from '../../../src/shared/domain/errors.js';
import { STAFF_ROLES } from '../../../src/shared/domain/roles.js';
import { contentHash, createSetUpApp, disposeAll, newVisitor, type TestApp, sqlite } from '../../helpers/test-app.js';

afterEach(disposeAll);

const HUGE = 'x'.repeat(10_000);

/** Inputs no command accepts: wrong shapes, wrong types, and objects carrying fields nobody declared. */
const WRONG_SHAPES: unknown[] = [null, [], 'text', 42, true, { __proto__: { admin: true } , extra: 1 }, { constructor: 'x' }];

async function expectRefusedUnchanged(app: TestApp, name: string, input: unknown, key = 'staff'): Promise<void> {
  const before = await contentHash(app);
  const result = await app.dispatch(name, input, key);
  expect(result.ok, `${name} accepted ${JSON.stringify(input)?.slice(0, 80)}`).toBe(false);
  if (!result.ok) {
    expect(ERROR_CODES).toContain(result.error.code);
    expect(result.error.message.length).toBeGreaterThan(10);
  }
  expect(await contentHash(app)).toBe(before);
}

describe('every command refuses malformed input and changes nothing', () => {
  it.each(COMMAND_NAMES)('%s', async (name) => {
    const app = await createSetUpApp();
    await newVisitor(app);
    for (const input of WRONG_SHAPES) {
      // An empty-input command ignores nothing: extra fields are refused too.
      if (input !== null && typeof input === 'object' && !Array.isArray(input) && Object.keys(input).length === 0) continue;
      await expectRefusedUnchanged(app, name, input);
    }
    expect(['kiosk', ...STAFF_ROLES, 'dsl_or_admin', 'dsl_or_head']).toContain(commandSchemas[name].role);
  });
});

describe('unknown command names', () => {
  it.each(['', 'nope', '__proto__', 'constructor', 'toString', 'visit.signOut ', '../etc/passwd', 'hasOwnProperty'])('%j is refused', async (name) => {
    const app = await createSetUpApp();
    const before = await contentHash(app);
    const result = await app.dispatch(name, {}, 'staff');
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_command' } });
    expect(await contentHash(app)).toBe(before);
  });

  it('a name that is not a string is refused', async () => {
    const app = await createSetUpApp();
    for (const name of [null, 1, {}, ['visit.signOut']]) {
      expect(await app.dispatch(name, {}, 'staff')).toMatchObject({ ok: false, error: { code: 'unknown_command' } });
    }
  });
});

describe('the sign-in form', () => {
  async function attempt(app: TestApp, change: Record<string, unknown>) {
    const policyVersionId = (await app.ok('kiosk.config', {})).policy.versionId;
    return {
      firstName: 'Sam', lastName: 'Bennett', organisation: 'Acme', visitorType: 'contractor', visiting: 'Hall lights',
      policyVersionId, devices: [], ...change,
    };
  }

  it.each([
    ['an empty first name', { firstName: '' }, 'firstName', /first name/i],
    ['a whitespace-only surname', { lastName: ' \t  ' }, 'lastName', /surname/i],
    ['a 10,000-character organisation', { organisation: HUGE }, 'organisation', /too long/i],
    ['a 10,000-character purpose', { visiting: HUGE }, 'visiting', /too long/i],
    ['a number for a name', { firstName: 42 }, 'firstName', /text/i],
    ['a control character in a name', { lastName: 'Ben\u0000nett' }, 'lastName', /cannot be saved/i],
    ['a right-to-left override in a name', { lastName: '\u202eBennett' }, 'lastName', /hidden characters that change how text is shown/i],
    ['a directional isolate in a first name', { firstName: 'Sam\u2067x\u2069' }, 'firstName', /hidden characters/i],
    ['a lone surrogate in a name', { lastName: 'Ben\ud800nett' }, 'lastName', /hidden characters/i],
    ['a name that is only invisible characters', { firstName: '\u200b\ufeff\u200b' }, 'firstName', /first name/i],
    ['an unknown visitor type', { visitorType: 'burglar' }, 'visitorType', /kind of visit/i],
    ['ten phones', { devices: [{ kind: 'phone', quantity: 10 }] }, 'devices.0.quantity', /at most/i],
    ['zero phones', { devices: [{ kind: 'phone', quantity: 0 }] }, 'devices.0.quantity', /at least 1/i],
    ['half a phone', { devices: [{ kind: 'phone', quantity: 1.5 }] }, 'devices.0.quantity', /whole/i],
    ['an unknown device', { devices: [{ kind: 'drone', quantity: 1 }] }, 'devices.0.kind', /device/i],
    ['the same device twice', { devices: [{ kind: 'phone', quantity: 1 }, { kind: 'phone', quantity: 1 }] }, 'devices', /once/i],
    ['devices that are not a list', { devices: 'phone' }, 'devices', /not valid/i],
    ['a policy version that is text', { policyVersionId: '1' }, 'policyVersionId', /number/i],
    ['an extra field', { isAdmin: true }, '', /does not expect/i],
  ])('refuses %s with a plain message', async (_label, change, field, message) => {
    const app = await createSetUpApp();
    const before = await contentHash(app);
    const result = await app.dispatch('visit.signInNew', await attempt(app, change), 'kiosk');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid_input');
      expect(result.error.message).toMatch(message);
      if (field) expect(result.error.fields?.[field]).toMatch(message);
    }
    expect(await contentHash(app)).toBe(before);
  });

  it('says a missing surname together with the form’s other problems, not only once they are put right', async () => {
    const app = await createSetUpApp();
    const before = await contentHash(app);
    const result = await app.dispatch('visit.signInNew', await attempt(app, { lastName: null, visitorType: undefined }), 'kiosk');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.fields?.visitorType).toMatch(/kind of visit/);
      expect(result.error.fields?.lastName).toMatch(/surname, or choose "I have only one name"/);
    }
    expect(await contentHash(app)).toBe(before);
  });

  it('removes invisible characters, so the surname is found at sign-out, and keeps the joiners emoji and scripts need', async () => {
    const app = await createSetUpApp();
    const result = await app.dispatch('visit.signInNew', await attempt(app, { firstName: 'Ada \u{1F469}\u200d\u{1F4BB}', lastName: 'Ben\u200bnett\ufeff' }), 'kiosk');
    expect(result.ok).toBe(true);
    const visit = (await app.ok('visit.onSite', {}, 'staff')).visits[0]!;
    expect([visit.firstName, visit.lastName]).toEqual(['Ada \u{1F469}\u200d\u{1F4BB}', 'Bennett']);
    expect((await app.ok('visit.findOnSite', { surnamePrefix: 'Benn' })).matches.map((m) => m.displayName)).toEqual(['Ada \u{1F469}\u200d\u{1F4BB} B.']);
  });

  it('accepts injection-looking text and stores it as plain text', async () => {
    const app = await createSetUpApp();
    const visiting = `'; DELETE FROM visits; -- <script>alert("x")</script>`;
    const result = await app.dispatch('visit.signInNew', await attempt(app, { visiting }), 'kiosk');
    expect(result.ok).toBe(true);
    expect((await app.ok('visit.onSite', {}, 'staff')).visits[0]!.visiting).toBe(visiting);
  });
});

describe('a missing or wrong answer on a console form', () => {
  // Each form checks itself with the contract before sending; main answers in the same words, so a person is
  // told the same thing whichever of them says it.
  it.each([
    { name: 'booking.create', input: { host: ' ', expectedDate: '' }, field: 'host', message: 'Say who they are visiting.' },
    { name: 'booking.create', input: { host: 'Head', expectedDate: '' }, field: 'expectedDate', message: 'Enter the date of the visit.' },
    { name: 'booking.cancel', input: { bookingId: 1, reason: ' ' }, field: 'reason', message: 'Say why the visit is cancelled.' },
    { name: 'concern.raise', input: { aboutName: '' }, field: 'aboutName', message: 'Give their name, or describe them if you do not know it.' },
    { name: 'concern.raise', input: { actionTaken: '' }, field: 'actionTaken', message: 'Say what was done, even if that was nothing yet.' },
    { name: 'concern.review', input: { concernId: 1, outcome: '', close: false }, field: 'outcome', message: 'Record the outcome of your review.' },
    { name: 'policy.publish', input: { title: '', summary: ['Hand in phones', ' '], fullText: '\n' }, field: 'summary.1', message: 'Write this line, or remove it.' },
    { name: 'policy.publish', input: { title: '', summary: ['Hand in phones'], fullText: '\n' }, field: 'fullText', message: 'Enter the full text.' },
    { name: 'policy.recordReview', input: { note: '' }, field: 'note', message: 'Say briefly what the review looked at.' },
    { name: 'exception.approve', input: { permittedAreas: '' }, field: 'permittedAreas', message: 'Say where the device may be used.' },
    { name: 'exception.approve', input: { approver: { pin: '12' } }, field: 'approver.staffId', message: 'Choose the DSL who approves.' },
    { name: 'exception.approve', input: { approver: { staffId: 1, pin: '12' } }, field: 'approver.pin', message: "Enter the DSL's PIN (4 to 8 digits)." },
    { name: 'exception.revoke', input: { exceptionId: 1, reason: '' }, field: 'reason', message: 'Say why the approval is revoked.' },
    { name: 'staff.changeOwnPin', input: { currentPin: '12', newPin: { pin: '246813', pinAgain: '246813' } }, field: 'currentPin', message: 'Type the PIN you unlocked with.' },
    { name: 'staff.deactivate', input: { staffId: 2, reason: '' }, field: 'reason', message: 'Say why the account is being deactivated, for example "Left the school in July".' },
    { name: 'backup.restore', input: { file: ' ', confirm: true }, field: 'file', message: 'Type the whole path of the backup file.' },
    { name: 'custody.markNotHandedIn', input: { handoverId: 1, note: '' }, field: 'note', message: 'Say what happened, for example "Left it in the car".' },
    { name: 'custody.return', input: { receiptId: 1, itemIds: [], returnedTo: '' }, field: 'itemIds', message: 'Tick at least one item to return.' },
    { name: 'custody.return', input: { receiptId: 1, itemIds: [1], returnedTo: '' }, field: 'returnedTo', message: 'Enter the name of the person collecting.' },
    { name: 'custody.handOn', input: { itemId: 1, handedTo: '', reason: '' }, field: 'reason', message: 'Say why it was handed on.' },
  ])('$name: $field is asked for in the form’s words', async ({ name, input, field, message }) => {
    const app = await createSetUpApp();
    const before = await contentHash(app);
    const result = await app.dispatch(name, input, 'staff');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.fields?.[field]).toBe(message);
    expect(await contentHash(app)).toBe(before);
  });

  it('says a purpose is needed together with the approval’s other problems, not only once they are put right', async () => {
    const app = await createSetUpApp();
    const before = await contentHash(app);
    const result = await app.dispatch('exception.approve', {
      target: { type: 'visit', visitId: 1 }, purpose: 'other', devices: [{ kind: 'phone', quantity: 1 }], permittedUse: '', permittedAreas: 'Office',
      riskChecklist: [{ item: 'Phone stays in the office', checked: true }], approver: { staffId: app.adminId, pin: '246813' },
    }, 'staff');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.fields?.permittedUse).toBe('Say what the device may be used for.');
      expect(result.error.fields?.purposeDetail).toBe('Say what the purpose is.');
    }
    expect(await contentHash(app)).toBe(before);
  });
});

describe('search input', () => {
  it.each([[''], ['   '], [HUGE], [42], [null]])('refuses the surname search %j', async (prefix) => {
    const app = await createSetUpApp();
    for (const name of ['visitor.findReturning', 'visit.findOnSite']) {
      const result = await app.dispatch(name, { surnamePrefix: prefix }, 'kiosk');
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
  });

  it('punctuation alone finds nobody rather than everybody', async () => {
    const app = await createSetUpApp();
    await newVisitor(app);
    expect((await app.ok('visitor.findReturning', { surnamePrefix: "'-" })).matches).toEqual([]);
    expect((await app.ok('visitor.findReturning', { surnamePrefix: '%' })).matches).toEqual([]);
  });
});

describe('settings', () => {
  it.each([
    [{ idleSeconds: 5 }],
    [{ idleSeconds: 1e9 }],
    [{ idleSeconds: '90' }],
    [{ reacknowledge: 'sometimes' }],
    [{}],
  ])('refuses %j', async (input) => {
    const app = await createSetUpApp();
    await expectRefusedUnchanged(app, 'settings.update', input);
  });

  it('a damaged stored value falls back to its default instead of breaking the kiosk', async () => {
    const app = await createSetUpApp();
    await app.db.run(`UPDATE settings SET value_json = '"ninety"' WHERE key = 'kiosk.idleSeconds'`);
    await app.db.run(`INSERT INTO settings VALUES ('kiosk.reacknowledge', '{broken', '2026-01-01')`);
    const config = await app.ok('kiosk.config', {});
    expect(config.idleSeconds).toBe(90);
    expect((await app.ok('settings.get', {}, 'staff')).reacknowledge).toBe('on_change');
  });
});
