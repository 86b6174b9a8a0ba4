import { copyFileSync, cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, type App } from '../../src/main/app.js';
import { fixedClock } from '../../src/main/core/clock.js';
import { insertStaff } from '../../src/main/db/repositories/staff-repo.js';
import { AUDIT_HEAD_FILE, AUDIT_KEY_FILE, DATABASE_FILE, PIN_PEPPER_FILE } from '../../src/main/core/paths.js';
import type { CommandInput, CommandName } from '../../src/shared/contract/index.js';
import type { CommandResult } from '../../src/shared/domain/errors.js';
import { DEFAULT_RISK_CHECKLIST } from '../../src/shared/domain/exceptions.js';
import type { StaffRole } from '../../src/shared/domain/roles.js';
import { logIntoSafe, visitorWithDeclaredDevices } from './custody.js';
import { readStaffBadge } from './staff-badges.js';
import { buildConcernSamples, CONCERN_FOLLOW_UP_SAMPLES, type ConcernSampleIds } from './concern-samples.js';
import { copiesOf, type PgDatabase } from './pg-database.js';
import { ADMIN_PIN, createSetUpApp, keepDatabaseOf, newVisitor, TEST_PIN_COST, sqlite, scalar } from './test-app.js';

/**
 * One valid input for every command, and a small world (a set-up school with people on site, a pending
 * handover and a receipt in the safe) for those inputs to refer to. The table is typed over every command
 * name, so a command added to the contract without a sample here is a type error.
 */

/** The PIN of the staff accounts the tests add (the first administrator's is ADMIN_PIN). */
export const STAFF_PIN = '739152';

/** The smallest valid PNG (1x1), for the logo command. */
export const TINY_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

export type StaffCaller = 'office' | 'dsl' | 'admin' | 'head';

/**
 * Roles of the accounts the role matrix unlocks as: every account holds office; `admin` is deliberately not a
 * DSL, and `head` (the headteacher or leadership) neither a DSL nor an administrator.
 */
export const CALLER_ROLES: Record<StaffCaller, StaffRole[]> = {
  office: ['office'],
  dsl: ['office', 'dsl'],
  admin: ['office', 'admin'],
  head: ['office', 'head'],
};

export interface SampleIds extends ConcernSampleIds {
  /** The first administrator, from setup.create: office, DSL and admin, and given head too, so fuzzing passes every role check. */
  ownerId: number;
  staff: Record<StaffCaller, number>;
  policyVersionId: number;
  /** Signed in once and signed out: can sign in again. */
  returningVisitorId: number;
  /** On site, nothing in the safe. */
  onSiteVisitId: number;
  /** The badge code of that visit (badges are switched on in this world). */
  onSiteBadgeCode: string;
  /** A visitor who declared devices the office has not logged yet. */
  handoverId: number;
  handoverVisitId: number;
  /** A receipt with two items in the safe. */
  receiptId: number;
  receiptNumber: string;
  itemIds: [number, number];
  /** An account no caller uses, for the administrator's staff commands. */
  spareStaffId: number;
  /** A booking for today, still expected, and its invitation code. */
  bookingId: number;
  inviteCode: string;
  /** An active device exception (for the booking) and an open concern. */
  exceptionId: number;
  /** The code on that exception's printed record. */
  exceptionRecordCode: string;
  /** The on-site visitor's request at the kiosk to keep a device, waiting for the DSL. */
  exceptionRequestId: number;
  concernId: number;
  /** A pupil's device agreement in force, agreed by the head. */
  agreementId: number;
  /** A pupil's device exception, approved but not signed yet. */
  learnerExceptionId: number;
  /** The office caller's permission to use their own phone, approved by the owner (a head) but not signed yet. */
  staffPermissionId: number;
  /** A pupil's phone, confiscated and still in the safe. */
  confiscatedItemId: number;
  /** The receipt it is on. */
  confiscatedReceiptId: number;
  /** The codes on the staff badges of the office caller (signed in) and the head (not signed in). */
  staffBadgeCodes: { office: string; head: string };
  /** The DSL caller's day: their phone in the safe, and a tablet of theirs out for a break. */
  dslStaffDayId: number;
  /** A backup of the whole world, taken last, in the data folder's backups folder. */
  backupFileName: string;
}

export interface SampleContext extends SampleIds {
  /** Who `staff.unlock` and `staff.changeOwnPin` act as. */
  caller: { staffId: number; pin: string };
}

