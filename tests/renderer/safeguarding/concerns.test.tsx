import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ConcernView } from '../../../src/shared/domain/concerns.js';
import { checkedByContract, fail, installFakeApi } from '../../helpers/fake-api.js';
import { dayLabel, todayUk } from '../../../src/renderer/lib/uk-clock.js';
import { TEST_NOW } from '../../helpers/test-clock.js';
import { descriptionOf, renderApp, textboxNamed } from '../../helpers/harness.js';
import { concern, dslSession, officeSession, openSafeguarding, safeguardingConsole } from '../../helpers/safeguarding-fixtures.js';

describe('concerns', () => {
  it('records a concern linked to a visit and sends exactly what was written', async () => {
    let concerns: ConcernView[] = [];
    const api = installFakeApi(safeguardingConsole(officeSession, {
      'concern.list': () => ({ concerns }),
      'concern.raise': (input) => {
        concerns = [concern({ location: input.location })];
        return concerns[0]!;
      },
    }));
    const { user } = renderApp('#/console');
    await openSafeguarding(user, 'Concerns');
    expect(await screen.findByText('No concerns have been recorded.')).toBeTruthy();
    expect(screen.getByText(/The Designated Safeguarding Lead sees and reviews them all/)).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Record a concern' }));
    await user.click(screen.getByRole('button', { name: 'Record the concern' }));
    expect(screen.getByText('Say who the concern is about.')).toBeTruthy();
    expect(api.inputsOf('concern.raise')).toEqual([]);

    await user.click(screen.getByRole('radio', { name: 'A visitor' }));
    // Linking the visit fills in the name when none has been typed.
    await user.selectOptions(screen.getByLabelText('Linked visit (optional)'), 'Amira Khan · Bright Sparks Ltd');
    expect(textboxNamed('Their name, or a description').value).toBe('Amira Khan');
    await user.type(textboxNamed('Where it happened'), 'Corridor by the Reception class');
    await user.type(textboxNamed('What happened'), 'Was holding a phone up towards the children.');
    await user.type(textboxNamed('What was done'), 'Asked her to put it away and told the DSL.');
    await user.click(screen.getByRole('button', { name: 'Record the concern' }));

    expect(await screen.findByText('The concern is recorded. The DSL will review it.')).toBeTruthy();
    expect(api.inputsOf('concern.raise')).toEqual([{
      aboutType: 'visitor', aboutName: 'Amira Khan', visitId: 1, location: 'Corridor by the Reception class',
      whatHappened: 'Was holding a phone up towards the children.', actionTaken: 'Asked her to put it away and told the DSL.',
    }]);
    const card = screen.getByRole('listitem', { name: 'Amira Khan' });
    expect(within(card).getByText('New')).toBeTruthy();
    expect(card.textContent).toContain('Raised by Sam Holt');
    expect(card.textContent).toContain('Linked to the visit of Amira Khan');
    // Reviewing is for the DSL: an office member has no such button.
    expect(within(card).queryByRole('button', { name: /Review/ })).toBeNull();
  });

  it('lets the DSL review a concern, with an outcome, and close it', async () => {
    const api = installFakeApi(safeguardingConsole(dslSession, {
      'concern.list': () => ({ concerns: [concern()] }),
      'concern.review': ({ outcome, close }) => concern({
        status: close ? 'closed' : 'reviewed', outcome, reviewedBy: 'Priya Shah', reviewedAt: TEST_NOW.toISOString(),
      }),
    }));
    const { user } = renderApp('#/console');
    await openSafeguarding(user, 'Concerns');
    expect(await screen.findByText(/Every concern staff have recorded/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Review… the concern about Amira Khan' }));
    const dialog = screen.getByRole('dialog', { name: 'Review the concern about Amira Khan' });
    await user.click(within(dialog).getByRole('button', { name: 'Save the review' }));
    expect(within(dialog).getByText('Record the outcome of your review.')).toBeTruthy();
    await user.type(within(dialog).getByLabelText('Outcome'), 'Spoke to her; no photos were taken.');
    await user.click(within(dialog).getByRole('checkbox', { name: /Close the concern/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Save and close' }));

    expect(await screen.findByText('The concern is reviewed and closed.')).toBeTruthy();
    expect(api.inputsOf('concern.review')).toEqual([{ concernId: 4, outcome: 'Spoke to her; no photos were taken.', close: true }]);
    const card = screen.getByRole('listitem', { name: 'Amira Khan' });
    expect(within(card).getByText('Closed')).toBeTruthy();
    expect(card.textContent).toContain('Spoke to her; no photos were taken.');
    expect(within(card).queryByRole('button', { name: /Review/ })).toBeNull();
  });

  it('refuses a concern with characters that turn text around, in main’s words, without sending it', async () => {
    const api = installFakeApi(safeguardingConsole(officeSession, {
      'concern.list': () => ({ concerns: [] }),
      'concern.raise': () => concern(),
    }));
    const { user } = renderApp('#/console');
    await openSafeguarding(user, 'Concerns');
    await user.click(await screen.findByRole('button', { name: 'Record a concern' }));
    await user.click(screen.getByRole('radio', { name: 'A visitor' }));
    await user.type(textboxNamed('Their name, or a description'), 'Amira Khan');
    await user.click(textboxNamed('Where it happened'));
    await user.paste('Corridor\u202e');
    await user.type(textboxNamed('What happened'), 'Was holding a phone up towards the children.');
    await user.type(textboxNamed('What was done'), 'Asked her to put it away.');
    await user.click(screen.getByRole('button', { name: 'Record the concern' }));

    expect(api.inputsOf('concern.raise')).toEqual([]);
    expect(descriptionOf(textboxNamed('Where it happened')))
      .toContain('Where it happened contains hidden characters that change how text is shown. Please type it again.');
  });

  it('refuses a review outcome longer than main takes, in main’s words, without sending it', async () => {
    const api = installFakeApi(safeguardingConsole(dslSession, {
      'concern.list': () => ({ concerns: [concern()] }),
      'concern.review': () => concern({ status: 'reviewed' }),
    }));
    const { user } = renderApp('#/console');
    await openSafeguarding(user, 'Concerns');
    await user.click(await screen.findByRole('button', { name: 'Review… the concern about Amira Khan' }));
    const dialog = screen.getByRole('dialog', { name: 'Review the concern about Amira Khan' });
    await user.click(within(dialog).getByLabelText('Outcome'));
    await user.paste('O'.repeat(4001));
    await user.click(within(dialog).getByRole('button', { name: 'Save the review' }));

    expect(api.inputsOf('concern.review')).toEqual([]);
    expect(descriptionOf(within(dialog).getByLabelText('Outcome'))).toContain('The outcome is too long (at most 4000 characters).');
  });
});

describe('what follows a concern', () => {
  const today = todayUk(TEST_NOW);

  it('the member of staff who raised it records that the parents were told, checked by the contract before it is sent', async () => {
    let current = concern();
    const api = installFakeApi(safeguardingConsole(officeSession, {
      'concern.list': () => ({ concerns: [current] }),
      'concern.recordParentsInformed': checkedByContract('concern.recordParentsInformed', (input) => {
        current = concern({ parentsInformed: [{ informed: true, informedOn: input.informedOn, informedTime: input.informedTime ?? null, informedBy: input.informedBy, whoWasTold: input.whoWasTold, recordedAt: TEST_NOW.toISOString(), recordedBy: 'Sam Holt' }] });
        return current;
      }),
    }));
    const { user } = renderApp('#/console');
    await openSafeguarding(user, 'Concerns');
    const card = await screen.findByRole('listitem', { name: 'Amira Khan' });
    expect(card.textContent).toContain('Not recorded yet.');
    // The LADO, the police and the debrief are the DSL's: an office member is offered none of them.
    expect(within(card).getAllByRole('button').map((b) => b.textContent)).toEqual(['Parents informed… for the concern about Amira Khan']);

    await user.click(within(card).getByRole('button', { name: 'Parents informed… for the concern about Amira Khan' }));
    const dialog = screen.getByRole('dialog', { name: 'Parents or carers informed' });
    // Plain words: whether to tell them is the DSL's decision, and only the DSL is offered "not to be told".
    expect(dialog.textContent).toContain('If you think telling them could put a child at risk, speak to the DSL first');
    expect(within(dialog).queryByRole('radio', { name: /not to be told/ })).toBeNull();
    expect((within(dialog).getByLabelText('Day they were told') as HTMLInputElement).value).toBe(today);

    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(within(dialog).getByText('Say who told the parents or carers.')).toBeTruthy();
    expect(api.inputsOf('concern.recordParentsInformed')).toEqual([]);
    await user.type(within(dialog).getByLabelText('Who told them'), 'x'.repeat(121));
    expect(within(dialog).getByText(/Who told them is too long/)).toBeTruthy();
    await user.clear(within(dialog).getByLabelText('Who told them'));
    await user.type(within(dialog).getByLabelText('Who told them'), 'Mrs Okafor, class teacher');
    await user.type(within(dialog).getByLabelText('Time (optional)'), '08:40');
    await user.type(within(dialog).getByLabelText('Who was told (optional)'), 'Her husband');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Recorded: the parents or carers were told.')).toBeTruthy();
    expect(api.inputsOf('concern.recordParentsInformed')).toEqual([{
      concernId: 4, informedOn: today, informedTime: '08:40', informedBy: 'Mrs Okafor, class teacher', whoWasTold: 'Her husband',
    }]);
    const after = screen.getByRole('listitem', { name: 'Amira Khan' });
    expect(after.textContent).toContain(`Told on ${dayLabel(today)} at 08:40 by Mrs Okafor, class teacher. Who was told: Her husband.`);
  });

  it('the DSL decides the parents are not to be told, with a reason; a main refusal is said under its box', async () => {
    let current = concern({ aboutType: 'learner', aboutName: 'Jayden, Year 3' });
    let refuseOnce = true;
    const api = installFakeApi(safeguardingConsole(dslSession, {
      'concern.list': () => ({ concerns: [current] }),
      'concern.recordParentsInformed': () => {
        refuseOnce = false;
        return fail('invalid_input', 'The day they were told cannot be in the future.', { informedOn: 'The day they were told cannot be in the future.' });
      },
      'concern.recordParentsNotInformed': checkedByContract('concern.recordParentsNotInformed', ({ reason }) => {
        current = { ...current, parentsInformed: [{ informed: false, reason, recordedAt: TEST_NOW.toISOString(), recordedBy: 'Priya Shah' }] };
        return current;
      }),
    }));
    const { user } = renderApp('#/console');
    await openSafeguarding(user, 'Concerns');
    const card = await screen.findByRole('listitem', { name: 'Jayden, Year 3' });
    await user.click(within(card).getByRole('button', { name: /^Parents informed…/ }));
    const dialog = screen.getByRole('dialog', { name: 'Parents or carers informed' });
    expect(dialog.textContent).toContain('sometimes it could put a child at more risk');
    await user.type(within(dialog).getByLabelText('Who told them'), 'Priya Shah');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText('The day they were told cannot be in the future.')).toBeTruthy();
    expect(refuseOnce).toBe(false);

    await user.click(within(dialog).getByRole('radio', { name: /No, they are not to be told/ }));
    await user.type(within(dialog).getByLabelText('Why they are not being told'), 'Social care visit the home first.');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Recorded: the parents or carers are not to be told for now.')).toBeTruthy();
    expect(api.inputsOf('concern.recordParentsNotInformed')).toEqual([{ concernId: 4, reason: 'Social care visit the home first.' }]);
    expect(screen.getByRole('listitem', { name: 'Jayden, Year 3' }).textContent).toContain('Not to be told for now: the DSL\'s decision. Why: Social care visit the home first.');
  });

  it('staff see the DSL decided not to tell the parents, without why, and are not offered to record telling them', async () => {
    installFakeApi(safeguardingConsole(officeSession, {
      'concern.list': () => ({ concerns: [concern({ parentsInformed: [{ informed: false, reason: null, recordedAt: TEST_NOW.toISOString(), recordedBy: 'Priya Shah' }] })] }),
    }));
    const { user } = renderApp('#/console');
    await openSafeguarding(user, 'Concerns');
    const card = await screen.findByRole('listitem', { name: 'Amira Khan' });
    expect(card.textContent).toContain('Not to be told for now: the DSL\'s decision. Speak to the DSL before contacting them.');
    expect(within(card).queryByRole('button')).toBeNull();
  });

  it('on an allegation against staff the DSL records the LADO referral and outcome, the police, and the debrief once closed', async () => {
    let current = concern({ aboutType: 'staff', aboutName: 'Mr Hale, Year 5', visitId: null, status: 'closed', outcome: 'Suspended pending the LADO.', reviewedBy: 'Priya Shah', reviewedAt: TEST_NOW.toISOString() });
    const recorded = { recordedAt: TEST_NOW.toISOString(), recordedBy: 'Priya Shah' };
    const api = installFakeApi(safeguardingConsole(dslSession, {
      'concern.list': () => ({ concerns: [current] }),
      'concern.recordLadoReferral': checkedByContract('concern.recordLadoReferral', ({ referredOn, ladoReference }) => {
        current = { ...current, ladoReferral: { referredOn, ladoReference, ...recorded, outcome: null, outcomeOn: null, outcomeNote: null, outcomeRecordedAt: null, outcomeRecordedBy: null } };
        return current;
      }),
      'concern.recordLadoOutcome': checkedByContract('concern.recordLadoOutcome', ({ outcome, outcomeOn, note }) => {
        current = { ...current, ladoReferral: { ...current.ladoReferral!, outcome, outcomeOn, outcomeNote: note, outcomeRecordedAt: recorded.recordedAt, outcomeRecordedBy: 'Priya Shah' } };
        return current;
      }),
      'concern.recordPoliceContact': checkedByContract('concern.recordPoliceContact', ({ concernId: _, ...contact }) => {
        current = { ...current, policeContacts: [{ ...contact, ...recorded }] };
        return current;
      }),
      'concern.recordDebrief': checkedByContract('concern.recordDebrief', ({ lessonsLearnt, practiceChange }) => {
        current = { ...current, debrief: { lessonsLearnt, practiceChange, ...recorded } };
        return current;
      }),
    }));
    const { user } = renderApp('#/console');
    await openSafeguarding(user, 'Concerns');
    const card = () => screen.getByRole('listitem', { name: 'Mr Hale, Year 5' });
    await screen.findByRole('listitem', { name: 'Mr Hale, Year 5' });
    expect(card().textContent).toContain('Not referred.');
    const open = async (label: string, title: string) => {
      await user.click(within(card()).getByRole('button', { name: `${label} for the concern about Mr Hale, Year 5` }));
      return screen.getByRole('dialog', { name: title });
    };

    let dialog = await open('LADO referral…', 'Referral to the LADO');
    await user.type(within(dialog).getByLabelText("The LADO's reference"), 'L'.repeat(41));
    expect(within(dialog).getByText("The LADO's reference is too long: at most 40 characters, and this is 41.")).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Save the referral' }));
    expect(api.inputsOf('concern.recordLadoReferral')).toEqual([]);
    await user.clear(within(dialog).getByLabelText("The LADO's reference"));
    await user.type(within(dialog).getByLabelText("The LADO's reference"), 'LADO/26/0411');
    await user.click(within(dialog).getByRole('button', { name: 'Save the referral' }));
    expect(await screen.findByText('The LADO referral is recorded.')).toBeTruthy();
    expect(card().textContent).toContain(`Referred on ${dayLabel(today)}, reference LADO/26/0411.`);
    expect(card().textContent).toContain('Outcome not known yet.');

    dialog = await open('LADO outcome…', "The LADO's outcome");
    await user.click(within(dialog).getByRole('button', { name: 'Save the outcome' }));
    expect(within(dialog).getByText('Choose the outcome the LADO gave.')).toBeTruthy();
    await user.click(within(dialog).getByRole('radio', { name: /^Unsubstantiated/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Save the outcome' }));
    expect(await screen.findByText("The LADO's outcome is recorded.")).toBeTruthy();
    expect(card().textContent).toContain(`Outcome: Unsubstantiated, ${dayLabel(today)}.`);
    expect(within(card()).queryByRole('button', { name: /LADO/ })).toBeNull();

    dialog = await open('Police contact…', 'Police contact');
    await user.type(within(dialog).getByLabelText('Police force'), 'Kent Police');
    await user.type(within(dialog).getByLabelText('Officer'), 'DC Sarah Mensah');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(within(dialog).getByText('Enter the crime or incident reference number.')).toBeTruthy();
    await user.type(within(dialog).getByLabelText('Police reference'), '46/118822/26');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('The police contact is recorded.')).toBeTruthy();
    expect(card().textContent).toContain(`${dayLabel(today)}: Kent Police, DC Sarah Mensah, reference 46/118822/26.`);

    dialog = await open('Debrief…', 'Debrief: the concern about Mr Hale, Year 5');
    await user.click(within(dialog).getByRole('button', { name: 'Save the debrief' }));
    expect(within(dialog).getByText('Say what was learnt, even if it is that everything worked as it should.')).toBeTruthy();
    await user.type(within(dialog).getByLabelText('What was learnt'), 'Staff did not know personal phones stay in lockers.');
    await user.click(within(dialog).getByRole('button', { name: 'Save the debrief' }));
    expect(await screen.findByText('The debrief is recorded.')).toBeTruthy();
    expect(api.inputsOf('concern.recordDebrief')).toEqual([{ concernId: 4, lessonsLearnt: 'Staff did not know personal phones stay in lockers.', practiceChange: null }]);
    expect(card().textContent).toContain('Lessons learntStaff did not know personal phones stay in lockers.');
    expect(card().textContent).toContain('Changes to practiceNone.');
    expect(within(card()).queryByRole('button', { name: /Debrief/ })).toBeNull();
  });

  it('offers no debrief while a concern is open, and nothing about the parents to an office member on an allegation against staff', async () => {
    installFakeApi(safeguardingConsole(dslSession, { 'concern.list': () => ({ concerns: [concern({ aboutType: 'staff' })] }) }));
    const { user } = renderApp('#/console');
    await openSafeguarding(user, 'Concerns');
    const card = await screen.findByRole('listitem', { name: 'Amira Khan' });
    expect(within(card).getAllByRole('button').map((b) => b.textContent)).toEqual([
      'Review… the concern about Amira Khan',
      'Parents informed… for the concern about Amira Khan',
      'LADO referral… for the concern about Amira Khan',
      'Police contact… for the concern about Amira Khan',
    ]);
  });
});
