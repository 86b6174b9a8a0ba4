import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_NAMES, commandSchemas, type CommandName } from '../../../src/shared/contract/index.js';
import { ERROR_CODES, type ErrorCode } from '../../../src/shared/domain/errors.js';
import { roleAllows, type RequiredRole, type StaffRole } from '../../../src/shared/domain/roles.js';
import {
  buildSampleTemplate, CALLER_ROLES, contextFor, openSampleApp, sampleFor, STAFF_PIN, type SampleApp, type SampleTemplate, type StaffCaller,
} from '../../helpers/command-samples.js';
import { contentHash, onPostgres } from '../../helpers/test-app.js';

/**
 * Every command, called by every kind of caller. The role each command needs is written out here as well as
 * in the contract: moving a command to a weaker role by mistake fails this table, and a command added to
 * the contract without a row here (or without a sample input) fails the typecheck.
 */
const EXPECTED_ROLE: { [N in CommandName]: RequiredRole } = {
  'app.status': 'kiosk',
  'setup.defaults': 'kiosk',
  'setup.create': 'kiosk',
  'kiosk.config': 'kiosk',
  'visitor.findReturning': 'kiosk',
  'visitor.returningStatus': 'kiosk',
  'visit.signInNew': 'kiosk',
  'visit.signInReturning': 'kiosk',
  'visit.findOnSite': 'kiosk',
  'visit.signOut': 'kiosk',
  'visit.signOutByBadge': 'kiosk',
  'badge.print': 'kiosk',
  'badge.reprint': 'office',
  'staff.listForUnlock': 'kiosk',
  'staff.unlock': 'kiosk',
  'staff.lock': 'kiosk',
  'staff.session': 'kiosk',
  'visit.onSite': 'office',
  'custody.pendingHandovers': 'office',
  'staff.changeOwnPin': 'office',
  'visit.overrideSignOut': 'office',
  'custody.log': 'office',
  'custody.markNotHandedIn': 'office',
  'custody.findReceipt': 'office',
  'custody.searchByOwner': 'office',
  'custody.return': 'office',
  'custody.handOn': 'office',
  'custody.correct': 'office',
  'custody.inSafe': 'office',
  'custody.reprint': 'office',
  'custody.markGivenByHand': 'office',
  'printers.list': 'admin',
  'settings.get': 'admin',
  'settings.update': 'admin',
  'audit.verify': 'dsl_or_admin',
  'audit.checkMark': 'dsl_or_admin',
  'audit.list': 'dsl_or_admin',
  // An office console carries the request; the approving DSL re-enters their own PIN inside the input.
  'exception.approve': 'office',
  'exception.revoke': 'dsl',
  'exception.list': 'office',
  'exception.record': 'office',
  'settings.setLogo': 'admin',
  'exception.lookup': 'office',
  // The visitor who has just signed in asks at the kiosk to keep a device; only the DSL sees and declines
  // requests (approving one is exception.approve, with the DSL's PIN).
  'exceptionRequest.request': 'kiosk',
  'exceptionRequest.listOpen': 'dsl',
  'exceptionRequest.decline': 'dsl',
  'visit.recordChecks': 'office',
  'booking.create': 'office',
  'booking.list': 'office',
  'booking.cancel': 'office',
  'booking.invite': 'office',
  'invite.lookup': 'kiosk',
  'visit.signInWithInvite': 'kiosk',
  'concern.raise': 'office',
  'concern.list': 'office',
  // What waits for the DSL: concerns, LADO outcomes, items held overnight, the review.
  'inbox.list': 'dsl',
  'concern.review': 'dsl',
  // Telling the parents is a fact anyone who may see the concern records; the rest are the DSL's decisions.
  'concern.recordParentsInformed': 'office',
  'concern.recordParentsNotInformed': 'dsl',
  'concern.recordDebrief': 'dsl',
  'concern.recordLadoReferral': 'dsl',
  'concern.recordLadoOutcome': 'dsl',
  'concern.recordPoliceContact': 'dsl',
  'policy.get': 'dsl',
  'policy.publish': 'dsl',
  'policy.recordReview': 'dsl',
  // The safeguarding leaflet: every member of staff reads and prints it, the DSL writes it, and the visitor who
  // has just signed in asks the kiosk for one (once per visit).
  'leaflet.get': 'office',
  'leaflet.publish': 'dsl',
  'leaflet.print': 'office',
  'leaflet.printForVisitor': 'kiosk',
  'app.reminders': 'office',
  'staff.list': 'admin',
  'staff.create': 'admin',
  'staff.update': 'admin',
  'staff.resetPin': 'admin',
  'staff.unlockAccount': 'admin',
  'staff.deactivate': 'admin',
  'rollcall.print': 'office',
  'rollcall.save': 'office',
  'endOfDay.report': 'office',
  'endOfDay.print': 'office',
  'report.get': 'office',
  'report.export': 'office',
  'person.search': 'admin',
  'person.export': 'admin',
  'retention.runNow': 'admin',
  'backup.now': 'admin',
  'backup.list': 'admin',
  'backup.restore': 'admin',
  // Who is signed in, and signing oneself in or out at an unlocked console: every member of staff.
  'staffDay.onSite': 'office',
  'staffDay.signIn': 'office',
  'staffDay.signOut': 'office',
  // At the kiosk the staff member's own PIN is the proof, typed with the command.
  'staffDay.kioskNames': 'kiosk',
  'staffDay.signInAtKiosk': 'kiosk',
  'staffDay.signOutAtKiosk': 'kiosk',
  // A staff badge is issued by an administrator; at the kiosk the badge is the proof, as the PIN is.
  'staff.issueBadge': 'admin',
  'staffDay.findByBadge': 'kiosk',
  'staffDay.signInByBadge': 'kiosk',
  'staffDay.signOutByBadge': 'kiosk',
  // Break time at the office: every member of staff gives a colleague's phone out and takes it back.
  'staffDay.breakOut': 'office',
  'staffDay.breakBack': 'office',
  // A member of staff's permission to use their own device: everyone sees who may keep their phone, and the
  // office records one (the approving head types their PIN), prints it and records it signed; only a head ends one.
  'staffPermission.list': 'office',
  'staffPermission.record': 'office',
  'staffPermission.print': 'office',
  'staffPermission.recordSigned': 'office',
  'staffPermission.end': 'head',
  'learner.agreements': 'office',
  'learner.agreementsFor': 'office',
  // Only the headteacher or leadership records or ends a pupil's device agreement; the agreeing head also types their PIN.
  'learner.recordAgreement': 'head',
  'learner.endAgreement': 'head',
  // Which pupils' devices the safe holds: every member of staff gives them back at home time.
  'learner.devicesHeld': 'office',
  // A search of a confiscated device: only leadership records one, as the searcher; the DSL sees every one.
  'learner.recordSearch': 'head',
  'learner.searches': 'dsl_or_head',
  // A pupil's exception: the office records it (the approving DSL or head types their PIN), prints the agreement
  // and records it signed; only the DSL or the headteacher ends one.
  'learner.exceptions': 'office',
  'learner.recordException': 'office',
  'learner.printExceptionAgreement': 'office',
  'learner.recordExceptionSigned': 'office',
  'learner.endException': 'dsl_or_head',
  // A confiscated device goes to a parent or carer from the office (early only with the DSL's or head's PIN
  // inside the input); only the DSL or the headteacher hands one to the police.
  'learner.releaseConfiscated': 'office',
  'learner.handToPolice': 'dsl_or_head',
};

