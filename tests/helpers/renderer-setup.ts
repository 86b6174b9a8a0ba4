import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';
import { stopClockForTests } from '../../src/renderer/lib/clock.js';
import { resetAllStores } from '../../src/renderer/lib/store-reset.js';
import { TEST_NOW } from './test-clock.js';

// findBy… waits up to 5 s, not 1 s: on a busy two-core machine the first render of the console (jsdom's role
// queries walk the whole tree) can take longer than a second, and a slow machine is not a failure.
configure({ asyncUtilTimeout: 5000 });

// Every screen reads the time from the renderer's clock, stopped here at the tests' instant: before the
// stores are first made (some start at "today") and again before each test.
stopClockForTests(TEST_NOW);
beforeEach(() => stopClockForTests(TEST_NOW));

// Stores are module singletons: every one goes back to its first state (each registers how in its own
// file, through lib/store-reset) so no test sees another's visitor.
afterEach(() => {
  cleanup();
  resetAllStores();
  window.location.hash = '';
  vi.useRealTimers();
});
