import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { LeafletDetail } from '../../../src/shared/contract/index.js';
import { formatDateTime } from '../../../src/shared/domain/time.js';
import { checkedByContract, fail, installFakeApi } from '../../helpers/fake-api.js';
import { minutesAgo } from '../../helpers/test-clock.js';
import { renderApp, textboxNamed } from '../../helpers/harness.js';
import { dslSession, officeSession, openSafeguarding, safeguardingConsole } from '../../helpers/safeguarding-fixtures.js';

const SUGGESTED = {
  title: 'Keeping children safe: a guide for visitors',
  body: '### Who to talk to\nOur Designated Safeguarding Lead (DSL) is Priya Shah.\n\n- stay calm and listen',
};

const none: LeafletDetail = { current: null, versions: [], suggested: SUGGESTED };

function published(version: number, title = 'Keeping children safe at Oak Tree'): LeafletDetail {
  const createdAt = minutesAgo(90);
  return {
    current: { versionId: 10 + version, version, title, body: '### If you are worried\nTell the DSL before you leave.\n\n- write down what you heard', createdAt, createdBy: 'Priya Shah' },
    versions: Array.from({ length: version }, (_, i) => ({
      versionId: 10 + version - i, version: version - i, title, createdAt: i === 0 ? createdAt : minutesAgo(60 * 24 * 30 * (i + 1)), createdBy: 'Priya Shah', printedForVisitors: i === 0 ? 3 : 41,
    })),
    suggested: SUGGESTED,
  };
}

describe('the Leaflet tab', () => {
  it('lets the DSL write the first leaflet from Safe Hands’ suggested text, previewed as typed', async () => {
    const api = installFakeApi(safeguardingConsole(dslSession, {
      'leaflet.get': () => none,
      'leaflet.publish': checkedByContract('leaflet.publish', (input) => ({ ...published(1, input.title), suggested: SUGGESTED })),
    }));
    const { user } = renderApp('#/console');
    await openSafeguarding(user, 'Leaflet');
    expect(await screen.findByText(/There is no leaflet yet, so the kiosk does not offer one\./)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Print a leaflet' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Write the leaflet' }));

    expect(screen.getByRole('heading', { level: 1, name: 'Write the leaflet' })).toBeTruthy();
    expect(textboxNamed('Title').value).toBe(SUGGESTED.title);
    const body = textboxNamed('Leaflet text');
    expect(body.value).toBe(SUGGESTED.body);
    const preview = screen.getByRole('region', { name: 'Preview' });
    expect(within(preview).getByRole('heading', { name: 'Who to talk to' })).toBeTruthy();
    await user.clear(textboxNamed('Title'));
    await user.type(textboxNamed('Title'), 'Keeping children safe at Oak Tree');
    await user.type(body, '{Enter}- tell the DSL before you leave');
    expect(within(preview).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['stay calm and listen', 'tell the DSL before you leave']);

    await user.click(screen.getByRole('button', { name: 'Publish version 1' }));
    expect(await screen.findByText('Version 1 of the leaflet is published. The kiosk offers it to visitors now.')).toBeTruthy();
    expect(api.inputsOf('leaflet.publish')).toEqual([{ title: 'Keeping children safe at Oak Tree', body: `${SUGGESTED.body}\n- tell the DSL before you leave` }]);
    expect(screen.getByRole('heading', { name: 'Version 1 is offered to visitors' })).toBeTruthy();
  });

  it('will not publish an empty text, and shows main’s refusal of the same words again', async () => {
    const api = installFakeApi(safeguardingConsole(dslSession, {
      'leaflet.get': () => published(2),
      'leaflet.publish': () => fail('conflict', 'This is the same as version 2, so there is nothing new to publish.'),
    }));
    const { user } = renderApp('#/console');
    await openSafeguarding(user, 'Leaflet');
    await user.click(await screen.findByRole('button', { name: 'Edit and publish' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Edit the leaflet' })).toBeTruthy();
    const body = textboxNamed('Leaflet text');
    await user.clear(body);
    await user.click(screen.getByRole('button', { name: 'Publish version 3' }));
    expect(screen.getByText('Enter the text of the leaflet.')).toBeTruthy();
    expect(api.inputsOf('leaflet.publish')).toEqual([]);

    // Back to the suggested words in one tap, then the current ones: main says there is nothing new.
    await user.click(screen.getByRole('button', { name: 'Start again from the suggested text' }));
    expect(textboxNamed('Leaflet text').value).toBe(SUGGESTED.body);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await user.click(screen.getByRole('button', { name: 'Edit and publish' }));
    await user.click(screen.getByRole('button', { name: 'Publish version 3' }));
    expect(await screen.findByText('This is the same as version 2, so there is nothing new to publish.')).toBeTruthy();
  });

  it('shows everyone the leaflet now and its versions; the office prints one and gets the PDF when no printer is set up', async () => {
    const detail = published(2);
    const api = installFakeApi(safeguardingConsole(officeSession, {
      'leaflet.get': () => detail,
      'leaflet.print': () => ({ version: 2, print: { printed: false, reason: 'No printer is set up for A4 documents. An administrator can choose one in Settings.', documentId: 'doc-leaflet-2' } }),
    }));
    const { user } = renderApp('#/console');
    await openSafeguarding(user, 'Leaflet');
    expect(await screen.findByRole('heading', { name: 'Version 2 is offered to visitors' })).toBeTruthy();
    expect(screen.getByText(`Published ${formatDateTime(detail.current!.createdAt)} by Priya Shah.`)).toBeTruthy();
    expect(screen.getByRole('heading', { level: 3, name: 'If you are worried' })).toBeTruthy();
    // Only the DSL writes it.
    expect(screen.queryByRole('button', { name: 'Edit and publish' })).toBeNull();
    const versions = screen.getByRole('table', { name: 'Versions' });
    expect(within(versions).getAllByRole('row').slice(1).map((r) => r.textContent)).toEqual([
      expect.stringMatching(/^2 Current.*3 visitors$/),
      expect.stringMatching(/^1Keeping.*41 visitors$/),
    ]);

    await user.click(screen.getByRole('button', { name: 'Print a leaflet' }));
    expect(await screen.findByText(/The leaflet was not printed\./)).toBeTruthy();
    expect(screen.getByText(/No printer is set up for A4 documents/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Open the leaflet PDF' }).getAttribute('href')).toBe('documents/doc-leaflet-2');
    expect(api.inputsOf('leaflet.print')).toEqual([{}]);
  });

  it('says which printer it went to when it printed', async () => {
    installFakeApi(safeguardingConsole(dslSession, {
      'leaflet.get': () => published(2),
      'leaflet.print': () => ({ version: 2, print: { printed: true, printer: 'Office-A4', documentId: 'doc-leaflet-2' } }),
    }));
    const { user } = renderApp('#/console');
    await openSafeguarding(user, 'Leaflet');
    await user.click(await screen.findByRole('button', { name: 'Print a leaflet' }));
    expect(await screen.findByText('Leaflet (version 2) printed on Office-A4.')).toBeTruthy();
  });
});
