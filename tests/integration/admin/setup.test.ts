import { afterEach, describe, expect, it } from 'vitest';
import { LONG_PIN_MESSAGE } from '../../../src/shared/domain/pin-rules.js';
import { ADMIN_PIN, contentHash, count, createSetUpApp, createTestApp, disposeAll, sqlite, scalar, column } from '../../helpers/test-app.js';

afterEach(disposeAll);

const valid = {
  settingName: 'Little Acorns Day Nursery',
  settingKind: 'nursery',
  adminName: 'Jo Evans',
  pin: '246813',
  pinAgain: '246813',
  expectationsTemplate: 'nursery',
} as const;

describe('first-run setup', () => {
  it('reports a fresh database as not set up, and the kiosk refuses visitors until it is', async () => {
    const app = await createTestApp();
    expect(await app.ok('app.status', {})).toEqual({ setUp: false, settingName: null, databaseProblem: null, storageProblem: null, now: app.clock.now().toISOString() });
    expect((await app.fails('kiosk.config', {})).code).toBe('not_set_up');
  });

  it('creates the setting, an admin who is also DSL with a hashed PIN, and version 1 of the expectations', async () => {
    const app = await createTestApp();
    const { staffId } = await app.ok('setup.create', valid);
    expect(await app.ok('app.status', {})).toEqual({ setUp: true, settingName: 'Little Acorns Day Nursery', databaseProblem: null, storageProblem: null, now: app.clock.now().toISOString() });
    // The screens take their clock from the host: the answer moves with it.
    app.clock.advance(90_000);
    expect((await app.ok('app.status', {})).now).toBe(app.clock.now().toISOString());
    const staff = (await app.db.get('SELECT * FROM staff WHERE id = ?', [staffId])) as Record<string, unknown>;
    expect(staff).toMatchObject({ display_name: 'Jo Evans', is_office: 1, is_dsl: 1, is_admin: 1 });
    expect(String(staff.pin_hash)).not.toContain('246813');
    expect(await app.pins.check('246813', String(staff.pin_hash))).toBe('right');
    const config = await app.ok('kiosk.config', {});
    expect(config.policy.version).toBe(1);
    expect(config.policy.summary.length).toBeGreaterThanOrEqual(4);
    expect(config.policy.fullText).toMatch(/nursery/i);
    expect(config.settingKind).toBe('nursery');
  });

  it('uses the school wording for a school and sets the review a year on', async () => {
    const app = await createTestApp('2026-11-23T09:00:00.000Z');
    await app.ok('setup.create', { ...valid, settingKind: 'school', expectationsTemplate: 'school' });
    const row = (await app.db.get('SELECT review_due, full_text FROM policy_versions')) as { review_due: string; full_text: string };
    expect(row.review_due).toBe('2027-11-23T09:00:00.000Z');
    expect(row.full_text).toMatch(/school/i);
    expect(row.full_text).toMatch(/staffroom/i);
  });

  it('offers both default texts and the printers before setup, and nothing once set up', async () => {
    const app = await createTestApp();
    const defaults = await app.ok('setup.defaults', {});
    expect(defaults.expectations.school.fullText).toMatch(/staffroom/i);
    expect(defaults.expectations.nursery.summary.length).toBeGreaterThanOrEqual(4);
    expect(Array.isArray(defaults.printers)).toBe(true);
    await app.ok('setup.create', valid);
    // Anyone at the kiosk may ask: once the setting exists, the printers and texts are the staff console's business.
    expect((await app.fails('setup.defaults', {})).code).toBe('already_set_up');
  });

  it('saves the expectations as edited on the setup screen, and the receipt printer chosen there', async () => {
    const app = await createTestApp();
    const edited = { title: 'Phones at Little Acorns', summary: ['Phones stay in the office safe.'], fullText: 'Our own words.\n\n- One\n- Two' };
    const { staffId } = await app.ok('setup.create', { ...valid, expectations: edited, receiptPrinter: 'Office receipts' });
    const config = await app.ok('kiosk.config', {});
    expect(config.policy).toMatchObject({ version: 1, title: edited.title, summary: edited.summary, fullText: edited.fullText });
    await app.ok('staff.unlock', { staffId, pin: valid.pin });
    expect((await app.ok('settings.get', {})).receiptPrinter).toBe('Office receipts');
    const entry = (await scalar(app, "SELECT detail_json FROM audit_log WHERE action = 'policy.create'")) as string;
    expect(JSON.parse(entry)).toMatchObject({ template: 'nursery', editedAtSetup: true });
  });

  it('refuses edited expectations with an empty summary line, in words, and sets nothing up', async () => {
    const app = await createTestApp();
    const failure = await app.fails('setup.create', { ...valid, expectations: { title: 'Ours', summary: ['  '], fullText: 'Words' } });
    expect(failure.code).toBe('invalid_input');
    expect(failure.fields?.['expectations.summary.0']).toBe('Write this line, or remove it.');
    expect((await app.ok('app.status', {})).setUp).toBe(false);
  });

  it('writes the setup to the audit trail', async () => {
    const app = await createTestApp();
    await app.ok('setup.create', valid);
    const actions = await column(app, "SELECT action FROM audit_log WHERE action <> 'audit.sealing_started' ORDER BY id");
    expect(actions).toEqual(['setup.create', 'staff.create', 'policy.create']);
  });

  it('cannot run twice', async () => {
    const app = await createSetUpApp();
    const before = await contentHash(app);
    expect((await app.fails('setup.create', valid)).code).toBe('already_set_up');
    expect(await contentHash(app)).toBe(before);
  });

  it.each([
    ['mismatched PINs', { pinAgain: '246814' }, 'pinAgain'],
    ['a PIN that is too short', { pin: '12', pinAgain: '12' }, 'pin'],
    ['a PIN with letters', { pin: '12ab', pinAgain: '12ab' }, 'pin'],
    // The first account is the administrator and the DSL, who need 6 digits; 4 would do for office staff.
    ['a 4-digit PIN', { pin: '2468', pinAgain: '2468' }, 'pin'],
    ['a 5-digit PIN', { pin: '24681', pinAgain: '24681' }, 'pin'],
    ['a blank setting name', { settingName: '   ' }, 'settingName'],
    ['an unknown kind', { settingKind: 'college' }, 'settingKind'],
    ['a 10,000-character name', { adminName: 'x'.repeat(10_000) }, 'adminName'],
  ])('refuses %s with a message on the field and writes nothing', async (_label, change, field) => {
    const app = await createTestApp();
    const before = await contentHash(app);
    const error = await app.fails('setup.create', { ...valid, ...change });
    expect(error.code).toBe('invalid_input');
    expect(error.fields?.[field]).toBeTruthy();
    if (/\d-digit/.test(_label)) expect(error).toEqual({ code: 'invalid_input', message: LONG_PIN_MESSAGE, fields: { pin: LONG_PIN_MESSAGE } });
    expect(await contentHash(app)).toBe(before);
    expect(await count(app, 'staff')).toBe(0);
  });

  it('the admin PIN from setup unlocks the console', async () => {
    const app = await createSetUpApp();
    const session = await app.ok('staff.unlock', { staffId: app.adminId, pin: ADMIN_PIN }, 'other-window');
    expect(session.roles).toEqual(['office', 'dsl', 'admin']);
  });
});
