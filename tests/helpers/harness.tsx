import { render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { vi } from 'vitest';
import { App } from '../../src/renderer/App.js';

/** Renders the whole app at a hash route, the way the kiosk PC opens it. */
export function renderApp(hash = '#/', options: { fakeTimers?: boolean } = {}) {
  window.location.hash = hash;
  const user = options.fakeTimers ? userEvent.setup({ advanceTimers: vi.advanceTimersByTime }) : userEvent.setup();
  const view = render(<App />);
  let taps = 0;
  /** A click that is counted, for the "how many taps does this take" promises. */
  const tap = async (element: Element) => {
    taps += 1;
    await user.click(element);
  };
  return { user, view, tap, taps: () => taps };
}

export function textboxNamed(name: string | RegExp): HTMLInputElement {
  return screen.getByRole('textbox', { name }) as HTMLInputElement;
}

/** The text of whatever the field's aria-describedby points at (its hint and error). */
export function descriptionOf(element: HTMLElement): string {
  const ids = element.getAttribute('aria-describedby')?.split(' ') ?? [];
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

/**
 * Keystrokes on a clock the test moves, for the screens that tell a USB scanner from a person by the time
 * between keys (useScannerBurst reads performance.now()). The scanner's keys are 0 ms apart and a person's
 * 45 ms, however busy the machine is; `pause` is a person stopping. Timers stay real.
 */
export function keyboardClock() {
  // Once per test: installing again would start the clock afresh, between a person's keys and the scan.
  if (!vi.isFakeTimers()) vi.useFakeTimers({ toFake: ['performance'] });
  return {
    scanner: userEvent.setup({ delay: null }),
    person: userEvent.setup({ delay: 45, advanceTimers: vi.advanceTimersByTime }),
    pause: (ms: number) => vi.advanceTimersByTime(ms),
  };
}
