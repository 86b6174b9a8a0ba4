import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { BookingView } from '../../../src/shared/contract/index.js';
import { DEFAULT_RISK_CHECKLIST } from '../../../src/shared/domain/exceptions.js';
import { dayLabel, shiftDay, todayUk } from '../../../src/renderer/lib/uk-clock.js';
import { installFakeApi } from '../../helpers/fake-api.js';
import { TEST_NOW } from '../../helpers/test-clock.js';
import { fail } from '../../helpers/console-fixtures.js';
import { descriptionOf, renderApp, textboxNamed } from '../../helpers/harness.js';
import { approvedMarker, booking, dslSession, exceptionView, officeSession, openSafeguarding, safeguardingConsole } from '../../helpers/safeguarding-fixtures.js';

describe('expected visitors', () => {
  const today = todayUk(TEST_NOW);

  it('books a visitor for today and sends exactly what was typed', async () => {
    let bookings: BookingView[] = [];
    const api = installFakeApi(safeguardingConsole(officeSession, {
      'booking.list': ({ date }) => ({ date: date ?? today, bookings }),
      'booking.create': (input) => {
        bookings = [booking({ expectedDate: today, createdBy: 'Sam Holt' })];
        return { ...bookings[0]!, firstName: input.firstName };
      },
    }));
    const { user } = renderApp('#/console');
    await openSafeguarding(user, 'Expected visitors');
    expect(await screen.findByText('Nobody is booked today.')).toBeTruthy();
    expect(api.inputsOf('booking.list')).toEqual([{ date: today }]);

    await user.click(screen.getByRole('button', { name: 'Book a visitor' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Book a visitor' })).toBeTruthy();
    // Nothing typed yet: every missing answer is marked, and nothing is sent.
    await user.click(screen.getByRole('button', { name: 'Book the visit' }));
    expect(screen.getByText('Enter their first name.')).toBeTruthy();
    expect(api.inputsOf('booking.create')).toEqual([]);

    await user.type(textboxNamed('First name'), 'Helen');
    await user.type(textboxNamed('Surname'), 'Marsh');
    await user.type(textboxNamed('Organisation (optional)'), 'Ofsted');
    await user.selectOptions(screen.getByLabelText('Kind of visitor'), 'inspector');
    await user.type(textboxNamed('Who they are visiting'), 'Headteacher');
    expect((screen.getByLabelText('Date') as HTMLInputElement).value).toBe(today);
    fireEvent.change(screen.getByLabelText('Expected time (optional)'), { target: { value: '09:30' } });
    await user.click(screen.getByRole('button', { name: 'Book the visit' }));

    expect(await screen.findByText(/Helen Marsh is booked for/)).toBeTruthy();
    expect(api.inputsOf('booking.create')).toEqual([{
      firstName: 'Helen', lastName: 'Marsh', familyNameFirst: false, oneName: false, organisation: 'Ofsted', visitorType: 'inspector',
      host: 'Headteacher', expectedDate: today, expectedTime: '09:30',
    }]);
    const card = within(screen.getByRole('list', { name: /^Bookings for/ })).getByRole('listitem', { name: 'Helen Marsh' });
    expect(card.textContent).toContain('Expected at 09:30');
    expect(card.textContent).toContain('Inspector · Ofsted · visiting Headteacher');
  });

  it('books someone with only one name, with no surname box and no surname sent', async () => {
    const api = installFakeApi(safeguardingConsole(officeSession, {
      'booking.list': ({ date }) => ({ date: date ?? today, bookings: [] }),
      'booking.create': (input) => booking({ firstName: input.firstName, lastName: '', expectedDate: today }),
    }));
    const { user } = renderApp('#/console');
    await openSafeguarding(user, 'Expected visitors');
    await user.click(await screen.findByRole('button', { name: 'Book a visitor' }));
    await user.type(textboxNamed('First name'), 'Suharto');
    await user.click(screen.getByRole('button', { name: 'Book the visit' }));
    expect(screen.getByText('Enter their surname, or tick "Only one name".')).toBeTruthy();
    await user.click(screen.getByRole('checkbox', { name: 'Only one name' }));
    expect(screen.queryByRole('textbox', { name: 'Surname' })).toBeNull();
    await user.selectOptions(screen.getByLabelText('Kind of visitor'), 'inspector');
    await user.type(textboxNamed('Who they are visiting'), 'Headteacher');
    await user.click(screen.getByRole('button', { name: 'Book the visit' }));
    expect(await screen.findByText(/^Suharto is booked for/)).toBeTruthy();
    expect(api.inputsOf('booking.create')).toMatchObject([{ firstName: 'Suharto', lastName: null, familyNameFirst: false, oneName: true }]);
  });

  it('makes the invitation PDF and offers it to open', async () => {
    const api = installFakeApi(safeguardingConsole(officeSession, {
      'booking.list': ({ date }) => ({ date: date ?? today, bookings: [booking()] }),
      'booking.invite': () => ({ documentId: 'inv-abc' }),
    }));
    const { user } = renderApp('#/console');
    await openSafeguarding(user, 'Expected visitors');
    await user.click(await screen.findByRole('button', { name: 'Invitation (PDF) for Helen Marsh' }));
    const link = await screen.findByRole('link', { name: 'Open the invitation PDF for Helen Marsh' });
    expect(link.getAttribute('href')).toBe('documents/inv-abc');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(api.inputsOf('booking.invite')).toEqual([{ bookingId: 3 }]);
  });

  it('approves device use in advance for a visit booked for tomorrow', async () => {
    const tomorrow = shiftDay(today, 1);
    let bookings = [booking({ expectedDate: tomorrow })];
    const api = installFakeApi(safeguardingConsole(dslSession, {
      'booking.list': ({ date }) => ({ date: date ?? today, bookings }),
      'exception.approve': () => {
        bookings = [booking({ expectedDate: tomorrow, exception: approvedMarker })];
        return exceptionView({ visitId: null, bookingId: 3, state: 'awaiting_arrival' });
      },
    }));
    const { user } = renderApp('#/console');
    await openSafeguarding(user, 'Expected visitors');
    await user.click(await screen.findByRole('button', { name: 'Approve device use in advance… for Helen Marsh' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Approve device use for Helen Marsh' })).toBeTruthy();
    expect(screen.getByText(`Approved in advance, for when they arrive on ${dayLabel(tomorrow)}.`, { exact: false })).toBeTruthy();
    await user.click(screen.getByRole('radio', { name: 'Inspection (Ofsted or ISI)' }));
    await user.click(screen.getByRole('button', { name: 'One more: laptop' }));
    await user.type(textboxNamed('Permitted use'), 'Note-taking and photos of documents only');
    await user.type(textboxNamed('Permitted areas'), 'Office and library');
    for (const item of DEFAULT_RISK_CHECKLIST) await user.click(screen.getByRole('checkbox', { name: item }));
    await user.type(screen.getByLabelText("DSL's PIN"), '2468');
    await user.click(screen.getByRole('button', { name: 'Approve as DSL' }));

    expect(await screen.findByText('Device use approved for Helen Marsh.')).toBeTruthy();
    expect(api.inputsOf('exception.approve')[0]).toMatchObject({
      target: { type: 'booking', bookingId: 3 },
      devices: [{ kind: 'laptop', quantity: 1 }],
      riskChecklist: DEFAULT_RISK_CHECKLIST.map((item) => ({ item, checked: true })),
      riskNotes: null,
      validUntil: null,
      approver: { staffId: 2, pin: '2468' },
    });
    const card = await screen.findByRole('listitem', { name: 'Helen Marsh' });
    expect(card.textContent).toContain('Device use approved: Note-taking and photos of documents only; Office and library');
    expect(within(card).queryByRole('button', { name: /Approve device use in advance/ })).toBeNull();
  });

  it('cancels a booking only with a reason, and shows the service’s refusal', async () => {
    let answer: 'refuse' | 'ok' = 'refuse';
    const api = installFakeApi(safeguardingConsole(officeSession, {
      'booking.list': ({ date }) => ({ date: date ?? today, bookings: [booking()] }),
      'booking.cancel': () => (answer === 'refuse' ? fail('conflict', 'That visitor has already arrived.') : booking({ status: 'cancelled' })),
    }));
    const { user } = renderApp('#/console');
    await openSafeguarding(user, 'Expected visitors');
    await user.click(await screen.findByRole('button', { name: 'Cancel… the visit by Helen Marsh' }));
    const dialog = screen.getByRole('dialog', { name: 'Cancel the visit by Helen Marsh?' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel the visit' }));
    expect(within(dialog).getByText('Say why the visit is cancelled.')).toBeTruthy();
    await user.type(within(dialog).getByLabelText('Reason'), 'Rearranged for next week');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel the visit' }));
    expect((await within(dialog).findByRole('alert')).textContent).toContain('That visitor has already arrived.');
    answer = 'ok';
    await user.click(within(dialog).getByRole('button', { name: 'Cancel the visit' }));
    expect(await screen.findByText('The visit by Helen Marsh is cancelled.')).toBeTruthy();
    expect(api.inputsOf('booking.cancel').at(-1)).toEqual({ bookingId: 3, reason: 'Rearranged for next week' });
  });

  it('refuses a booking with characters that turn text around, in main’s words, without sending it', async () => {
    const api = installFakeApi(safeguardingConsole(officeSession, {
      'booking.list': ({ date }) => ({ date: date ?? today, bookings: [] }),
      'booking.create': () => booking({ expectedDate: today }),
    }));
    const { user } = renderApp('#/console');
    await openSafeguarding(user, 'Expected visitors');
    await user.click(await screen.findByRole('button', { name: 'Book a visitor' }));
    await user.type(textboxNamed('First name'), 'Helen');
    await user.type(textboxNamed('Surname'), 'Marsh');
    await user.click(textboxNamed('Organisation (optional)'));
    await user.paste('Ofsted\u202e');
    await user.selectOptions(screen.getByLabelText('Kind of visitor'), 'inspector');
    await user.type(textboxNamed('Who they are visiting'), 'Headteacher');
    await user.click(screen.getByRole('button', { name: 'Book the visit' }));

    expect(api.inputsOf('booking.create')).toEqual([]);
    expect(descriptionOf(textboxNamed('Organisation (optional)')))
      .toContain('Organisation contains hidden characters that change how text is shown. Please type it again.');
  });

  it('refuses a cancellation reason longer than main takes, in main’s words, without sending it', async () => {
    const api = installFakeApi(safeguardingConsole(officeSession, {
      'booking.list': ({ date }) => ({ date: date ?? today, bookings: [booking()] }),
      'booking.cancel': () => booking({ status: 'cancelled' }),
    }));
    const { user } = renderApp('#/console');
    await openSafeguarding(user, 'Expected visitors');
    await user.click(await screen.findByRole('button', { name: 'Cancel… the visit by Helen Marsh' }));
    const dialog = screen.getByRole('dialog', { name: 'Cancel the visit by Helen Marsh?' });
    await user.click(within(dialog).getByLabelText('Reason'));
    await user.paste('R'.repeat(301));
    await user.click(within(dialog).getByRole('button', { name: 'Cancel the visit' }));

    expect(api.inputsOf('booking.cancel')).toEqual([]);
    expect(descriptionOf(within(dialog).getByLabelText('Reason'))).toContain('The reason is too long (at most 300 characters).');
  });

  it('tags a visitor who arrived and one who never came', async () => {
    installFakeApi(safeguardingConsole(officeSession, {
      'booking.list': ({ date }) => ({
        date: date ?? today,
        bookings: [booking({ status: 'arrived', visitId: 5 }), booking({ bookingId: 4, firstName: 'Raj', lastName: 'Patel', noShow: true })],
      }),
    }));
    const { user } = renderApp('#/console');
    await openSafeguarding(user, 'Expected visitors');
    const arrived = await screen.findByRole('listitem', { name: 'Helen Marsh' });
    expect(within(arrived).getByText('Arrived')).toBeTruthy();
    expect(within(arrived).queryByRole('button')).toBeNull();
    const noShow = screen.getByRole('listitem', { name: 'Raj Patel' });
    expect(within(noShow).getByText('Did not arrive')).toBeTruthy();
  });
});
