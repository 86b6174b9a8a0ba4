import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { initialAppState, useAppStore } from '../../src/renderer/stores/app-store.js';
import { initialConsoleState, useConsoleStore } from '../../src/renderer/stores/console-store.js';
import { forgetPendingWork, initialKioskState, useKioskStore } from '../../src/renderer/stores/kiosk-store.js';
import { initialSetupState, useSetupStore } from '../../src/renderer/stores/setup-store.js';

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
