import { act, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { installFakeApi, kioskConfig, kioskHandlers } from '../../../helpers/fake-api.js';
import { renderApp, textboxNamed } from '../../../helpers/harness.js';

const config = kioskConfig({ idleSeconds: 60, idleWarningSeconds: 20 });

describe('the kiosk when left alone', () => {
  it('warns, then goes back to the start and forgets what was typed', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    installFakeApi(kioskHandlers(config));
    const { user } = renderApp('#/', { fakeTimers: true });
    await user.click(await screen.findByRole('button', { name: 'Sign in' }));
    await user.type(textboxNamed('First name'), 'Amira');
    // Leave the box as a person would: user-event fires its "change" on blur, which it must do inside its own act.
    await user.tab();

    await act(async () => vi.advanceTimersByTime(59_000));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    await act(async () => vi.advanceTimersByTime(1_000));
    const dialog = screen.getByRole('alertdialog', { name: 'Are you still there?' });
    expect(dialog.textContent).toContain('20 seconds');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: "I'm still here" }));

    await act(async () => vi.advanceTimersByTime(5_000));
    expect(dialog.textContent).toContain('15 seconds');
    await act(async () => vi.advanceTimersByTime(15_000));

    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(screen.getByRole('heading', { level: 1, name: /Welcome to/ })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(textboxNamed('First name').value).toBe('');
  });

  it('keeps everything when the visitor answers "I\'m still here"', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    installFakeApi(kioskHandlers(config));
    const { user } = renderApp('#/', { fakeTimers: true });
    await user.click(await screen.findByRole('button', { name: 'Sign in' }));
    await user.type(textboxNamed('First name'), 'Amira');
    await user.tab();

    await act(async () => vi.advanceTimersByTime(60_000));
    await user.click(screen.getByRole('button', { name: "I'm still here" }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    await act(async () => vi.advanceTimersByTime(30_000));
    expect(textboxNamed('First name').value).toBe('Amira');

    // The clock started again from the answer: a full idle period later it warns again.
    await act(async () => vi.advanceTimersByTime(30_000));
    expect(screen.getByRole('alertdialog', { name: 'Are you still there?' })).toBeTruthy();
  });

  it('never warns on the welcome screen', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    installFakeApi(kioskHandlers(config));
    renderApp('#/', { fakeTimers: true });
    await screen.findByRole('button', { name: 'Sign in' });
    await act(async () => vi.advanceTimersByTime(600_000));
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('returns to the welcome screen on its own after signing in', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    installFakeApi({
      ...kioskHandlers(config),
      'visitor.findReturning': () => ({ matches: [{ visitorId: 42, displayName: 'Amira K.', organisation: null }] }),
      'visitor.returningStatus': () => ({ needsAcknowledgement: false }),
      'visit.signInReturning': () => ({ visitId: 12, firstName: 'Amira', devicesToHandIn: 0, badgeCode: null }),
    });
    const { user } = renderApp('#/', { fakeTimers: true });
    await user.click(await screen.findByRole('button', { name: "I've been here before" }));
    await user.keyboard('kh');
    await user.click(await screen.findByRole('button', { name: 'Amira K.' }));
    await user.click(screen.getByRole('button', { name: "Yes, that's me" }));
    await user.click(await screen.findByRole('button', { name: 'I have none of these' }));
    await screen.findByRole('heading', { level: 1, name: "You're signed in, Amira." });

    await act(async () => vi.advanceTimersByTime(15_000));
    expect(screen.getByRole('heading', { level: 1, name: /Welcome to/ })).toBeTruthy();
  });
});
