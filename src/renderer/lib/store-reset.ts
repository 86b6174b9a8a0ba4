import type { StoreApi } from 'zustand';
import { onConsoleLocked } from './console-events.js';

// Every store's way back to its first state, so component tests start each test from one place.
const resets: Array<() => void> = [];

/** Registers how `store` goes back to its first state (`first` makes a fresh copy each time). */
export function resettable<T>(store: StoreApi<T>, first: () => Partial<T>): void {
  resets.push(() => store.setState(first()));
}

/** What staff saw is for the unlocked console only: the store empties itself when the console locks. */
export function forgetWhenLocked<T>(store: StoreApi<T>, first: () => Partial<T>): void {
  resettable(store, first);
  onConsoleLocked(() => store.setState(first()));
}

/** Puts every store back to its first state: component tests call this between tests. */
export function resetAllStores(): void {
  for (const reset of resets) reset();
}
