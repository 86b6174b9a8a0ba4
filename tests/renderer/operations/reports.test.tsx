import { render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ReportsPage } from '../../../src/renderer/operations/ReportsPage.js';
import { useReportsStore } from '../../../src/renderer/operations/reports-store.js';
import { fail, installFakeApi } from '../../helpers/fake-api.js';

describe('the reports page', () => {
  it('shows the chosen report for the range and offers the CSV export', async () => {
    const api = installFakeApi({
      'report.get': ({ kind, from, to }) => ({
        kind: kind as 'custody', title: 'Device custody log', from, to, columns: ['Receipt', 'Owner'], rows: [['2026-0001', '<b>Zoë</b>']],
      }),
      'report.export': () => ({ documentId: 'doc-0123456789abcdef', fileName: 'custody-2026-11-01-to-2026-11-30.csv', rows: 1 }),
    });
    useReportsStore.setState({ from: '2026-11-01', to: '2026-11-30' });
    const user = userEvent.setup();
    render(<ReportsPage />);
    await user.click(screen.getByRole('radio', { name: 'Device custody log' }));
    await user.click(screen.getByRole('button', { name: 'Show the report' }));
    const table = await screen.findByRole('table', { name: /Device custody log: 1 row/ });
    expect(within(table).getByRole('cell', { name: '<b>Zoë</b>' })).toBeTruthy();
    expect(api.inputsOf('report.get')).toEqual([{ kind: 'custody', from: '2026-11-01', to: '2026-11-30' }]);
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(await screen.findByRole('link', { name: /Open custody-2026-11-01-to-2026-11-30.csv/ })).toBeTruthy();
    expect(api.inputsOf('report.export')).toEqual([{ kind: 'custody', from: '2026-11-01', to: '2026-11-30', format: 'csv' }]);
  });

  it('draws the signature each visitor drew at the kiosk on the visitor log, as a picture with words, never as markup', async () => {
    const drawn = { strokes: 'M100 200L300 200L500 120', signedAt: '2026-11-23T09:00:00.000Z' };
    installFakeApi({
      'report.get': ({ from, to }) => ({
        kind: 'visitors', title: 'Visitor log', from, to, columns: ['Signed in', 'Name', 'Signature'],
        rows: [['23 Nov 2026, 09:00', 'Amira Khan', 'Drawn at the kiosk on 23 Nov 2026, 09:00'], ['23 Nov 2026, 09:30', 'Sam Bennett', ''],
          ['23 Nov 2026, 10:00', 'Removed visitor', 'Removed'], ['23 Nov 2026, 10:30', 'Eve', 'Drawn at the kiosk on 23 Nov 2026, 10:30']],
        // The last was changed outside Safe Hands into something that is not strokes: it is not drawn at all.
        signatures: [drawn, null, null, { strokes: '"/><script>alert(1)</script>', signedAt: '2026-11-23T10:30:00.000Z' }],
      }),
    });
    useReportsStore.setState({ kind: 'visitors', from: '2026-11-23', to: '2026-11-23' });
    const user = userEvent.setup();
    render(<ReportsPage />);
    await user.click(screen.getByRole('button', { name: 'Show the report' }));
    const table = await screen.findByRole('table', { name: /Visitor log: 4 rows/ });
    const picture = within(table).getByRole('img', { name: 'Signature drawn at the kiosk on 23 Nov 2026, 09:00' });
    expect(picture.tagName.toLowerCase()).toBe('svg');
    expect(picture.querySelector('path')?.getAttribute('d')).toBe(drawn.strokes);
    expect(within(table).getAllByRole('img')).toHaveLength(1);
    expect(within(table).getByRole('cell', { name: 'Removed' })).toBeTruthy();
    expect(within(table).getByText('Signature drawn at the kiosk on 23 Nov 2026, 10:30 (it cannot be shown)')).toBeTruthy();
    expect(table.querySelector('script')).toBeNull();
  });

  it('shows a refused range under the date it is about', async () => {
    installFakeApi({ 'report.get': () => fail('invalid_input', 'The first day must not be after the last.', { to: 'The first day must not be after the last.' }) });
    useReportsStore.setState({ from: '2026-11-30', to: '2026-11-01' });
    const user = userEvent.setup();
    render(<ReportsPage />);
    await user.click(screen.getByRole('button', { name: 'Show the report' }));
    expect((await screen.findAllByText('The first day must not be after the last.')).length).toBeGreaterThan(0);
    expect(screen.queryByRole('table')).toBeNull();
  });
});