/**
 * What the first allowed caller's sample answers. Almost every sample succeeds on a fresh copy of the world;
 * setting up a second time is refused by design.
 */
const FIRST_ANSWER: Partial<Record<CommandName, ErrorCode>> = {
  'setup.create': 'already_set_up',
  // The defaults are for the setup screen only: once set up they are not given out.
  'setup.defaults': 'already_set_up',
  // The office caller signed in for the day when the world was built (so signing out finds them in).
  'staffDay.signIn': 'conflict',
  // On PostgreSQL the server keeps the backups, and the desk says so rather than make or restore one.
  ...(onPostgres ? { 'backup.now': 'conflict', 'backup.restore': 'conflict' } as const : {}),
};

type Caller = 'no session' | 'kiosk' | StaffCaller;
const CALLERS: readonly Caller[] = ['no session', 'kiosk', 'office', 'dsl', 'admin', 'head'];
const HELD: Record<Caller, StaffRole[] | null> = { 'no session': null, kiosk: null, ...CALLER_ROLES };

/** Refusals that mean "the role check stopped it"; an allowed caller never sees these. */
const ROLE_REFUSALS: readonly ErrorCode[] = ['locked', 'forbidden'];

let template: SampleTemplate;

beforeAll(async () => {
  template = await buildSampleTemplate();
}, 30_000);

afterAll(() => template?.dispose());

