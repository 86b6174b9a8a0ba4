import { screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { CommandInput, PrintStatus, ReceiptView } from '../../../src/shared/contract/index.js';
import { item, NO_PRINTER, receipt } from '../../helpers/console-fixtures.js';
import { checkedByContract, installFakeApi, type FakeApi } from '../../helpers/fake-api.js';
import { renderApp } from '../../helpers/harness.js';
import { agreement, heldDevice, pupilsConsole, today } from '../../helpers/learner-fixtures.js';
import { minutesAgo } from '../../helpers/test-clock.js';
import type { LearnerExceptionView } from '../../../src/shared/domain/learners.js';
import { shiftDay } from '../../../src/renderer/lib/uk-clock.js';

const printed: PrintStatus = { printed: true, printer: 'Reception-Receipts', documentId: 'doc-0123456789abcdef' };
const notPrinted: PrintStatus = { printed: false, reason: NO_PRINTER, documentId: 'doc-0123456789abcdef' };

afterEach(() => {
  delete window.safeHands;
});

/** What main would make of custody.log: a receipt numbered in turn, for the pupil and items sent. */
function logs(print: PrintStatus = printed) {
  let seq = 41;
  return checkedByContract('custody.log', (input) => {
    seq += 1;
    const owner = input.owner as Extract<CommandInput<'custody.log'>['owner'], { type: 'learner' }>;
    const made: ReceiptView = receipt({
      receiptId: seq, receiptNumber: `2026-00${seq}`, ownerType: 'learner', ownerName: owner.name, ownerDetail: `Pupil${owner.group ? `, ${owner.group}` : ''}`,
      visitId: null, visitOpen: false, printCount: print.printed ? 1 : 0, printProblem: print.printed ? null : print.reason,
      items: input.items.map((i, n) => item(300 + n, { ...i, reason: 'learner_day' })),
    });
    return { receipt: made, print };
  });
}

async function openQueue(user: UserEvent): Promise<HTMLElement> {
  const nav = await screen.findByRole('navigation', { name: 'Console sections' });
  await user.click(within(nav).getByRole('button', { name: "Pupils' devices" }));
  return screen.findByRole('region', { name: 'Handed in on arrival' });
}

function nameBox(queue: HTMLElement): HTMLInputElement {
  return within(queue).getByRole('textbox', { name: /Pupil's name/ }) as HTMLInputElement;
}

function sentLogs(api: FakeApi) {
  return api.inputsOf('custody.log');
}

describe('the morning queue: handed in on arrival', () => {
  it("finds the agreement however the name is typed, ticks its device, logs it with the agreement's name, and is ready for the next pupil", async () => {
    const api = installFakeApi(pupilsConsole(undefined, {
      'learner.agreementsFor': ({ pupilName }) => ({ agreements: pupilName.replace(/\s+/g, ' ').trim().toLowerCase() === "amy o'brien" ? [agreement()] : [], exceptions: [] }),
      'custody.log': logs(),
    }));
    const { user, tap, taps } = renderApp('#/console');
    const queue = await openQueue(user);

    await user.type(nameBox(queue), "  amy   o'brien ");
    expect(await within(queue).findByText(/^Agreement in force until/)).toBeTruthy();
    const phone = within(queue).getByRole('checkbox', { name: /Phone: Red Nokia/ }) as HTMLInputElement;
    // Her one agreement is what she brings: ticked already.
    expect(phone.checked).toBe(true);
    expect(within(queue).getByText(/Amy O'Brien, 6B · agreed by Helen Bradley · Conditions: Handed in at the office on arrival/)).toBeTruthy();
    await user.type(within(queue).getByLabelText('Bag or slot number'), '12');
    await tap(within(queue).getByRole('button', { name: 'Log and print receipt' }));

    expect(await within(queue).findByText("Phone logged for Amy O'Brien, bag 12. Receipt 2026-0042.")).toBeTruthy();
    expect(within(queue).getByText('Receipt 2026-0042 printed on Reception-Receipts.')).toBeTruthy();
    // Logged as the agreement names her, through the one command every hand-in uses.
    expect(sentLogs(api)).toEqual([{
      owner: { type: 'learner', name: "Amy O'Brien", group: '6B', reason: 'learner_day', confiscationReason: null },
      items: [{ kind: 'phone', description: 'Red Nokia', marks: null, bagSlot: '12' }],
    }]);
    expect(taps()).toBe(1);
    // Ready for the next child: the form is empty and the name box has the focus.
    expect(nameBox(queue).value).toBe('');
    expect((within(queue).getByLabelText('Bag or slot number') as HTMLInputElement).value).toBe('');
    expect(document.activeElement).toBe(nameBox(queue));
    expect(within(queue).queryByRole('checkbox')).toBeNull();
  });

  it('takes a scanned name ending in Enter: looks it up at once, and with no agreement asks what the device is', async () => {
    const api = installFakeApi(pupilsConsole(undefined, {
      'learner.agreementsFor': () => ({ agreements: [agreement({ agreementId: 5, pupilName: 'Sam Fox', state: 'ended', ended: { at: '2026-09-01T10:00:00Z', by: 'Helen Bradley', reason: 'Moved' } })], exceptions: [] }),
      'custody.log': logs(notPrinted),
    }));
    const { user } = renderApp('#/console');
    const queue = await openQueue(user);
    // A scanner types fast and presses Enter: that is a look-up, never a log of nothing.
    await user.type(nameBox(queue), 'Sam Fox{Enter}');
    expect(await within(queue).findByText(/^No agreement in force today\. Agreement ended early on/)).toBeTruthy();
    expect(within(queue).getByText('Hold the device for the day all the same, and tell the headteacher.')).toBeTruthy();
    expect(sentLogs(api)).toEqual([]);

    await user.click(within(queue).getByRole('button', { name: 'Log and print receipt' }));
    expect(await within(queue).findByText('Choose what kind of device it is.')).toBeTruthy();
    expect(within(queue).getByText('Enter the bag or slot number.')).toBeTruthy();
    expect(sentLogs(api)).toEqual([]);

    await user.selectOptions(within(queue).getByLabelText('Kind of device'), 'smart_watch');
    await user.type(within(queue).getByLabelText('Make and colour (optional)'), 'Blue watch');
    await user.type(within(queue).getByLabelText('Class or year group (optional)'), '5C');
    await user.type(within(queue).getByLabelText('Bag or slot number'), '7{Enter}');
    expect(await within(queue).findByText('Smart watch logged for Sam Fox, bag 7. Receipt 2026-0042.')).toBeTruthy();
    expect(sentLogs(api)).toEqual([{
      owner: { type: 'learner', name: 'Sam Fox', group: '5C', reason: 'learner_day', confiscationReason: null },
      items: [{ kind: 'smart_watch', description: 'Blue watch', marks: null, bagSlot: '7' }],
    }]);
    // The printer never took it: said, with Reprint beside it, as anywhere a receipt did not print.
    expect(within(queue).getByText('Receipt 2026-0042 not printed')).toBeTruthy();
    expect(within(queue).getByRole('button', { name: 'Reprint receipt 2026-0042' })).toBeTruthy();
  });

  it('keeps two pupils with the same name in two classes apart: nothing ticked for them, and one pupil per receipt', async () => {
    const threeA = agreement({ agreementId: 2, pupilName: 'Amy Jones', classGroup: '3A', deviceKind: 'smart_watch', deviceDescription: 'Pink watch' });
    const sixB = agreement({ agreementId: 3, pupilName: 'Amy Jones', classGroup: '6B' });
    const api = installFakeApi(pupilsConsole(undefined, { 'learner.agreementsFor': () => ({ agreements: [threeA, sixB], exceptions: [] }), 'custody.log': logs() }));
    const { user } = renderApp('#/console');
    const queue = await openQueue(user);
    await user.type(nameBox(queue), 'amy jones');
    expect(await within(queue).findByText('2 pupils called Amy Jones have an agreement. Check the class before you tick.')).toBeTruthy();
    const watch = within(queue).getByRole('checkbox', { name: /Amy Jones, 3A: Smart watch: Pink watch/ }) as HTMLInputElement;
    const phone = within(queue).getByRole('checkbox', { name: /Amy Jones, 6B: Phone: Red Nokia/ }) as HTMLInputElement;
    expect([watch.checked, phone.checked]).toEqual([false, false]);
    await user.type(within(queue).getByLabelText('Bag or slot number'), '4');

    await user.click(within(queue).getByRole('button', { name: 'Log and print receipt' }));
    expect(await within(queue).findByText('Tick the device being handed in.')).toBeTruthy();
    await user.click(watch);
    await user.click(phone);
    await user.click(within(queue).getByRole('button', { name: 'Log and print receipt' }));
    expect(await within(queue).findByText(/These devices are agreed for different pupils \(Amy Jones, 3A and Amy Jones, 6B\)/)).toBeTruthy();
    expect(sentLogs(api)).toEqual([]);

    await user.click(watch);
    await user.click(within(queue).getByRole('button', { name: 'Log and print receipt' }));
    expect(await within(queue).findByText('Phone logged for Amy Jones, bag 4. Receipt 2026-0042.')).toBeTruthy();
    expect(sentLogs(api).map((i) => i.owner)).toEqual([{ type: 'learner', name: 'Amy Jones', group: '6B', reason: 'learner_day', confiscationReason: null }]);
  });

  it('says a pupil with an exception in force keeps that device, instead of telling the office to hold it', async () => {
    const maya: LearnerExceptionView = {
      exceptionId: 3, pupilName: 'Maya Patel', classGroup: '4R', deviceKind: 'phone', deviceDescription: 'White iPhone SE',
      reason: 'Reads her glucose monitor', permittedUse: 'Glucose readings only', expectations: 'On silent in her tray', sanctions: 'Kept at the office',
      validFrom: today, validUntil: shiftDay(today, 100), approvedBy: 'Dee Okafor', recordedAt: minutesAgo(60), recordedBy: 'Olu Office',
      signed: { on: today, learnerName: 'Maya Patel', parentName: 'Anita Patel', parentRelationship: 'Mother', recordedAt: minutesAgo(30), recordedBy: 'Olu Office' },
      ended: null, state: 'in_force',
    };
    installFakeApi(pupilsConsole(undefined, { 'learner.agreementsFor': () => ({ agreements: [], exceptions: [maya] }), 'custody.log': logs() }));
    const { user } = renderApp('#/console');
    const queue = await openQueue(user);
    await user.type(nameBox(queue), 'Maya Patel{Enter}');
    expect(await within(queue).findByText(/Exception in force until .*: the pupil may keep their phone with them/)).toBeTruthy();
    expect(within(queue).queryByText('Hold the device for the day all the same, and tell the headteacher.')).toBeNull();
    expect(within(queue).queryByText('No agreement on record')).toBeNull();
  });

  it('takes a one-character name as a name, and refuses an empty one before anything is sent', async () => {
    const api = installFakeApi(pupilsConsole(undefined, { 'learner.agreementsFor': () => ({ agreements: [], exceptions: [] }), 'custody.log': logs() }));
    const { user } = renderApp('#/console');
    const queue = await openQueue(user);
    await user.click(within(queue).getByRole('button', { name: 'Find the pupil' }));
    expect(await within(queue).findByText("Please enter the pupil's name.")).toBeTruthy();
    expect(api.inputsOf('learner.agreementsFor')).toEqual([]);

    await user.type(nameBox(queue), '李{Enter}');
    expect(await within(queue).findByText('No agreement on record')).toBeTruthy();
    expect(api.inputsOf('learner.agreementsFor')).toEqual([{ pupilName: '李' }]);
    await user.selectOptions(within(queue).getByLabelText('Kind of device'), 'phone');
    await user.type(within(queue).getByLabelText('Bag or slot number'), 'P2{Enter}');
    expect(await within(queue).findByText('Phone logged for 李, bag P2. Receipt 2026-0042.')).toBeTruthy();
    expect(sentLogs(api).map((i) => i.owner.type === 'learner' && [i.owner.name, i.owner.group])).toEqual([['李', null]]);
  });

  it('says when the pupil already has a device in the safe for the day, so it is not logged twice by mistake', async () => {
    installFakeApi(pupilsConsole(undefined, {
      'learner.devicesHeld': () => ({ forTheDay: [heldDevice()], confiscated: [], endOfDay: '15:30', earlyAgreers: [] }),
      'learner.agreementsFor': () => ({ agreements: [agreement()], exceptions: [] }),
    }));
    const { user } = renderApp('#/console');
    const queue = await openQueue(user);
    await user.type(nameBox(queue), "AMY O'BRIEN");
    await waitFor(() => expect(within(queue).getByText(/^Already in the safe for Amy O'Brien, 6B: Phone: Red Nokia, bag 12, handed in at .+\.$/)).toBeTruthy());
  });
});
