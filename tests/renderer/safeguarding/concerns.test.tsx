import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ConcernView } from '../../../src/shared/domain/concerns.js';
import { installFakeApi } from '../../helpers/fake-api.js';
import { TEST_NOW } from '../../helpers/test-clock.js';
import { renderApp, textboxNamed } from '../../helpers/harness.js';
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
});