function isStaff(caller: Caller): caller is StaffCaller {
  return HELD[caller] !== null;
}

/** The caller's own window, unlocked through the real command if a previous call locked it or changed it. */
async function windowFor(app: SampleApp, caller: Caller, name: CommandName): Promise<string> {
  if (!isStaff(caller)) return `${caller}:${name}:${randomUUID()}`;
  const key = `staff:${caller}`;
  const staffId = app.ids.staff[caller];
  const live = app.sessions.peek(key);
  if (live?.staffId === staffId && [...live.roles].sort().join() === [...CALLER_ROLES[caller]].sort().join()) return key;
  const answer = await app.send('staff.unlock', { staffId, pin: STAFF_PIN }, key);
  expect(answer, `unlocking as ${caller}`).toMatchObject({ ok: true, value: { staffId, roles: CALLER_ROLES[caller] } });
  return key;
}

describe('the role matrix', () => {
  it('builds its world through the real commands', () => {
    expect(template.problems).toEqual([]);
  });

  it('the table names exactly the commands in the contract', () => {
    expect(Object.keys(EXPECTED_ROLE).sort()).toEqual([...COMMAND_NAMES].sort());
  });

  it.each(COMMAND_NAMES)('%s: exactly the allowed callers get past the role check', async (name) => {
    const role = EXPECTED_ROLE[name];
    expect(commandSchemas[name].role, `the contract's role for ${name}`).toBe(role);

    const app = await openSampleApp(template);
    try {
      let firstAllowed = true;
      for (const caller of CALLERS) {
        const ctx = contextFor(app.ids, isStaff(caller) ? caller : 'office');
        const input = sampleFor(name, ctx);
        expect(commandSchemas[name].input.safeParse(input).success, `the sample for ${name} is valid`).toBe(true);

        const key = await windowFor(app, caller, name);
        const before = await contentHash(app);
        const answer = await app.send(name, input, key);
        const label = `${name} as ${caller}: ${JSON.stringify(answer).slice(0, 300)}`;

        expect(typeof answer.ok, label).toBe('boolean');
        if (!answer.ok) {
          expect(ERROR_CODES, label).toContain(answer.error.code);
          expect(answer.error.message.length, label).toBeGreaterThan(0);
        }

        const allowed = roleAllows(HELD[caller], role);
        if (allowed) {
          // Past the role check, and with a valid input: never an input error or a crash either.
          if (!answer.ok) expect([...ROLE_REFUSALS, 'invalid_input', 'internal'], label).not.toContain(answer.error.code);
          if (firstAllowed) {
            const expected = FIRST_ANSWER[name];
            if (expected) expect(answer.ok ? 'ok' : answer.error.code, label).toBe(expected);
            else expect(answer.ok, label).toBe(true);
            firstAllowed = false;
          }
        } else {
          expect(answer.ok, label).toBe(false);
          if (!answer.ok) expect(answer.error.code, label).toBe(HELD[caller] === null ? 'locked' : 'forbidden');
          expect(await contentHash(app), `${label}: a refused caller changed the database`).toBe(before);
        }
      }
      expect(firstAllowed, `${name}: some caller is allowed`).toBe(false);
    } finally {
      await app.dispose();
    }
  });
});

describe('what the roles mean', () => {
  it.each([
    // required, held, allowed
    ['kiosk', null, true],
    ['office', null, false],
    ['office', ['office'], true],
    ['dsl', ['office'], false],
    ['dsl', ['office', 'dsl'], true],
    ['dsl', ['office', 'admin'], false],
    ['admin', ['office', 'dsl'], false],
    ['admin', ['office', 'admin'], true],
    // The headteacher or leadership role is granted on its own: it implies no other, and no other implies it.
    ['head', ['office', 'dsl', 'admin'], false],
    ['head', ['office', 'head'], true],
    ['dsl', ['office', 'head'], false],
    ['admin', ['office', 'head'], false],
    ['dsl_or_admin', ['office', 'head'], false],
    // The DSL or the headteacher: either one, but not an administrator or the office alone.
    ['dsl_or_head', ['office', 'head'], true],
    ['dsl_or_head', ['office', 'dsl'], true],
    ['dsl_or_head', ['office', 'admin'], false],
    ['dsl_or_head', ['office'], false],
    ['office', ['office', 'head'], true],
  ] as const)('%s needed, %j held: %s', (required, held, allowed) => {
    expect(roleAllows(held, required)).toBe(allowed);
  });
});