export const COMMAND_SAMPLES: { [N in CommandName]: (ctx: SampleContext) => CommandInput<N> } = {
  'app.status': () => ({}),
  'setup.defaults': () => ({}),
  'setup.create': () => ({
    settingName: 'Second Setting',
    settingKind: 'nursery',
    adminName: 'Someone Else',
    pin: '555555',
    pinAgain: '555555',
    expectationsTemplate: 'nursery',
  }),
  'kiosk.config': () => ({}),
  'visitor.findReturning': () => ({ surnamePrefix: 'Whit' }),
  'visitor.returningStatus': (ctx) => ({ visitorId: ctx.returningVisitorId }),
  'visit.signInNew': (ctx) => ({
    firstName: 'Nia',
    lastName: 'Okafor',
    organisation: null,
    visitorType: 'contractor',
    visiting: 'Boiler service',
    policyVersionId: ctx.policyVersionId,
    devices: [],
  }),
  'visit.signInReturning': (ctx) => ({
    visitorId: ctx.returningVisitorId,
    visiting: 'Governors meeting',
    acknowledgedPolicyVersionId: ctx.policyVersionId,
    devices: [],
  }),
  'visit.findOnSite': () => ({ surnamePrefix: 'Benn' }),
  'visit.signOut': (ctx) => ({ visitId: ctx.onSiteVisitId }),
  'visit.signOutByBadge': (ctx) => ({ code: ctx.onSiteBadgeCode }),
  'badge.print': (ctx) => ({ code: ctx.onSiteBadgeCode }),
  'badge.reprint': (ctx) => ({ visitId: ctx.onSiteVisitId }),
  'staff.listForUnlock': () => ({}),
  'staff.unlock': (ctx) => ({ staffId: ctx.caller.staffId, pin: ctx.caller.pin }),
  'staff.lock': () => ({}),
  'staff.session': () => ({}),
  'visit.onSite': () => ({}),
  'custody.pendingHandovers': () => ({}),
  // The same PIN again: the account keeps working for the rest of the test.
  'staff.changeOwnPin': (ctx) => ({ currentPin: ctx.caller.pin, newPin: { pin: ctx.caller.pin, pinAgain: ctx.caller.pin } }),
  'visit.overrideSignOut': (ctx) => ({ visitId: ctx.onSiteVisitId, reason: 'Left by the side gate with the caretaker' }),
  'custody.log': (ctx) => ({
    handoverId: ctx.handoverId,
    owner: { type: 'visitor', visitId: ctx.handoverVisitId },
    items: [{ kind: 'phone', description: 'Blue Samsung', marks: null, bagSlot: '7' }],
  }),
  'custody.markNotHandedIn': (ctx) => ({ handoverId: ctx.handoverId, note: 'Left the phone in the car' }),
  'custody.findReceipt': (ctx) => ({ code: ctx.receiptNumber }),
  'custody.searchByOwner': () => ({ name: "O'Brien" }),
  'custody.return': (ctx) => ({ receiptId: ctx.receiptId, itemIds: [ctx.itemIds[0]], returnedTo: "Zoë O'Brien-Łukasz", note: null }),
  'custody.handOn': (ctx) => ({ itemId: ctx.itemIds[1], handedTo: 'Mr Patel', reason: 'Collected for repair by the IT technician' }),
  'custody.correct': (ctx) => ({
    itemId: ctx.itemIds[0],
    description: 'Black iPhone 13, cracked case',
    marks: 'Sticker of a fox',
    bagSlot: '14',
    reason: 'Moved to a larger bag',
  }),
  'custody.inSafe': () => ({}),
  'custody.reprint': (ctx) => ({ receiptId: ctx.receiptId, layout: 'a4' }),
  'custody.markGivenByHand': (ctx) => ({ receiptId: ctx.receiptId }),
  'printers.list': () => ({}),
  'settings.get': () => ({}),
  'settings.update': () => ({ idleSeconds: 120, endOfDay: '17:45' }),
  'audit.verify': () => ({}),
  'audit.checkMark': () => ({ entry: 1, code: '3f9a-1c2d' }),
  'audit.list': () => ({ from: '2026-11-01', to: '2026-11-30', limit: 50 }),

  'exception.approve': (ctx) => ({
    target: { type: 'visit', visitId: ctx.onSiteVisitId },
    purpose: 'inspection',
    purposeDetail: null,
    devices: [{ kind: 'laptop', quantity: 1 }],
    permittedUse: 'Taking notes for the inspection report',
    permittedAreas: 'The staff room and the head teacher\'s office',
    conditions: null,
    riskChecklist: DEFAULT_RISK_CHECKLIST.map((item) => ({ item, checked: true })),
    riskNotes: null,
    // The on-site visitor asked at the kiosk: the approval answers their request.
    requestId: ctx.exceptionRequestId,
    approver: { staffId: ctx.staff.dsl, pin: STAFF_PIN },
  }),
  'exception.revoke': (ctx) => ({ exceptionId: ctx.exceptionId, reason: 'The inspection finished early' }),
  'exception.list': (ctx) => ({ visitId: ctx.onSiteVisitId }),
  'exception.record': (ctx) => ({ exceptionId: ctx.exceptionId }),
  'settings.setLogo': () => ({ dataBase64: TINY_PNG }),
  'exception.lookup': (ctx) => ({ code: ctx.exceptionRecordCode }),
  // The visitor with a handover waiting has not asked yet (the on-site one has: the decline's request).
  'exceptionRequest.request': (ctx) => ({ visitId: ctx.handoverVisitId, deviceKind: 'laptop', purpose: 'Presenting the assembly slides' }),
  'exceptionRequest.listOpen': () => ({}),
  'exceptionRequest.decline': (ctx) => ({ requestId: ctx.exceptionRequestId, reason: 'Please use the school laptop in the hall' }),
  'visit.recordChecks': (ctx) => ({ visitId: ctx.onSiteVisitId, photoIdChecked: true, dbsAssuranceSeen: true }),

  'booking.create': () => ({
    firstName: 'Hana',
    lastName: 'Kowalski',
    organisation: 'Ofsted',
    visitorType: 'inspector',
    host: 'Mrs Khan, head teacher',
    expectedDate: '2026-11-24',
    expectedTime: '10:30',
  }),
  'booking.list': () => ({ date: '2026-11-23' }),
  'booking.cancel': (ctx) => ({ bookingId: ctx.bookingId, reason: 'The visit was moved to next term' }),
  'booking.invite': (ctx) => ({ bookingId: ctx.bookingId }),
  'invite.lookup': (ctx) => ({ code: ctx.inviteCode }),
  'visit.signInWithInvite': (ctx) => ({ code: ctx.inviteCode, acknowledgedPolicyVersionId: ctx.policyVersionId, devices: [] }),

  'concern.raise': () => ({
    aboutType: 'visitor',
    aboutName: 'A man in a blue van',
    visitId: null,
    location: 'The car park by the nursery gate',
    whatHappened: 'He was photographing the playground over the fence.',
    actionTaken: 'The caretaker asked him to leave and noted the number plate.',
  }),
  'concern.list': () => ({}),
  'inbox.list': () => ({}),
  'concern.review': (ctx) => ({ concernId: ctx.concernId, outcome: 'Reported to the police; no further action here.', close: false }),
  ...CONCERN_FOLLOW_UP_SAMPLES,

  'policy.get': () => ({}),
  'policy.publish': () => ({
    title: 'Mobile devices on our site',
    summary: ['Phones stay in the office safe.', 'Ask at the desk if you need yours.'],
    fullText: 'Visitors hand in phones, smart watches and cameras at the office.\nThey are kept in the safe.',
    reviewDue: '2027-09-01',
  }),
  'policy.recordReview': () => ({ note: 'Read through with the governors; no changes needed.', nextReviewDue: '2027-11-23' }),
  'leaflet.get': () => ({}),
  // Different words from the world's leaflet (publishing the same words again is refused as nothing new).
  'leaflet.publish': () => ({ title: 'Keeping children safe at Oak Tree', body: '### Who to talk to\nAsk at the office for the DSL.\n\n- Phones stay in the office safe' }),
  'leaflet.print': () => ({}),
  'leaflet.printForVisitor': (ctx) => ({ visitId: ctx.onSiteVisitId }),
  'app.reminders': () => ({}),

  'staff.list': () => ({}),
  'staff.create': () => ({ displayName: 'Gwen Price', roles: ['dsl'], pin: '246813', pinAgain: '246813' }),
  'staff.update': (ctx) => ({ staffId: ctx.spareStaffId, displayName: 'Sam Spare-Jones', roles: ['office'] }),
  'staff.resetPin': (ctx) => ({ staffId: ctx.spareStaffId, pin: '1357', pinAgain: '1357' }),
  'staff.unlockAccount': (ctx) => ({ staffId: ctx.spareStaffId }),
  'staff.deactivate': (ctx) => ({ staffId: ctx.spareStaffId, reason: 'Left the school at half term' }),

  'rollcall.print': () => ({}),
  'rollcall.save': (ctx) => ({ accountedVisitIds: [ctx.onSiteVisitId, ctx.handoverVisitId], note: 'Fire drill: everyone at the assembly point' }),
  'endOfDay.report': () => ({}),
  'endOfDay.print': () => ({}),

  'report.get': () => ({ kind: 'visitors', from: '2026-11-01', to: '2026-11-23' }),
  'report.export': () => ({ kind: 'visitors', from: '2026-11-01', to: '2026-11-23', format: 'csv' }),

  'person.search': () => ({ name: 'Whitfield' }),
  'person.export': (ctx) => ({ visitorId: ctx.returningVisitorId }),
  'retention.runNow': () => ({}),

  'backup.now': () => ({}),
  'backup.list': () => ({}),
  // By name: it is looked up in this copy's own backup folder.
  'backup.restore': (ctx) => ({ file: ctx.backupFileName, confirm: true }),

  'staffDay.onSite': () => ({}),
  // The office caller is signed in already (see the world below): signing in again is refused by design.
  'staffDay.signIn': () => ({ phone: { bagSlot: 'S7', description: 'Green Samsung' } }),
  'staffDay.signOut': () => ({ collectPhone: true }),
  'staffDay.kioskNames': () => ({}),
  'staffDay.signInAtKiosk': (ctx) => ({ staffId: ctx.staff.head, pin: STAFF_PIN, phone: { bagSlot: 'S4', description: 'Blue iPhone' } }),
  'staffDay.signOutAtKiosk': (ctx) => ({ staffId: ctx.staff.office, pin: STAFF_PIN, collectPhone: true }),
  'staff.issueBadge': (ctx) => ({ staffId: ctx.spareStaffId }),
  // As a scanner may not, and a person copying it does not: lower case, in groups with spaces.
  'staffDay.findByBadge': (ctx) => ({ badgeCode: ctx.staffBadgeCodes.head.toLowerCase().replace(/(.{4})/g, '$1 ') }),
  'staffDay.signInByBadge': (ctx) => ({ badgeCode: ctx.staffBadgeCodes.head, phone: { bagSlot: 'S5', description: null } }),
  'staffDay.signOutByBadge': (ctx) => ({ badgeCode: ctx.staffBadgeCodes.office, collectPhone: true }),
  'staffDay.breakOut': (ctx) => ({ staffDayId: ctx.dslStaffDayId }),
  'staffDay.breakBack': (ctx) => ({ staffDayId: ctx.dslStaffDayId }),

  'learner.agreements': () => ({}),
  'learner.agreementsFor': () => ({ pupilName: 'Amy Jones' }),
  'learner.recordAgreement': (ctx) => ({
    pupilName: 'Leo Kowalczyk',
    classGroup: 'Year 6',
    deviceKind: 'smart_watch',
    deviceDescription: 'Black watch with a GPS tracker',
    reason: 'His parents track him on the bus home',
    conditions: 'Handed in at the office on arrival',
    validFrom: '2026-11-23',
    validUntil: '2027-07-21',
    agreedBy: { staffId: ctx.staff.head, pin: STAFF_PIN },
  }),
  'learner.endAgreement': (ctx) => ({ agreementId: ctx.agreementId, reason: 'She has moved to another school' }),
  'learner.devicesHeld': () => ({}),
  'learner.recordSearch': (ctx) => ({
    itemId: ctx.confiscatedItemId,
    consentFrom: 'parent',
    consentName: 'Dawn Morgan',
    consentRelationship: 'Mother',
    consentOn: '2026-11-23',
    consentTime: '09:00',
    lookedAt: 'Photos and videos taken today',
    found: 'Two videos filmed in the toilets',
    content: 'deleted',
    contentDetail: 'Both videos, deleted with Kai watching',
    witness: 'Mr Evans, deputy head',
  }),
  'learner.searches': () => ({}),
  'learner.exceptions': () => ({}),
  'learner.recordException': (ctx) => ({
    pupilName: 'Maya Patel',
    classGroup: 'Year 4',
    deviceKind: 'phone',
    deviceDescription: 'White iPhone SE in a blue case',
    reason: 'Reads her glucose monitor (type 1 diabetes)',
    permittedUse: 'Checking her glucose readings and the alarm',
    expectations: 'Kept on silent in her bag; she tells the teacher when she checks it',
    sanctions: 'Kept at the office until the end of the day; the exception may be ended',
    validFrom: '2026-11-23',
    validUntil: '2027-07-21',
    approvedBy: { staffId: ctx.staff.dsl, pin: STAFF_PIN },
  }),
  'learner.printExceptionAgreement': (ctx) => ({ exceptionId: ctx.learnerExceptionId }),
  'learner.recordExceptionSigned': (ctx) => ({
    exceptionId: ctx.learnerExceptionId, learnerName: 'Ella Hughes', parentName: 'Gareth Hughes', parentRelationship: 'Father', signedOn: '2026-11-23',
  }),
  'learner.endException': (ctx) => ({ exceptionId: ctx.learnerExceptionId, reason: 'Her monitor now has its own reader' }),
  'staffPermission.list': () => ({}),
  'staffPermission.record': (ctx) => ({
    staffId: ctx.staff.dsl,
    deviceKind: 'laptop',
    deviceDescription: 'Grey MacBook Air',
    purpose: 'remote_learning',
    purposeDetail: null,
    permittedUse: 'Live lessons for Year 5 from home while the school laptops are repaired',
    permittedAreas: 'At home only',
    conditions: 'School Teams account only; no recordings kept on the laptop',
    riskAssessedOn: '2026-11-20',
    validFrom: '2026-11-23',
    validUntil: '2026-12-18',
    approvedBy: { staffId: ctx.staff.head, pin: STAFF_PIN },
  }),
  'staffPermission.print': (ctx) => ({ permissionId: ctx.staffPermissionId }),
  'staffPermission.recordSigned': (ctx) => ({ permissionId: ctx.staffPermissionId, signedOn: '2026-11-23' }),
  'staffPermission.end': (ctx) => ({ permissionId: ctx.staffPermissionId, reason: 'School laptops are back' }),
  // At 09:00, before the end of the day: the DSL agrees with their own PIN.
  'learner.releaseConfiscated': (ctx) => ({
    receiptId: ctx.confiscatedReceiptId,
    itemIds: [ctx.confiscatedItemId],
    parentName: 'Dawn Morgan',
    relationship: 'mother',
    relationshipOther: null,
    identityCheck: 'photo_id',
    identityNote: null,
    note: null,
    early: { staffId: ctx.staff.dsl, pin: STAFF_PIN, reason: 'Kai has a hospital appointment at two' },
  }),
  'learner.handToPolice': (ctx) => ({
    receiptId: ctx.confiscatedReceiptId,
    itemIds: [ctx.confiscatedItemId],
    officerName: 'PC Amir Khan',
    officerNumber: '4471',
    policeForce: 'Kent Police',
    policeReference: '46/123456/26',
    note: null,
  }),
};

