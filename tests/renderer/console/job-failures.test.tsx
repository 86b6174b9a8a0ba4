import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Reminder } from '../../../src/shared/contract/index.js';
import { formatDateTime, formatTime } from '../../../src/shared/domain/time.js';
import { installFakeApi } from '../../helpers/fake-api.js';
import { minutesAgo, unlockedConsole } from '../../helpers/console-fixtures.js';
import { renderApp } from '../../helpers/harness.js';

/** A scheduled job that keeps failing, on the banner at the top of every console page (words from jobs/job-failures.ts). */

const TRY_AGAIN = 'Safe Hands tries again by itself; this message goes once it works.';

const backupFolderGone: Reminder = {
  kind: 'job_failed', job: 'backup', failedAt: minutesAgo(25), lastTriedAt: minutesAgo(5),
  message: `The backup could not be made: That folder does not exist. Create it first, then choose it here. ${TRY_AGAIN}`,
  detail: null,
};

const signOutFailedLastNight: Reminder = {
  kind: 'job_failed', job: 'autoSignOut', failedAt: minutesAgo(24 * 60), lastTriedAt: minutesAgo(24 * 60),
  message: `Visitors still signed in were not signed out: the disk is full. Free some space on that disk (move or delete files that are not Safe Hands’ own), or call IT. ${TRY_AGAIN}`,
  detail: 'database or disk is full (SQLITE_FULL)',
};

async function banner(reminders: Reminder[]) {
  installFakeApi(unlockedConsole({ 'app.reminders': () => ({ reminders }) }));
  renderApp('#/console');
  return screen.findByRole('region', { name: 'Reminders' });
}

describe('a scheduled job that failed', () => {
  it('says which job, since when and when it was last tried, what is wrong and what to do', async () => {
    const region = await banner([backupFolderGone]);
    const text = region.textContent!;
    expect(text).toContain(`The daily backup has not worked since ${formatTime(backupFolderGone.failedAt)} (last tried at ${formatTime(backupFolderGone.lastTriedAt)}).`);
    expect(text).toContain('The backup could not be made: That folder does not exist. Create it first, then choose it here.');
    expect(text).toContain(TRY_AGAIN);
    // The heading is what is read first, in bold: which job and since when.
    expect(within(region).getByText(/^The daily backup has not worked since/).tagName).toBe('STRONG');
    // Nothing more for IT when the message says it all.
    expect(within(region).queryByText('Details for IT support')).toBeNull();
    // A backup failing is not an emergency: it does not interrupt a screen reader at every page.
    expect(within(region).queryByRole('alert')).toBeNull();
  });

  it('gives the date as well when it failed on another day, each failing job its own line, and what the disk said for IT', async () => {
    const region = await banner([signOutFailedLastNight, backupFolderGone]);
    const lines = within(region).getAllByText(/did not work at|has not worked since/).map((el) => el.textContent);
    expect(lines).toEqual([
      `The automatic sign-out at the end of the day did not work at ${formatDateTime(signOutFailedLastNight.failedAt)}.`,
      `The daily backup has not worked since ${formatTime(backupFolderGone.failedAt)} (last tried at ${formatTime(backupFolderGone.lastTriedAt)}).`,
    ]);
    expect(region.textContent).toContain('Visitors still signed in were not signed out: the disk is full. Free some space on that disk');
    const details = within(region).getAllByText('Details for IT support');
    expect(details).toHaveLength(1);
    expect(details[0]!.closest('details')!.textContent).toContain('database or disk is full (SQLITE_FULL)');
  });
});
