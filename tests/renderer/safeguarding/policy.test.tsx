import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { PolicyDetail } from '../../../src/shared/contract/index.js';
import { installFakeApi } from '../../helpers/fake-api.js';
import { TEST_NOW } from '../../helpers/test-clock.js';
import { descriptionOf, renderApp, textboxNamed } from '../../helpers/harness.js';
import { dslSession, officeSession, openSafeguarding, policyDetail, safeguardingConsole } from '../../helpers/safeguarding-fixtures.js';

const REMINDER = 'The visitor expectations are due for their annual review by Tue, 1 Dec 2026.';

describe('the expectations text', () => {
  it('shows the current version, its review date and every version with its acknowledgements', async () => {
    installFakeApi(safeguardingConsole(dslSession, { 'policy.get': () => policyDetail }));
    const { user } = renderApp('#/console');
    await openSafeguarding(user, 'Expectations');
    expect(await screen.findByRole('heading', { name: 'Version 2 is current' })).toBeTruthy();
    expect(screen.getByText(/Review due soon: by Tue, 1 Dec 2026/)).toBeTruthy();
    const versions = screen.getByRole('table', { name: 'Versions' });
    expect(within(versions).getByRole('row', { name: /Phones and smart devices/ }).textContent).toContain('14 visitors');
    expect(within(versions).getByRole('row', { name: /Mobile phones/ }).textContent).toContain('230 visitors');
  });

  it('publishes a new version with the summary lines as edited, previewing it as typed', async () => {
    const published: PolicyDetail = { ...policyDetail, current: { ...policyDetail.current, versionId: 13, version: 3 } };
    const api = installFakeApi(safeguardingConsole(dslSession, {
      'policy.get': () => policyDetail,
      'policy.publish': () => published,
    }));
    const { user } = renderApp('#/console');
    await openSafeguarding(user, 'Expectations');
    await user.click(await screen.findByRole('button', { name: 'Edit and publish a new version' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Edit the expectations' })).toBeTruthy();
    expect(textboxNamed('Title').value).toBe('Phones and smart devices');

    await user.clear(textboxNamed('Line 1'));
    await user.type(textboxNamed('Line 1'), 'Please hand phones and smart watches to the office.');
    await user.click(screen.getByRole('button', { name: 'Remove line 2' }));
    await user.click(screen.getByRole('button', { name: 'Add a line' }));
    await user.type(textboxNamed('Line 2'), 'Ask the office if you need your device.');
    const full = textboxNamed('Full text');
    await user.clear(full);
    await user.type(full, '### Why we ask{Enter}Children cannot consent.{Enter}{Enter}- Phones{Enter}- Watches');
    const preview = screen.getByRole('region', { name: 'Preview' });
    expect(within(preview).getByRole('heading', { name: 'Why we ask' })).toBeTruthy();
    expect(within(preview).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Please hand phones and smart watches to the office.', 'Ask the office if you need your device.', 'Phones', 'Watches',
    ]);

    await user.click(screen.getByRole('button', { name: 'Publish version 3' }));
    expect(await screen.findByText(/Version 3 is published/)).toBeTruthy();
    expect(api.inputsOf('policy.publish')).toEqual([{
      title: 'Phones and smart devices',
      summary: ['Please hand phones and smart watches to the office.', 'Ask the office if you need your device.'],
      fullText: '### Why we ask\nChildren cannot consent.\n\n- Phones\n- Watches',
    }]);
  });

  it('stops at eight summary lines and will not publish an empty one', async () => {
    const api = installFakeApi(safeguardingConsole(dslSession, { 'policy.get': () => policyDetail }));
    const { user } = renderApp('#/console');
    await openSafeguarding(user, 'Expectations');
    await user.click(await screen.findByRole('button', { name: 'Edit and publish a new version' }));
    const add = screen.getByRole('button', { name: 'Add a line' }) as HTMLButtonElement;
    for (let i = 0; i < 6; i++) await user.click(add);
    expect(add.disabled).toBe(true);
    expect(screen.getByText('8 of 8 lines')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Publish version 3' }));
    expect(textboxNamed('Line 3').getAttribute('aria-invalid')).toBe('true');
    expect(api.inputsOf('policy.publish')).toEqual([]);
  });

  it('clears every summary line in one tap, to write the setting\'s own in place of the default ones', async () => {
    const api = installFakeApi(safeguardingConsole(dslSession, {
      'policy.get': () => policyDetail,
      'policy.publish': () => ({ ...policyDetail, current: { ...policyDetail.current, versionId: 13, version: 3 } }),
    }));
    const { user } = renderApp('#/console');
    await openSafeguarding(user, 'Expectations');
    await user.click(await screen.findByRole('button', { name: 'Edit and publish a new version' }));
    expect(policyDetail.current.summary.length).toBeGreaterThan(1);
    await user.click(screen.getByRole('button', { name: 'Clear all lines' }));
    expect(screen.getByText('1 of 8 lines')).toBeTruthy();
    expect(textboxNamed('Line 1').value).toBe('');
    expect((screen.getByRole('button', { name: 'Clear all lines' }) as HTMLButtonElement).disabled).toBe(true);
    await user.type(textboxNamed('Line 1'), 'Phones stay in the office safe.');
    await user.click(screen.getByRole('button', { name: 'Publish version 3' }));
    expect(await screen.findByText(/Version 3 is published/)).toBeTruthy();
    expect(api.inputsOf('policy.publish')[0]!.summary).toEqual(['Phones stay in the office safe.']);
  });

  it('records a review with no changes, with a note', async () => {
    const api = installFakeApi(safeguardingConsole(dslSession, {
      'policy.get': () => policyDetail,
      'policy.recordReview': ({ note }) => ({
        ...policyDetail, reviewStatus: 'ok', reviewDue: '2027-12-01T23:59:59.000Z',
        lastReview: { reviewedAt: TEST_NOW.toISOString(), reviewedBy: 'Priya Shah', note },
      }),
    }));
    const { user } = renderApp('#/console');
    await openSafeguarding(user, 'Expectations');
    await user.click(await screen.findByRole('button', { name: 'Record a review with no changes' }));
    const dialog = screen.getByRole('dialog', { name: 'Record a review with no changes' });
    await user.click(within(dialog).getByRole('button', { name: 'Record the review' }));
    expect(within(dialog).getByText('Say briefly what the review looked at.')).toBeTruthy();
    await user.type(within(dialog).getByLabelText('Note on the review'), 'Read through with the head.');
    await user.click(within(dialog).getByRole('button', { name: 'Record the review' }));
    expect(await screen.findByText('The review is recorded.')).toBeTruthy();
    expect(api.inputsOf('policy.recordReview')).toEqual([{ note: 'Read through with the head.' }]);
    expect(screen.getByText(/Next review by Wed, 1 Dec 2027/)).toBeTruthy();
  });

  it('refuses a summary line with characters that turn text around, in main’s words, without publishing', async () => {
    const api = installFakeApi(safeguardingConsole(dslSession, {
      'policy.get': () => policyDetail,
      'policy.publish': () => policyDetail,
    }));
    const { user } = renderApp('#/console');
    await openSafeguarding(user, 'Expectations');
    await user.click(await screen.findByRole('button', { name: 'Edit and publish a new version' }));
    await user.click(textboxNamed('Line 1'));
    await user.paste('\u202e');
    await user.click(screen.getByRole('button', { name: 'Publish version 3' }));

    expect(api.inputsOf('policy.publish')).toEqual([]);
    expect(descriptionOf(textboxNamed('Line 1')))
      .toContain('A summary line contains hidden characters that change how text is shown. Please type it again.');
  });

  it('refuses a review note longer than main takes, in main’s words, without sending it', async () => {
    const api = installFakeApi(safeguardingConsole(dslSession, {
      'policy.get': () => policyDetail,
      'policy.recordReview': () => policyDetail,
    }));
    const { user } = renderApp('#/console');
    await openSafeguarding(user, 'Expectations');
    await user.click(await screen.findByRole('button', { name: 'Record a review with no changes' }));
    const dialog = screen.getByRole('dialog', { name: 'Record a review with no changes' });
    await user.click(within(dialog).getByLabelText('Note on the review'));
    await user.paste('N'.repeat(1001));
    await user.click(within(dialog).getByRole('button', { name: 'Record the review' }));

    expect(api.inputsOf('policy.recordReview')).toEqual([]);
    expect(descriptionOf(within(dialog).getByLabelText('Note on the review'))).toContain('A note on the review is too long (at most 1000 characters).');
  });

  it('shows an office member what visitors see, with no editing and without asking for the DSL’s view', async () => {
    const api = installFakeApi(safeguardingConsole(officeSession));
    const { user } = renderApp('#/console');
    await openSafeguarding(user, 'Expectations');
    expect(await screen.findByText('Only a Designated Safeguarding Lead can change the expectations or record their review.')).toBeTruthy();
    expect(await screen.findByRole('heading', { name: 'What visitors see now (version 2)' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Edit and publish a new version' })).toBeNull();
    expect(api.inputsOf('policy.get')).toEqual([]);
  });
});

describe('the review reminder', () => {
  it('shows on every console page and opens the expectations', async () => {
    installFakeApi(safeguardingConsole(dslSession, {
      'app.reminders': () => ({ reminders: [{ kind: 'policy_review', message: REMINDER, status: 'due_soon', dueAt: '2026-12-01T23:59:59.000Z' }] }),
      'policy.get': () => policyDetail,
    }));
    const { user } = renderApp('#/console');
    const banner = await screen.findByRole('region', { name: 'Reminders' });
    expect(banner.textContent).toContain(REMINDER);
    await user.click(screen.getByRole('button', { name: 'In the safe' }));
    expect(screen.getByRole('region', { name: 'Reminders' })).toBeTruthy();

    await user.click(within(screen.getByRole('region', { name: 'Reminders' })).getByRole('button', { name: 'Open the expectations' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Expectations' })).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Console sections' });
    expect(within(nav).getByRole('button', { name: 'Safeguarding' }).getAttribute('aria-current')).toBe('page');
    expect(within(nav).getByRole('button', { name: 'Front desk' }).getAttribute('aria-current')).toBeNull();
  });

  it('shows nothing when there is nothing to remind about', async () => {
    const api = installFakeApi(safeguardingConsole(officeSession));
    renderApp('#/console');
    await screen.findByRole('table', { name: 'On site now' });
    expect(api.inputsOf('app.reminders').length).toBeGreaterThan(0);
    expect(screen.queryByRole('region', { name: 'Reminders' })).toBeNull();
  });
});