/** A command's sample, for code that iterates names (where TypeScript cannot pair name and input). */
export function sampleFor(name: CommandName, ctx: SampleContext): unknown {
  const sample = COMMAND_SAMPLES[name] as ((c: SampleContext) => unknown) | undefined;
  if (!sample) throw new Error(`No sample input for ${name}: add one to COMMAND_SAMPLES in tests/helpers/command-samples.ts.`);
  return sample(ctx);
}

export const START = '2026-11-23T09:00:00.000Z';

export interface SampleTemplate {
  dir: string;
  ids: SampleIds;
  /**
   * Parts of the world the real commands could not build (a command not implemented yet, say). Each is
   * stood in for (a repository insert, or an id that finds nothing) so the other commands can still be
   * tested; a test asserts this list is empty.
   */
  problems: string[];
  /** On PostgreSQL: the database each sample app copies (closed, so it can be copied). */
  database?: string;
  /** On PostgreSQL: a fresh copy of `database` (copiesOf: the next is made while the test runs). */
  nextDatabase(): Promise<PgDatabase>;
  dispose(): Promise<void>;
}

/** The default backup folder inside a data folder (no backup folder is chosen in Settings). */
const BACKUPS = 'backups';

/** An id no row has: what a sample refers to when its part of the world could not be built. */
const MISSING_ID = 999_999;

