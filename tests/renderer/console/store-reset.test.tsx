import { describe, expect, it } from 'vitest';
import type { StoreApi } from 'zustand';
import { resetAllStores } from '../../../src/renderer/lib/store-reset.js';
import { announceLocked } from '../../../src/renderer/lib/console-events.js';

// Every store in the renderer, found by file name, so a store added later is covered without a line here.
const modules = import.meta.glob('../../../src/renderer/**/*-store.ts', { eager: true }) as Record<string, Record<string, unknown>>;

type AnyStore = StoreApi<Record<string, unknown>>;

function storesIn(): Array<{ name: string; store: AnyStore }> {
  const found: Array<{ name: string; store: AnyStore }> = [];
  for (const [file, exports] of Object.entries(modules)) {
    for (const [name, value] of Object.entries(exports)) {
      if (name.startsWith('use') && typeof value === 'function' && 'getState' in value && 'setState' in value) {
        found.push({ name: `${name} (${file.replace(/^.*src\/renderer\//, '')})`, store: value as unknown as AnyStore });
      }
    }
  }
  return found;
}

/** A store's data, without its actions (and without React list keys: a fresh blank row gets a new one). */
function dataOf(store: AnyStore): Record<string, unknown> {
  const data = Object.fromEntries(Object.entries(store.getState()).filter(([, v]) => typeof v !== 'function'));
  return JSON.parse(JSON.stringify(data, (k, v: unknown) => (k === 'key' ? undefined : v))) as Record<string, unknown>;
}

/** Writes something into every data field, as a test (or a visitor) would leave behind. */
function dirty(store: AnyStore): void {
  store.setState(Object.fromEntries(Object.keys(dataOf(store)).map((key) => [key, 'left behind by the last test'])));
}

describe('the renderer stores', () => {
  const stores = storesIn();

  it('are all found (the console, kiosk, custody, safeguarding, staff, operations and admin stores)', () => {
    expect(stores.length).toBeGreaterThanOrEqual(25);
  });

  it('all go back to their first state from one place between component tests', () => {
    const first = new Map(stores.map(({ name, store }) => [name, dataOf(store)]));
    for (const { store } of stores) dirty(store);
    resetAllStores();
    for (const { name, store } of stores) expect({ name, data: dataOf(store) }).toEqual({ name, data: first.get(name) });
  });

  it('that hold what staff saw forget it when the console locks; the kiosk and the app status stay', async () => {
    const first = new Map(stores.map(({ name, store }) => [name, dataOf(store)]));
    for (const { store } of stores) dirty(store);
    await announceLocked();
    const kept = stores.filter(({ name, store }) => JSON.stringify(dataOf(store)) !== JSON.stringify(first.get(name))).map(({ name }) => name.split(' ')[0]);
    // The kiosk (and its staff path) belongs to the person in front of it, the app's status and first-run
    // setup to no staff session, and the session store locks itself (it is the one that announces).
    expect(kept.sort()).toEqual(['useAppStore', 'useKioskStaffStore', 'useKioskStore', 'useSessionStore', 'useSetupStore']);
    resetAllStores();
  });
});
