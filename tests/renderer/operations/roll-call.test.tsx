import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { installFakeApi } from '../../helpers/fake-api.js';
import { amira, tom, unlockedConsole } from '../../helpers/console-fixtures.js';
import { renderApp } from '../../helpers/harness.js';
import { rollCallRecord } from '../../helpers/operations-fixtures.js';

async function openRollCall() {
  const app = renderApp('#/console');
  const nav = await screen.findByRole('navigation', { name: 'Console sections' });
  await app.user.click(within(nav).getByRole('button', { name: 'Roll call' }));
  await screen.findByRole('checkbox', { name: 'Amira Khan' });
  return app;
}

describe('the roll call', () => {
  it('lists everyone on site with a big tick each, and says how many are accounted for', async () => {
    installFakeApi(unlockedConsole());
    await openRollCall();
    expect(screen.getByRole('heading', { level: 1, name: 'Roll call' })).toBeTruthy();
    const list = screen.getByRole('list', { name: 'Everyone signed in' });
    expect(within(list).getAllByRole('checkbox')).toEqual([
      screen.getByRole('checkbox', { name: 'Amira Khan' }),
      screen.getByRole('checkbox', { name: "Tom O'Neill" }),
    ]);
    const amiraBox = screen.getByRole('checkbox', { name: 'Amira Khan' });
    expect(amiraBox.getAttribute('aria-describedby')).toBeTruthy();
    const details = document.getElementById(amiraBox.getAttribute('aria-describedby')!)!.textContent;
    expect(details).toContain('Bright Sparks Ltd');
    expect(details).toContain('Visiting: Fixing the boiler');
    expect(details).toMatch(/In at \d\d:\d\d/);
    expect(details).toContain('Declared 1 phone and 1 smart watch');
    expect(document.getElementById(screen.getByRole('checkbox', { name: "Tom O'Neill" }).getAttribute('aria-describedby')!)!.textContent)
      .toContain('2 items in the safe');
    expect(screen.getByText(/accounted for/).closest('p')!.textContent).toContain('0 of 2 accounted for');
  });

  it('sends exactly the ticked visits and shows who is still missing', async () => {
    const api = installFakeApi(unlockedConsole({
      'rollcall.save': (input) => rollCallRecord({ accounted: input.accountedVisitIds.length, missing: ['Amira Khan'] }),
    }));
    const { user } = await openRollCall();
    // Ticked and unticked again, then Tom: only Tom is sent.
    await user.click(screen.getByRole('checkbox', { name: 'Amira Khan' }));
    await user.click(screen.getByRole('checkbox', { name: "Tom O'Neill" }));
    expect(screen.getByText(/accounted for/).closest('p')!.textContent).toContain('2 of 2 accounted for');
    await user.click(screen.getByRole('checkbox', { name: 'Amira Khan' }));
    expect((screen.getByRole('checkbox', { name: "Tom O'Neill" }) as HTMLInputElement).checked).toBe(true);
    expect(screen.getByText(/accounted for/).closest('p')!.textContent).toContain('1 of 2 accounted for');
    await user.type(screen.getByLabelText('Note (optional)'), 'Gathered on the field');
    await user.click(screen.getByRole('button', { name: 'Finish roll call' }));

    const result = await screen.findByRole('region', { name: 'Still missing: 1 person' });
    expect(within(within(result).getByRole('list', { name: 'Still missing' })).getAllByRole('listitem').map((li) => li.textContent))
      .toEqual(['Amira Khan']);
    expect(document.activeElement).toBe(result);
    expect(api.inputsOf('rollcall.save')).toEqual([{ accountedVisitIds: [2], note: 'Gathered on the field' }]);
  });

  it('says plainly when everyone is accounted for', async () => {
    const api = installFakeApi(unlockedConsole({
      'rollcall.save': (input) => rollCallRecord({ accounted: input.accountedVisitIds.length, missing: [] }),
    }));
    const { user } = await openRollCall();
    await user.click(screen.getByRole('checkbox', { name: "Tom O'Neill" }));
    await user.click(screen.getByRole('checkbox', { name: 'Amira Khan' }));
    await user.click(screen.getByRole('button', { name: 'Finish roll call' }));
    expect(await screen.findByRole('heading', { name: 'Everyone is accounted for' })).toBeTruthy();
    // In list order, not tick order; no note when none was typed.
    expect(api.inputsOf('rollcall.save')).toEqual([{ accountedVisitIds: [amira.visitId, tom.visitId] }]);
  });

  it('keeps the ticks of people still here when the list is read again', async () => {
    let visits = [amira, tom];
    installFakeApi(unlockedConsole({ 'visit.onSite': () => ({ visits, badgesEnabled: false }) }));
    const { user } = await openRollCall();
    await user.click(screen.getByRole('checkbox', { name: 'Amira Khan' }));
    await user.click(screen.getByRole('checkbox', { name: "Tom O'Neill" }));
    visits = [tom];
    await user.click(screen.getByRole('button', { name: 'Refresh the list' }));
    await screen.findByText(/1 of 1/);
    expect(screen.queryByRole('checkbox', { name: 'Amira Khan' })).toBeNull();
    expect((screen.getByRole('checkbox', { name: "Tom O'Neill" }) as HTMLInputElement).checked).toBe(true);
  });

  it('prints the evacuation list, and when it cannot, says why and offers the PDF', async () => {
    const api = installFakeApi(unlockedConsole({
      'rollcall.print': () => ({
        people: 2,
        print: { printed: false, reason: 'No A4 printer is set up. An administrator can choose one in Settings.', documentId: 'rc-7f3a' },
      }),
    }));
    const { user } = await openRollCall();
    await user.click(screen.getByRole('button', { name: 'Print the evacuation list' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The evacuation list was not printed.');
    expect(alert.textContent).toContain('No A4 printer is set up.');
    const link = screen.getByRole('link', { name: 'Open the evacuation list PDF' });
    expect(link.getAttribute('href')).toBe('documents/rc-7f3a');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(api.inputsOf('rollcall.print')).toEqual([{}]);
  });

  it('says which printer it went to when it printed', async () => {
    installFakeApi(unlockedConsole({
      'rollcall.print': () => ({ people: 2, print: { printed: true, printer: 'Office-A4', documentId: 'rc-1' } }),
    }));
    const { user } = await openRollCall();
    await user.click(screen.getByRole('button', { name: 'Print the evacuation list' }));
    expect((await screen.findByText(/Evacuation list printed on Office-A4/)).textContent).toContain('2 people on it');
  });
});
