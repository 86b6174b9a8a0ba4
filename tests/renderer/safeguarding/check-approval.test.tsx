import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useApprovalCheckStore } from '../../../src/renderer/safeguarding/approval-check-store.js';
import type { CommandOutput } from '../../../src/shared/contract/index.js';
import { formatDateTime } from '../../../src/shared/domain/time.js';
import { checkedByContract, fail, installFakeApi, type FakeHandlers } from '../../helpers/fake-api.js';
import { minutesAgo } from '../../helpers/console-fixtures.js';
import { exceptionView, officeSession, safeguardingConsole } from '../../helpers/safeguarding-fixtures.js';
import { descriptionOf, keyboardClock, renderApp } from '../../helpers/harness.js';

const GENUINE = 'ABCDEFGHJKLMNPQRSTUVWXYZ23';
const REVOKED = 'QRSTUVWXYZ234567ABCDEFGHJK';
const UNKNOWN_MESSAGE = 'This is not an approval Safe Hands knows. Treat the device as not approved and ask the DSL.';
const SCAN_LABEL = 'Scan the QR code on the approval record or type its record code';

type Lookup = CommandOutput<'exception.lookup'>;

function approval(overrides: Partial<Lookup> = {}): Lookup {
  return {
    ...exceptionView({
      conditions: 'Laptop stays closed when children are in the room.',
      validFrom: minutesAgo(20),
      validUntil: minutesAgo(-120),
      approvedAt: minutesAgo(21),
    }),
    visitorName: 'Helen Marsh',
    ...overrides,
  };
}

const revokedAt = minutesAgo(5);

/** Main's records: one in force, one revoked; any other well-formed code is unknown, as main answers. */
const records: Record<string, Lookup> = {
  [GENUINE]: approval(),
  [REVOKED]: approval({
    exceptionId: 10, state: 'revoked', revokedAt, revokedBy: 'Priya Shah',
    revokeReason: 'Photographed a classroom display with children in the room.',
  }),
};

async function openCheck(overrides: FakeHandlers = {}) {
  const api = installFakeApi(safeguardingConsole(officeSession, {
    'exception.lookup': checkedByContract('exception.lookup', ({ code }) => records[code] ?? fail('not_found', UNKNOWN_MESSAGE)),
    ...overrides,
  }));
  const app = renderApp('#/console');
  const nav = await screen.findByRole('navigation', { name: 'Console sections' });
  await app.user.click(within(nav).getByRole('button', { name: 'Check an approval' }));
  const box = screen.getByLabelText(SCAN_LABEL) as HTMLInputElement;
  return { api, box, nav, ...app };
}

/** A USB scanner: the whole code in one burst of keystrokes, then Enter. */
async function scan(code: string, enter = true): Promise<void> {
  await keyboardClock().scanner.keyboard(enter ? `${code}{Enter}` : code);
}

function verdict(): HTMLElement {
  return screen.getByRole('region', { name: /^(Approved|Not)/ });
}

function detail(region: HTMLElement, label: string): string {
  const term = within(region).getByText(label, { selector: 'dt' });
  return term.nextElementSibling?.textContent ?? '';
}