/**
 * Builds the world once, through the real commands as the first administrator, and closes it; each test
 * then opens its own copy of the database file.
 */
export async function buildSampleTemplate(): Promise<SampleTemplate> {
  const app = await createSetUpApp();
  const owner = 'staff';
  const problems: string[] = [];
  const attempt = async <T>(what: string, work: () => T | Promise<T>, standIn: () => T | Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (err) {
      problems.push(`${what}: ${err instanceof Error ? err.message : String(err)}`);
      return standIn();
    }
  };

  const addStaff = (displayName: string, roles: StaffRole[]) =>
    attempt(
      `staff.create ${displayName}`,
      async () => (await app.ok('staff.create', { displayName, roles, pin: STAFF_PIN, pinAgain: STAFF_PIN }, owner)).staffId,
      async () => insertStaff(app.db, { displayName, pinHash: await app.pins.hash(STAFF_PIN), roles, createdAt: app.clock.now().toISOString() }),
    );
  const staff = {
    office: await addStaff('Olu Office', CALLER_ROLES.office),
    dsl: await addStaff('Dee Safeguarding', CALLER_ROLES.dsl),
    admin: await addStaff('Ade Admin', CALLER_ROLES.admin),
    head: await addStaff('Hal Head', CALLER_ROLES.head),
  };
  // The owner holds every role, so the fuzzing (which sends as the owner) reaches every command's own checks.
  await attempt(
    'staff.update owner',
    async () => {
      await app.ok('staff.update', { staffId: app.adminId, displayName: 'Priya Shah', roles: ['dsl', 'admin', 'head'] }, owner);
      await app.ok('staff.unlock', { staffId: app.adminId, pin: ADMIN_PIN }, owner);
    },
    () => undefined,
  );
  const spareStaffId = await addStaff('Sam Spare', ['office']);
  // The office caller has signed in for the day at the kiosk (no phone in the safe), so staffDay.signOut and
  // staffDay.signOutAtKiosk find them in; everyone else is not signed in.
  await attempt(
    'staffDay.signInAtKiosk',
    () => app.ok('staffDay.signInAtKiosk', { staffId: staff.office, pin: STAFF_PIN, phone: null }),
    () => undefined,
  );
  const policyVersionId = (await app.ok('kiosk.config', {})).policy.versionId;

  const returning = await newVisitor(app, { firstName: 'Rita', lastName: 'Whitfield', organisation: 'County Council' });
  await app.ok('visit.signOut', { visitId: returning.visitId });
  const { visitor_id: returningVisitorId } = (await app.db.get('SELECT visitor_id FROM visits WHERE id = ?', [returning.visitId])) as {
    visitor_id: number;
  };
  const onSite = await newVisitor(app);
  const logged = await logIntoSafe(app);
  const pending = await visitorWithDeclaredDevices(app, { firstName: 'Kofi', lastName: 'Mensah' });

  const booking = await attempt(
    'booking.create',
    async () => {
      const { bookingId } = await app.ok(
        'booking.create',
        { firstName: 'Ines', lastName: 'Duarte', organisation: 'Local authority', visitorType: 'local_authority', host: 'The SENCo', expectedDate: '2026-11-23', expectedTime: null },
        owner,
      );
      const { invite_token } = (await app.db.get('SELECT invite_token FROM bookings WHERE id = ?', [bookingId])) as { invite_token: string };
      return { bookingId, inviteCode: invite_token };
    },
    () => ({ bookingId: MISSING_ID, inviteCode: 'A'.repeat(26) }),
  );
  const exceptionId = await attempt(
    'exception.approve',
    async () =>
      (await app.ok(
        'exception.approve',
        {
          target: { type: 'booking', bookingId: booking.bookingId },
          purpose: 'local_authority',
          purposeDetail: null,
          devices: [{ kind: 'phone', quantity: 1 }],
          permittedUse: 'Calls to the office about the meeting',
          permittedAreas: 'The meeting room',
          conditions: null,
          riskChecklist: DEFAULT_RISK_CHECKLIST.map((item) => ({ item, checked: true })),
          riskNotes: null,
          approver: { staffId: app.adminId, pin: ADMIN_PIN },
        },
        owner,
      )).exceptionId,
    () => MISSING_ID,
  );
  const concernId = await attempt(
    'concern.raise',
    async () =>
      (await app.ok(
        'concern.raise',
        {
          aboutType: 'parent_carer',
          aboutName: 'A parent at pick-up',
          visitId: null,
          location: 'The front gate',
          whatHappened: 'Shouting at another parent in front of the children.',
          actionTaken: 'The deputy head spoke to both parents.',
        },
        owner,
      )).concernId,
    () => MISSING_ID,
  );

  const agreementId = await attempt(
    'learner.recordAgreement',
    async () =>
      (await app.ok(
        'learner.recordAgreement',
        {
          pupilName: 'Amy Jones',
          classGroup: '6B',
          deviceKind: 'phone',
          deviceDescription: 'Red Nokia with a cracked case',
          reason: 'Walks home alone on Tuesdays',
          conditions: null,
          validFrom: '2026-09-01',
          validUntil: '2027-07-21',
          agreedBy: { staffId: app.adminId, pin: ADMIN_PIN },
        },
        owner,
      )).agreementId,
    () => MISSING_ID,
  );

  const learnerExceptionId = await attempt(
    'learner.recordException',
    async () =>
      (await app.ok(
        'learner.recordException',
        {
          pupilName: 'Ella Hughes',
          classGroup: '5C',
          deviceKind: 'smart_watch',
          deviceDescription: 'Black watch paired with her monitor',
          reason: 'Medical monitoring: her blood glucose',
          permittedUse: 'Reading her glucose alerts',
          expectations: 'Worn on her wrist; no messages or photos',
          sanctions: 'The exception may be ended',
          validFrom: '2026-11-23',
          validUntil: '2027-07-21',
          approvedBy: { staffId: app.adminId, pin: ADMIN_PIN },
        },
        owner,
      )).exceptionId,
    () => MISSING_ID,
  );

  const staffPermissionId = await attempt(
    'staffPermission.record',
    async () =>
      (await app.ok(
        'staffPermission.record',
        {
          staffId: staff.office,
          deviceKind: 'phone',
          deviceDescription: 'Black iPhone 13',
          purpose: 'lessons',
          purposeDetail: null,
          permittedUse: 'Timing experiments in science lessons',
          permittedAreas: 'Year 6 classroom',
          conditions: null,
          riskAssessedOn: null,
          validFrom: '2026-11-23',
          validUntil: null,
          approvedBy: { staffId: app.adminId, pin: ADMIN_PIN },
        },
        owner,
      )).permissionId,
    () => MISSING_ID,
  );

  const confiscatedItemId = await attempt(
    'custody.log confiscated',
    async () =>
      (await app.ok(
        'custody.log',
        {
          owner: { type: 'learner', name: 'Kai Morgan', group: '6B', reason: 'confiscated', confiscationReason: 'Filming other pupils in the toilets' },
          items: [{ kind: 'phone', description: 'Black iPhone', marks: null, bagSlot: 'C1' }],
        },
        owner,
      )).receipt.items[0]!.itemId,
    () => MISSING_ID,
  );

  const confiscatedReceiptId = ((await scalar(app, 'SELECT receipt_id FROM custody_items WHERE id = ?', [confiscatedItemId])) as number | undefined) ?? MISSING_ID;

  const exceptionRequestId = await attempt(
    'exceptionRequest.request',
    async () => {
      await app.ok('exceptionRequest.request', { visitId: onSite.visitId, deviceKind: 'phone', purpose: 'Taking notes for the SEND review' });
      return (await scalar(app, 'SELECT id FROM exception_requests WHERE visit_id = ?', [onSite.visitId])) as number;
    },
    () => MISSING_ID,
  );

  const concernSamples = await buildConcernSamples(app, { staffId: staff.office, pin: STAFF_PIN }, owner, attempt, MISSING_ID);

  await app.ok('settings.update', { badgeEnabled: true }, owner);
  // A safeguarding leaflet, for the desk and the kiosk to print.
  await attempt(
    'leaflet.publish',
    () => void app.ok('leaflet.publish', { title: 'Keeping children safe: a guide for visitors', body: '### Who to talk to\nThe DSL, or anyone at the office.' }, owner),
    () => undefined,
  );
  const exceptionRecordCode = ((await scalar(app, 'SELECT record_token FROM device_exceptions WHERE id = ?', [exceptionId])) as string | undefined) ?? 'A'.repeat(26);
  const onSiteBadgeCode = (await scalar(app, 'SELECT badge_token FROM visits WHERE id = ?', [onSite.visitId])) as string;
  // Staff badges for the office caller and the head, read back from the printed badges as a scanner would.
  const staffBadgeCodes = await attempt(
    'staff.issueBadge',
    async () => {
      await app.ok('staff.issueBadge', { staffId: staff.office }, owner);
      await app.ok('staff.issueBadge', { staffId: staff.head }, owner);
      return { office: (await readStaffBadge(app.dir, staff.office)).code, head: (await readStaffBadge(app.dir, staff.head)).code };
    },
    () => ({ office: 'A'.repeat(26), head: 'B'.repeat(26) }),
  );
  // The DSL caller at work with their phone in the safe and their tablet out for a break: both break taps have work to do.
  const dslStaffDayId = await attempt(
    'staffDay break',
    async () => {
      const day = await app.ok('staffDay.signInAtKiosk', { staffId: staff.dsl, pin: STAFF_PIN, phone: { bagSlot: 'S9', description: null } });
      const tablet = (await app.ok('custody.log', { owner: { type: 'staff', staffId: staff.dsl }, items: [{ kind: 'tablet', description: null, marks: null, bagSlot: 'S9' }] }, owner)).receipt;
      await app.ok('custody.return', { receiptId: tablet.receiptId, itemIds: [tablet.items[0]!.itemId], returnedTo: 'Dee Safeguarding', note: 'Break' }, owner);
      return day.staffDayId;
    },
    () => MISSING_ID,
  );
  // On PostgreSQL the server keeps the backups: there is none to name, and backup.now says so.
  const backupFileName = app.database !== undefined
    ? 'safe-hands-none.db'
    : await attempt('backup.now', async () => (await app.ok('backup.now', {}, owner)).fileName, () => 'safe-hands-missing.db');

  const ids: SampleIds = {
    ownerId: app.adminId,
    staff,
    spareStaffId,
    policyVersionId,
    returningVisitorId,
    onSiteVisitId: onSite.visitId,
    onSiteBadgeCode,
    handoverId: pending.handover.handoverId,
    handoverVisitId: pending.visit.visitId,
    receiptId: logged.receipt.receiptId,
    receiptNumber: logged.receipt.receiptNumber,
    itemIds: [logged.receipt.items[0]!.itemId, logged.receipt.items[1]!.itemId],
    ...booking,
    exceptionId,
    exceptionRecordCode,
    exceptionRequestId,
    concernId,
    ...concernSamples,
    agreementId,
    learnerExceptionId,
    staffPermissionId,
    staffBadgeCodes,
    dslStaffDayId,
    confiscatedItemId,
    confiscatedReceiptId,
    backupFileName,
  };
  // The head file is written a second after a commit, or now.
  app.auditTrail.flush();
  const dir = mkdtempSync(join(tmpdir(), 'safe-hands-template-'));
  if (app.database === undefined) {
    sqlite(app).pragma('wal_checkpoint(TRUNCATE)');
    copyFileSync(join(app.dir, DATABASE_FILE), join(dir, DATABASE_FILE));
  }
  // The PINs need the key they were set with: it is never in the database.
  copyFileSync(join(app.dir, PIN_PEPPER_FILE), join(dir, PIN_PEPPER_FILE));
  for (const file of [AUDIT_KEY_FILE, AUDIT_HEAD_FILE]) copyFileSync(join(app.dir, file), join(dir, file));
  if (existsSync(join(app.dir, BACKUPS))) cpSync(join(app.dir, BACKUPS), join(dir, BACKUPS), { recursive: true });
  await app.dispose();
  // A database can only be copied while nobody is connected to it.
  await app.db.close();
  const database = app.database === undefined ? undefined : keepDatabaseOf(app);
  const copies = database === undefined ? undefined : copiesOf(database.name);
  return {
    dir,
    ids,
    problems,
    database: database?.name,
    nextDatabase: () => copies!.next(),
    async dispose() {
      rmSync(dir, { recursive: true, force: true });
      await copies?.dispose();
      await database?.drop();
    },
  };
}

