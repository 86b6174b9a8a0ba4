import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { OnSiteVisit } from '../../../src/shared/contract/index.js';
import { DEFAULT_RISK_CHECKLIST } from '../../../src/shared/domain/exceptions.js';
import type { ExceptionRequestView } from '../../../src/shared/domain/exception-requests.js';
import type { InboxItem } from '../../../src/shared/domain/inbox.js';
import { amira, fail } from '../../helpers/console-fixtures.js';
import { installFakeApi } from '../../helpers/fake-api.js';
import { renderApp, textboxNamed } from '../../helpers/harness.js';
import { approvedMarker, dslSession, exceptionView, helen, officeSession, openSafeguarding, safeguardingConsole } from '../../helpers/safeguarding-fixtures.js';
import { minutesAgo } from '../../helpers/test-clock.js';

/** Helen, on site, asked at the kiosk ten minutes ago to keep her phone. */
const request: ExceptionRequestView = {
  requestId: 7, visitId: 5, visitorName: 'Helen Marsh', visitorDetail: 'Inspector · Ofsted · visiting Headteacher',
  deviceKind: 'phone', purpose: 'Notes for the inspection report', requestedAt: minutesAgo(10),
};
const asking: OnSiteVisit = { ...helen(), exceptionRequest: { requestId: 7, deviceKind: 'phone', purpose: request.purpose, requestedAt: request.requestedAt } };
const item: InboxItem = {
  kind: 'exception_request', key: 'exception_request:7', title: 'Helen Marsh asks to keep a phone: Notes for the inspection report',
  detail: 'Inspector · Ofsted · visiting Headteacher · Asked at the kiosk on …', since: request.requestedAt, opens: 'approval', exceptionRequest: request,
};

describe("a visitor's request to keep a device, in the console", () => {
  it("opens the approval form from the DSL's inbox with the device and the visitor's words, and approving answers the request", async () => {
    let items = [item];
    let visits = [amira, asking];
    const api = installFakeApi(safeguardingConsole(dslSession, {
      'inbox.list': () => ({ items }),
      'visit.onSite': () => ({ visits, badgesEnabled: false }),
      'exception.approve': () => {
        items = [];
        visits = [amira, helen(approvedMarker)];
        return exceptionView();
      },
    }));
    const { user } = renderApp('#/console');
    await openSafeguarding(user, 'Inbox');
    const group = await screen.findByRole('region', { name: 'Visitors asking to keep a device (1)' });
    await user.click(within(group).getByRole('button', { name: `Approve…: ${item.title}` }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Approve device use for Helen Marsh' })).toBeTruthy();
    expect(screen.getByText(/Asked at the kiosk at \d\d:\d\d to keep a phone: “Notes for the inspection report”/)).toBeTruthy();
    expect(screen.getByText('Approving 1 phone.')).toBeTruthy();
    expect(textboxNamed('Permitted use').value).toBe('Notes for the inspection report');
    await user.click(screen.getByRole('radio', { name: 'Inspection (Ofsted or ISI)' }));
    await user.type(textboxNamed('Permitted areas'), 'Office and library');
    for (const check of DEFAULT_RISK_CHECKLIST) await user.click(screen.getByRole('checkbox', { name: check }));
    await user.type(screen.getByLabelText("DSL's PIN"), '2468');
    await user.click(screen.getByRole('button', { name: 'Approve as DSL' }));

    expect(await screen.findByText('Device use approved for Helen Marsh.')).toBeTruthy();
    expect(api.inputsOf('exception.approve')[0]).toMatchObject({
      target: { type: 'visit', visitId: 5 }, requestId: 7, devices: [{ kind: 'phone', quantity: 1 }], permittedUse: 'Notes for the inspection report',
    });
    // Back on the inbox, which was read again: nothing waits.
    expect(await screen.findByText('Nothing is waiting for the Designated Safeguarding Lead.')).toBeTruthy();
  });

  it('declines with a reason; the reason is needed, and a refusal from main is shown in the dialog', async () => {
    let items = [item];
    let declines = 0;
    const api = installFakeApi(safeguardingConsole(dslSession, {
      'inbox.list': () => ({ items }),
      'exceptionRequest.decline': () => {
        declines += 1;
        if (declines === 1) return fail('conflict', 'That visitor has already signed out, so there is nothing left to decide.');
        items = [];
        return { declined: true };
      },
    }));
    const { user } = renderApp('#/console');
    await openSafeguarding(user, 'Inbox');
    await user.click(await screen.findByRole('button', { name: /^Decline…\s*Helen Marsh's request$/ }));
    const dialog = await screen.findByRole('dialog', { name: "Decline Helen Marsh's request?" });
    expect(within(dialog).getByText(/Their device stays in the safe until they leave/)).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Decline the request' }));
    expect(await within(dialog).findByText('Say why the visitor may not keep the device.')).toBeTruthy();
    expect(api.inputsOf('exceptionRequest.decline')).toEqual([]);

    await user.type(within(dialog).getByRole('textbox', { name: 'Reason' }), 'The school laptop will do');
    await user.click(within(dialog).getByRole('button', { name: 'Decline the request' }));
    expect(await within(dialog).findByText('That visitor has already signed out, so there is nothing left to decide.')).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Decline the request' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await screen.findByText('Declined: Helen Marsh may not keep a phone. Tell them at the office; it stays in the safe until they leave.')).toBeTruthy();
    expect(api.inputsOf('exceptionRequest.decline')).toEqual([
      { requestId: 7, reason: 'The school laptop will do' }, { requestId: 7, reason: 'The school laptop will do' },
    ]);
    expect(screen.getByText('Nothing is waiting for the Designated Safeguarding Lead.')).toBeTruthy();
  });

  it("shows the office, on Today's on-site list, who is waiting for the DSL", async () => {
    installFakeApi(safeguardingConsole(officeSession, { 'visit.onSite': () => ({ visits: [amira, asking], badgesEnabled: false }) }));
    renderApp('#/console');
    const table = await screen.findByRole('table', { name: /On site/ });
    const row = within(table).getByRole('row', { name: /Helen Marsh/ });
    expect(within(row).getByText('Asked to keep a phone: waiting for the DSL')).toBeTruthy();
    expect(within(table).getAllByText(/waiting for the DSL/)).toHaveLength(1);
  });
});