describe('checking a device approval', () => {
  it('sits beside the safe in the navigation and puts the cursor in the scan box', async () => {
    const { box, nav } = await openCheck();
    const pages = within(within(nav).getByRole('list', { name: 'Front desk pages' })).getAllByRole('button').map((b) => b.textContent);
    expect(pages).toEqual(['Today', 'Collect', 'In the safe', 'Check an approval', 'Log items', 'Staff on site']);
    expect(within(nav).getByRole('button', { name: 'Check an approval' }).getAttribute('aria-current')).toBe('page');
    expect(screen.getByRole('heading', { level: 1, name: 'Check a device approval' })).toBeTruthy();
    expect(document.activeElement).toBe(box);
  });

  it('looks up a scanner burst by itself and says plainly that a genuine approval is in force, with what it allows', async () => {
    const { api, box } = await openCheck();
    // Someone starts typing, stops, and then the scanner fires: only the burst is the code.
    const { person, pause } = keyboardClock();
    await person.type(box, 'ab');
    pause(150);
    await scan(GENUINE);

    expect(api.inputsOf('exception.lookup')).toEqual([{ code: GENUINE }]);
    const region = await screen.findByRole('region', { name: 'Approved: in force now' });
    expect(region.textContent).toContain('Genuine approval');
    expect(region.textContent).toContain('Helen Marsh may keep the devices below, for the permitted use and in the permitted areas only.');
    expect(within(region).getByText('✓').getAttribute('aria-hidden')).toBe('true');
    expect(detail(region, 'For')).toBe('Helen Marsh');
    expect(detail(region, 'Devices')).toBe('1 laptop');
    expect(detail(region, 'Permitted use')).toBe('Note-taking and photos of documents only');
    expect(detail(region, 'Permitted areas')).toBe('Office and library');
    expect(detail(region, 'Conditions')).toBe('Laptop stays closed when children are in the room.');
    expect(detail(region, 'Valid from')).toBe(formatDateTime(records[GENUINE]!.validFrom));
    expect(detail(region, 'Valid until')).toBe(formatDateTime(records[GENUINE]!.validUntil!));
    expect(detail(region, 'Approved by')).toBe(`Priya Shah, ${formatDateTime(records[GENUINE]!.approvedAt)}`);
    expect(within(region).queryByText('Revoked', { selector: 'dt' })).toBeNull();
    expect(region.textContent).not.toMatch(/not in force/i);
    // Heard as well as seen, and the box is ready for the next scan.
    expect(screen.getAllByRole('status').map((s) => s.textContent).join(' ')).toContain('Approved: in force now.');
    expect(box.value).toBe('');
  });

  it('says a revoked approval is not in force, by whom and why, and that the device should be in the safe', async () => {
    const { api } = await openCheck();
    await scan(REVOKED, false);
    await new Promise((resolve) => setTimeout(resolve, 300));

    expect(api.inputsOf('exception.lookup')).toEqual([{ code: REVOKED }]);
    const region = await screen.findByRole('region', { name: 'Not in force: approval revoked' });
    expect(region.textContent).toContain('Genuine Safe Hands record');
    expect(region.textContent).toContain('by Priya Shah: Photographed a classroom display with children in the room.');
    expect(region.textContent).toContain('The device should be in the office safe: ask them to hand it in.');
    expect(within(region).getByText('✗').getAttribute('aria-hidden')).toBe('true');
    expect(region.textContent).not.toContain('in force now');
    expect(detail(region, 'For')).toBe('Helen Marsh');
    expect(detail(region, 'Revoked')).toBe(`${formatDateTime(revokedAt)} by Priya Shah: Photographed a classroom display with children in the room.`);
  });

  it.each([
    ['expired', 'Not in force: approval expired', 'It ended at'],
    ['not_yet', 'Not in force yet', 'It starts at'],
    ['visit_ended', 'Not in force: the visit has ended', 'It does not cover another visit'],
    ['awaiting_arrival', 'Not in force: not signed in yet', 'starts when they sign in at reception'],
  ] as const)('says an approval that is %s is not in force', async (state, title, why) => {
    await openCheck({ 'exception.lookup': () => approval({ state }) });
    await scan(GENUINE);
    const region = await screen.findByRole('region', { name: title });
    expect(region.textContent).toContain(why);
    expect(region.textContent).toContain('should be in the office safe');
  });

  it('gives main’s plain message for a code it does not know, as not approved', async () => {
    const { api, box, user } = await openCheck();
    await user.type(box, 'ZZZZ ZZZZ ZZZZ ZZZZ ZZZZ ZZZZ ZZ{Enter}');
    expect(api.inputsOf('exception.lookup')).toEqual([{ code: 'ZZZZZZZZZZZZZZZZZZZZZZZZZZ' }]);
    const region = await screen.findByRole('region', { name: 'Not approved' });
    expect(region.textContent).toContain(UNKNOWN_MESSAGE);
    expect(region.textContent).toContain('Unknown record');
    expect(screen.queryByRole('region', { name: /in force/ })).toBeNull();
  });

  it('gives main’s message under the box for something that is not a record code, and asks for a code when empty', async () => {
    const { api, box, user } = await openCheck();
    await user.click(screen.getByRole('button', { name: 'Check' }));
    expect(api.inputsOf('exception.lookup')).toEqual([]);
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(box)).toContain('Scan the QR code on the approval record, or type the record code printed under it.');

    // A receipt number, tidied as a code typed from the paper would be (0 and 1 read as O and I): still not one.
    await user.type(box, '2026-0041{Enter}');
    expect(api.inputsOf('exception.lookup')).toEqual([{ code: '2O26OO4I' }]);
    expect(await screen.findByText('That is not a Safe Hands exception record.')).toBeTruthy();
    expect(descriptionOf(box)).toContain('That is not a Safe Hands exception record.');
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByRole('region', { name: /^(Approved|Not)/ })).toBeNull();
  });

  it('checks a record code typed by hand in lower case with its spaces, only when asked', async () => {
    const { api, box } = await openCheck();
    const { person } = keyboardClock();
    await person.type(box, 'abcd efgh jklm npqr stuv wxyz 23');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(api.inputsOf('exception.lookup')).toEqual([]);
    await person.click(screen.getByRole('button', { name: 'Check' }));
    expect(api.inputsOf('exception.lookup')).toEqual([{ code: GENUINE }]);
    expect(await screen.findByRole('region', { name: 'Approved: in force now' })).toBeTruthy();
  }, 10_000);

  it('replaces the last verdict at once with the next scan, and forgets it when the console locks', async () => {
    const { user } = await openCheck();
    await scan(GENUINE);
    expect(await screen.findByRole('region', { name: 'Approved: in force now' })).toBeTruthy();
    await scan(REVOKED);
    expect(await screen.findByRole('region', { name: 'Not in force: approval revoked' })).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Approved: in force now' })).toBeNull();
    expect(verdict()).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Lock' }));
    expect(useApprovalCheckStore.getState().result).toBeNull();
  });
});