export type SampleApp = App & {
  clock: ReturnType<typeof fixedClock>;
  ids: SampleIds;
  /** Calls a command and awaits its answer, whichever kind it is. */
  send(name: unknown, input: unknown, sessionKey: string): Promise<CommandResult<unknown>>;
  dispose(): Promise<void>;
};

/**
 * A fresh copy of the template's world, opened like the real app, with no staff unlocked: its database file
 * copied, or on PostgreSQL a database made from the template's.
 */
export async function openSampleApp(template: SampleTemplate): Promise<SampleApp> {
  const dir = mkdtempSync(join(tmpdir(), 'safe-hands-sample-'));
  if (template.database === undefined) copyFileSync(join(template.dir, DATABASE_FILE), join(dir, DATABASE_FILE));
  const database = template.database === undefined ? undefined : await template.nextDatabase();
  copyFileSync(join(template.dir, PIN_PEPPER_FILE), join(dir, PIN_PEPPER_FILE));
  // The copy is the same data folder moved: its audit trail is sealed with this key and ends at this head.
  for (const file of [AUDIT_KEY_FILE, AUDIT_HEAD_FILE]) copyFileSync(join(template.dir, file), join(dir, file));
  if (existsSync(join(template.dir, BACKUPS))) cpSync(join(template.dir, BACKUPS), join(dir, BACKUPS), { recursive: true });
  const clock = fixedClock(START);
  const app = await openApp({ dataDir: dir, clock, pinHashCost: TEST_PIN_COST, database: database?.url });
  return Object.assign(app, {
    clock,
    ids: template.ids,
    send: async (name: unknown, input: unknown, key: string) => app.dispatch(name, input, key),
    async dispose() {
      app.close();
      rmSync(dir, { recursive: true, force: true });
      await app.db.close();
      await database?.drop();
    },
  });
}

/** The sample context for a caller: who unlocks, with which PIN. */
export function contextFor(ids: SampleIds, caller: StaffCaller | 'owner'): SampleContext {
  return caller === 'owner'
    ? { ...ids, caller: { staffId: ids.ownerId, pin: ADMIN_PIN } }
    : { ...ids, caller: { staffId: ids.staff[caller], pin: STAFF_PIN } };
}
