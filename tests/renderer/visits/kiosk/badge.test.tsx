import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fail, installFakeApi, kioskHandlers } from '../../../helpers/fake-api.js';
import { renderApp } from '../../../helpers/harness.js';

const CODE = 'K7QXMBZ4RT5WNAHJ3PLD6YCVEA';

describe('visitor badges at the kiosk', () => {
  it('prints the badge after signing in and says where to collect it', async () => {
    const api = installFakeApi({
      ...kioskHandlers(),
      'visitor.findReturning': () => ({ matches: [{ visitorId: 4, displayName: 'Sam B.', organisation: 'Acme' }] }),
      'visitor.returningStatus': () => ({ needsAcknowledgement: false }),
      'visit.signInReturning': () => ({ visitId: 9, firstName: 'Sam', devicesToHandIn: 0, badgeCode: CODE }),
      'badge.print': () => ({ print: { printed: true, printer: 'Labels', documentId: 'doc-0123456789abcdef' } }),
    });
    const { user } = renderApp();
    await user.click(await screen.findByRole('button', { name: /I've been here before/ }));
    await user.type(screen.getByLabelText('Type the first letters of your surname'), 'ben');
    await user.click(await screen.findByRole('button', { name: /Sam B\./ }));
    await user.click(screen.getByRole('button', { name: "Yes, that's me" }));
    await user.click(await screen.findByRole('button', { name: 'I have none of these' }));
    expect(await screen.findByText(/take your visitor badge from the printer/)).toBeTruthy();
    expect(api.inputsOf('badge.print')).toEqual([{ code: CODE }]);
  });

  it('signs a visitor out when their badge is scanned into the search box', async () => {
    const api = installFakeApi({
      ...kioskHandlers(),
      'visit.findOnSite': () => ({ matches: [] }),
      'visit.signOutByBadge': () => ({ firstName: 'Sam', status: 'signed_out', itemsInSafe: 0, devicesDeclaredNotLogged: 0 }),
    });
    const { user } = renderApp();
    await user.click(await screen.findByRole('button', { name: /^Sign out/ }));
    await user.type(screen.getByLabelText('Type the first letters of your surname'), `${CODE}{Enter}`);
    expect(await screen.findByText(/Goodbye, Sam/)).toBeTruthy();
    expect(api.inputsOf('visit.signOutByBadge')).toEqual([{ code: CODE }]);
  });

  it('says plainly when the badge could not be printed', async () => {
    installFakeApi({
      ...kioskHandlers(),
      'visitor.findReturning': () => ({ matches: [{ visitorId: 4, displayName: 'Sam B.', organisation: null }] }),
      'visitor.returningStatus': () => ({ needsAcknowledgement: false }),
      'visit.signInReturning': () => ({ visitId: 9, firstName: 'Sam', devicesToHandIn: 0, badgeCode: CODE }),
      'badge.print': () => fail('conflict', 'Visitor badges are switched off for this setting.'),
    });
    const { user } = renderApp();
    await user.click(await screen.findByRole('button', { name: /I've been here before/ }));
    await user.type(screen.getByLabelText('Type the first letters of your surname'), 'ben');
    await user.click(await screen.findByRole('button', { name: /Sam B\./ }));
    await user.click(screen.getByRole('button', { name: "Yes, that's me" }));
    await user.click(await screen.findByRole('button', { name: 'I have none of these' }));
    expect(await screen.findByText(/badge could not be printed/)).toBeTruthy();
  });
});
