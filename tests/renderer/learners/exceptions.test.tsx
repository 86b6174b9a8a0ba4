import { screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { PrintStatus, StaffSessionInfo } from '../../../src/shared/contract/index.js';
import { DEFAULT_EXCEPTION_SANCTIONS, type LearnerExceptionView } from '../../../src/shared/domain/learners.js';
import { dayLabel, shiftDay } from '../../../src/renderer/lib/uk-clock.js';
import { session as officeSession } from '../../helpers/console-fixtures.js';
import { checkedByContract, fail, installFakeApi, type FakeHandlers } from '../../helpers/fake-api.js';
import { renderApp, textboxNamed } from '../../helpers/harness.js';
import { pupilsConsole, today } from '../../helpers/learner-fixtures.js';
import { minutesAgo, TEST_NOW } from '../../helpers/test-clock.js';

const dslSession: StaffSessionInfo = {
  staffId: 5, displayName: 'Dee Okafor', roles: ['office', 'dsl'], expiresAt: minutesAgo(-60), pinChangeDue: false,
};

const APPROVERS = [{ staffId: 5, displayName: 'Dee Okafor' }, { staffId: 7, displayName: 'Helen Bradley' }];

function exception(overrides: Partial<LearnerExceptionView> = {}): LearnerExceptionView {
  return {
    exceptionId: 1, pupilName: 'Maya Patel', classGroup: '4R', deviceKind: 'phone', deviceDescription: 'White iPhone SE',
    reason: 'Medical monitoring: reads her glucose monitor', permittedUse: 'Glucose readings and alarms only',
    expectations: 'Kept on silent in her tray', sanctions: DEFAULT_EXCEPTION_SANCTIONS,
    validFrom: today, validUntil: shiftDay(today, 200), approvedBy: 'Dee Okafor', recordedAt: minutesAgo(30), recordedBy: 'Olu Office',
    signed: null, ended: null, state: 'awaiting_signatures', ...overrides,
  };
}

const signedBy = { on: today, learnerName: 'Maya Patel', parentName: 'Anita Patel', parentRelationship: 'Mother', recordedAt: TEST_NOW.toISOString(), recordedBy: 'Olu Office' };

const inForce = exception({ exceptionId: 2, pupilName: 'Tom Reed', classGroup: '6B', deviceKind: 'smart_watch', deviceDescription: 'Black watch', signed: { ...signedBy, learnerName: 'Tom Reed', parentName: 'Jo Reed' }, state: 'in_force' });

function exceptionsConsole(session: StaffSessionInfo, overrides: FakeHandlers = {}): FakeHandlers {
  return pupilsConsole(session, {
    'learner.exceptions': () => ({ exceptions: [exception(), inForce], approvers: APPROVERS }),
    ...overrides,
  });
}

async function openExceptions(user: UserEvent): Promise<void> {
  const nav = await screen.findByRole('navigation', { name: 'Console sections' });
  await user.click(within(nav).getByRole('button', { name: "Pupils' devices" }));
  await user.click(within(nav).getByRole('button', { name: 'Exceptions' }));
  await screen.findByRole('heading', { level: 1, name: 'Exceptions' });
}

const notPrinted = (documentId: string | null): PrintStatus => ({ printed: false, reason: 'No A4 printer is chosen. An administrator can choose one in Settings.', documentId });

describe('the Exceptions page', () => {
  it('says in words where each exception stands, and offers the office printing and signatures but not ending', async () => {
    installFakeApi(exceptionsConsole(officeSession));
    const { user } = renderApp('#/console');
    await openExceptions(user);
    const table = await screen.findByRole('table', { name: 'Current exceptions' });
    const maya = within(table).getByRole('row', { name: /Maya Patel/ });
    expect(maya.textContent).toContain('⚠ Not in force: waiting for the signed agreement');
    expect(maya.textContent).toContain('May be used for: Glucose readings and alarms only');
    const tom = within(table).getByRole('row', { name: /Tom Reed/ });
    expect(tom.textContent).toContain(`✓ In force until ${dayLabel(shiftDay(today, 200))}`);
    expect(tom.textContent).toContain(`Signed by Tom Reed and Jo Reed (Mother) on ${dayLabel(today)}`);
    expect(screen.getByText(/1 agreement is waiting for signatures\./)).toBeTruthy();
    // Signatures are recorded once: only the unsigned one offers it.
    expect(within(maya).getByRole('button', { name: 'Record signatures… for Maya Patel' })).toBeTruthy();
    expect(within(tom).queryByRole('button', { name: /Record signatures/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /^End…/ })).toBeNull();
    expect(screen.getByText(/Only the DSL or the headteacher can end one\./)).toBeTruthy();
  });

  it('records an exception from the office, checked by the contract first, with the approving DSL typing their PIN', async () => {
    let list: LearnerExceptionView[] = [];
    const api = installFakeApi(exceptionsConsole(officeSession, {
      'learner.exceptions': () => ({ exceptions: list, approvers: APPROVERS }),
      'learner.recordException': checkedByContract('learner.recordException', (input) => {
        const made = exception({ exceptionId: 3, pupilName: input.pupilName, validUntil: input.validUntil });
        list = [made];
        return made;
      }),
    }));
    const { user } = renderApp('#/console');
    await openExceptions(user);
    expect(await screen.findByText('No pupil has an exception at the moment.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Record an exception' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Record an exception' })).toBeTruthy();
    // The office is not an approver: nobody is chosen for them. The sanctions start as the suggested wording.
    expect(screen.getAllByRole('radio').some((r) => (r as HTMLInputElement).checked)).toBe(false);
    expect((screen.getByLabelText('Sanctions for misuse') as HTMLTextAreaElement).value).toBe(DEFAULT_EXCEPTION_SANCTIONS);

    await user.click(screen.getByRole('button', { name: 'Record the exception' }));
    expect(await screen.findByText('Please check the answers marked below.')).toBeTruthy();
    expect(screen.getByText('Say what the pupil may use the device for.')).toBeTruthy();
    expect(screen.getByText('Say what is expected of the pupil, for example where the device is kept.')).toBeTruthy();
    expect(screen.getByText('Choose who approved.')).toBeTruthy();
    expect(api.inputsOf('learner.recordException')).toEqual([]);

    await user.type(textboxNamed(/Pupil's name/), 'Maya Patel');
    await user.type(textboxNamed(/Class or year group/), '4R');
    await user.selectOptions(screen.getByLabelText('Kind of device'), 'phone');
    await user.type(textboxNamed(/^Description/), 'White iPhone SE');
    await user.type(textboxNamed(/Why the pupil needs it/), 'Reads her glucose monitor');
    await user.type(screen.getByLabelText('What it may be used for'), 'Glucose readings and alarms only');
    await user.type(screen.getByLabelText('What is expected of the pupil'), 'Kept on silent in her tray');
    await user.type(screen.getByLabelText('Last day'), shiftDay(today, 200));
    await user.click(screen.getByRole('radio', { name: 'Helen Bradley' }));
    await user.type(screen.getByLabelText('Their PIN'), '2468');
    await user.click(screen.getByRole('button', { name: 'Record the exception' }));
    expect(await screen.findByText(/Exception recorded for Maya Patel\. It is not in force until the pupil and a parent or carer have signed/)).toBeTruthy();
    expect(api.inputsOf('learner.recordException')).toEqual([{
      pupilName: 'Maya Patel', classGroup: '4R', deviceKind: 'phone', deviceDescription: 'White iPhone SE', reason: 'Reads her glucose monitor',
      permittedUse: 'Glucose readings and alarms only', expectations: 'Kept on silent in her tray', sanctions: DEFAULT_EXCEPTION_SANCTIONS,
      validFrom: today, validUntil: shiftDay(today, 200), approvedBy: { staffId: 7, pin: '2468' },
    }]);
    expect(within(screen.getByRole('table', { name: 'Current exceptions' })).getByRole('row', { name: /Maya Patel/ })).toBeTruthy();
  });

  it('offers a DSL who unlocked as the approver, and empties a wrong PIN while keeping every other answer', async () => {
    installFakeApi(exceptionsConsole(dslSession, {
      'learner.recordException': () => fail('wrong_pin', 'That PIN is not right.', { 'approvedBy.pin': 'That PIN is not right.' }),
    }));
    const { user } = renderApp('#/console');
    await openExceptions(user);
    await user.click(await screen.findByRole('button', { name: 'Record an exception' }));
    expect((screen.getByRole('radio', { name: 'Dee Okafor' }) as HTMLInputElement).checked).toBe(true);
    await user.type(textboxNamed(/Pupil's name/), 'Leo Kowalczyk');
    await user.type(textboxNamed(/Class or year group/), '3A');
    await user.selectOptions(screen.getByLabelText('Kind of device'), 'smart_watch');
    await user.type(textboxNamed(/^Description/), 'Blue watch');
    await user.type(textboxNamed(/Why the pupil needs it/), 'Epilepsy alert');
    await user.type(screen.getByLabelText('What it may be used for'), 'The seizure alert only');
    await user.type(screen.getByLabelText('What is expected of the pupil'), 'Worn at all times');
    await user.type(screen.getByLabelText('Last day'), shiftDay(today, 30));
    await user.type(screen.getByLabelText('Their PIN'), '111111');
    await user.click(screen.getByRole('button', { name: 'Record the exception' }));
    const pin = screen.getByLabelText('Their PIN') as HTMLInputElement;
    await waitFor(() => expect(pin.getAttribute('aria-invalid')).toBe('true'));
    expect(pin.value).toBe('');
    expect(textboxNamed(/Pupil's name/).value).toBe('Leo Kowalczyk');
  });
});

describe('printing the agreement', () => {
  it('sends a double tap once, then offers the PDF to open in the browser, as the roll call does', async () => {
    let answer: (() => void) | null = null;
    const api = installFakeApi(exceptionsConsole(officeSession, {
      'learner.printExceptionAgreement': () => new Promise((resolve) => {
        answer = () => resolve({ print: notPrinted('doc-42') });
      }),
    }));
    const { user } = renderApp('#/console');
    await openExceptions(user);
    const maya = within(await screen.findByRole('table', { name: 'Current exceptions' })).getByRole('row', { name: /Maya Patel/ });
    const button = within(maya).getByRole('button', { name: 'Print the agreement for Maya Patel' });
    await user.click(button);
    await user.click(button);
    expect(button.textContent).toContain('Printing…');
    expect(api.inputsOf('learner.printExceptionAgreement')).toEqual([{ exceptionId: 1 }]);
    answer!();
    expect(await screen.findByText('The agreement for Maya Patel was not printed.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Open the agreement PDF' }).getAttribute('href')).toBe('documents/doc-42');
  });
});

describe('recording the signed agreement', () => {
  it('checks the answers before sending, then puts the exception in force', async () => {
    let list = [exception()];
    const api = installFakeApi(exceptionsConsole(officeSession, {
      'learner.exceptions': () => ({ exceptions: list, approvers: APPROVERS }),
      'learner.recordExceptionSigned': checkedByContract('learner.recordExceptionSigned', (input) => {
        const signed = exception({ signed: { ...signedBy, parentName: input.parentName, parentRelationship: input.parentRelationship }, state: 'in_force' });
        list = [signed];
        return signed;
      }),
    }));
    const { user } = renderApp('#/console');
    await openExceptions(user);
    await user.click(await screen.findByRole('button', { name: 'Record signatures… for Maya Patel' }));
    const dialog = screen.getByRole('dialog', { name: 'Record the signed agreement for Maya Patel' });
    // The pupil's name and today are offered, as they usually are on the paper.
    expect((within(dialog).getByLabelText("The pupil's name, as signed") as HTMLInputElement).value).toBe('Maya Patel');
    expect((within(dialog).getByLabelText('Day it was signed') as HTMLInputElement).value).toBe(today);
    await user.click(within(dialog).getByRole('button', { name: 'Record the signatures' }));
    expect(await within(dialog).findByText('Enter the name of the parent or carer who signed.')).toBeTruthy();
    expect(within(dialog).getByText('Say how they are related to the pupil, for example mother or foster carer.')).toBeTruthy();
    expect(api.inputsOf('learner.recordExceptionSigned')).toEqual([]);

    await user.type(within(dialog).getByLabelText('Parent or carer who signed'), 'Anita Patel');
    await user.type(within(dialog).getByLabelText(/Relationship to the pupil/), 'Mother');
    await user.click(within(dialog).getByRole('button', { name: 'Record the signatures' }));
    expect(await screen.findByText('The signed agreement is recorded. Maya Patel may now keep the device in school.')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(api.inputsOf('learner.recordExceptionSigned')).toEqual([{
      exceptionId: 1, learnerName: 'Maya Patel', parentName: 'Anita Patel', parentRelationship: 'Mother', signedOn: today,
    }]);
    const row = within(screen.getByRole('table', { name: 'Current exceptions' })).getByRole('row', { name: /Maya Patel/ });
    expect(row.textContent).toContain('✓ In force until');
    expect(within(row).queryByRole('button', { name: /Record signatures/ })).toBeNull();
  });

  it('says so when another desk recorded it first, and shows the list as it is now', async () => {
    let list = [exception()];
    const api = installFakeApi(exceptionsConsole(officeSession, {
      'learner.exceptions': () => ({ exceptions: list, approvers: APPROVERS }),
      'learner.recordExceptionSigned': () => {
        list = [exception({ signed: signedBy, state: 'in_force' })];
        return fail('conflict', 'That agreement was already recorded as signed on Mon, 23 Nov 2026, by Priya Shah. Nothing was changed.');
      },
    }));
    const { user } = renderApp('#/console');
    await openExceptions(user);
    await user.click(await screen.findByRole('button', { name: 'Record signatures… for Maya Patel' }));
    const dialog = screen.getByRole('dialog', { name: 'Record the signed agreement for Maya Patel' });
    await user.type(within(dialog).getByLabelText('Parent or carer who signed'), 'Raj Patel');
    await user.type(within(dialog).getByLabelText(/Relationship to the pupil/), 'Father');
    await user.click(within(dialog).getByRole('button', { name: 'Record the signatures' }));
    expect(await within(dialog).findByText(/already recorded as signed on Mon, 23 Nov 2026, by Priya Shah/)).toBeTruthy();
    // Behind the dialog, the list already shows it signed; the dialog's button is not a way to sign twice.
    await waitFor(() => expect(api.inputsOf('learner.exceptions').length).toBeGreaterThanOrEqual(2));
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    const row = within(screen.getByRole('table', { name: 'Current exceptions' })).getByRole('row', { name: /Maya Patel/ });
    expect(row.textContent).toContain('Signed by Maya Patel and Anita Patel (Mother)');
    expect(within(row).queryByRole('button', { name: /Record signatures/ })).toBeNull();
    expect(api.inputsOf('learner.recordExceptionSigned')).toHaveLength(1);
  });
});

describe('ending an exception', () => {
  it('is offered to the DSL, with a reason, and moves it to the ended list', async () => {
    let list = [inForce];
    const api = installFakeApi(exceptionsConsole(dslSession, {
      'learner.exceptions': () => ({ exceptions: list, approvers: APPROVERS }),
      'learner.endException': checkedByContract('learner.endException', (input) => {
        const ended = { ...inForce, ended: { at: TEST_NOW.toISOString(), by: 'Dee Okafor', reason: input.reason }, state: 'ended' as const };
        list = [ended];
        return ended;
      }),
    }));
    const { user } = renderApp('#/console');
    await openExceptions(user);
    await user.click(await screen.findByRole('button', { name: 'End… the exception for Tom Reed' }));
    const dialog = screen.getByRole('dialog', { name: 'End the exception for Tom Reed?' });
    await user.click(within(dialog).getByRole('button', { name: 'End the exception' }));
    expect(await within(dialog).findByText('Say why the exception ends.')).toBeTruthy();
    expect(api.inputsOf('learner.endException')).toEqual([]);
    await user.type(within(dialog).getByLabelText('Reason'), 'Took photos in class');
    await user.click(within(dialog).getByRole('button', { name: 'End the exception' }));
    expect(await screen.findByText('The exception for Tom Reed has ended. From now on they may not keep the device with them in school.')).toBeTruthy();
    expect(api.inputsOf('learner.endException')).toEqual([{ exceptionId: 2, reason: 'Took photos in class' }]);
    expect(within(screen.getByRole('table', { name: 'Ended or run out' })).getByRole('row', { name: /Tom Reed/ }).textContent).toContain('By Dee Okafor: Took photos in class');
  });
});

describe('a pupil with an exception, at hand-in', () => {
  async function typePupil(user: UserEvent, name: string): Promise<void> {
    const nav = await screen.findByRole('navigation', { name: 'Console sections' });
    await user.click(within(nav).getByRole('button', { name: 'Log items' }));
    await user.click(screen.getByRole('radio', { name: 'Pupil' }));
    await user.type(textboxNamed(/Pupil's name/), name);
  }

  it('says the pupil may keep the device when the exception is in force', async () => {
    installFakeApi(exceptionsConsole(officeSession, { 'learner.agreementsFor': () => ({ agreements: [], exceptions: [inForce] }) }));
    const { user } = renderApp('#/console');
    await typePupil(user, 'Tom Reed');
    const line = await screen.findByText(/^Exception in force until/);
    expect(line.textContent).toContain('the pupil may keep their smart watch with them');
    expect(line.closest('p')?.textContent).toContain('Smart watch: Black watch · Medical monitoring: reads her glucose monitor · Permitted use: Glucose readings and alarms only');
    // "No agreement on record" would say the device should not be here: with an exception in force it is not said.
    expect(screen.queryByText('No agreement on record')).toBeNull();
  });

  it('says an unsigned exception is not in force yet, so the device is handed in as usual', async () => {
    installFakeApi(exceptionsConsole(officeSession, { 'learner.agreementsFor': () => ({ agreements: [], exceptions: [exception()] }) }));
    const { user } = renderApp('#/console');
    await typePupil(user, 'Maya Patel');
    const line = await screen.findByText(/^Exception not in force yet/);
    expect(line.textContent).toBe('Exception not in force yet: the signed agreement has not come back to the office, so the device is handed in as usual');
    expect(line.closest('p')?.className).toContain('agreement-check-no');
    // Not in force, so the agreement line stands beside it.
    expect(screen.getByText('No agreement on record')).toBeTruthy();
  });
});
