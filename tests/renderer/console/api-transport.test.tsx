import { afterEach, describe, expect, it, vi } from 'vitest';
import { invoke } from '../../../src/renderer/api.js';

// The real HTTP transport (no fake api in this file), with the host gone: fetch itself fails.
afterEach(() => vi.unstubAllGlobals());

describe('when Safe Hands stops answering', () => {
  it('sends a visitor at the kiosk to the office, and tells staff at the console what to check', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    window.location.hash = '#/';
    expect(await invoke('app.status', {})).toEqual({
      ok: false, error: { code: 'internal', message: 'The kiosk cannot reach its service. Please ask at the office.' },
    });
    window.location.hash = '#/console';
    const atConsole = await invoke('app.status', {});
    expect(atConsole.ok).toBe(false);
    if (!atConsole.ok) {
      expect(atConsole.error.message).toBe('Safe Hands is not answering. Check that it is still running on this PC (start it again if not), then try again.');
      expect(atConsole.error.message).not.toMatch(/ask at the office/i);
    }
  });
});
