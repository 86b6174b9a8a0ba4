import { screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { HeldPupilDevice } from '../../../src/shared/contract/index.js';
import { dayLabel, shiftDay } from '../../../src/renderer/lib/uk-clock.js';
import { receipt } from '../../helpers/console-fixtures.js';
import { checkedByContract, fail, installFakeApi } from '../../helpers/fake-api.js';
import { renderApp } from '../../helpers/harness.js';
import { confiscatedPhone, heldDevice, leftYesterday, pupilsConsole, today } from '../../helpers/learner-fixtures.js';

async function openPupilDevices(user: UserEvent): Promise<void> {
  const nav = await screen.findByRole('navigation', { name: 'Console sections' });
  await user.click(within(nav).getByRole('button', { name: "Pupils' devices" }));
  await screen.findByRole('heading', { level: 1, name: 'Hand in and home time' });
}

const amy = heldDevice();
const yesterday = dayLabel(shiftDay(today, -1));

describe('back at the end of the day', () => {
  it('lists the devices held for the day, the one not collected first and flagged, and gives one back to the pupil with one tap', async () => {
    let held: HeldPupilDevice[] = [leftYesterday, amy];
    const api = installFakeApi(pupilsConsole(undefined, {
      'learner.devicesHeld': () => ({ forTheDay: held, confiscated: [confiscatedPhone], endOfDay: '15:30', earlyAgreers: [] }),
      'custody.return': checkedByContract('custody.return', (input) => {
        held = held.filter((h) => h.receiptId !== input.receiptId);
        return { receipt: receipt({ receiptId: input.receiptId, ownerType: 'learner', ownerName: input.returnedTo, visitId: null }), visitSignedOut: false };
      }),
    }));
    const { user, tap, taps } = renderApp('#/console');
    await openPupilDevices(user);
    const list = await screen.findByRole('table', { name: 'Back at the end of the day' });
    expect(screen.getByText("2 pupils' devices to give back · 1 not collected on an earlier day")).toBeTruthy();
    const rows = within(list).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['Sam Fox5C', "Amy O'Brien6B"]);
    expect(rows[0]!.textContent).toContain(`⚠ Not collected on ${yesterday}`);
    expect(rows[0]!.textContent).toContain('Smart watch: Blue watch · bag 7');
    expect(rows[1]!.textContent).not.toContain('⚠');
    expect(rows[1]!.textContent).toContain('Receipt 2026-0042');

    // Confiscated devices are only counted here, and none is given back to the pupil from here.
    expect(screen.queryByRole('row', { name: /Kofi Mensah/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /Given back to Kofi/ })).toBeNull();
    expect(screen.getByText('1 confiscated device is held apart: they go to a parent or carer, from Confiscated.')).toBeTruthy();

    await tap(within(rows[1]!).getByRole('button', { name: "Given back to Amy O'Brien" }));
    expect(await screen.findByText("Phone given back to Amy O'Brien.")).toBeTruthy();
    expect(api.inputsOf('custody.return')).toEqual([{ receiptId: 42, itemIds: [201], returnedTo: "Amy O'Brien", note: null }]);
    expect(taps()).toBe(1);
    await waitFor(() => expect(within(list).queryByRole('row', { name: /Amy O'Brien/ })).toBeNull());
    expect(screen.getByText("1 pupil's device to give back · 1 not collected on an earlier day")).toBeTruthy();
  });

  it('says so when another screen gave it back first, and shows the list as it is now', async () => {
    let held: HeldPupilDevice[] = [amy];
    const api = installFakeApi(pupilsConsole(undefined, {
      'learner.devicesHeld': () => ({ forTheDay: held, confiscated: [], endOfDay: '15:30', earlyAgreers: [] }),
      'custody.return': () => {
        held = [];
        return fail('conflict', "Phone (bag 12) was already returned to Amy O'Brien by Priya Shah on 23 Nov 2026, 15:14. Nothing was changed.");
      },
    }));
    const { user } = renderApp('#/console');
    await openPupilDevices(user);
    const list = await screen.findByRole('table', { name: 'Back at the end of the day' });
    await user.click(within(list).getByRole('button', { name: "Given back to Amy O'Brien" }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain("Phone (bag 12) was already returned to Amy O'Brien by Priya Shah");
    expect(await screen.findByText('No pupil has a device in the safe for the day.')).toBeTruthy();
    expect(screen.queryByText(/given back to Amy/)).toBeNull();
    expect(api.inputsOf('custody.return')).toHaveLength(1);
  });

  it('sends a double tap once: the button waits for the answer', async () => {
    let answer: (() => void) | null = null;
    const api = installFakeApi(pupilsConsole(undefined, {
      'learner.devicesHeld': () => ({ forTheDay: [amy], confiscated: [], endOfDay: '15:30', earlyAgreers: [] }),
      'custody.return': () => new Promise((resolve) => {
        answer = () => resolve({ receipt: receipt({ receiptId: 42 }), visitSignedOut: false });
      }),
    }));
    const { user } = renderApp('#/console');
    await openPupilDevices(user);
    const button = within(await screen.findByRole('table', { name: 'Back at the end of the day' })).getByRole('button', { name: "Given back to Amy O'Brien" });
    await user.click(button);
    await user.click(button);
    expect(button.textContent).toContain('Giving back…');
    expect(api.inputsOf('custody.return')).toHaveLength(1);
    answer!();
    expect(await screen.findByText("Phone given back to Amy O'Brien.")).toBeTruthy();
  });
});

describe('a device not collected, on Today', () => {
  it('is flagged on Today the next morning, with the way to the Pupils\' devices page', async () => {
    installFakeApi(pupilsConsole(undefined, { 'learner.devicesHeld': () => ({ forTheDay: [leftYesterday, amy], confiscated: [confiscatedPhone], endOfDay: '15:30', earlyAgreers: [] }) }));
    const { user } = renderApp('#/console');
    const section = await screen.findByRole('region', { name: "Pupils' devices not collected" });
    const entries = within(section).getAllByRole('listitem');
    // Only what was left from an earlier day: today's devices are not late yet, and confiscated ones are not the pupil's to collect.
    expect(entries.map((e) => e.textContent)).toEqual([`Sam Fox, 5C · Smart watch: Blue watch, bag 7 ⚠ Not collected on ${yesterday}`]);
    await user.click(within(section).getByRole('button', { name: "Open Pupils' devices" }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Hand in and home time' })).toBeTruthy();
  });

  it('is not shown when every device held for the day is from today', async () => {
    const api = installFakeApi(pupilsConsole(undefined, { 'learner.devicesHeld': () => ({ forTheDay: [amy], confiscated: [], endOfDay: '15:30', earlyAgreers: [] }) }));
    renderApp('#/console');
    await screen.findByRole('heading', { level: 1, name: 'Today' });
    await waitFor(() => expect(api.inputsOf('learner.devicesHeld').length).toBeGreaterThan(0));
    expect(screen.queryByRole('region', { name: "Pupils' devices not collected" })).toBeNull();
  });
});

describe('the Confiscated page', () => {
  it('lists the confiscated devices with why they were taken, and offers no way to give them back to the pupil', async () => {
    installFakeApi(pupilsConsole(undefined, { 'learner.devicesHeld': () => ({ forTheDay: [amy], confiscated: [confiscatedPhone], endOfDay: '15:30', earlyAgreers: [] }) }));
    const { user } = renderApp('#/console');
    const nav = await screen.findByRole('navigation', { name: 'Console sections' });
    await user.click(within(nav).getByRole('button', { name: "Pupils' devices" }));
    await user.click(within(nav).getByRole('button', { name: 'Confiscated' }));
    await screen.findByRole('heading', { level: 1, name: 'Confiscated' });
    const table = await screen.findByRole('table', { name: 'In the safe' });
    const kofi = within(table).getByRole('row', { name: /Kofi Mensah/ });
    expect(kofi.textContent).toContain('Filming in the corridor');
    expect(kofi.textContent).toContain('Phone: Black iPhone · bag C1');
    // The day's devices are not here: this page is only what goes to a parent or carer.
    expect(within(table).queryByRole('row', { name: /Amy O'Brien/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /Given back/ })).toBeNull();
  });
});
