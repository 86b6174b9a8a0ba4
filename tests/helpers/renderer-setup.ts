import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';
import { stopClockForTests } from '../../src/renderer/lib/clock.js';
import { initialAppState, useAppStore } from '../../src/renderer/app-store.js';
import { initialConsoleState, useConsoleStore } from '../../src/renderer/console/console-store.js';
import { forgetPendingWork, initialKioskState, useKioskStore } from '../../src/renderer/visits/kiosk-store.js';
import { initialSetupState, useSetupStore } from '../../src/renderer/admin/setup-store.js';
import { TEST_NOW } from './test-clock.js';

// findBy… waits up to 5 s, not 1 s: on a busy two-core machine the first render of the console (jsdom's role
// queries walk the whole tree) can take longer than a second, and a slow machine is not a failure.
configure({ asyncUtilTimeout: 5000 });

// Every screen reads the time from the renderer's clock, stopped here at the tests' instant: before the
// stores are first made (some start at "today") and again before each test.
stopClockForTests(TEST_NOW);
beforeEach(() => stopClockForTests(TEST_NOW));

// Stores are module singletons: put each back to its first state so no test sees another's visitor.
afterEach(() => {
  cleanup();
  forgetPendingWork();
  useAppStore.setState(initialAppState);
  useKioskStore.setState(initialKioskState());
  useConsoleStore.setState(initialConsoleState());
  useSetupStore.setState(initialSetupState);
  window.location.hash = '';
  vi.useRealTimers();
});
