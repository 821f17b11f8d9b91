/**
 * The saved store's storage over the extension API (the one file of lib/sync that touches it): storage.local,
 * storage.sync when the browser offers it and it answers, word of sync changes, real timers, a random node id.
 */
import { browser } from 'wxt/browser';
import type { SavedStorage, Scheduler, StorageArea } from './storage-area';
import { isSyncItemKey } from './sync-items';

type BrowserArea = { get(keys?: string[] | null): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void>; remove(keys: string[]): Promise<void> };

const wrap = (area: BrowserArea): StorageArea => ({
  get: (keys) => area.get(keys),
  set: (items) => area.set(items),
  remove: (keys) => area.remove(keys),
});

/**
 * storage.local, and storage.sync if it exists and answers a read (Firefox with sync turned off by policy throws;
 * then the library is local only and says so).
 */
export async function openBrowserStorage(): Promise<SavedStorage> {
  const local = wrap(browser.storage.local as unknown as BrowserArea);
  const syncArea = (browser.storage as { sync?: unknown }).sync as BrowserArea | undefined;
  if (!syncArea) return { local, syncOffReason: 'no storage.sync' };
  try {
    await syncArea.get(['settings']);
  } catch (error) {
    return { local, syncOffReason: error instanceof Error ? error.message : String(error) };
  }
  return { local, sync: wrap(syncArea) };
}

/** Calls `onChange` when saved-reference items in storage.sync change; returns the function that stops. */
export function watchSyncItems(onChange: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'sync' && Object.keys(changes).some(isSyncItemKey)) onChange();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

export const realScheduler: Scheduler = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** A new browser's node id: 8 random characters [0-9a-z]. */
export function randomNode(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return [...bytes].map((b) => (b % 36).toString(36)).join('');
}
