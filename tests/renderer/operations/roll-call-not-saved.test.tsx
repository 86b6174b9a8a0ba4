import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { installFakeApi } from '../../helpers/fake-api.js';
import { unlockedConsole } from '../../helpers/console-fixtures.js';
import { renderApp } from '../../helpers/harness.js';
import { rollCallRecord } from '../../helpers/operations-fixtures.js';

/**
 * The roll call when the disk will not take it (full, read-only): the host still answers with who is missing
 * and says in a few words why nothing was kept (services/operations/roll-call.ts); the screen says the list
 * on it is complete and how to use it.
 */

const NOT_SAVED = 'The roll call could not be saved: the disk is full.';
const PDF_NOT_SAVED = 'Its PDF could not be saved: the disk is full, so nothing was sent to the printer.';
const READ_IT_OUT = 'The list on screen is complete: read it out, or print this page from the browser.';

afterEach(() => {
  delete window.safeHands;
});

async function openRollCall(overrides: Parameters<typeof unlockedConsole>[0] = {}) {
  installFakeApi(unlockedConsole({
    'rollcall.save': (input) => rollCallRecord({ rollCallId: null, accounted: input.accountedVisitIds.length, missing: ['Amira Khan'], notSaved: NOT_SAVED }),
    'rollcall.print': () => ({ people: 2, print: { printed: false, reason: PDF_NOT_SAVED, documentId: null } }),
    ...overrides,
  }));
  const app = renderApp('#/console');
  await app.user.click(within(await screen.findByRole('navigation', { name: 'Console sections' })).getByRole('button', { name: 'Roll call' }));
  await screen.findByRole('checkbox', { name: 'Amira Khan' });
  return app;
}

describe('the roll call on a full disk', () => {
  it('still shows who is missing, says why it was not saved, and how to use the list on screen', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    const { user } = await openRollCall();
    await user.click(screen.getByRole('checkbox', { name: "Tom O'Neill" }));
    await user.click(screen.getByRole('button', { name: 'Finish roll call' }));

    const result = await screen.findByRole('region', { name: 'Still missing: 1 person' });
    expect(within(within(result).getByRole('list', { name: 'Still missing' })).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Amira Khan']);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toBe(`!${NOT_SAVED}${READ_IT_OUT}Print this page`);
    // The whole list stays, ticks and all, for reading out.
    expect((screen.getByRole('checkbox', { name: "Tom O'Neill" }) as HTMLInputElement).checked).toBe(true);
    expect(screen.getByRole('checkbox', { name: 'Amira Khan' })).toBeTruthy();
    await user.click(within(alert).getByRole('button', { name: 'Print this page' }));
    expect(print).toHaveBeenCalledTimes(1);
    print.mockRestore();
  });

  it('says the evacuation list was not printed and why, with no PDF to offer', async () => {
    const { user } = await openRollCall();
    await user.click(screen.getByRole('button', { name: 'Print the evacuation list' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(`The evacuation list was not printed. ${PDF_NOT_SAVED}`);
    expect(alert.textContent).toContain(READ_IT_OUT);
    expect(screen.queryByRole('link', { name: /evacuation list PDF/ })).toBeNull();
  });

  it('in the desktop app, which has no print of its own, says to read it out', async () => {
    window.safeHands = { invoke: async () => ({ ok: false, error: { code: 'internal', message: 'not used' } }) };
    const { user } = await openRollCall();
    await user.click(screen.getByRole('button', { name: 'Finish roll call' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(`!${NOT_SAVED}The list on screen is complete: read it out.`);
    expect(within(alert).queryByRole('button')).toBeNull();
  });
});
